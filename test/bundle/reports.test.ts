/** School reports through their form, into the indicators sheet (preset amur). */
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { COORDINATOR, Harness, SCHOOLS, sheetValues, startHarness, SUBJECTS } from './harness';

interface FormInfo { formId: string }

const FIELDS = {
  teachers_total: 'Всего педагогических работников',
  teachers_diagnosed_regional: 'Педагогов, участвовавших в диагностике профессиональных дефицитов на региональном уровне',
  teachers_experts: 'Педагогов, вовлечённых в экспертную деятельность (эксперт, член жюри, конкурсной комиссии)',
  teachers_in_competitions: 'Педагогов, принявших участие в конкурсах профессионального мастерства',
  teachers_in_young_projects: 'Педагогов, участвующих в проектах поддержки молодых педагогов',
  teachers_in_network: 'Педагогов, включённых в сетевое взаимодействие (методические объединения, профессиональные сообщества)',
  staff_rates_schedule: 'Ставок педагогических работников по штату',
  staff_rates_filled: 'Из них занятых ставок',
  teachers_profile_education: 'Педагогов с образованием, соответствующим профилю преподаваемого предмета',
};

function setUp(): { h: Harness; formId: string } {
  const h = startHarness();
  const saved = h.call<{ ok: boolean }>('saveSettings', {
    districtName: 'Амурский район', presetId: 'amur', schools: SCHOOLS, subjects: SUBJECTS, coordinators: [COORDINATOR], lang: 'ru',
  });
  expect(saved.ok).toBe(true);
  const { formId } = h.call<FormInfo>('createSurveyForm', 'school_report');
  return { h, formId };
}

function file(h: Harness, formId: string, school: string, period: string, counts: Partial<Record<keyof typeof FIELDS, number>>, options: { wait?: boolean } = {}) {
  const base = { teachers_total: 40, teachers_diagnosed_regional: 30, teachers_experts: 5, teachers_in_competitions: 8, teachers_in_young_projects: 3, teachers_in_network: 20, staff_rates_schedule: 45, staff_rates_filled: 44, teachers_profile_education: 38 };
  const answers: Record<string, string> = { 'Образовательная организация': school, 'Отчётный период': period };
  for (const [id, value] of Object.entries({ ...base, ...counts })) answers[FIELDS[id as keyof typeof FIELDS]] = String(value);
  const submitted = h.emulator.forms.submit(formId, answers);
  // The filing marks the indicators due; the next hourly run computes them.
  if (options.wait !== false) h.emulator.clock.advance(HOUR);
  return submitted;
}

const HOUR = 3_600_000;

/** The overall row of an indicator for a period label, as [numerator, denominator, value]. */
function overall(h: Harness, id: string, period = '2026/27 уч. год'): unknown[] | undefined {
  const row = sheetValues(h, 'Показатели').find((r) => r[1] === id && r[0] === period && r[4] === 'Муниципалитет в целом');
  return row && [row[6], row[7], row[8]];
}

function statuses(h: Harness): string[] {
  return sheetValues(h, 'Отчёты школ').slice(1).map((r) => `${r[3]} ${r[4]} ${r[6]}`);
}

describe('school reports', () => {
  test('the form asks exactly the preset’s fields, whole numbers ≥ 0, for recent periods', () => {
    const { h, formId } = setUp();
    const form = h.emulator.forms.describe(formId);
    expect(form.published).toBe(true);
    const period = form.items.find((item) => item.title === 'Отчётный период');
    expect(period?.choices?.map((c) => c.value)).toEqual(['2026/27 уч. год', '2025/26 уч. год', '2024/25 уч. год']);
    const counts = form.items.filter((item) => item.type === 'TEXT' && item.required);
    expect(counts.map((item) => item.title)).toEqual(Object.values(FIELDS));
    const total = counts[0];
    expect(total.validation?.kind).toBe('MATCHES');
    expect(() => file(h, formId, SCHOOLS[0], '2026/27 уч. год', { teachers_total: -1 })).toThrow();
    expect(() => file(h, formId, SCHOOLS[0], '2026/27 уч. год', { teachers_total: 2.5 })).toThrow();
    // Staff rates may be fractional (24,5 ставки), never negative.
    const rates = counts.find((item) => item.title === FIELDS.staff_rates_schedule);
    expect(rates?.validation).toMatchObject({ kind: 'NUMBER_GTE', args: [0] });
  });

  test('a filed report lands in the indicators sheet; an inconsistent one is logged and excluded; re-filing replaces', () => {
    const { h, formId } = setUp();
    file(h, formId, SCHOOLS[0], '2026/27 уч. год', {});
    expect(overall(h, 'deficits.diagnosed_regional_share')).toEqual([30, 40, 75]);

    // 50 diagnosed of 40 teachers: rejected with both numbers named, kept out.
    file(h, formId, SCHOOLS[1], '2026/27 уч. год', { teachers_diagnosed_regional: 50 });
    const log = sheetValues(h, 'Журнал').slice(1);
    expect(log.map((r) => r[4])).toEqual(['reportRejected']);
    expect(String(log[0][3])).toContain('(50) больше, чем «Всего педагогических работников» (40)');
    expect(overall(h, 'deficits.diagnosed_regional_share')).toEqual([30, 40, 75]);
    expect(statuses(h)).toContain(`2026/27 ${SCHOOLS[1]} отклонён`);

    // The school files a corrected report: it replaces the rejected one.
    file(h, formId, SCHOOLS[1], '2026/27 уч. год', { teachers_diagnosed_regional: 20 });
    expect(overall(h, 'deficits.diagnosed_regional_share')).toEqual([50, 80, 62.5]);
    expect(statuses(h)).toEqual(expect.arrayContaining([`2026/27 ${SCHOOLS[1]} принят`, `2026/27 ${SCHOOLS[1]} заменён более поздним`]));

    // A school re-filing an accepted report replaces it too.
    const refiled = file(h, formId, SCHOOLS[0], '2026/27 уч. год', { teachers_diagnosed_regional: 32 });
    expect(overall(h, 'deficits.diagnosed_regional_share')).toEqual([52, 80, 65]);
    expect(statuses(h)).toContain(`2026/27 ${SCHOOLS[2]} нет отчёта`);

    // A repeated event of the last filing changes nothing but the log.
    const before = sheetValues(h, 'Показатели');
    h.emulator.forms.fireFormSubmit(h.emulator.spreadsheet.getId(), refiled.event!);
    expect(sheetValues(h, 'Показатели')).toEqual(before);
    expect(sheetValues(h, 'Журнал').slice(-1)[0][4]).toBe('duplicateEvent');
  });

  test('a filing is checked on arrival and marks the indicators due: the trigger reads no scores, the next hourly run computes them', () => {
    const { h, formId } = setUp();
    file(h, formId, SCHOOLS[0], '2026/27 уч. год', {});
    const counter = h.emulator.counter;
    const before = { calls: counter.total(), read: counter.cellsRead };
    const filed = file(h, formId, SCHOOLS[1], '2026/27 уч. год', { teachers_diagnosed_regional: 50 }, { wait: false });
    expect(counter.cellsRead - before.read).toBeLessThan(200);
    expect(counter.total() - before.calls).toBeLessThanOrEqual(25);
    // Checked and logged at once, but not yet in the indicators.
    expect(sheetValues(h, 'Журнал').slice(1).map((r) => r[4])).toEqual(['reportRejected']);
    expect(statuses(h)).not.toContain(`2026/27 ${SCHOOLS[1]} отклонён`);
    // A repeat before the hourly run is known as one.
    h.emulator.forms.fireFormSubmit(h.emulator.spreadsheet.getId(), filed.event!);
    expect(sheetValues(h, 'Журнал').slice(1).map((r) => r[4])).toEqual(['reportRejected', 'duplicateEvent']);
    h.emulator.clock.advance(HOUR);
    expect(statuses(h)).toContain(`2026/27 ${SCHOOLS[1]} отклонён`);
    expect(overall(h, 'deficits.diagnosed_regional_share')).toEqual([30, 40, 75]);
    // Nothing due any more: the next hour reads no sheet.
    const idle = counter.cellsRead;
    h.emulator.clock.advance(HOUR);
    expect(counter.cellsRead).toBe(idle);
  });

  test('the change against the previous period, like for like, with the coverage beside it', () => {
    const { h, formId } = setUp();
    file(h, formId, SCHOOLS[0], '2025/26 уч. год', { teachers_diagnosed_regional: 20 });
    file(h, formId, SCHOOLS[0], '2026/27 уч. год', { teachers_diagnosed_regional: 30 });
    file(h, formId, SCHOOLS[1], '2026/27 уч. год', { teachers_total: 10, teachers_diagnosed_regional: 10, teachers_experts: 1, teachers_in_competitions: 1, teachers_in_young_projects: 1, teachers_in_network: 1, teachers_profile_education: 9 });
    const row = sheetValues(h, 'Показатели').find((r) => r[1] === 'deficits.diagnosed_regional_share' && r[0] === '2026/27 уч. год' && r[4] === 'Муниципалитет в целом');
    // Now (30 + 10)/(40 + 10) = 80 %, 2 of the settings' schools, 50 teachers. Only the first
    // school reported both years: 20/40 = 50 % then 30/40 = 75 %, +25 points over 1 school
    // (not 80 − 50 = 30).
    expect(row?.slice(8, 15)).toEqual([80, `2 из ${SCHOOLS.length}`, 50, '2025/26 уч. год', 50, 25, 1]);
  });

  test('the indicators sheet and the reports sheet are coordinators-only', () => {
    const { h, formId } = setUp();
    file(h, formId, SCHOOLS[0], '2026/27 уч. год', {});
    for (const name of ['Показатели', 'Отчёты школ', 'Данные муниципалитета']) {
      const sheet = h.emulator.spreadsheet.getSheetByName(name)!;
      expect(() => h.emulator.asUser('director@school.example', () => sheet.getRange('A2').setValue('x'))).toThrow(/protected/);
    }
  });
});

describe('reading for the indicators', () => {
  /** Calls of one refresh after `teachers` Boyko responses and one report per school. */
  function refreshCalls(teachers: number): Record<string, number> {
    const { h, formId } = setUp();
    const boyko = h.call<FormInfo>('createSurveyForm', 'boyko');
    const form = h.emulator.forms.describe(boyko.formId);
    const random = seededRandom(teachers);
    for (let i = 0; i < teachers; i++) h.emulator.forms.submit(boyko.formId, answerForm(form, random));
    for (const school of SCHOOLS) file(h, formId, school, '2026/27 уч. год', {});
    const before = h.emulator.counter.snapshot();
    h.call('refreshIndicators');
    return h.emulator.counter.since(before);
  }

  test('one read per sheet, whatever the number of rows', () => {
    const small = refreshCalls(5);
    const large = refreshCalls(300);
    expect(large).toEqual(small);
    // Read once each: settings, registry and the report responses through a range; district
    // data, Boyko scores, and the indicators and reports sheets (compared before they are
    // written) straight down to their last row.
    expect(small['Range.getValues']).toBe(3);
    expect(small['Sheet.getSheetValues']).toBe(4);
    // The report responses' timestamps: as the sheet shows them, one read for the column.
    expect(small['Range.getDisplayValues']).toBe(1);
    expect(small['Range.getValue'] ?? 0).toBe(0);
  });
});
