import {
  comparePeriods,
  formatPeriod,
  isoDateOf,
  monthsOf,
  nextPeriod,
  parsePeriod,
  periodContains,
  periodOf,
  periodWithin,
  previousPeriod,
  recentPeriods,
} from '../../src/core/periods';

describe('parsePeriod', () => {
  test('months, quarters and school years with their first and last days', () => {
    expect(parsePeriod('2026-11')).toEqual({ id: '2026-11', kind: 'month', start: '2026-11-01', end: '2026-11-30' });
    expect(parsePeriod('2028-02')?.end).toBe('2028-02-29'); // leap year
    expect(parsePeriod('2026-Q4')).toEqual({ id: '2026-Q4', kind: 'quarter', start: '2026-10-01', end: '2026-12-31' });
    expect(parsePeriod('2026/27')).toEqual({ id: '2026/27', kind: 'school_year', start: '2026-09-01', end: '2027-08-31' });
  });

  test('the spellings people type normalise to the canonical id', () => {
    expect(parsePeriod('2026-q1')?.id).toBe('2026-Q1');
    expect(parsePeriod('2026-К2')?.id).toBe('2026-Q2'); // Cyrillic К
    expect(parsePeriod('2026/2027')?.id).toBe('2026/27');
    expect(parsePeriod(' 2026-27 ')?.id).toBe('2026/27'); // not month 27
    expect(parsePeriod('2099/00')?.id).toBe('2099/00');
  });

  test('anything else is not a period', () => {
    for (const text of ['', '2026', '2026-13', '2026-00', '2026-Q5', '2026/28', '2026/2026', 'ноябрь 2026']) {
      expect(parsePeriod(text)).toBeNull();
    }
  });
});

describe('arithmetic of periods', () => {
  test('previous and next cross year boundaries', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(nextPeriod('2026-Q4')).toBe('2027-Q1');
    expect(previousPeriod('2026/27')).toBe('2025/26');
    expect(nextPeriod('2099/00')).toBe('2100/01');
  });

  test('the period of a date: a school year runs September to August', () => {
    expect(periodOf('2026-08-31', 'school_year')).toBe('2025/26');
    expect(periodOf('2026-09-01', 'school_year')).toBe('2026/27');
    expect(periodOf('2026-11-05T10:00:00', 'quarter')).toBe('2026-Q4');
    expect(periodOf('2026-03-31', 'month')).toBe('2026-03');
    expect(() => periodOf('05.11.2026', 'month')).toThrow();
  });

  test('contains, within, order and months', () => {
    expect(periodContains('2026/27', '2027-08-31')).toBe(true);
    expect(periodContains('2026/27', '2027-09-01')).toBe(false);
    expect(periodContains('2026-Q4', 'not a date')).toBe(false);
    expect(periodWithin('2026-11', '2026/27')).toBe(true);
    expect(periodWithin('2026-Q3', '2026/27')).toBe(false); // July–September straddles two school years
    expect(periodWithin('2026/27', '2026/27')).toBe(true);
    expect(['2026/27', '2026-09', '2025-Q4'].sort(comparePeriods)).toEqual(['2025-Q4', '2026-09', '2026/27']);
    expect(monthsOf('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf('2026/27')).toHaveLength(12);
  });

  test('recent periods for a report form, newest first', () => {
    expect(recentPeriods('school_year', '2026-10-01', 3)).toEqual(['2026/27', '2025/26', '2024/25']);
    expect(recentPeriods('quarter', '2026-02-10', 2)).toEqual(['2026-Q1', '2025-Q4']);
  });

  test('ISO dates are checked, date-times give their date', () => {
    expect(isoDateOf('2026-02-29')).toBeNull();
    expect(isoDateOf('2026-11-23T09:05:00+03:00')).toBe('2026-11-23');
  });

  test('labels in both languages', () => {
    expect(formatPeriod('2026-11', 'ru')).toBe('ноябрь 2026');
    expect(formatPeriod('2026-Q4', 'ru')).toBe('4 кв. 2026');
    expect(formatPeriod('2026/27', 'ru')).toBe('2026/27 уч. год');
    expect(formatPeriod('2026-Q4', 'en')).toBe('Q4 2026');
  });
});
