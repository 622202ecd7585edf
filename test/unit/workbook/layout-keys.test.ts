import fc from 'fast-check';
import { INSTRUMENT_IDS } from '../../../src/core/instruments';
import { REGISTERS } from '../../../src/core/rubric';
import { LayoutSheet, layoutKey, parseLayoutKey, scoresSheets, SingleSheetKey, WorkbookLayout } from '../../../src/core/workbook/sheets';

const SINGLE: SingleSheetKey[] = ['settings', 'registry', 'log', 'reports', 'indicators', 'district', 'rubric', 'mail', 'panels'];

const anySheet: fc.Arbitrary<LayoutSheet> = fc.oneof(
  fc.constantFrom(...SINGLE).map((kind): LayoutSheet => ({ kind })),
  fc.constantFrom(...INSTRUMENT_IDS).map((instrument): LayoutSheet => ({ kind: 'scores', instrument })),
  fc.constantFrom(...REGISTERS.map((r) => r.id)).map((register): LayoutSheet => ({ kind: 'register', register })),
);

describe('layout keys', () => {
  test('the stored form of existing workbooks is kept', () => {
    expect(layoutKey({ kind: 'log' })).toBe('log');
    expect(layoutKey({ kind: 'scores', instrument: 'boyko' })).toBe('scores:boyko');
    expect(layoutKey({ kind: 'register', register: 'measures' })).toBe('register:measures');
  });

  test('every sheet survives encoding and decoding', () => {
    fc.assert(fc.property(anySheet, (sheet) => {
      expect(parseLayoutKey(layoutKey(sheet))).toEqual(sheet);
    }));
  });

  test('any text decodes to nothing or to the sheet that encodes back to it', () => {
    const near = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom('scores', 'register', 'log', 'Scores', ''), fc.constantFrom(':', '::', ' :'), fc.string())
        .map(([a, b, c]) => a + b + c),
    );
    fc.assert(fc.property(near, (text) => {
      const sheet = parseLayoutKey(text);
      if (sheet) expect(layoutKey(sheet)).toBe(text);
    }));
    for (const bad of ['scores:', 'scores:unknown', 'scores:boyko:x', 'register:rubric', 'Log', 'school_report', '__proto__', 'toString']) {
      expect(parseLayoutKey(bad)).toBeNull();
    }
  });

  test('the scores sheets of a layout, in the order they were made, unknown keys left alone', () => {
    const layout = { lang: 'ru', sheets: { settings: 1, 'scores:network': 7, 'scores:future': 8, log: 3, 'scores:boyko': 5 } } as unknown as WorkbookLayout;
    expect(scoresSheets(layout)).toEqual([
      { key: 'scores:network', instrument: 'network' },
      { key: 'scores:boyko', instrument: 'boyko' },
    ]);
  });
});
