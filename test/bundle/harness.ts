/** Shared set-up of bundle tests: an emulator with build/Code.js loaded and a demo workbook. */
import { createEmulator, Emulator, EmulatorOptions } from '../../tools/emulator';
import { loadBundle, LoadedBundle } from '../../tools/emulator/bundle';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';

export const COORDINATOR = 'coordinator@district.example';
export const SECOND_COORDINATOR = 'methodist@district.example';
export const TEACHER = 'teacher@school.example';

export const SCHOOLS = ['МБОУ СОШ № 1', 'МБОУ СОШ № 2', 'МБОУ Гимназия № 3'];
export const SUBJECTS = ['Математика', 'Русский язык', 'История', 'Физика'];

export interface Harness {
  emulator: Emulator;
  bundle: LoadedBundle;
  call<T = unknown>(name: string, ...args: unknown[]): T;
}

export function startHarness(options: EmulatorOptions = {}): Harness {
  const emulator = createEmulator({ user: COORDINATOR, ...options });
  const bundle = loadBundle(emulator);
  return { emulator, bundle, call: <T>(name: string, ...args: unknown[]) => bundle.call(name, ...args) as T };
}

export const SETTINGS = {
  districtName: 'Крымский район',
  presetId: 'krymsk',
  schools: SCHOOLS,
  subjects: SUBJECTS,
  coordinators: [COORDINATOR, SECOND_COORDINATOR],
  privacyThreshold: 5,
  lang: 'ru',
};

/** A harness whose workbook is set up with SETTINGS. */
export function setUpWorkbook(options: EmulatorOptions = {}): Harness {
  const harness = startHarness(options);
  const result = harness.call<{ ok: boolean; errors?: string[] }>('saveSettings', SETTINGS);
  if (!result.ok) throw new Error(`setup failed: ${result.errors?.join(' ')}`);
  return harness;
}

/** Values of a sheet by name, as stored (copies). */
export function sheetValues(harness: Harness, name: string): unknown[][] {
  const sheet = harness.emulator.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet "${name}"`);
  return sheet.getDataRange().getValues();
}

/**
 * A workbook with a Boyko form and `n` responses a second apart; `submit` adds one more
 * (with `tolerateTriggerErrors`, a response whose trigger fails is kept, as Forms keeps it).
 */
export function withResponses(n: number, seed = 1): { h: Harness; formId: string; sheetName: string; submit: (options?: { tolerateTriggerErrors?: boolean }) => void } {
  const h = setUpWorkbook();
  const { formId, responseSheetName } = h.call<{ formId: string; responseSheetName: string }>('createSurveyForm', 'boyko');
  const random = seededRandom(seed);
  const submit = (options: { tolerateTriggerErrors?: boolean } = {}) => {
    h.emulator.clock.tick(1000);
    h.emulator.forms.submit(formId, answerForm(h.emulator.forms.describe(formId), random), options);
  };
  for (let i = 0; i < n; i++) submit();
  return { h, formId, sheetName: responseSheetName, submit };
}
