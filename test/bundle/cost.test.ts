/**
 * Pinned service-call counts of the two operations that run most often on Apps Script: a
 * survey submission (every response) and the hourly scheduled run with nothing to do
 * (24 times a day). More calls is a regression; fewer means lowering the pin here.
 */
import { callsForOneSubmission } from '../../scripts/bench/cost';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { setUpWorkbook, sheetValues } from './harness';

const total = (calls: Record<string, number>) => Object.values(calls).reduce((sum, n) => sum + n, 0);

/** The bench's own getLastRow, which checks the response was scored, is not the add-on's. */
const submissionCalls = (existing: number) => total(callsForOneSubmission(existing)) - 1;

describe('service calls', () => {
  test('a survey submission: pinned, and the same with 10 or 1,000 responses already in', () => {
    const small = submissionCalls(10);
    expect(small).toBe(24);
    expect(submissionCalls(1_000)).toBe(small);
  });

  test('the hourly scheduled run with nothing to do: pinned', () => {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'boyko');
    const form = h.emulator.forms.describe(formId);
    for (let i = 0; i < 3; i++) h.emulator.forms.submit(formId, answerForm(form, seededRandom(i + 1)));
    // The first run of the day does the daily work; the next hour's run has nothing to do.
    h.emulator.clock.advance(3_600_000);
    const counter = h.emulator.counter;
    const hour = () => {
      const before = counter.total();
      h.emulator.clock.advance(3_600_000);
      return counter.total() - before;
    };
    const idle = hour();
    // 31, and 8 for mail's due check: the settings rows, the mail sheet, the local date.
    expect(idle).toBe(39);
    expect(hour()).toBe(idle);
  });
});

describe('cells read', () => {
  test('refreshIndicators reads only the JSON column of a scores sheet, and the whole sheet when that column is elsewhere', () => {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'boyko');
    const form = h.emulator.forms.describe(formId);
    for (let i = 0; i < 12; i++) h.emulator.forms.submit(formId, answerForm(form, seededRandom(i + 1)));
    const scores = h.emulator.spreadsheet.getSheets().find((sheet) => sheet.getName().startsWith('Баллы'))!;
    const counter = h.emulator.counter;
    const refresh = () => {
      const before = counter.cellsRead;
      h.call('refreshIndicators');
      return counter.cellsRead - before;
    };
    const read = refresh();
    const indicators = sheetValues(h, 'Показатели');
    expect(indicators.some((row) => row.some((cell) => String(cell).includes('выгоран')))).toBe(true);
    // A sheet laid out by an older version: the JSON column has moved right by one, so the
    // whole sheet is read as well: exactly its cells more than when the column is in place.
    const values = scores.getDataRange().getValues();
    scores.insertColumnsAfter(scores.getMaxColumns(), 1);
    scores.getRange(1, 1, values.length, values[0].length + 1).setValues(values.map((row, i) => [i === 0 ? 'Примечание' : '', ...row]));
    expect(refresh() - read).toBe(scores.getLastRow() * scores.getLastColumn());
    expect(sheetValues(h, 'Показатели')).toEqual(indicators);
  });
});
