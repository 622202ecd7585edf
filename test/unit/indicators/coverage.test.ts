/**
 * Coverage behind every value and the like-for-like change, on a district of six schools
 * (the settings' list) worked by hand:
 *   2025/26: S1–S5 report;  2026/27: S1–S3 report, S6 is new, S4 and S5 have not reported.
 * Without like for like, a share moves because the set of schools moved.
 */
import fc from 'fast-check';
import { computeIndicators, IndicatorsResult } from '../../../src/core/indicators/compute';
import { SurveyScoreRow } from '../../../src/core/indicators/types';
import { presetById, Preset } from '../../../src/core/presets';
import { acceptSchoolReports, SchoolReportRow } from '../../../src/core/reports/school-report';

const SCHOOLS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];
const BEFORE = '2025/26';
const NOW = '2026/27';

const preset: Preset = {
  ...presetById('custom')!,
  indicators: ['deficits.diagnosed_share', 'mentoring.regulation_schools_share', 'staffing.vacancies', 'burnout.formed_any_share'],
};

let row = 1;
const report = (school: string, period: string, total: number, diagnosed: number, regulation: 'да' | 'нет', vacancies: number): SchoolReportRow => ({
  row: row++,
  school,
  period,
  values: { teachers_total: total, teachers_diagnosed: diagnosed, has_mentoring_regulation: regulation, vacancies },
});

const ROWS: SchoolReportRow[] = [
  report('S1', BEFORE, 20, 10, 'да', 1),
  report('S2', BEFORE, 10, 5, 'да', 0),
  report('S3', BEFORE, 10, 8, 'нет', 2),
  report('S4', BEFORE, 10, 2, 'да', 3),
  report('S5', BEFORE, 10, 0, 'нет', 4),
  report('S1', NOW, 20, 12, 'да', 0),
  report('S2', NOW, 10, 6, 'да', 1),
  report('S3', NOW, 10, 8, 'да', 2),
  report('S6', NOW, 10, 10, 'нет', 0),
];

function compute(rows: readonly SchoolReportRow[], scores: SurveyScoreRow[] = [], k = 3): IndicatorsResult {
  const accepted = acceptSchoolReports(preset, rows, { schools: SCHOOLS });
  expect(accepted.rejected).toEqual([]);
  return computeIndicators({ preset, reports: accepted.accepted, scores, schools: SCHOOLS, privacyThreshold: k });
}

const overall = (result: IndicatorsResult, id: string, period = NOW) =>
  result.values.find((v) => v.id === id && v.period === period && v.scope.kind === 'overall')!;

describe('coverage and like-for-like change', () => {
  const result = compute(ROWS);

  test('a share of teachers says how many schools and teachers it covers', () => {
    // Now: (12 + 6 + 8 + 10) / (20 + 10 + 10 + 10) = 36/50 = 72 %, 4 of the 6 schools.
    expect(overall(result, 'deficits.diagnosed_share')).toMatchObject({
      numerator: 36, denominator: 50, value: 72, coverage: { schools: 4, of: 6, teachers: 50 },
    });
    // Before: (10 + 5 + 8 + 2 + 0) / 60 = 41.7 %, 5 of 6.
    expect(overall(result, 'deficits.diagnosed_share', BEFORE)).toMatchObject({
      value: 41.7, coverage: { schools: 5, of: 6, teachers: 60 },
    });
  });

  test('the change compares the schools that reported both years, and says how many', () => {
    // Published values would say 72 − 41.7 = +30.3. Over S1–S3: (12+6+8)/40 = 65 % against
    // (10+5+8)/40 = 57.5 %: +7.5 over 3 schools.
    expect(overall(result, 'deficits.diagnosed_share').change).toEqual({
      previousPeriod: BEFORE, previous: 41.7, sameSchoolsNow: 65, sameSchoolsBefore: 57.5, delta: 7.5, schools: 3,
    });
  });

  test("a share of schools is over the district's schools, not the schools that reported", () => {
    // Now S1, S2, S3 have a regulation: 3 of 6 = 50 % (not 3 of the 4 reporting = 75 %).
    expect(overall(result, 'mentoring.regulation_schools_share')).toMatchObject({
      numerator: 3, denominator: 6, value: 50, coverage: { schools: 4, of: 6 },
    });
    // Like for like over S1–S3: 3/3 now, 2/3 before (S3 had none): +33.3.
    expect(overall(result, 'mentoring.regulation_schools_share').change).toMatchObject({
      sameSchoolsNow: 100, sameSchoolsBefore: 66.7, delta: 33.3, schools: 3,
    });
  });

  test('a count compares like for like too', () => {
    // Vacancies now 0+1+2+0 = 3, before 1+0+2+3+4 = 10; over S1–S3: 3 against 3, no change.
    expect(overall(result, 'staffing.vacancies')).toMatchObject({ value: 3, coverage: { schools: 4, of: 6, teachers: 50 } });
    expect(overall(result, 'staffing.vacancies').change).toMatchObject({ previous: 10, sameSchoolsNow: 3, sameSchoolsBefore: 3, delta: 0, schools: 3 });
  });

  test('a school of its own: coverage 1 of 6 and its own change', () => {
    const s3 = result.values.find((v) => v.id === 'deficits.diagnosed_share' && v.period === NOW && v.scope.kind === 'school' && v.scope.key === 'S3')!;
    expect(s3).toMatchObject({ value: 80, coverage: { schools: 1, of: 6, teachers: 10 }, change: { delta: 0, schools: 1 } });
    const s6 = result.values.find((v) => v.id === 'deficits.diagnosed_share' && v.period === NOW && v.scope.kind === 'school' && v.scope.key === 'S6')!;
    expect(s6.change).toMatchObject({ previous: null, delta: null, schools: 0 });
  });

  test('with no school in common there is no change', () => {
    const onlyNew = compute(ROWS.filter((r) => r.period === BEFORE ? r.school === 'S5' : r.school === 'S6'));
    expect(overall(onlyNew, 'deficits.diagnosed_share').change).toMatchObject({ previous: 0, delta: null, schools: 0 });
  });
});

describe('like for like on survey values keeps small groups hidden', () => {
  const boyko = (school: string, formed: boolean, date: string): SurveyScoreRow => ({
    instrument: 'boyko', school, subject: null, date, scores: { phase_formed_any: formed },
  });
  const before = [boyko('S1', true, '2025-11-01'), boyko('S1', false, '2025-11-01'), boyko('S1', false, '2025-11-01'),
    boyko('S2', false, '2025-11-01'), boyko('S2', false, '2025-11-01'), boyko('S2', false, '2025-11-01')];
  const s1Now = [boyko('S1', true, '2026-11-01'), boyko('S1', true, '2026-11-01'), boyko('S1', false, '2026-11-01')];

  test('three respondents left out may be compared without: S1 2/3 against 1/3', () => {
    const s3 = [boyko('S3', true, '2026-11-01'), boyko('S3', false, '2026-11-01'), boyko('S3', false, '2026-11-01')];
    const result = compute(ROWS, [...before, ...s1Now, ...s3]);
    // Now (2 + 1)/6 = 50 % over S1 and S3; like for like over S1: 66.7 against 33.3 = +33.3
    // (exact thirds, not the difference of two roundings).
    expect(overall(result, 'burnout.formed_any_share')).toMatchObject({ value: 50, coverage: { schools: 2, respondents: 6 } });
    expect(overall(result, 'burnout.formed_any_share').change).toMatchObject({
      previous: 16.7, sameSchoolsNow: 66.7, sameSchoolsBefore: 33.3, delta: 33.3, schools: 1,
    });
  });

  test('two respondents left out would be given back by the difference: no comparison', () => {
    const s3 = [boyko('S3', true, '2026-11-01'), boyko('S3', true, '2026-11-01')];
    const result = compute(ROWS, [...before, ...s1Now, ...s3]);
    // The overall (4/5) is shown; S1's 2/3 beside it would reveal S3's 2 of 2.
    expect(overall(result, 'burnout.formed_any_share')).toMatchObject({ value: 80 });
    expect(overall(result, 'burnout.formed_any_share').change).toMatchObject({ sameSchoolsNow: null, sameSchoolsBefore: null, delta: null, schools: 1 });
  });
});

test('property: coverage never exceeds the district, and the change is over schools present both years', () => {
  const period = fc.constantFrom(BEFORE, NOW);
  const filing = fc.record({
    school: fc.constantFrom(...SCHOOLS),
    period,
    total: fc.integer({ min: 0, max: 40 }),
    diagnosed: fc.integer({ min: 0, max: 40 }),
  }).map((f) => report(f.school, f.period, Math.max(f.total, f.diagnosed), Math.min(f.total, f.diagnosed), 'да', 0));
  fc.assert(
    fc.property(fc.array(filing, { maxLength: 14 }), (rows) => {
      const result = compute(rows);
      const reported = (p: string) => new Set(rows.filter((r) => r.period === p).map((r) => r.school));
      for (const value of result.values.filter((v) => v.scope.kind === 'overall' && v.id === 'deficits.diagnosed_share')) {
        expect(value.coverage.of).toBe(6);
        expect(value.coverage.schools).toBe(reported(value.period).size);
        if (value.period === NOW) {
          const both = [...reported(NOW)].filter((s) => reported(BEFORE).has(s)).length;
          expect(value.change?.schools).toBe(both);
        }
      }
    }),
    { numRuns: 60 },
  );
});
