import fc from 'fast-check';
import { Runtime } from '../../tools/emulator/kernel';
import { createSpreadsheetService, FORMULA_PLACEHOLDER } from '../../tools/emulator/spreadsheet';

/**
 * The one formula the emulator evaluates, `=COUNTA(<sheet>!X:X)`, read through every
 * reading method, following later edits, renames and deletions the way Sheets does.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Cell = string | number | boolean | Date;

const RESPONSES = 'Ответы на форму (1)';

function setup(locale?: string) {
  const runtime = new Runtime({ user: 'coordinator@district.example', locale });
  const { store } = createSpreadsheetService(runtime, () => ({}));
  const ss = store.create('PD Monitor');
  const counts = ss.insertSheet('Счёт').hideSheet();
  return { runtime, store, ss, counts };
}

/** A sheet name written the way that always parses: quoted, `''` for an apostrophe. */
const quoted = (name: string): string => `'${name.replace(/'/g, "''")}'`;
/** How Sheets writes a renamed sheet into a reference: bare only when a plain identifier. */
const asWritten = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : quoted(name));
const letters = (col: number): string => (col <= 26 ? '' : String.fromCharCode(64 + Math.floor((col - 1) / 26))) + String.fromCharCode(65 + ((col - 1) % 26));

/** Hostile sheet names: apostrophes, spaces, Cyrillic, `!`, brackets. */
const sheetName = fc
  .string({ unit: fc.constantFrom(...'Aa_z1 !\'()ЛистЁё-.'.split('')), minLength: 1, maxLength: 16 })
  .filter((n) => n.trim() !== '' && !['лист1', 'счёт'].includes(n.toLowerCase()));

/** What a cell may be written as; '' leaves it empty, everything else fills it. */
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(''),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.constant(new Date('2026-11-02T08:30:00Z')),
  fc.constantFrom('да', ' ', 'ЛОЖЬ', "'0", '=SUM(1;2)', '=', 'x y'),
);

describe('=COUNTA(<sheet>!X:X)', () => {
  it('reads as the count of non-empty cells of the column through every reading method', () => {
    const { ss, counts } = setup();
    const data = ss.insertSheet(RESPONSES);
    // Zero, FALSE, a date, whitespace and a formula cell all count; the empty A5 does not.
    data.getRange('A1:B7').setValues([
      ['Отметка времени', 'x'], [0, ''], [false, 'y'], [new Date('2026-11-02T08:30:00Z'), ''], ['', ''], ['=1+1', ''], [' ', ''],
    ]);
    counts.getRange(1, 1, 1, 1).setValues([[`=COUNTA(${quoted(RESPONSES)}!A:A)`]]);
    counts.getRange('A2').setFormula(`=counta( ${quoted(RESPONSES)}!b:b )`);
    counts.getRange('A3:A3').setFormulas([[`= CountA (${quoted(RESPONSES)}!$A:$A)`]]);
    counts.getRange('B1').setValue('=COUNTA(Лист1!C:C)');
    ss.getSheetByName('Лист1')?.getRange('C4').setValue('в');

    expect(counts.getRange('A1:B3').getValues()).toEqual([[6, 1], [2, ''], [6, '']]);
    expect(counts.getRange('A2').getValue()).toBe(2);
    expect(counts.getRange('A1:A3').getDisplayValues()).toEqual([['6'], ['2'], ['6']]);
    expect(counts.getRange('B1').getDisplayValue()).toBe('1');
    expect(counts.getSheetValues(1, 1, 3, 2)).toEqual([[6, 1], [2, ''], [6, '']]);
    expect(counts.getDataRange().getValues()).toEqual([[6, 1], [2, ''], [6, '']]);
    expect(counts.getRange('A1:B3').createTextFinder('2').matchEntireCell(true).findNext()?.getA1Notation()).toBe('A2');
    expect(counts.getRange('A1:B3').isBlank()).toBe(false);
    // The formulas read back as written.
    expect(counts.getRange('A1:A3').getFormulas()).toEqual([
      [`=COUNTA('${RESPONSES}'!A:A)`], [`=counta( '${RESPONSES}'!b:b )`], [`= CountA ('${RESPONSES}'!$A:$A)`],
    ]);
  });

  it('displays a count as a plain integer in Russian and English workbooks alike', () => {
    for (const locale of ['ru_RU', 'en_US']) {
      const { ss, counts } = setup(locale);
      const big = ss.insertSheet('Big').insertRowsAfter(1000, 234);
      big.getRange('A1:A1234').setValues(Array.from({ length: 1234 }, (_, i) => [`r${i}`]));
      counts.getRange('A1').setFormula('=COUNTA(Big!A:A)');
      expect(counts.getRange('A1').getValue()).toBe(1234);
      expect(counts.getRange('A1').getDisplayValue()).toBe('1234');
    }
  });

  it('follows every later change of the counted sheet: writes, appendRow, inserted and deleted rows, clearing', () => {
    const { ss, counts } = setup();
    const data = ss.insertSheet("It's a sheet!");
    data.getRange('A1:A3').setValues([['h'], ['a'], ['b']]);
    counts.getRange('A1').setFormula(`=COUNTA('It''s a sheet!'!A:A)`);
    const count = (): unknown => counts.getRange('A1').getValue();
    expect(count()).toBe(3);
    data.appendRow(['c', 'ignored column B']);
    expect(count()).toBe(4);
    data.insertRowsBefore(2, 3);
    expect(count()).toBe(4);
    data.getRange('A2').setValue(0);
    expect(count()).toBe(5);
    data.deleteRows(2, 4);
    expect(count()).toBe(3);
    data.getRange('A2').setValue('');
    expect(count()).toBe(2);
    data.getRange('A1:A2').clearContent();
    expect(count()).toBe(1);
    data.clear();
    expect(count()).toBe(0);
    data.appendRow(['again']);
    expect(count()).toBe(1);
  });

  it('counts any column of any hostile sheet name, however the cells were written (property)', () => {
    fc.assert(
      fc.property(
        sheetName, fc.integer({ min: 1, max: 30 }), fc.array(cell, { maxLength: 25 }), fc.array(cell, { maxLength: 4 }),
        fc.integer({ min: 1, max: 5 }), fc.constantFrom('COUNTA', 'counta', 'CountA'), fc.constantFrom('', ' ', '  '),
        fc.constantFrom<'setValues' | 'setFormula' | 'setFormulas'>('setValues', 'setFormula', 'setFormulas'),
        (name, col, column, appended, startRow, fn, space, how) => {
          const { ss, counts } = setup();
          const data = ss.insertSheet(name);
          if (col > data.getMaxColumns()) data.insertColumnsAfter(data.getMaxColumns(), col - data.getMaxColumns());
          if (column.length > 0) data.getRange(startRow, col, column.length, 1).setValues(column.map((v) => [v]));
          for (const v of appended) data.appendRow([...new Array<Cell>(col - 1).fill(''), v]);
          const formula = `=${fn}(${space}${quoted(name)}!${letters(col)}:${letters(col)}${space})`;
          const target = counts.getRange('C2');
          if (how === 'setValues') target.setValues([[formula]]);
          else if (how === 'setFormula') target.setFormula(formula);
          else target.setFormulas([[formula]]);
          // "'0" is the text 0 and "=" alone is text: each fills its cell like any other value.
          const filled = [...column, ...appended].filter((v) => v !== '').length;
          expect(counts.getRange('C2').getValue()).toBe(filled);
          expect(counts.getRange('B1:C2').getDisplayValues()).toEqual([['', ''], ['', String(filled)]]);
          expect(counts.getRange('C2').getFormula()).toBe(formula);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('renaming a sheet rewrites the references to it, and the count follows the sheet, not the name (property)', () => {
    fc.assert(
      fc.property(sheetName, sheetName, fc.integer({ min: 1, max: 26 }), (before, after, col) => {
        fc.pre(before.toLowerCase() !== after.toLowerCase());
        const { ss, counts } = setup();
        const data = ss.insertSheet(before);
        data.getRange(1, col, 2, 1).setValues([['h'], [1]]);
        const column = `${letters(col)}:${letters(col)}`;
        counts.getRange('A1:A2').setFormulas([[`=COUNTA(${quoted(before)}!${column})`], ['=COUNTA(Лист1!A:A)']]);
        data.setName(after);
        expect(counts.getRange('A1:A2').getFormulas()).toEqual([[`=COUNTA(${asWritten(after)}!${column})`], ['=COUNTA(Лист1!A:A)']]);
        expect(counts.getRange('A1').getValue()).toBe(2);
        // A new sheet under the old name is another sheet: the formula keeps counting the renamed one.
        ss.insertSheet(before).getRange(1, col, 3, 1).setValues([['p'], ['q'], ['r']]);
        data.appendRow([...new Array<Cell>(col - 1).fill(''), 'new']);
        expect(counts.getRange('A1').getValue()).toBe(3);
      }),
      { numRuns: 150 },
    );
  });

  it('a reference written in another case, or bare, is the same sheet and is rewritten too', () => {
    const { ss, counts } = setup();
    const data = ss.insertSheet('Raw_1');
    data.appendRow(['a']);
    counts.getRange('A1:A3').setValues([['=COUNTA(raw_1!A:A)'], ["=COUNTA('RAW_1'!A:A)"], ['=COUNTA(Raw_1!A:A)']]);
    expect(counts.getRange('A1:A3').getValues()).toEqual([[1], [1], [1]]);
    data.setName('Ответы 2');
    expect(counts.getRange('A1:A3').getFormulas().flat()).toEqual(Array(3).fill("=COUNTA('Ответы 2'!A:A)"));
    data.setName('Plain_name2');
    expect(counts.getRange('A1').getFormula()).toBe('=COUNTA(Plain_name2!A:A)');
    expect(counts.getRange('A1:A3').getValues()).toEqual([[1], [1], [1]]);
  });

  it('deleting the counted sheet turns the formula into =COUNTA(#REF!) for good; a name no sheet has reads #REF! until one does', () => {
    const { ss, counts } = setup();
    const data = ss.insertSheet(RESPONSES);
    data.appendRow(['a']);
    counts.getRange('A1:A2').setFormulas([[`=COUNTA(${quoted(RESPONSES)}!A:A)`], ["=COUNTA('Нет такого'!A:A)"]]);
    expect(counts.getRange('A1:A2').getValues()).toEqual([[1], ['#REF!']]);
    ss.deleteSheet(data);
    expect(counts.getRange('A1').getFormula()).toBe('=COUNTA(#REF!)');
    expect(counts.getRange('A1:A2').getValues()).toEqual([['#REF!'], ['#REF!']]);
    expect(counts.getRange('A1:A2').getDisplayValues()).toEqual([['#REF!'], ['#REF!']]);
    ss.insertSheet(RESPONSES).appendRow(['b']);
    ss.insertSheet('Нет такого').getRange('A1:A2').setValues([['x'], ['y']]);
    expect(counts.getRange('A1:A2').getValues()).toEqual([['#REF!'], [2]]);
    expect(counts.getRange('A1').getFormula()).toBe('=COUNTA(#REF!)');
  });

  it('references stay within their spreadsheet', () => {
    const { store, ss, counts } = setup();
    ss.insertSheet('Данные').appendRow(['a']);
    const other = store.create('Другая');
    other.getSheets()[0].getRange('A1').setFormula("=COUNTA('Данные'!A:A)");
    expect(other.getSheets()[0].getRange('A1').getValue()).toBe('#REF!');
    counts.getRange('A1').setFormula("=COUNTA('Данные'!A:A)");
    expect(counts.getRange('A1').getValue()).toBe(1);
    // Deleting a same-named sheet elsewhere breaks nothing here.
    other.insertSheet('Данные');
    other.deleteSheet(other.getSheetByName('Данные') as Sheet);
    expect(counts.getRange('A1').getFormula()).toBe("=COUNTA('Данные'!A:A)");
  });

  it('a column past the grid or the formula\'s own column reads #REF!; inserted columns move the reference', () => {
    const { ss, counts } = setup();
    const data = ss.insertSheet('D');
    data.getRange('A1:C2').setValues([['a', 'b', 'c'], ['', 'b', 'c']]);
    counts.getRange('A1:A4').setFormulas([['=COUNTA(D!AA:AA)'], ['=COUNTA(Счёт!A:A)'], ['=COUNTA(D!B:B)'], ['=COUNTA(D!A:A)']]);
    counts.getRange('B1').setFormula('=COUNTA(Счёт!A:A)');
    expect(counts.getRange('A1:B4').getValues()).toEqual([['#REF!', 4], ['#REF!', ''], [2, ''], [1, '']]);
    data.insertColumnsAfter(1, 2);
    expect(counts.getRange('A1:A4').getFormulas()).toEqual([['=COUNTA(D!AC:AC)'], ['=COUNTA(Счёт!A:A)'], ['=COUNTA(D!D:D)'], ['=COUNTA(D!A:A)']]);
    expect(counts.getRange('A3:A4').getValues()).toEqual([[2], [1]]);
    expect(data.getRange('D1:D2').getValues()).toEqual([['b'], ['b']]);
  });

  it('every other formula keeps reading as the placeholder', () => {
    const { ss, counts } = setup();
    ss.insertSheet('X').getRange('A1:B2').setValues([['a', 'b'], ['c', 'd']]);
    const others = [
      '=COUNTA(A:A)', "=COUNTA('X'!A:B)", "=COUNTA('X'!A1:A9)", "=COUNT('X'!A:A)", "=COUNTA('X'!A:A)+1",
      "=COUNTA('X'!A:A, 'X'!B:B)", '=COUNTA(X!A:A', "=COUNTA('X!A:A)", '=COUNTA(X !A:A)', '=COUNTA(X! A:A)',
      '=COUNTAX(X!A:A)', '=SUM(1,2)', "=COUNTA('X'!1:1)",
    ];
    counts.getRange(1, 1, others.length, 1).setFormulas(others.map((f) => [f]));
    expect(counts.getRange(1, 1, others.length, 1).getValues().flat()).toEqual(others.map(() => FORMULA_PLACEHOLDER));
    expect(counts.getRange(1, 1, others.length, 1).getFormulas().flat()).toEqual(others);
  });

  it('evaluating costs no service call, and the cells read count as for plain values', () => {
    const { runtime, ss, counts } = setup();
    const data = ss.insertSheet(RESPONSES);
    data.getRange('A1:A50').setValues(Array.from({ length: 50 }, (_, i) => [i]));
    counts.getRange('A1:C1').setFormulas([[`=COUNTA(${quoted(RESPONSES)}!A:A)`, `=COUNTA(${quoted(RESPONSES)}!B:B)`, '=COUNTA(Nope!A:A)']]);
    counts.getRange('A2:C2').setValues([[1, 2, 3]]);
    const measure = (row: number) => {
      const before = runtime.counter.snapshot();
      const cells = runtime.counter.cellsRead;
      counts.getRange(row, 1, 1, 3).getValues();
      counts.getRange(row, 1).getDisplayValue();
      counts.getSheetValues(row, 1, 1, 3);
      return { calls: runtime.counter.since(before), cells: runtime.counter.cellsRead - cells };
    };
    expect(measure(1)).toEqual(measure(2));
    expect(measure(1)).toEqual({
      calls: { 'Sheet.getRange': 2, 'Range.getValues': 1, 'Range.getDisplayValue': 1, 'Sheet.getSheetValues': 1 },
      cells: 7,
    });
    expect(counts.getRange('A1:C1').getValues()).toEqual([[50, 0, '#REF!']]);
  });
});
