import fc from 'fast-check';
import { Runtime } from '../../tools/emulator/kernel';
import { createSpreadsheetService } from '../../tools/emulator/spreadsheet';

/**
 * Range.createTextFinder searches the cells in place rather than copying the range; these
 * pin what it finds against the plain reading of the documented behaviour: the range's
 * display values, row by row, left to right.
 */
function setup(locale = 'ru_RU') {
  const runtime = new Runtime({ user: 'coordinator@district.example', locale });
  const { store } = createSpreadsheetService(runtime, () => ({}));
  const sheet = store.create('Finder').getSheets()[0];
  return { runtime, sheet };
}

type Cell = string | number | boolean | Date;

/** What the finder should give: the A1 notations of the matches after each findNext, then findAll's. */
function expected(display: string[][], text: string, matchCase: boolean, entire: boolean, startRow: number, startCol: number): string[] {
  const needle = matchCase ? text : text.toLowerCase();
  const out: string[] = [];
  display.forEach((line, i) => line.forEach((cell, j) => {
    const hay = matchCase ? cell : cell.toLowerCase();
    if (entire ? hay === needle : needle !== '' && hay.includes(needle)) {
      out.push(`${String.fromCharCode(64 + startCol + j)}${startRow + i}`);
    }
  }));
  return out;
}

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom('', 'Да', 'да', 'ДА', 'Key-1', 'key-1', 'İ', 'i̇', 'abc', 'x'),
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(0.5, 2.5),
  fc.boolean(),
  fc.constantFrom(new Date('2026-11-02T08:30:00Z'), new Date('2027-01-15T21:00:00Z')),
);

describe('TextFinder', () => {
  test('findNext walks the matches in order, then findAll gives them all; case and whole-cell options hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('да', 'Да', 'key-1', 'KEY', 'i', '1', '0,5', 'истина', 'TRUE', '2026', ''),
        fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }),
        (grid, text, matchCase, entire, startRow, startCol) => {
          const { sheet } = setup();
          const width = Math.max(...grid.map((line) => line.length));
          const values = grid.map((line) => Array.from({ length: width }, (_, j) => line[j] ?? ''));
          // One more row and column than written: empty cells of the range are searched too.
          sheet.getRange(startRow, startCol, values.length, width).setValues(values);
          const range = sheet.getRange(startRow, startCol, values.length + 1, width + 1);
          const want = expected(range.getDisplayValues(), text, matchCase, entire, startRow, startCol);
          const finder = range.createTextFinder(text).matchCase(matchCase).matchEntireCell(entire);
          const walked: string[] = [];
          for (let found = finder.findNext(); found; found = finder.findNext()) walked.push(found.getA1Notation());
          expect(walked).toEqual(want);
          expect(finder.findNext()).toBeNull();
          expect(finder.findAll().map((r) => r.getA1Notation())).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a whole column is searched past its last row without reading beyond the sheet; each call is counted once', () => {
    const { runtime, sheet } = setup();
    sheet.getRange(1, 1, 3, 1).setValues([['key'], ['s1t2h3'], ['s1t2h4']]);
    const before = runtime.counter.snapshot();
    expect(sheet.getRange('A:A').createTextFinder('S1T2H4').matchEntireCell(true).findNext()?.getA1Notation()).toBe('A3');
    expect(sheet.getRange('A:A').createTextFinder('s1t2h5').matchEntireCell(true).findNext()).toBeNull();
    expect(runtime.counter.since(before)).toEqual({
      'Sheet.getRange': 2, 'Range.createTextFinder': 2, 'TextFinder.matchEntireCell': 2, 'TextFinder.findNext': 2, 'Range.getA1Notation': 1,
    });
  });
});
