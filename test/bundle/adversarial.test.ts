/**
 * The adversarial suite: the built bundle in the strict emulator (strings parsed as typed
 * in the workbook's locale, protected structure, the 50,000-character cell, row reuse)
 * against hostile text, damaged sheets and failures. Each case is what a coordinator
 * would do or see; each expectation is what they would expect.
 */
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { Harness, SETTINGS, setUpWorkbook, sheetValues, startHarness } from './harness';

/** Strings a Russian workbook would read as something else if written as typed. */
const TYPED_LOOKALIKES = ['007', '7', '12.03.2026', '12.03', '50%', '12,5', '1e3', 'ИСТИНА', 'TRUE', "'=1", '=1', '+7 (900) 000-00-00', "'апостроф"];

function scoreRows(h: Harness, sheet = 'Баллы: Бойко'): unknown[][] {
  return sheetValues(h, sheet).slice(1);
}

describe('text reads back exactly as written', () => {
  test('settings whose names Sheets would read as numbers, dates, booleans or formulas', () => {
    const h = startHarness();
    const result = h.call<{ ok: boolean; errors?: string[] }>('saveSettings', { ...SETTINGS, schools: TYPED_LOOKALIKES, districtName: '1e3' });
    expect(result).toEqual({ ok: true });
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
