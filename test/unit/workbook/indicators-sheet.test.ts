import { IndicatorsResult } from '../../../src/core/indicators/compute';
import { indicatorRows, reportStatusRows } from '../../../src/core/workbook/indicators-sheet';

const RESULT: IndicatorsResult = {
  preset: 'amur', periodKind: 'school_year', periods: ['2025/26', '2026/27'], currentPeriod: '2026/27', privacyThreshold: 5,
  values: [
    { id: 'deficits.diagnosed_share', scope: { kind: 'overall' }, period: '2026/27', numerator: 30, denominator: 40, value: 75, coverage: { schools: 3, of: 6, teachers: 40 }, change: { previousPeriod: '2025/26', previous: 50, sameSchoolsNow: 75, sameSchoolsBefore: 50, delta: 25, schools: 2 } },
    { id: 'burnout.formed_any_share', scope: { kind: 'school', key: 'Школа № 2' }, period: '2026/27', numerator: null, denominator: null, value: null, suppressed: true, coverage: { schools: 1, of: 6, teachers: 12 } },
  ],
  missingReports: ['Школа № 3'],
  responseRates: [{ instrument: 'boyko', period: '2026/27', scope: { kind: 'overall' }, respondents: 12, teachers: 40, rate: 30 }],
};

describe('indicators sheet rows', () => {
  const rows = indicatorRows(RESULT, 'ru');

  test('a value with its numerator, denominator and change', () => {
    expect(rows[0]).toEqual([
      '2026/27 уч. год', 'deficits.diagnosed_share', expect.stringContaining('диагностику'), '%', 'Муниципалитет в целом', '',
      30, 40, 75, '3 из 6', 40, '2025/26 уч. год', 50, 25, 2, '',
    ]);
  });

  test('a suppressed group shows no number, only why', () => {
    expect(rows[1].slice(4)).toEqual(['Школа', 'Школа № 2', '', '', '', '1 из 6', 12, '', '', '', '', 'скрыто: меньше 5 респондентов']);
  });

  test('a mean shows what it is taken over, not the sum of scores or ages behind it', () => {
    const means = indicatorRows({
      ...RESULT,
      values: [
        { id: 'mentoring.satisfaction_mentees', scope: { kind: 'overall' }, period: '2026/27', numerator: 1234, denominator: 17, value: 72.6, coverage: { schools: 3, of: 6, teachers: 40, respondents: 17 } },
        { id: 'staffing.average_age', scope: { kind: 'overall' }, period: '2026/27', numerator: 18400, denominator: 400, value: 46, coverage: { schools: 3, of: 6, teachers: 400 } },
      ],
      responseRates: [],
    }, 'ru');
    expect(means.map((row) => [row[6], row[7], row[8], row[15]])).toEqual([
      ['', 17, 72.6, 'среднее: знаменатель — число ответивших'],
      ['', 400, 46, 'среднее: знаменатель — число педагогов по отчётам школ'],
    ]);
  });

  test('response rates follow the indicators', () => {
    expect(rows[2].slice(0, 2)).toEqual(['2026/27 уч. год', 'response_rate.boyko']);
    expect(rows[2].slice(6, 9)).toEqual([12, 40, 30]);
  });

  test('the reports sheet keys each filing and lists the schools without a report', () => {
    const status = reportStatusRows(
      { accepted: [{ school: 'Школа № 1', period: '2026/27', subject: null, values: {}, row: 0 }], rejected: [], superseded: [] },
      [{ key: 's1r2', sheet: 'Ответы', row: 2 }], RESULT.missingReports, RESULT.currentPeriod, 'en',
    );
    expect(status).toEqual([
      ['s1r2', 'Ответы', 2, '2026/27', 'Школа № 1', '', 'accepted', ''],
      ['', '', '', '2026/27', 'Школа № 3', '', 'no report', ''],
    ]);
  });
});
