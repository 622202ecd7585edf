/**
 * The adversarial suite: the built bundle in the strict emulator (strings parsed as typed
 * in the workbook's locale, protected structure, the 50,000-character cell, row reuse)
 * against hostile text, damaged sheets and failures. Each case is what a coordinator
 * would do or see; each expectation is what they would expect.
 */
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { Harness, SETTINGS, setUpWorkbook, sheetValues, startHarness, withResponses } from './harness';

/** Strings a Russian workbook would read as something else if written as typed. */
const TYPED_LOOKALIKES = ['007', '7', '12.03.2026', '12.03', '50%', '12,5', '1e3', 'ИСТИНА', 'TRUE', "'=1", '=1', '+7 (900) 000-00-00', "'апостроф"];

function scoreRows(h: Harness, sheet = 'Баллы: Бойко'): unknown[][] {
  return sheetValues(h, sheet).slice(1);
}

describe('text reads back exactly as written', () => {
  test('settings whose names Sheets would read as numbers, dates, booleans or formulas', () => {
    const h = startHarness();
    const result = h.call<{ ok: boolean; errors?: string[] }>('saveSettings', { ...SETTINGS, schools: TYPED_LOOKALIKES, districtName: '1e3' });
    expect(result).toMatchObject({ ok: true });
    const saved = h.call<{ schools: string[]; districtName: string }>('getSettings');
    expect(saved.schools).toEqual(TYPED_LOOKALIKES);
    expect(saved.districtName).toBe('1e3');
    // The cells themselves hold the text: nothing became a number, date or formula.
    const cells = sheetValues(h, 'Настройки').filter((row) => row[0] === 'schools').map((row) => row[2]);
    expect(cells).toEqual(TYPED_LOOKALIKES);
    expect(h.emulator.spreadsheets.formulas(h.emulator.spreadsheet.getId(), 'Настройки').flat().filter(Boolean)).toEqual([]);
  });

  test('a survey form gets its title set explicitly (FormApp.create leaves it empty)', () => {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'boyko');
    expect(h.emulator.forms.describe(formId).title).toContain(SETTINGS.districtName);
  });

  test('answers and keys in the scores sheet stay text', () => {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'network');
    const form = h.emulator.forms.describe(formId);
    h.emulator.forms.submit(formId, answerForm(form, seededRandom(1)));
    const [row] = scoreRows(h, 'Баллы: сетевое взаимодействие');
    expect(typeof row[0]).toBe('string');
    expect(typeof row[1]).toBe('string');
  });
});

type FormApp = GoogleAppsScript.Forms.FormApp;

function logCodes(h: Harness): string[] {
  return sheetValues(h, 'Журнал').slice(1).map((row) => String(row[4]));
}

function rawSheet(h: Harness, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  return h.emulator.spreadsheet.getSheetByName(name)!;
}

/** Every raw response of the sheet scored exactly once, and nothing else, under a header. */
function expectScoredOnce(h: Harness, rawName: string, scoresName = 'Баллы: Бойко'): void {
  const raw = sheetValues(h, rawName).slice(1).filter((row) => row.some((cell) => cell !== ''));
  const scores = sheetValues(h, scoresName);
  expect(scores[0].join('|')).not.toMatch(/^s\d+t/);
  const keys = scores.slice(1).map((row) => String(row[0]));
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys).toHaveLength(raw.length);
}

describe('responses keep their scores when raw rows are deleted and row numbers reused', () => {
  test('a response landing on a freed row is scored on arrival; the deleted one loses its score at the next run', () => {
    const { h, sheetName, submit } = withResponses(3);
    rawSheet(h, sheetName).deleteRow(2);
    submit();
    // The new response took row 4, the number the third response had before the deletion.
    expect(rawSheet(h, sheetName).getLastRow()).toBe(4);
    expect(scoreRows(h)).toHaveLength(4);
    expect(logCodes(h)).not.toContain('duplicateEvent');
    h.emulator.clock.advance(24 * 3600_000);
    expectScoredOnce(h, sheetName);
    expect(logCodes(h)).toContain('staleScoresRemoved');
  });

  test('a raw answer changed by hand is scored again by recalculation, once', () => {
    const { h, sheetName } = withResponses(2);
    const before = scoreRows(h).map((row) => row.join('|'));
    const sheet = rawSheet(h, sheetName);
    // Column 6 is the first Boyko item (after timestamp and the four profile questions).
    const cell = sheet.getRange(2, 6);
    cell.setValue(cell.getValue() === 'Да' ? 'Нет' : 'Да');
    expect(h.call('recalculateAll')).toMatchObject({ done: true, processed: 2 });
    const after = scoreRows(h).map((row) => row.join('|'));
    expect(after).toHaveLength(2);
    expect(after.filter((row) => before.includes(row))).toHaveLength(1);
    expectScoredOnce(h, sheetName);
  });

  test('two identical responses in the same second are two responses; a repeated event is not a third', () => {
    const h = setUpWorkbook();
    const { formId, responseSheetName } = h.call<{ formId: string; responseSheetName: string }>('createSurveyForm', 'boyko');
    const answers = answerForm(h.emulator.forms.describe(formId), seededRandom(5));
    h.emulator.forms.submit(formId, answers);
    const second = h.emulator.forms.submit(formId, answers);
    h.emulator.forms.fireFormSubmit(h.emulator.spreadsheet.getId(), second.event!);
    expect(scoreRows(h)).toHaveLength(2);
    expect(logCodes(h)).toEqual(['duplicateEvent']);
    h.call('recalculateAll');
    expectScoredOnce(h, responseSheetName);
  });
});

describe('a damaged registry never erases scores', () => {
  function damaged(damage: (registry: GoogleAppsScript.Spreadsheet.Sheet, h: Harness) => void) {
    const { h, sheetName } = withResponses(3);
    const before = scoreRows(h);
    damage(rawSheet(h, 'Реестр форм'), h);
    h.call('recalculateAll');
    return { h, before, sheetName };
  }

  test('its header row deleted: the first record is still read', () => {
    const { h, before, sheetName } = damaged((registry) => registry.deleteRow(1));
    expect(scoreRows(h)).toHaveLength(before.length);
    expectScoredOnce(h, sheetName);
  });

  test('a record with unreadable item JSON: its scores are kept, the row logged and kept for repair', () => {
    const { h, before } = damaged((registry) => registry.getRange(2, 10).setValue("'{not json"));
    expect(scoreRows(h)).toEqual(before);
    expect(logCodes(h)).toContain('unreadableRegistry');
    expect(sheetValues(h, 'Реестр форм')[1][9]).toBe('{not json');
  });

  test('a record pointing at another sheet: that sheet is not read as answers, scores kept, logged', () => {
    const { h, before } = damaged((registry, harness) => {
      registry.getRange(2, 4).setValue(harness.emulator.spreadsheet.getSheetByName('Баллы: Бойко')!.getSheetId());
    });
    expect(scoreRows(h)).toEqual(before);
    expect(logCodes(h)).toContain('registrySheetMismatch');
  });
});

describe('a form edited after it has responses', () => {
  test('a question reworded without relinking: new responses and a rebuild still read it', () => {
    const { h, formId, sheetName, submit } = withResponses(2);
    const form = (h.emulator.globals.FormApp as FormApp).openById(formId);
    const item = form.getItems().find((candidate) => candidate.getTitle().startsWith('5. '))!;
    item.setTitle('5. Переформулированный вопрос пять');
    submit();
    h.call('recalculateAll');
    const statuses = scoreRows(h).map((row) => row.join('|'));
    expect(statuses.filter((row) => row.includes('неполный'))).toEqual([]);
    expect(logCodes(h)).not.toContain('unmapped');
    expectScoredOnce(h, sheetName);
  });

  test('a question deleted and added again with the same title: both columns count', () => {
    const { h, formId, sheetName, submit } = withResponses(2);
    const form = (h.emulator.globals.FormApp as FormApp).openById(formId);
    const old = form.getItems().find((candidate) => candidate.getTitle().startsWith('84. '))!;
    const title = old.getTitle();
    form.deleteItem(old);
    form.addMultipleChoiceItem().setTitle(title).setChoiceValues(['Да', 'Нет']).setRequired(true);
    submit();
    const header = sheetValues(h, sheetName)[0];
    expect(header.filter((cell) => cell === title)).toHaveLength(2);
    expect(h.call('recalculateAll')).toMatchObject({ done: true, processed: 3, incomplete: 0 });
    expectScoredOnce(h, sheetName);
  });
});

describe('settings say what is wrong, and a damaged settings sheet stops nothing', () => {
  test.each([
    ['coordinators', ['coordinator@district', 'a..b@district.ru', '"<img src=x onerror=alert(1)>"@x.ru', 'a b@x.ru', `${'x'.repeat(250)}@x.ru`], 'Некорректный email координатора'],
    ['schools', ['Школа\tс табуляцией'], 'служебный символ'],
    ['districtName', 'Р'.repeat(201), 'длиннее 200 символов'],
  ])('%s: refused with a clear Russian message', (field, value, message) => {
    const h = startHarness();
    const result = h.call<{ ok: boolean; errors?: string[] }>('saveSettings', { ...SETTINGS, [field]: value });
    expect(result.ok).toBe(false);
    expect(result.errors!.join(' ')).toContain(message);
    const count = Array.isArray(value) ? value.length : 1;
    expect(result.errors!.filter((error) => error.includes(message))).toHaveLength(count);
  });

  test('real addresses pass, Cyrillic domains included; English messages in an English workbook', () => {
    const h = startHarness();
    expect(h.call('saveSettings', { ...SETTINGS, coordinators: ['Metodist.Ivanova+pd@imc.krymsk.ru', 'info@школа.рф'] })).toMatchObject({ ok: true });
    const en = startHarness().call<{ errors: string[] }>('saveSettings', { ...SETTINGS, lang: 'en', coordinators: ['nobody@'] });
    expect(en.errors.join(' ')).toContain('Invalid coordinator email');
  });

  test('a settings cell broken by hand: the error names its row, and responses are still scored', () => {
    const { h, sheetName, submit } = withResponses(1);
    const settings = rawSheet(h, 'Настройки');
    const row = sheetValues(h, 'Настройки').findIndex((cells) => cells[0] === 'coordinators') + 1;
    settings.getRange(row, 3).setValue('не адрес');
    expect(() => h.call('getSettings')).toThrow(`строка ${row}`);
    submit();
    h.emulator.clock.advance(24 * 3600_000);
    expectScoredOnce(h, sheetName);
  });
});
