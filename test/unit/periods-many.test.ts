import fc from 'fast-check';
import { periodOf, periodsOf, PeriodKind } from '../../src/core/periods';

const KINDS: PeriodKind[] = ['month', 'quarter', 'school_year'];

describe('periodsOf: periodOf for many dates', () => {
  it('gives what periodOf gives for any date, asked once or many times', () => {
    fc.assert(fc.property(
      fc.constantFrom(...KINDS),
      fc.array(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), { minLength: 1, maxLength: 40 }),
      (kind, dates) => {
        const of = periodsOf(kind);
        const texts = dates.map((date) => date.toISOString().slice(0, 10));
        for (const text of [...texts, ...texts]) expect(of(text)).toBe(periodOf(text, kind));
      },
    ));
  });

  it('gives null for what is not a date, where periodOf throws, and remembers nothing wrong', () => {
    const of = periodsOf('quarter');
    for (const text of ['', '2026-13-01', '2026-02-30', 'вчера', '=IMPORTXML("x")']) {
      expect(of(text)).toBeNull();
      expect(() => periodOf(text, 'quarter')).toThrow();
    }
    expect(of('2026-02-28')).toBe(periodOf('2026-02-28', 'quarter'));
  });
});
