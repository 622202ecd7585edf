/**
 * School report filings keep their identity when a raw row is deleted: rows shift up and
 * the next filing takes a freed row number, so a filing's key must not be its row.
 */
import { COORDINATOR, Harness, SCHOOLS, sheetValues, startHarness, SUBJECTS } from './harness';

const PERIOD = '2026/27 уч. год';
const COUNTS: Record<string, number> = {
  'Всего педагогических работников': 40,
  'Педагогов, участвовавших в диагностике профессиональных дефицитов на региональном уровне': 30,
  'Педагогов, вовлечённых в экспертную деятельность (эксперт, член жюри, конкурсной комиссии)': 5,
  'Педагогов, принявших участие в конкурсах профессионального мастерства': 8,
  'Педагогов, участвующих в проектах поддержки молодых педагогов': 3,
  'Педагогов, включённых в сетевое взаимодействие (методические объединения, профессиональные сообщества)': 20,
  'Ставок педагогических работников по штату': 45,
  'Из них занятых ставок': 44,
  'Педагогов с образованием, соответствующим профилю преподаваемого предмета': 38,
};

function setUp(): { h: Harness; formId: string; sheetName: string } {
  const h = startHarness();
  const saved = h.call<{ ok: boolean }>('saveSettings', {
    districtName: 'Амурский район', presetId: 'amur', schools: SCHOOLS, subjects: SUBJECTS, coordinators: [COORDINATOR], lang: 'ru',
  });
  expect(saved.ok).toBe(true);
  const { formId, responseSheetName } = h.call<{ formId: string; responseSheetName: string }>('createSurveyForm', 'school_report');
  return { h, formId, sheetName: responseSheetName };
}

function file(h: Harness, formId: string, school: string, diagnosed: number) {
  h.emulator.clock.tick(1000);
  const answers: Record<string, string> = { 'Образовательная организация': school, 'Отчётный период': PERIOD };
  for (const [title, value] of Object.entries(COUNTS)) answers[title] = String(value);
  answers['Педагогов, участвовавших в диагностике профессиональных дефицитов на региональном уровне'] = String(diagnosed);
  const submitted = h.emulator.forms.submit(formId, answers);
  // The filing marks the indicators due; the next hourly run computes them.
  h.emulator.clock.advance(3_600_000);
  return submitted;
}

const statuses = (h: Harness) => sheetValues(h, 'Отчёты школ').slice(1).map((r) => `${r[4]}: ${r[6]}`);
const codes = (h: Harness) => sheetValues(h, 'Журнал').slice(1).map((r) => String(r[4]));
const diagnosedShare = (h: Harness) => sheetValues(h, 'Показатели')
  .find((r) => r[1] === 'deficits.diagnosed_regional_share' && r[0] === PERIOD && r[4] === 'Муниципалитет в целом')?.slice(6, 9);

test('a filing that lands on the row a deleted one freed is taken, not logged as a repeat', () => {
  const { h, formId, sheetName } = setUp();
  file(h, formId, SCHOOLS[0], 10);
  file(h, formId, SCHOOLS[1], 20);
  // The coordinator deletes the first school's filing; the second moves up to row 2.
  h.emulator.spreadsheet.getSheetByName(sheetName)!.deleteRow(2);
  // The third school's filing lands on row 3, the number the second filing had.
  const third = file(h, formId, SCHOOLS[2], 30);
  expect(third.row).toBe(3);
  expect(codes(h)).not.toContain('duplicateEvent');
  expect(statuses(h)).toEqual(expect.arrayContaining([`${SCHOOLS[1]}: принят`, `${SCHOOLS[2]}: принят`]));
  expect(diagnosedShare(h)).toEqual([50, 80, 62.5]);
  // Its repeated event is still a repeat, and changes nothing.
  const before = sheetValues(h, 'Показатели');
  h.emulator.forms.fireFormSubmit(h.emulator.spreadsheet.getId(), third.event!);
  expect(codes(h)).toEqual(['duplicateEvent']);
  expect(sheetValues(h, 'Показатели')).toEqual(before);
});

test('a filing cleared by hand and a new one on the next row: the new one counts, the cleared one does not', () => {
  const { h, formId, sheetName } = setUp();
  file(h, formId, SCHOOLS[0], 10);
  const sheet = h.emulator.spreadsheet.getSheetByName(sheetName)!;
  sheet.getRange(2, 1, 1, sheet.getLastColumn()).clearContent();
  file(h, formId, SCHOOLS[1], 20);
  expect(codes(h)).not.toContain('duplicateEvent');
  expect(statuses(h)).toContain(`${SCHOOLS[1]}: принят`);
  expect(diagnosedShare(h)).toEqual([20, 40, 50]);
});

test('a filing that arrives while the settings sheet is damaged: no failed trigger, a log line, counted once the settings are fixed', () => {
  const { h, formId } = setUp();
  const settings = h.emulator.spreadsheet.getSheetByName('Настройки')!;
  const row = settings.getDataRange().getValues().findIndex((r) => r[0] === 'coordinators') + 1;
  const address = settings.getRange(row, 3).getValue();
  settings.getRange(row, 3).setValue('не адрес');
  h.emulator.clock.tick(1000);
  const answers: Record<string, string> = { 'Образовательная организация': SCHOOLS[0], 'Отчётный период': PERIOD };
  for (const [title, value] of Object.entries(COUNTS)) answers[title] = String(value);
  const { triggerErrors } = h.emulator.forms.submit(formId, answers, { tolerateTriggerErrors: true });
  expect(triggerErrors).toEqual([]);
  const waiting = sheetValues(h, 'Журнал').slice(1).find((r) => r[4] === 'reportWaitsForSettings');
  expect(String(waiting?.[3])).toMatch(/^Отчёт школы сохранён на листе ответов, но не проверен: лист настроек не читается\..*не адрес/);
  settings.getRange(row, 3).setValue(address);
  h.emulator.clock.advance(24 * 3600_000);
  expect(statuses(h)).toContain(`${SCHOOLS[0]}: принят`);
  expect(diagnosedShare(h)).toEqual([30, 40, 75]);
});
