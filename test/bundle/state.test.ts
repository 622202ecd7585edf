/**
 * The workbook's state in its developer metadata, through the built bundle: read once per
 * execution, a workbook of an earlier version (one entry per key) moved over without
 * losing a value, and no write undoing a key another execution changed meanwhile.
 */
import { PROPERTY_KEYS, storedValue, unwrapStateEntry } from '../../src/core/workbook/state-keys';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { COORDINATOR, setUpWorkbook, sheetValues } from './harness';

type Entry = { key: string; value: string | null };

const scoreRows = (h: ReturnType<typeof setUpWorkbook>) => sheetValues(h, 'Баллы: Бойко').length - 1;

describe('workbook state', () => {
  test('a workbook with one entry per key (an earlier version) is moved over on first use, values kept', () => {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'boyko');
    const book = h.emulator.spreadsheet;
    const before = h.emulator.metadata() as Entry[];
    const layout = storedValue(before, PROPERTY_KEYS.layout);
    const owner = storedValue(before, PROPERTY_KEYS.triggerOwner);
    expect(owner).toBe(COORDINATOR);
    // Rewrite the metadata as the earlier version kept it.
    for (const entry of book.getDeveloperMetadata()) entry.remove();
    const visibility = (h.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).DeveloperMetadataVisibility.PROJECT;
    book.addDeveloperMetadata(PROPERTY_KEYS.layout, JSON.stringify(layout), visibility);
    book.addDeveloperMetadata(PROPERTY_KEYS.triggerOwner, JSON.stringify(owner), visibility);
    book.addDeveloperMetadata(PROPERTY_KEYS.catchUp, 'true', visibility);
    book.addDeveloperMetadata(PROPERTY_KEYS.dailyDone, '{damaged', visibility);
    // Another script's entry is left alone.
    book.addDeveloperMetadata('other.key', 'kept', visibility);

    h.emulator.forms.submit(formId, answerForm(h.emulator.forms.describe(formId), seededRandom(1)));
    expect(scoreRows(h)).toBe(1);
    const after = h.emulator.metadata() as Entry[];
    expect(after.filter((entry) => entry.key.startsWith('pdm.') && !unwrapStateEntry(entry.value))).toEqual([]);
    expect(after.filter((entry) => entry.key === 'other.key')).toEqual([{ key: 'other.key', value: 'kept' }]);
    expect(storedValue(after, PROPERTY_KEYS.layout)).toEqual(layout);
    expect(storedValue(after, PROPERTY_KEYS.triggerOwner)).toBe(COORDINATOR);
    // The damaged value is dropped, not fatal; the queued catch-up is kept for the job.
    expect(storedValue(after, PROPERTY_KEYS.dailyDone)).toBeNull();
    expect(storedValue(after, PROPERTY_KEYS.catchUp)).toBe(true);
    h.emulator.clock.advance(3_600_000);
    expect(storedValue(h.emulator.metadata() as Entry[], PROPERTY_KEYS.catchUp)).toBeNull();
    expect(scoreRows(h)).toBe(1);
  });

  test('a shared key written by another execution meanwhile is not undone by a write of this one', () => {
    const h = setUpWorkbook();
    h.call('createSurveyForm', 'boyko');
    const book = h.emulator.spreadsheet;
    const layoutBefore = storedValue(h.emulator.metadata() as Entry[], PROPERTY_KEYS.layout) as { sheets: object };
    // While createSurveyForm runs (its state read at its start), another execution records
    // a mark in the shared entry.
    let done = false;
    h.emulator.runtime.callCostMs = (service, method) => {
      if (!done && service === 'FormApp' && method === 'create') {
        done = true;
        const shared = book.getDeveloperMetadata().find((entry) => unwrapStateEntry(entry.getValue())?.key === PROPERTY_KEYS.state)!;
        const values = unwrapStateEntry(shared.getValue())!.value as Record<string, unknown>;
        shared.setValue(JSON.stringify({ pdmKey: PROPERTY_KEYS.state, value: { ...values, [PROPERTY_KEYS.settingsLogged]: '2026-11-23' } }));
      }
      return 0;
    };
    h.call('createSurveyForm', 'network');
    expect(done).toBe(true);
    const after = h.emulator.metadata() as Entry[];
    expect(storedValue(after, PROPERTY_KEYS.settingsLogged)).toBe('2026-11-23');
    const layoutAfter = storedValue(after, PROPERTY_KEYS.layout) as { sheets: object };
    expect(Object.keys(layoutAfter.sheets).length).toBeGreaterThanOrEqual(Object.keys(layoutBefore.sheets).length);
    expect(after.filter((entry) => unwrapStateEntry(entry.value)?.key === PROPERTY_KEYS.state)).toHaveLength(1);
  });
});
