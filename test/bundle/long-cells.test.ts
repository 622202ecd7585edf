/**
 * A cell holds at most 50,000 characters and a longer write fails the whole call. Text
 * the add-on copies into its log, its registry and its reports sheet can be longer (a
 * school name typed into an edited form, a question reworded at length): it is cut with
 * a marker saying so, and nothing stops.
 */
import { COORDINATOR, Harness, SCHOOLS, sheetValues, startHarness, SUBJECTS, setUpWorkbook } from './harness';

type FormApp = GoogleAppsScript.Forms.FormApp;
const LIMIT = 50_000;
const HOSTILE = `<img src=x onerror=alert(1)>=IMPORTXML("x")${'Ш'.repeat(60_000)}`;
const PERIOD = '2026/27 уч. год';
const SCHOOL = 'Образовательная организация';

/** The longest text in a sheet, as stored. */
const longest = (h: Harness, name: string) => Math.max(...sheetValues(h, name).flat().map((cell) => String(cell).length));

test('a school report naming a 60,000-character school: logged, listed and computed, each text cut with a marker', () => {
  const h = startHarness();
  expect(h.call<{ ok: boolean }>('saveSettings', {
    districtName: 'Амурский район', presetId: 'amur', schools: SCHOOLS, subjects: SUBJECTS, coordinators: [COORDINATOR], lang: 'ru',
  }).ok).toBe(true);
  const { formId } = h.call<{ formId: string }>('createSurveyForm', 'school_report');
  // A coordinator turns the school question into free text: anything can be typed now.
  const form = (h.emulator.globals.FormApp as FormApp).openById(formId);
  form.deleteItem(form.getItems().find((item) => item.getTitle() === SCHOOL)!);
  form.addTextItem().setTitle(SCHOOL).setRequired(true);
  const answers: Record<string, string> = { [SCHOOL]: HOSTILE, 'Отчётный период': PERIOD };
  for (const item of h.emulator.forms.describe(formId).items) {
    if (item.type === 'TEXT' && item.title !== SCHOOL && item.required) answers[item.title] = '5';
  }
  const { triggerErrors } = h.emulator.forms.submit(formId, answers, { tolerateTriggerErrors: true });
  expect(triggerErrors).toEqual([]);

  const rejected = sheetValues(h, 'Журнал').slice(1).find((row) => row[4] === 'reportRejected')!;
  const message = String(rejected[3]);
  expect(message.length).toBeLessThanOrEqual(LIMIT - 1);
  expect(message.startsWith(`Отчёт школы «<img src=x onerror=alert(1)>=IMPORTXML("x")ШШШ`)).toBe(true);
  expect(message).toMatch(/ … \[обрезано, ещё \d+ символов\]$/);
  // The reports sheet is written when the indicators are next computed.
  h.emulator.clock.advance(3600_000);
  const listed = sheetValues(h, 'Отчёты школ').slice(1).find((row) => String(row[4]).startsWith('<img'))!;
  expect(String(listed[4])).toMatch(/ … \[обрезано, ещё \d+ символов\]$/);
  expect(longest(h, 'Отчёты школ')).toBeLessThanOrEqual(LIMIT - 1);
  // The raw sheet keeps the answer whole: Google wrote it, and the add-on never writes there.
  const raw = sheetValues(h, h.emulator.spreadsheet.getSheets().find((s) => s.getFormUrl())!.getName());
  expect(raw[1]).toContain(HOSTILE);
  // Indicators are still computed, and the next daily run goes through as well.
  expect(sheetValues(h, 'Показатели').length).toBeGreaterThan(1);
  h.emulator.clock.advance(24 * 3600_000);
  expect(sheetValues(h, 'Журнал').slice(1).map((row) => row[4])).not.toContain('scheduledRunFailed');
});

test('a question reworded to 60,000 characters: relinking and recalculating go through, the registry cell cut and the log saying so', () => {
  const h = setUpWorkbook();
  const { formId, responseSheetName } = h.call<{ formId: string; responseSheetName: string }>('createSurveyForm', 'network');
  const form = (h.emulator.globals.FormApp as FormApp).openById(formId);
  const questions = form.getItems().filter((item) => item.getType() === (h.emulator.globals.FormApp as FormApp).ItemType.MULTIPLE_CHOICE);
  questions[1].setTitle(HOSTILE);
  expect(() => h.call('relinkSurveyForms')).not.toThrow();
  expect(() => h.call('recalculateAll')).not.toThrow();
  expect(longest(h, 'Реестр форм')).toBeLessThanOrEqual(LIMIT - 1);
  // The registry row still reads: the form stays registered, its sheet scored.
  expect(h.call<Array<{ formId: string }>>('listSurveyForms').map((record) => record.formId)).toEqual([formId]);
  const codes = sheetValues(h, 'Журнал').slice(1).map((row) => String(row[4]));
  expect(codes).toContain('registryTitlesCut');
  expect(codes).not.toContain('unreadableRegistry');
  expect(longest(h, 'Журнал')).toBeLessThanOrEqual(LIMIT - 1);
  expect(sheetValues(h, responseSheetName)[0]).toContain(HOSTILE);
});
