/**
 * The privacy threshold on survey-based indicators, and how reports and responses are
 * placed in periods.
 */
import { computeIndicators, IndicatorsResult } from '../../../src/core/indicators/compute';
import { SurveyScoreRow } from '../../../src/core/indicators/types';
import { presetById } from '../../../src/core/presets';
import { acceptSchoolReports, SchoolReportRow } from '../../../src/core/reports/school-report';

const krymsk = presetById('krymsk')!;

const boyko = (school: string, formed: boolean, date = '2026-11-10', subject = 'Математика'): SurveyScoreRow => ({
  instrument: 'boyko',
  school,
  subject,
  date,
  scores: { phase_formed_any: formed },
});

function value(result: IndicatorsResult, id: string, kind: string, key?: string) {
  return result.values.find((v) => v.id === id && v.scope.kind === kind && (kind === 'overall' || (v.scope.kind !== 'overall' && v.scope.key === key)));
}

describe('privacy threshold (default 5)', () => {
  // Школа A: 6 respondents, 3 formed; Школа B: 2 respondents, 2 formed; Школа C: 4 respondents, 0 formed.
  const rows = [
    ...[true, true, true, false, false, false].map((f) => boyko('A', f)),
    boyko('B', true),
    boyko('B', true),
    ...[false, false, false, false].map((f) => boyko('C', f)),
  ];
  const result = computeIndicators({ preset: krymsk, reports: [], scores: rows });

  test('the overall of 12 respondents is shown: (3 + 2 + 0) / 12 = 41.7 %', () => {
    expect(value(result, 'burnout.formed_any_share', 'overall')).toMatchObject({ numerator: 5, denominator: 12, value: 41.7 });
  });

  test('groups below 5 are suppressed with no numbers at all', () => {
    for (const school of ['B', 'C']) {
      const v = value(result, 'burnout.formed_any_share', 'school', school)!;
      expect(v).toMatchObject({ suppressed: true, numerator: null, denominator: null, value: null });
    }
  });

  test('A is shown: hiding B and C (2 + 4 = 6 ≥ 5) already protects them', () => {
    expect(value(result, 'burnout.formed_any_share', 'school', 'A')).toMatchObject({ numerator: 3, denominator: 6, value: 50 });
  });

  test('complementary suppression: one hidden school of 2 could be recovered from the overall, so the next smallest goes too', () => {
    const two = computeIndicators({
      preset: krymsk,
      reports: [],
      scores: [...Array.from({ length: 6 }, () => boyko('A', true)), ...Array.from({ length: 7 }, () => boyko('C', false)), boyko('B', true), boyko('B', false)],
    });
    expect(value(two, 'burnout.formed_any_share', 'school', 'B')?.suppressed).toBe(true);
    expect(value(two, 'burnout.formed_any_share', 'school', 'A')?.suppressed).toBe(true); // A (6) < C (7)
    expect(value(two, 'burnout.formed_any_share', 'school', 'C')).toMatchObject({ numerator: 0, denominator: 7 });
  });

  test('an overall below the threshold is suppressed too, and a suppressed value gives no change', () => {
    const few = computeIndicators({
      preset: krymsk,
      reports: [],
      scores: [boyko('A', true, '2025-11-01'), ...Array.from({ length: 5 }, () => boyko('A', true, '2025-11-02')), boyko('A', true), boyko('A', false)],
    });
    const now = few.values.find((v) => v.id === 'burnout.formed_any_share' && v.period === '2026/27' && v.scope.kind === 'overall')!;
    expect(now.suppressed).toBe(true);
    expect(now.change).toEqual({
      previousPeriod: '2025/26', previous: 100, sameSchoolsNow: null, sameSchoolsBefore: null, delta: null, schools: 0,
    });
  });

  test('a school is assessed for high burnout only with at least k respondents', () => {
    // Only A is assessed: 3 of 6 = 50 % → high.
    expect(value(result, 'burnout.high_schools_share', 'overall')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(value(result, 'burnout.high_schools_share', 'school', 'B')?.suppressed).toBe(true);
  });
});

describe('periods of reports and responses', () => {
  // Amur's periods with the share of all teachers diagnosed (Amur itself counts the regional diagnostics).
  const amur = { ...presetById('amur')!, indicators: ['deficits.diagnosed_share', 'expert.experts_share'] };
  const amurValues = (total: number, diagnosed: number) => ({
    teachers_total: total,
    teachers_diagnosed: diagnosed,
    teachers_experts: 0,
    teachers_in_competitions: 0,
    teachers_in_young_projects: 0,
    teachers_in_network: 0,
    staff_rates_schedule: 1,
    staff_rates_filled: 1,
    teachers_profile_education: 0,
  });
  const rows: SchoolReportRow[] = [
    { school: 'A', period: '2026-10', values: amurValues(40, 10) },
    { school: 'A', period: '2026-12', values: amurValues(40, 30) },
    { school: 'A', period: '2026-11', values: amurValues(40, 20) },
    { school: 'B', period: '2026-Q4', values: amurValues(10, 5) },
  ];
  const reports = acceptSchoolReports(amur, rows).accepted;

  test('a school-year view takes each school’s latest report within the year', () => {
    const result = computeIndicators({ preset: amur, reports });
    expect(result.periods).toEqual(['2026/27']);
    // A: December (30 of 40); B: Q4 (5 of 10) → 35/50.
    expect(value(result, 'deficits.diagnosed_share', 'overall')).toMatchObject({ numerator: 35, denominator: 50, value: 70 });
  });

  test('a monthly view uses the monthly reports; a quarterly report does not split into months', () => {
    const result = computeIndicators({ preset: amur, reports, periodKind: 'month' });
    expect(result.periods).toEqual(['2026-10', '2026-11', '2026-12']);
    const dec = result.values.find((v) => v.id === 'deficits.diagnosed_share' && v.period === '2026-12' && v.scope.kind === 'overall')!;
    // December has A only (30/40); November was 20/40: +25 points.
    expect(dec).toMatchObject({ numerator: 30, denominator: 40, value: 75, change: { previousPeriod: '2026-11', previous: 50, delta: 25 } });
  });

  test('a quarterly view: Q4 holds A (December) and B', () => {
    const result = computeIndicators({ preset: amur, reports, periodKind: 'quarter' });
    expect(result.periods).toEqual(['2026-Q4']);
    expect(value(result, 'deficits.diagnosed_share', 'overall')).toMatchObject({ numerator: 35, denominator: 50 });
  });

  test('responses count in the period of their date; a response without a readable date in none', () => {
    const result = computeIndicators({
      preset: krymsk,
      reports: [],
      privacyThreshold: 2,
      scores: [boyko('A', true, '2026-08-31'), boyko('A', false, '2026-08-30'), boyko('A', true, '2026-09-01'), boyko('A', true, '2026-09-02'), boyko('A', true, 'вчера')],
    });
    expect(result.periods).toEqual(['2025/26', '2026/27']);
    const now = result.values.find((v) => v.id === 'burnout.formed_any_share' && v.period === '2026/27' && v.scope.kind === 'overall')!;
    expect(now).toMatchObject({ numerator: 2, denominator: 2, value: 100, change: { previous: 50, delta: 50 } });
  });
});
