import { FIELDS, fieldById } from '../../../src/core/indicators/fields';
import { renderMessage } from '../../../src/core/text/message';
import { indicatorById, indicatorFields } from '../../../src/core/indicators/catalog';
import { computeIndicators } from '../../../src/core/indicators/compute';
import { PRESETS, presetById } from '../../../src/core/presets';
import {
  acceptDistrictReports,
  acceptSchoolReports,
  districtReportFields,
  latestReports,
  parseFieldValue,
  schoolReportFields,
  SchoolReportRow,
  subjectReportFields,
  validateSchoolReport,
} from '../../../src/core/reports/school-report';

const amur = presetById('amur')!;
const krymsk = presetById('krymsk')!;
const ids = (fields: { id: string }[]) => fields.map((f) => f.id);

describe('the fields a preset asks', () => {
  test('Amur asks exactly what its nine indicators read', () => {
    expect(ids(schoolReportFields(amur))).toEqual([
      'teachers_total',
      'teachers_diagnosed_regional',
      'teachers_experts',
      'teachers_in_competitions',
      'teachers_in_young_projects',
      'teachers_in_network',
      'staff_rates_schedule',
      'staff_rates_filled',
      'teachers_profile_education',
    ]);
    // Its district facts: the young teacher projects and the district associations.
    expect(ids(districtReportFields(amur))).toEqual(['d_young_support_projects', 'd_methodical_associations']);
    expect(ids(subjectReportFields(amur))).toEqual(['teachers_total', 'teachers_diagnosed_regional']);
  });

  test.each(PRESETS.map((p) => [p.id, p] as const))('%s: the form asks exactly the fields its indicators read', (_id, preset) => {
    const asked = new Set([...ids(schoolReportFields(preset)), ...ids(districtReportFields(preset))]);
    const read = new Set(preset.indicators.flatMap((id) => indicatorFields(indicatorById(id)!)));
    expect([...asked].sort()).toEqual([...read].sort());
  });

  test.each([
    ['kbr', ['teachers_with_deficits', 'teachers_experts']],
    ['krasnodar', ['teachers_with_deficits', 'teachers_experts']],
    // Verkhnekamsk counts its experts («Количество педагогов, вовлеченных в экспертную деятельность»).
    ['verkhnekamsk', ['teachers_with_deficits']],
  ])('%s does not ask for %s, which none of its indicators read', (id, unread) => {
    const asked = ids(schoolReportFields(presetById(id as string)!));
    for (const field of unread) expect(asked).not.toContain(field);
  });

  test('a part whose whole is not asked is checked against the nearest whole that is', () => {
    // KBR asks routes built on deficits and teachers diagnosed, not teachers with deficits:
    // routes (12) above diagnosed (10) is still caught, and GIA experts against all teachers.
    const kbr = schoolReportFields(presetById('kbr')!);
    const values = Object.fromEntries(kbr.map((f) => [f.id, 0]));
    const bad = validateSchoolReport(kbr, { ...values, teachers_total: 20, teachers_diagnosed: 10, teachers_route_deficits: 12 });
    expect(bad.ok).toBe(false);
    const gia = validateSchoolReport(kbr, { ...values, teachers_total: 20, teachers_gia_experts: 21 });
    expect(gia.ok).toBe(false);
    expect(validateSchoolReport(kbr, { ...values, teachers_total: 20, teachers_diagnosed: 10, teachers_route_deficits: 10, teachers_gia_experts: 20 }).ok).toBe(true);
  });

  test('every field is unique, and every whole exists at the same level', () => {
    expect(new Set(ids([...FIELDS])).size).toBe(FIELDS.length);
    for (const field of FIELDS) {
      if (field.partOf) expect(fieldById(field.partOf)?.level).toBe(field.level);
    }
  });
});

describe('reading one answer', () => {
  const count = fieldById('teachers_total')!;
  const amount = fieldById('staff_rates_schedule')!;
  const yesno = fieldById('has_mentoring_regulation')!;

  test('counts are whole numbers ≥ 0, with spaces as thousands separators', () => {
    expect(parseFieldValue(count, 12)).toEqual({ ok: true, value: 12 });
    expect(parseFieldValue(count, ' 1 200 ')).toEqual({ ok: true, value: 1200 });
    expect(parseFieldValue(count, '')).toEqual({ ok: true, value: null });
    for (const bad of ['12,5', '-1', 'abc', 12.5, -3, '1e3']) expect(parseFieldValue(count, bad).ok).toBe(false);
  });

  test('amounts may have decimals, with a comma or a point', () => {
    expect(parseFieldValue(amount, '24,5')).toEqual({ ok: true, value: 24.5 });
    expect(parseFieldValue(amount, 24.25)).toEqual({ ok: true, value: 24.25 });
    expect(parseFieldValue(amount, '-1').ok).toBe(false);
  });

  test('yes/no in Russian and English', () => {
    expect(parseFieldValue(yesno, 'Да')).toEqual({ ok: true, value: 1 });
    expect(parseFieldValue(yesno, 'no')).toEqual({ ok: true, value: 0 });
    expect(parseFieldValue(yesno, true)).toEqual({ ok: true, value: 1 });
    expect(parseFieldValue(yesno, 'может быть').ok).toBe(false);
  });
});

describe('validateSchoolReport', () => {
  const fields = schoolReportFields(krymsk);
  const good: Record<string, string | number> = {
    teachers_total: 40, teachers_diagnosed: 30, teachers_with_deficits: 12, teachers_route_deficits: 9,
    teachers_route_growth: 6, teachers_route_activities: 10, teachers_retrained: 5, teachers_retrained_pedagogical: 4,
    teachers_experts: 8, teachers_experts_regional: 3, expert_achievements: 7, young_specialists: 4,
    young_specialists_with_route: 2, has_mentoring_regulation: 'да', implements_target_mentoring_model: 'да',
    teachers_in_network: 20, network_creative_works: 5, staff_headcount: 60,
    staff_rates_schedule: 45.5, staff_rates_need: 47, vacancies: 1, teachers_average_age: 44, has_hr_strategy: 'да',
    teachers_level_technological: 20, teachers_level_social: 18, teachers_level_problem_solving: 15, project_participants: 50,
    vacancies_teachers: 1, vacancies_specialists: 0, vacancies_management: 0,
  };

  test('a complete, consistent report passes', () => {
    const check = validateSchoolReport(fields, good);
    expect(check.errors.map((e) => renderMessage(e, 'ru'))).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.values.has_hr_strategy).toBe(1);
  });

  test('a part above its whole names both fields and both values', () => {
    const check = validateSchoolReport(fields, { ...good, teachers_with_deficits: 31 });
    expect(check.ok).toBe(false);
    const texts = check.errors.map((e) => renderMessage(e, 'ru'));
    expect(texts).toContain(
      '«Из них педагогов, у которых выявлены профессиональные дефициты» (31) больше, чем «Педагогов, прошедших диагностику профессиональных дефицитов» (30).',
    );
    expect(check.errors.map((e) => renderMessage(e, 'en'))).toContain(
      '"Of them, teachers with deficits found" (31) exceeds "Teachers who took part in professional deficits diagnostics" (30).',
    );
  });

  test('a chain of parts is checked link by link', () => {
    // routes (13) > deficits (12), while deficits ≤ diagnosed ≤ total still hold.
    const texts = validateSchoolReport(fields, { ...good, teachers_route_deficits: 13 }).errors.map((e) => renderMessage(e, 'en'));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/\(13\) exceeds "Of them, teachers with deficits found" \(12\)/);
  });

  test('rules over several fields: deficits + growth routes ≤ diagnosed; route activities ≤ routes', () => {
    // deficits 12 + growth 19 = 31 > 30 diagnosed; activities 30 > routes 9 + 19 = 28.
    const texts = validateSchoolReport(fields, { ...good, teachers_route_growth: 19, teachers_route_activities: 30 }).errors.map(
      (e) => renderMessage(e, 'en'),
    );
    expect(texts).toEqual([
      '"Of them, teachers with deficits found" + "Teachers with a professional growth route (no deficits found)" (31) exceeds "Teachers who took part in professional deficits diagnostics" (30).',
      '"Teachers who took part in route activities addressing deficits" (30) exceeds "Teachers with an individual route built on the deficits diagnostics" + "Teachers with a professional growth route (no deficits found)" (28).',
    ]);
  });

  test('teachers are employees: teachers in total ≤ headcount', () => {
    expect(validateSchoolReport(fields, { ...good, staff_headcount: 39 }).ok).toBe(false);
  });

  test('every problem is said at once; a field with a bad value is not also compared', () => {
    const check = validateSchoolReport(fields, { ...good, teachers_total: 'сорок', vacancies: '', teachers_average_age: '-5' });
    expect(check.errors.map((e) => renderMessage(e, 'ru'))).toEqual([
      '«Всего педагогических работников» (teachers_total): «сорок» — нужно целое число не меньше 0.',
      '«Вакантных должностей педагогических и руководящих работников» (vacancies): не заполнено.',
      '«Средний возраст педагогических работников, лет» (teachers_average_age): «-5» — нужно число не меньше 0.',
    ]);
  });
});

describe('filings', () => {
  const values = { teachers_total: 10, teachers_diagnosed: 5 };
  const row = (n: number, school: string, period: string, extra: Partial<SchoolReportRow> = {}): SchoolReportRow => ({
    row: n,
    school,
    period,
    values,
    ...extra,
  });

  test('a re-filing for the same period replaces the earlier one; spelling of the school does not matter', () => {
    const rows = [
      row(2, 'Школа № 1', '2026/27'),
      row(3, 'Школа № 1', '2025/26'),
      row(4, ' школа  № 1 ', '2026/2027', { values: { teachers_total: 12, teachers_diagnosed: 6 } }),
    ];
    const { latest, superseded } = latestReports(rows);
    expect(latest.map((r) => r.row)).toEqual([3, 4]);
    expect(superseded.map((r) => r.row)).toEqual([2]);
  });

  test('with timestamps, the later filing wins whatever the order of rows', () => {
    const rows = [
      row(2, 'Школа № 1', '2026/27', { submittedAt: '2026-10-05T10:00:00' }),
      row(3, 'Школа № 1', '2026/27', { submittedAt: '2026-10-01T10:00:00' }),
    ];
    expect(latestReports(rows).latest.map((r) => r.row)).toEqual([2]);
  });

  test('an inconsistent report is rejected with its reasons and kept out until corrected', () => {
    const { accepted, rejected, superseded } = acceptSchoolReports(amur, [
      row(2, 'Школа № 1', '2026/27', { values: { ...fullAmur, teachers_diagnosed_regional: 50 } }),
      row(3, 'Школа № 2', '2026/27', { values: fullAmur }),
    ]);
    expect(accepted.map((r) => r.school)).toEqual(['Школа № 2']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ row: 2, school: 'Школа № 1', period: '2026/27' });
    expect(renderMessage(rejected[0].reasons[0], 'ru')).toBe(
      '«Педагогов, участвовавших в диагностике профессиональных дефицитов на региональном уровне» (50) больше, чем «Всего педагогических работников» (40).',
    );
    expect(superseded).toEqual([]);
    const result = computeIndicators({ preset: amur, reports: accepted, schools: ['Школа № 1', 'Школа № 2'] });
    expect(result.missingReports).toEqual(['Школа № 1']);
    // The rejected numbers are nowhere in the indicator: 20 of 40 from Школа № 2 alone.
    const overall = result.values.find((v) => v.id === 'deficits.diagnosed_regional_share' && v.scope.kind === 'overall');
    expect([overall?.numerator, overall?.denominator]).toEqual([20, 40]);
  });

  test('a corrected re-filing replaces the rejected one', () => {
    const { accepted, rejected, superseded } = acceptSchoolReports(amur, [
      row(2, 'Школа № 1', '2026/27', { values: { ...fullAmur, teachers_diagnosed_regional: 50 } }),
      row(3, 'Школа № 1', '2026/27', { values: fullAmur }),
    ]);
    expect(rejected).toEqual([]);
    expect(accepted.map((r) => r.row)).toEqual([3]);
    expect(superseded).toEqual([{ row: 2, school: 'Школа № 1', period: '2026/27', subject: null, replacedBy: 3 }]);
  });

  test('school, period and subject rows are checked too', () => {
    const { rejected } = acceptSchoolReports(
      amur,
      [
        row(2, '', '2026/27', { values: fullAmur }),
        row(3, 'Школа № 1', 'осень', { values: fullAmur }),
        row(4, 'Школа № 9', '2026/27', { values: fullAmur }),
        row(5, 'Школа № 1', '2026/27', { subject: 'Физика', values: { teachers_total: 3, teachers_diagnosed_regional: 4 } }),
      ],
      { schools: ['Школа № 1'] },
    );
    expect(rejected.map((r) => [r.row, renderMessage(r.reasons[0], 'ru')])).toEqual([
      [2, 'Не указана образовательная организация.'],
      [3, 'Отчётный период «осень» не распознан: нужен месяц (2026-11), квартал (2026-Q4) или учебный год (2026/27).'],
      [4, 'Образовательной организации «Школа № 9» нет в списке школ.'],
      [5, '«Педагогов, участвовавших в диагностике профессиональных дефицитов на региональном уровне» (4) больше, чем «Всего педагогических работников» (3).'],
    ]);
  });

  test('district reports: blanks allowed, wrong values and broken parts are not', () => {
    const kbr = presetById('kbr')!;
    const { accepted, rejected } = acceptDistrictReports(kbr, [
      { row: 2, period: '2026/27', values: { d_dpo_programmes: 10 } },
      { row: 3, period: '2025/26', values: { d_dpo_programmes: 10, d_dpo_programmes_elearning: 11 } },
      { row: 4, period: '2024/25', values: { d_dpo_programmes: 'много' } },
    ]);
    expect(accepted).toEqual([{ row: 2, period: '2026/27', values: { d_dpo_programmes: 10 } }]);
    expect(rejected.map((r) => r.row)).toEqual([3, 4]);
  });
});

const fullAmur = {
  teachers_total: 40,
  teachers_diagnosed_regional: 20,
  teachers_experts: 4,
  teachers_in_competitions: 2,
  teachers_in_young_projects: 3,
  teachers_in_network: 10,
  staff_rates_schedule: 30,
  staff_rates_filled: 29,
  teachers_profile_education: 38,
};
