/**
 * Pinned service-call counts of the operations that run most often on Apps Script: a
 * survey submission (every response), the hourly scheduled run with nothing to do (24
 * times a day), the daily run and a school report filing. More calls is a regression;
 * fewer means lowering the pin here.
 */
import { callsForOneSubmission } from '../../scripts/bench/cost';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { setUpWorkbook, sheetValues } from './harness';
import { PROPERTY_KEYS, storedValue } from '../../src/core/workbook/state-keys';

/**
 * The daily run with nothing to do, one instrument: the hourly run's 5, the authorization
 * 2, the local day 2, the settings 3 (read once: the mail step reuses them), the trigger
 * check 1, the counts 2 (the row counts sheet and one read of it, whatever the number of
 * sheets the state's compact registry names), the marks 2. No registry sheet, no mail
 * sheet: nothing changed since they were read.
 */
const QUIET_DAY = 17;

/**
 * recalculateAll on one boyko form: see the recalculation test below. Its recomputation
 * also writes the panels' snapshot (the row count of each scores sheet, one write).
 */
const RECALCULATION_CALLS = 376;

const total = (calls: Record<string, number>) => Object.values(calls).reduce((sum, n) => sum + n, 0);

/** The bench's own getLastRow, which checks the response was scored, is not the add-on's. */
const submissionCalls = (existing: number) => total(callsForOneSubmission(existing)) - 1;

describe('service calls', () => {
  test('a survey submission: pinned, and the same with 10 or 1,000 responses already in', () => {
    const small = submissionCalls(10);
    // The state 2 (the registry's compact form among it), the grid id, the lock 2, the
    // scores sheet, the key looked for 2, the row appended: no authorization, no registry
    // sheet, no lock release (the execution's end releases it).
    expect(small).toBe(9);
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
    // The workbook list 2, openById, the state 2: the next daily run's instant is in the
    // state, so no time zone, no heartbeat, no trigger check, no sheet, no settings, no mail.
    expect(idle).toBe(5);
    expect(hour()).toBe(idle);
    const reads = counter.cellsRead;
    hour();
    expect(counter.cellsRead).toBe(reads);
  });

  test('the daily run with nothing to catch up: pinned, counts compared, no sheet read whole', () => {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'boyko');
    const form = h.emulator.forms.describe(formId);
    for (let i = 0; i < 3; i++) h.emulator.forms.submit(formId, answerForm(form, seededRandom(i + 1)));
    const counter = h.emulator.counter;
    const daily = () => {
      const mark = JSON.stringify(storedValue(h.emulator.metadata(), PROPERTY_KEYS.dailyDone));
      for (let hours = 0; hours < 26; hours++) {
        const before = { calls: counter.total(), read: counter.cellsRead };
        h.emulator.clock.advance(3_600_000);
        // Taken before the test looks at the marks: that look is a call of its own.
        const cost = { calls: counter.total() - before.calls, read: counter.cellsRead - before.read };
        if (JSON.stringify(storedValue(h.emulator.metadata(), PROPERTY_KEYS.dailyDone)) !== mark) return cost;
      }
      throw new Error('no daily run within a day');
    };
    // The first day catches up and computes everything; the second has nothing to do.
    daily();
    const quiet = daily();
    expect(quiet.calls).toBe(QUIET_DAY);
    // More responses, all scored on arrival: the same calls, the indicators recomputed.
    for (let i = 0; i < 20; i++) h.emulator.forms.submit(formId, answerForm(form, seededRandom(i + 10)));
    daily();
    const again = daily();
    expect(again).toEqual(quiet);
    // Only the settings sheet and the row counts (a header and a row per counted sheet, 2 columns).
    expect(quiet.read).toBe(sheetValues(h, 'Настройки').length * sheetValues(h, 'Настройки')[0].length + 3 * 2);
  });

  test('a school report submission: pinned, the indicators marked due, not computed', () => {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'school_report');
    const form = h.emulator.forms.describe(formId);
    const counter = h.emulator.counter;
    const filing = (seed: number) => {
      const before = counter.total();
      h.emulator.forms.submit(formId, answerForm(form, seededRandom(seed)));
      return counter.total() - before;
    };
    filing(1);
    h.emulator.clock.advance(3_600_000);
    // 19; this inconsistent filing adds its 3 log lines (the log sheet 1, one appendRow
    // each 3) and the fields' titles they name 2 (build/Data.html).
    expect(filing(2)).toBe(25);
    expect(sheetValues(h, 'Журнал').slice(-2).map((row) => row[4])).toEqual(['reportRejected', 'reportRejected']);
  });

  test('refreshIndicators: pinned, the time zone read once, the lock left to the end of the execution', () => {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'boyko');
    const form = h.emulator.forms.describe(formId);
    for (let i = 0; i < 5; i++) h.emulator.forms.submit(formId, answerForm(form, seededRandom(i + 1)));
    h.call('refreshIndicators');
    const counter = h.emulator.counter;
    const before = counter.snapshot();
    h.call('refreshIndicators');
    const calls = counter.since(before);
    expect(calls['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
    expect(calls['Lock.releaseLock']).toBeUndefined();
    // The context 3, the settings 3, the user 2, the lock 2, the report sheets 3, the
    // registry 3, the district data 1, the JSON column 2 (the scores sheet and one
    // getSheetValues down to its last row, which gives its row count too), the local time
    // 2, the two compared 2, the indicators' titles 2 (build/Data.html); then the panels'
    // snapshot 4: its sheet, its row count, one write.
    expect(calls['Utilities.formatDate']).toBe(1);
    expect(calls['Sheet.getLastRow']).toBe(1);
    expect(calls['HtmlService.createHtmlOutputFromFile']).toBe(1);
    expect(total(calls)).toBe(29);
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
    // The second refresh reads what the first wrote: the sheets it compares before writing.
    refresh();
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

describe('recalculation', () => {
  /** recalculateAll on a workbook of `responses` distinct boyko responses: its cost, and the sheets' sizes. */
  const recalculation = (responses: number) => {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'boyko');
    const form = h.emulator.forms.describe(formId);
    const random = seededRandom(5);
    for (let i = 0; i < responses; i++) {
      h.emulator.clock.advance(61_000);
      h.emulator.forms.submit(formId, answerForm(form, random));
    }
    const sheets = h.emulator.spreadsheet.getSheets();
    const raw = sheets.find((sheet) => sheet.getFormUrl())!;
    const scores = sheets.find((sheet) => sheet.getName().startsWith('Баллы'))!;
    // A daily run has written the row counts sheet the rebuild's end reads, whatever the size.
    h.emulator.clock.advance(24 * 3_600_000);
    // The indicators already hold what the rebuild computes, so both sizes skip that write alike.
    h.call('refreshIndicators');
    const counter = h.emulator.counter;
    const before = counter.snapshot();
    const [read, written] = [counter.cellsRead, counter.cellsWritten];
    expect(h.call('recalculateAll')).toMatchObject({ done: true, processed: responses });
    const calls = counter.since(before);
    return {
      byMethod: calls, calls: total(calls), formatDate: calls['Utilities.formatDate'] ?? 0,
      read: counter.cellsRead - read, written: counter.cellsWritten - written,
      rawCells: raw.getLastRow() * raw.getLastColumn(), scoreWidth: scores.getLastColumn(), scoreRows: scores.getLastRow() - 1,
    };
  };

  test('recalculateAll: pinned calls, the same for 20 and 200 responses; each raw cell read once, each score written once', () => {
    const small = recalculation(20);
    const large = recalculation(200);
    expect(large.scoreRows).toBe(200);
    // A few hundred calls whatever the size up to a chunk: most are the form's items
    // (3 per question, to learn reworded titles), none is per response.
    // An upper bound: the state adapter's metadata reads and writes follow which entries
    // the workbook holds (catch-up counts, due markers), not the responses.
    expect(small.calls).toBeLessThanOrEqual(RECALCULATION_CALLS);
    const perResponse = (cost: typeof small) => Object.fromEntries(Object.entries(cost.byMethod).filter(([method]) => !method.startsWith('DeveloperMetadata.')));
    expect(perResponse(large)).toEqual(perResponse(small));
    expect(large.formatDate).toBe(small.formatDate);
    // 180 more responses: their raw cells once, their key and JSON cells once more, and
    // their score rows written once.
    expect(large.read - small.read).toBeLessThanOrEqual(large.rawCells - small.rawCells + 2 * 180);
    expect(large.written - small.written).toBeLessThanOrEqual(180 * large.scoreWidth);
  });
});

test('a response stamped at local midnight, shown without its time, keeps its key through a recalculation', () => {
  const h = setUpWorkbook();
  const { formId } = h.call<{ formId: string }>('createSurveyForm', 'boyko');
  const form = h.emulator.forms.describe(formId);
  const random = seededRandom(9);
  // Moscow midnight: the sheet shows "dd.mm.yyyy", so this timestamp comes from its value.
  const midnight = Date.parse('2027-01-15T00:00:00+03:00');
  h.emulator.clock.advance(midnight - h.emulator.clock.now());
  h.emulator.forms.submit(formId, answerForm(form, random));
  h.emulator.clock.advance(1000);
  h.emulator.forms.submit(formId, answerForm(form, random));
  const scores = () => sheetValues(h, 'Баллы: Бойко').slice(1).map((row) => [row[0], row[1]]);
  const arrived = scores();
  expect(arrived.map((row) => row[1])).toEqual(['2027-01-15T00:00:00', '2027-01-15T00:00:01']);
  expect(h.call('recalculateAll')).toMatchObject({ done: true, processed: 2 });
  expect(scores()).toEqual(arrived);
});
