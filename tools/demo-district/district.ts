/**
 * The built-in demo district: a monitoring workbook set up, its forms created and
 * answered by synthetic teachers, all through the bundle's own global functions in the
 * emulator, as on Apps Script. The demo, the preview and the benchmark start from it.
 */
import { createEmulator, Emulator } from '../emulator';
import { loadBundle, LoadedBundle } from '../emulator/bundle';
import { fileDemoReports } from './district-reports';
import { fillDemoRegisters } from './district-rubric';
import { answerForm, seededRandom } from './respondents';

export const DEMO_COORDINATOR = 'coordinator@demo-district.example';
export const DEMO_METHODIST = 'methodist@demo-district.example';
export const DEMO_INSTRUMENTS = ['boyko', 'mentoring', 'network', 'deficits'] as const;
export const DEMO_PRESET = 'krymsk';
const SUBJECTS = ['Математика', 'Русский язык', 'Литература', 'История', 'Физика', 'Биология', 'Английский язык', 'Начальные классы'];

export interface DemoOptions {
  teachers: number;
  schools: number;
  seed: number;
  /** The schools' names, `schools` of them (default: МБОУ СОШ № 1, …); tests pass hostile ones. */
  schoolNames?: readonly string[];
  /** A preset id (PRESET_IDS); krymsk by default. */
  preset?: string;
  buildDir?: string;
}

export interface DemoDistrict {
  emulator: Emulator;
  bundle: LoadedBundle;
  /** Service calls per operation, by "Service.method". */
  calls: Record<string, Record<string, number>>;
  forms: Record<string, { formId: string }>;
}

export function schoolNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => (i % 4 === 3 ? `МБОУ Гимназия № ${i + 1}` : `МБОУ СОШ № ${i + 1}`));
}

/** One instrument's responses arrive within this span, however many teachers answer. */
const CAMPAIGN_MS = 14 * 24 * 3_600_000;
/** The mean gap between two responses drawn below (1 to 90 minutes). */
const MEAN_GAP_MS = 45.5 * 60_000;

/**
 * How much to shorten the gaps between responses so a campaign fits CAMPAIGN_MS: 1 for a
 * district of up to ~440 teachers. Without it 10,000 teachers would answer over years of
 * emulated time, and the hourly and daily jobs would run thousands of times over it.
 */
export function campaignPace(teachers: number): number {
  return Math.min(1, CAMPAIGN_MS / (Math.max(1, teachers) * MEAN_GAP_MS));
}

/**
 * The demo's spreadsheet before anything is set up: the bundle loaded, no settings, no
 * forms — what a coordinator meets on first opening the add-on in a new spreadsheet.
 */
export function emptyWorkbook(buildDir?: string): DemoDistrict {
  const emulator = createEmulator({ user: DEMO_COORDINATOR, now: '2026-11-02T08:30:00+03:00', spreadsheetName: 'Мониторинг профразвития — Демо-район' });
  return { emulator, bundle: loadBundle(emulator, buildDir), calls: {}, forms: {} };
}

export function buildDemoDistrict(options: DemoOptions): DemoDistrict {
  const { emulator, bundle } = emptyWorkbook(options.buildDir);
  const random = seededRandom(options.seed);
  const calls: DemoDistrict['calls'] = {};
  const measured = <T>(operation: string, fn: () => T): T => {
    const before = emulator.counter.snapshot();
    const result = fn();
    calls[operation] = emulator.counter.since(before);
    return result;
  };

  const preset = options.preset ?? DEMO_PRESET;
  const schools = options.schoolNames ? [...options.schoolNames] : schoolNames(options.schools);
  const saved = measured('saveSettings', () => bundle.call('saveSettings', {
    districtName: 'Демо-район', presetId: preset, schools, subjects: SUBJECTS,
    coordinators: [DEMO_COORDINATOR, DEMO_METHODIST], privacyThreshold: 5, lang: 'ru',
  })) as { ok: boolean; errors?: string[] };
  if (!saved.ok) throw new Error(`demo settings refused: ${saved.errors?.join(' ')}`);

  const forms: DemoDistrict['forms'] = {};
  for (const instrument of DEMO_INSTRUMENTS) {
    forms[instrument] = measured(`createSurveyForm:${instrument}`, () => bundle.call('createSurveyForm', instrument)) as { formId: string };
  }

  const ssId = emulator.spreadsheet.getId();
  const pace = campaignPace(options.teachers);
  for (const instrument of DEMO_INSTRUMENTS) {
    const { formId } = forms[instrument];
    const before = emulator.counter.snapshot();
    let submissions = 0;
    for (let i = 0; i < options.teachers; i++) {
      if (instrument === 'boyko' && i === Math.floor(options.teachers * 0.8)) editBoykoForm(emulator, bundle, formId);
      emulator.clock.advance(Math.floor(Math.floor(random() * 90 + 1) * 60_000 * pace));
      const description = emulator.forms.describe(formId);
      const role = random() < 0.7 ? 'mentee' : 'mentor';
      const { event } = emulator.forms.submit(formId, answerForm(description, random, { role }));
      submissions++;
      // Apps Script sometimes delivers one submission twice, or fires with no answers.
      if (random() < 0.08) emulator.forms.fireFormSubmit(ssId, event!);
      if (random() < 0.05) emulator.forms.fireFormSubmit(ssId, emulator.forms.phantomEvent(ssId));
    }
    const spent = emulator.counter.since(before);
    calls[`submissions:${instrument}`] = Object.fromEntries(Object.entries(spent).map(([key, n]) => [key, Number((n / Math.max(1, submissions)).toFixed(2))]));
  }
  forms.school_report = measured('schoolReports', () => fileDemoReports(emulator, bundle, random, preset, schools, SUBJECTS));
  measured('refreshIndicators', () => bundle.call('refreshIndicators'));
  measured('updateRubric', () => fillDemoRegisters(emulator, bundle));
  return { emulator, bundle, calls, forms };
}

/**
 * A coordinator edits the Boyko form after answers have come in — rewords item 5, adds a
 * comment box, deletes item 84 — and relinks: later answers stay mapped, the missing
 * item makes them incomplete, the extra answers are logged.
 */
function editBoykoForm(emulator: Emulator, bundle: LoadedBundle, formId: string): void {
  const FormApp = emulator.globals.FormApp as GoogleAppsScript.Forms.FormApp;
  const form = FormApp.openById(formId);
  const items = form.getItems();
  items.find((item) => item.getTitle().startsWith('5. '))?.setTitle('5. Я чувствую, что к концу рабочей недели у меня не остаётся сил');
  const last = items.find((item) => item.getTitle().startsWith('84. '));
  if (last) form.deleteItem(last);
  form.addParagraphTextItem().setTitle('Комментарий (необязательно)');
  bundle.call('relinkSurveyForms');
}
