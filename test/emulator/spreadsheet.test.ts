import vm from 'node:vm';
import { Runtime } from '../../tools/emulator/kernel';
import { createSpreadsheetService, MESSAGES } from '../../tools/emulator/spreadsheet';

const OWNER = 'coordinator@district.example';
const TEACHER = 'teacher@school.example';
const ADMIN = 'admin@school.example';

function setup(options: { locale?: string } = {}) {
  const runtime = new Runtime({ user: OWNER, locale: options.locale });
  const ui = { marker: 'ui' };
  const { SpreadsheetApp, store } = createSpreadsheetService(runtime, () => ui);
  const ss = store.create('PD Monitor', { editors: [TEACHER, ADMIN] });
  const sheet = ss.getSheets()[0];
  return { runtime, SpreadsheetApp, store, ss, sheet, ui };
}

describe('SpreadsheetApp', () => {
  it('opens spreadsheets by id, url and as the active one; unknown ids fail like Apps Script', () => {
    const { SpreadsheetApp, store, ss, ui } = setup();
    expect(SpreadsheetApp.getActiveSpreadsheet().getId()).toBe(ss.getId());
    expect(SpreadsheetApp.openById(ss.getId()).getName()).toBe('PD Monitor');
    expect(SpreadsheetApp.openByUrl(ss.getUrl()).getId()).toBe(ss.getId());
    expect(() => SpreadsheetApp.openById('nope')).toThrow(MESSAGES.openById);
    expect(SpreadsheetApp.getUi()).toBe(ui);
    const made = SpreadsheetApp.create('Other');
    expect(store.byId(made.getId())?.getName()).toBe('Other');
    expect(made.getOwner()?.getEmail()).toBe(OWNER);
    // A script creating a spreadsheet does not switch the active one.
    expect(SpreadsheetApp.getActive().getId()).toBe(ss.getId());
    expect(store.all()).toHaveLength(2);
  });

  it('counts every call by class and method, and refuses members it does not emulate', () => {
    const { runtime, SpreadsheetApp, sheet } = setup();
    const before = runtime.counter.snapshot();
    SpreadsheetApp.getActiveSpreadsheet();
    const range = sheet.getRange('A1:B2');
    range.setValues([[1, 2], [3, 4]]);
    range.getValues();
    SpreadsheetApp.flush();
    expect(runtime.counter.since(before)).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Sheet.getRange': 1,
      'Range.setValues': 1,
      'Range.getValues': 1,
      'SpreadsheetApp.flush': 1,
    });
    expect(() => (range as unknown as { foo: () => void }).foo()).toThrow('not emulated: Range.foo');
    expect(() => (sheet as unknown as { sort: () => void }).sort()).toThrow('not emulated: Sheet.sort');
  });

  it('exposes the spreadsheet locale and time zone of the runtime and records toasts', () => {
    const { ss, store } = setup();
    expect(ss.getSpreadsheetLocale()).toBe('ru');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Moscow');
    ss.toast('Готово', 'PD Monitor', 5);
    expect(store.toasts).toEqual([{ spreadsheetId: ss.getId(), message: 'Готово', title: 'PD Monitor', timeoutSeconds: 5 }]);
  });
});

describe('Spreadsheet sheets', () => {
  it('names sheets in the user language and refuses duplicate names regardless of case', () => {
    const { ss, store } = setup();
    expect(store.sheetNames(ss.getId())).toEqual(['Лист1']);
    const added = ss.insertSheet('Сводка');
    expect(ss.getActiveSheet().getName()).toBe('Сводка');
    expect(() => ss.insertSheet('сводка')).toThrow('A sheet with the name "сводка" already exists. Please enter another name.');
    expect(ss.getSheetByName('СВОДКА')?.getSheetId()).toBe(added.getSheetId());
    ss.insertSheet('Первый', 0);
    expect(store.sheetNames(ss.getId())).toEqual(['Первый', 'Лист1', 'Сводка']);
    expect(ss.insertSheet().getName()).toBe('Лист2');
    expect(() => added.setName('Лист1')).toThrow(MESSAGES.duplicateSheet('Лист1'));
    expect(added.getIndex()).toBe(3);
  });

  it('uses English names for an English-speaking user', () => {
    const { ss } = setup({ locale: 'en_US' });
    expect(ss.getSheets()[0].getName()).toBe('Sheet1');
  });

  it('will not delete the last sheet', () => {
    const { ss } = setup();
    const second = ss.insertSheet('B');
    ss.deleteSheet(ss.getSheetByName('Лист1') as GoogleAppsScript.Spreadsheet.Sheet);
    expect(() => ss.deleteSheet(second)).toThrow("You can't remove all the sheets in a document.");
  });

  it('reads ranges through Spreadsheet.getRange with a sheet name', () => {
    const { ss, sheet } = setup();
    sheet.getRange('B2').setValue('x');
    expect(ss.getRange("'Лист1'!A1:B2").getValues()).toEqual([['', ''], ['', 'x']]);
    expect(ss.getRange('B2').getValue()).toBe('x');
    expect(() => ss.getRange('Нет!A1')).toThrow('Range not found');
  });
});

describe('Sheet geometry', () => {
  it('reports 0 as the last row and column of an empty sheet, and A1 as its data range', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(sheet.getRange(3, 2, 2, 2).getValues()).toEqual([['', ''], ['', '']]);
  });

  it('refuses bad coordinates with the Apps Script messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 1, 2)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 26, 1, 2)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('A1001')).toThrow('Range not found');
    expect(() => sheet.getRange('nonsense!!')).toThrow('Range not found');
    expect(sheet.getRange('B:C').getA1Notation()).toBe('B1:C1000');
    expect(sheet.getRange('A2:C').getNumRows()).toBe(999);
  });

  it('names the argument types it refuses as Apps Script does, with an Exception', () => {
    const { sheet } = setup();
    const refused = (fn: () => unknown): Error => {
      try {
        fn();
      } catch (e) {
        return e as Error;
      }
      throw new Error('not refused');
    };
    const flat = refused(() => sheet.getRange('A1:A2').setValues(['a', 'b'] as unknown as unknown[][]));
    expect(flat.message).toBe("The parameters (String[]) don't match the method signature for SpreadsheetApp.Range.setValues.");
    expect(flat.name).toBe('Exception');
    expect(refused(() => (sheet.getRange as unknown as (...a: unknown[]) => unknown)(1, 'B')).message)
      .toBe("The parameters (number,String) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    expect(refused(() => sheet.appendRow('x' as unknown as unknown[])).message)
      .toBe("The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
  });

  it('tracks the last row and column as content is written and cleared', () => {
    const { sheet } = setup();
    sheet.getRange('C5').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    sheet.getRange('C5').clearContent();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
  });
});

describe('Range values', () => {
  it('setValues refuses a row-count or column-count mismatch with the real messages', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2, 3], [4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it('returns a fresh copy from getValues, with empty cells as empty strings', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 3).setValues([['a', '', 3]]);
    const values = sheet.getRange(1, 1, 2, 4).getValues();
    expect(values).toEqual([['a', '', 3, ''], ['', '', '', '']]);
    values[0][0] = 'changed';
    expect(sheet.getRange('A1').getValue()).toBe('a');
  });

  it('parses strings the way Sheets reads typed input, and keeps formulas inert', () => {
    const { sheet, store, ss } = setup();
    const when = new Date('2026-11-23T06:00:00Z');
    sheet.getRange(1, 1, 1, 11).setValues([[
      "'=1+1", '=SUM(1,2)', '12', '+1', '-3', '2.5', '1,5', 'TRUE', 'текст', 7, when,
    ]]);
    const [row] = sheet.getRange(1, 1, 1, 11).getValues();
    expect(row.slice(0, 5)).toEqual(['=1+1', '#ERROR!', 12, 1, -3]);
    expect(row.slice(6, 10)).toEqual([1.5, true, 'текст', 7]);
    // In a Russian workbook "2.5" is the 2nd of May, not a number.
    expect(sheet.getRange('F1').getDisplayValue()).toBe('02.05.2026');
    expect((row[10] as Date).getTime()).toBe(when.getTime());
    expect(sheet.getRange(1, 1, 1, 3).getFormulas()).toEqual([['', '=SUM(1,2)', '']]);
    expect(store.formulas(ss.getId(), 'Лист1')[0][1]).toBe('=SUM(1,2)');
    expect(sheet.getRange('B1').getDisplayValue()).toBe('#ERROR!');
    sheet.getRange('F1').setValue(2.5);
    expect(sheet.getRange('F1').getDisplayValue()).toBe('2,5');
    expect(sheet.getRange('K1').getDisplayValue()).toBe('23.11.2026 9:00:00');
    // Overwriting a formula with a value drops the formula.
    sheet.getRange('B1').setValue('plain');
    expect(sheet.getRange('B1').getFormula()).toBe('');
  });

  it('reads written strings as typed in a Russian workbook: dates, percentages, numbers, booleans', () => {
    const { sheet } = setup({ locale: 'ru' });
    const typed = ['12.03.2026', '12.03', '50%', '12,5', '007', '1e3', 'TRUE', 'ИСТИНА', 'ложь', '2026-03-12', '31.02.2026', "'007", "''x"];
    sheet.getRange(1, 1, 1, typed.length).setValues([typed]);
    const [row] = sheet.getRange(1, 1, 1, typed.length).getValues();
    const dates = [row[0], row[1], row[9]];
    expect(dates.every((d) => Object.prototype.toString.call(d) === '[object Date]')).toBe(true);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('12.03.2026');
    // A date without a year takes the current one (the emulated clock says 2026).
    expect(sheet.getRange('B1').getDisplayValue()).toBe('12.03.2026');
    expect(row.slice(2, 9)).toEqual([0.5, 12.5, 7, 1000, true, true, false]);
    // An impossible date stays text; an apostrophe keeps text exactly, and only the first one goes.
    expect(row.slice(10)).toEqual(['31.02.2026', '007', "'x"]);
    sheet.appendRow(['01.09', '7%']);
    expect(sheet.getRange(2, 1).getDisplayValue()).toBe('01.09.2026');
    expect(sheet.getRange(2, 2).getValue()).toBeCloseTo(0.07);
  });

  it('reads dates month first in an American workbook, and "12,5" stays text there', () => {
    const { sheet } = setup({ locale: 'en_US' });
    sheet.getRange(1, 1, 1, 3).setValues([['3/12/2026', '12,5', '12.03']]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3/12/2026');
    expect(sheet.getRange('B1').getValue()).toBe('12,5');
    expect(sheet.getRange('C1').getValue()).toBe(12.03);
  });

  it('refuses a cell over 50,000 characters with the real message, and takes exactly 50,000', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue('я'.repeat(50_001))).toThrow(MESSAGES.cellTooLong);
    expect(() => sheet.appendRow(['ok', 'x'.repeat(50_001)])).toThrow(MESSAGES.cellTooLong);
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50_000);
  });

  it('appendRow writes after the last row with content and grows the sheet', () => {
    const { SpreadsheetApp } = setup();
    const ss = SpreadsheetApp.create('Small', 2, 2);
    const sheet = ss.getSheets()[0];
    sheet.getRange('B2').setValue('last');
    sheet.appendRow(['a', '=HYPERLINK("x")', 'c']);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getMaxColumns()).toBe(3);
    expect(sheet.getRange(3, 1, 1, 3).getValues()).toEqual([['a', '#ERROR!', 'c']]);
    expect(sheet.getRange(3, 2).getFormula()).toBe('=HYPERLINK("x")');
  });

  it('accepts arrays and Dates made in another realm (the bundle runs in a vm context)', () => {
    const { sheet } = setup();
    const foreign = vm.runInNewContext('[[new Date(0), "7", "x"]]') as unknown[][];
    expect(foreign instanceof Array).toBe(false);
    sheet.getRange(1, 1, 1, 3).setValues(foreign);
    const [[date, seven, x]] = sheet.getRange(1, 1, 1, 3).getValues();
    expect(Object.prototype.toString.call(date)).toBe('[object Date]');
    expect((date as Date).getTime()).toBe(0);
    expect([seven, x]).toEqual([7, 'x']);
  });

  it('deletes rows, shifting content, and refuses to delete every non-frozen row', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 3, 1).setValues([['a'], ['b'], ['c']]);
    sheet.deleteRow(2);
    expect(sheet.getRange(1, 1, 2, 1).getValues()).toEqual([['a'], ['c']]);
    expect(sheet.getMaxRows()).toBe(999);
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 998)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
  });
});

describe('Protection', () => {
  function lockedHeader() {
    const ctx = setup();
    const { runtime, sheet } = ctx;
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    const protection = runtime.execute(() => {
      const p = sheet.getRange('A1:C3').protect().setDescription('header');
      p.removeEditors(p.getEditors());
      p.addEditor(ADMIN);
      return p;
    });
    return { ...ctx, protection };
  }

  it('mirrors the spreadsheet permissions until the editor list is changed', () => {
    const { runtime, sheet } = setup();
    const p = sheet.getRange('A1').protect();
    expect(p.getEditors().map((u) => u.getEmail()).sort()).toEqual([ADMIN, OWNER, TEACHER].sort());
    runtime.execute(() => sheet.getRange('A1').setValue('teacher wrote'), TEACHER);
    expect(sheet.getRange('A1').getValue()).toBe('teacher wrote');
  });

  it('refuses writes by a non-editor with the real message, and allows the owner and added editors', () => {
    const { runtime, sheet, protection } = lockedHeader();
    expect(protection.getEditors().map((u) => u.getEmail()).sort()).toEqual([ADMIN, OWNER].sort());
    expect(() => runtime.execute(() => sheet.getRange('B2').setValue('x'), TEACHER)).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(() => runtime.execute(() => sheet.getRange('A1:A2').clearContent(), TEACHER)).toThrow(MESSAGES.protectedCell);
    expect(() => runtime.execute(() => sheet.deleteRow(2), TEACHER)).toThrow(MESSAGES.protectedCell);
    expect(() => runtime.execute(() => sheet.clear(), TEACHER)).toThrow(MESSAGES.protectedCell);
    expect(runtime.execute(() => protection.canEdit(), TEACHER)).toBe(false);
    // Outside the protected range the teacher may write.
    runtime.execute(() => sheet.getRange('D1').setValue('free'), TEACHER);
    runtime.execute(() => sheet.getRange('B2').setValue('admin'), ADMIN);
    sheet.getRange('C3').setValue('owner');
    expect(sheet.getRange('A1:D3').getValues()).toEqual([
      ['a', 'b', 'c', 'free'], ['', 'admin', '', ''], ['', '', 'owner', ''],
    ]);
  });

  it('removes editors except the owner and the user running the script', () => {
    const { runtime, sheet, protection } = lockedHeader();
    runtime.execute(() => protection.removeEditor(ADMIN), ADMIN);
    expect(protection.getEditors().map((u) => u.getEmail())).toContain(ADMIN);
    runtime.execute(() => protection.removeEditors([ADMIN, OWNER]));
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    expect(() => runtime.execute(() => sheet.getRange('A1').setValue('x'), ADMIN)).toThrow(MESSAGES.protectedCell);
    // A non-editor cannot take the protection apart either.
    expect(() => runtime.execute(() => protection.remove(), TEACHER)).toThrow(MESSAGES.protectedCell);
    runtime.execute(() => protection.remove());
    runtime.execute(() => sheet.getRange('A1').setValue('x'), ADMIN);
    expect(sheet.getRange('A1').getValue()).toBe('x');
  });

  it('lets everyone write through a warning-only protection (scripts get no prompt)', () => {
    const { runtime, sheet, protection } = lockedHeader();
    protection.setWarningOnly(true);
    runtime.execute(() => sheet.getRange('A1').setValue('warned'), TEACHER);
    expect(sheet.getRange('A1').getValue()).toBe('warned');
  });

  it('protects whole sheets, except their unprotected ranges, against appendRow too', () => {
    const { runtime, ss, sheet, SpreadsheetApp } = setup();
    const { ProtectionType } = SpreadsheetApp;
    const p = sheet.protect();
    expect(sheet.protect().getDescription()).toBe(p.getDescription());
    p.removeEditors([TEACHER, ADMIN]);
    p.setUnprotectedRanges([sheet.getRange('E:E')]);
    expect(() => runtime.execute(() => sheet.appendRow(['x']), TEACHER)).toThrow(MESSAGES.protectedCell);
    runtime.execute(() => sheet.getRange('E7').setValue('note'), TEACHER);
    expect(ss.getProtections(ProtectionType.SHEET)).toHaveLength(1);
    expect(ss.getProtections(ProtectionType.RANGE)).toHaveLength(0);
    expect(sheet.getProtections(ProtectionType.SHEET)[0].getProtectionType()).toBe('SHEET');
  });

  it('refuses renaming a protected sheet and inserting or deleting its rows and columns to non-editors', () => {
    const { runtime, sheet } = setup();
    const p = sheet.protect();
    p.removeEditors([TEACHER, ADMIN]);
    const asTeacher = (fn: () => unknown) => () => runtime.execute(fn, TEACHER);
    expect(asTeacher(() => sheet.setName('Мой лист'))).toThrow(MESSAGES.protectedCell);
    expect(asTeacher(() => sheet.insertRowsAfter(1, 2))).toThrow(MESSAGES.protectedCell);
    expect(asTeacher(() => sheet.insertRowBefore(1))).toThrow(MESSAGES.protectedCell);
    expect(asTeacher(() => sheet.insertColumnsAfter(1, 1))).toThrow(MESSAGES.protectedCell);
    expect(asTeacher(() => sheet.deleteRows(2, 1))).toThrow(MESSAGES.protectedCell);
    expect(sheet.getName()).toBe('Лист1');
    expect(sheet.getMaxRows()).toBe(1000);
    // The owner may; a warning-only protection stops nobody.
    runtime.execute(() => sheet.insertRowsAfter(1, 1));
    p.setWarningOnly(true);
    runtime.execute(() => sheet.setName('Переименован'), TEACHER);
    expect(sheet.getName()).toBe('Переименован');
  });

  it('deleting a row shifts later rows up, and the next append reuses the freed row number', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 4, 1).setValues([['h'], ['a'], ['b'], ['c']]);
    sheet.deleteRow(2);
    expect(sheet.getRange(1, 1, 3, 1).getValues()).toEqual([['h'], ['b'], ['c']]);
    sheet.appendRow(['d']);
    expect(sheet.getRange(4, 1).getValue()).toBe('d');
  });

  it('moves protected ranges with inserted and deleted rows', () => {
    const { store, ss, sheet } = setup();
    sheet.getRange('A5:B6').protect().addEditor(ADMIN);
    sheet.insertRowsAfter(1, 2);
    expect(store.protections(ss.getId())[0].range).toBe('A7:B8');
    sheet.deleteRows(6, 2);
    expect(store.protections(ss.getId())[0].range).toBe('A6:B6');
  });
});

describe('developer metadata storage limit', () => {
  test('30,000 characters per location, keys and values together; a write beyond it fails and changes nothing', () => {
    const { SpreadsheetApp, ss: book } = setup();
    const visibility = SpreadsheetApp.DeveloperMetadataVisibility.PROJECT;
    book.addDeveloperMetadata('a', 'x'.repeat(20_000), visibility);
    expect(() => book.addDeveloperMetadata('b', 'y'.repeat(10_000), visibility)).toThrow(/limit is 30000/);
    book.addDeveloperMetadata('b', 'y'.repeat(9_998), visibility);
    const [first] = book.getDeveloperMetadata();
    expect(() => first.setValue('x'.repeat(20_001))).toThrow(/limit is 30000/);
    expect(first.getValue()).toHaveLength(20_000);
    // Replacing a value counts the new one, not both.
    first.setValue('z'.repeat(20_000));
    expect(book.getDeveloperMetadata().map((entry) => (entry.getValue() ?? '').length)).toEqual([20_000, 9_998]);
  });
});
