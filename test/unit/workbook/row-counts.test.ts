import fc from 'fast-check';
import { countFormula, countRowsToWrite, countsFromRows } from '../../../src/core/workbook/row-counts';

/** The sheet name a formula's quoted reference stands for, read back as Sheets reads it. */
function referencedName(formula: string): string | null {
  const match = /^=COUNTA\('((?:[^']|'')*)'!A:A\)$/.exec(formula);
  return match ? match[1].replace(/''/g, "'") : null;
}

describe('row counts', () => {
  test('any sheet name, apostrophes, quotes, "!" and formulas in it, is referenced as itself and cannot end the reference', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 60 }), (name) => {
      expect(referencedName(countFormula(name))).toBe(name);
    }), { numRuns: 500 });
    expect(countFormula(`O'Brien !'A:A) =IMPORTXML("x")`)).toBe(`=COUNTA('O''Brien !''A:A) =IMPORTXML("x")'!A:A)`);
  });

  test('rows to write: the id, then the formula; a sheet that is gone counts 0 filled cells', () => {
    expect(countRowsToWrite([{ id: 7, name: 'Ответы' }, { id: 9, name: null }])).toEqual([[7, "=COUNTA('Ответы'!A:A)"], [9, 0]]);
  });

  test('counts are the filled cells less the header, only when every row names its sheet in order and holds a count', () => {
    expect(countsFromRows([[7, 12], [9, 1], [4, 0]], [7, 9, 4])).toEqual([11, 0, 0]);
    expect(countsFromRows([], [])).toEqual([]);
    // Another sheet, another order, a row missing or extra, an error, text, a fraction.
    expect(countsFromRows([[9, 1], [7, 12]], [7, 9])).toBeNull();
    expect(countsFromRows([[7, 12]], [7, 9])).toBeNull();
    expect(countsFromRows([[7, 12], [9, 1], [4, 3]], [7, 9])).toBeNull();
    for (const bad of ['#REF!', '12', '', 2.5, -1, null]) expect(countsFromRows([[7, bad]], [7])).toBeNull();
    expect(countsFromRows([['7', 12]], [7])).toBeNull();
  });
});
