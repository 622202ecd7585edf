/**
 * The row counts sheet, through the built bundle: the daily run reads every counted
 * sheet's rows in one call from formulas Sheets keeps current, asks the sheets themselves
 * when that sheet no longer lists them, and rewrites it then. Whatever happens to it or to
 * the sheets it counts, a response the form-submit trigger missed is still found and
 * scored once.
 */
import fc from 'fast-check';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { Harness, sheetValues, withResponses } from './harness';

const DAY = 24 * 3_600_000;
const COUNTS = 'Счётчики строк';
const SCORES = 'Баллы: Бойко';

interface Setup {
  h: Harness;
  formId: string;
  responseSheetName: string;
  submit: () => void;
  /** A response whose form-submit trigger fails at its first call: only the daily check can find it. */
  missed: () => void;
  /** The calls of the next daily run and how many of them asked a sheet for its last row. */
  daily: () => { calls: number; lastRows: number };
}

function setUp(seed = 3): Setup {
  const { h, formId, sheetName: responseSheetName, submit } = withResponses(0, seed);
  const missed = () => {
    h.emulator.counter.failAt(1);
    submit({ tolerateTriggerErrors: true });
    h.emulator.counter.failAt(null);
  };
  const daily = () => {
    const before = h.emulator.counter.snapshot();
    h.emulator.clock.advance(DAY);
    const calls = h.emulator.counter.since(before);
    return { calls: Object.values(calls).reduce((sum, n) => sum + n, 0), lastRows: calls['Sheet.getLastRow'] ?? 0 };
  };
  return { h, formId, responseSheetName, submit, missed, daily };
}

const rawRows = (h: Harness, name: string) => sheetValues(h, name).slice(1).filter((row) => row.some((cell) => cell !== ''));
const scoreKeys = (h: Harness) => sheetValues(h, SCORES).slice(1).map((row) => String(row[0]));

function expectEveryResponseScoredOnce(h: Harness, responseSheetName: string): void {
  const keys = scoreKeys(h);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys).toHaveLength(rawRows(h, responseSheetName).length);
}

test('the first daily run writes it: hidden, protected, one formula per counted sheet, each giving that sheet\'s rows', () => {
  const { h, responseSheetName, submit, daily } = setUp();
  for (let i = 0; i < 3; i++) submit();
  daily();
  const sheet = h.emulator.spreadsheet.getSheetByName(COUNTS)!;
  expect(sheet).not.toBeNull();
  expect(sheet.isSheetHidden()).toBe(true);
  const SpreadsheetApp = h.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  expect(protection.getEditors().map((user) => user.getEmail()).sort()).toEqual(['coordinator@district.example', 'methodist@district.example']);
  const raw = h.emulator.spreadsheet.getSheetByName(responseSheetName)!;
  const scores = h.emulator.spreadsheet.getSheetByName(SCORES)!;
  // The raw sheets (by id), then the scores sheet.
  expect(sheet.getRange(2, 1, 2, 1).getValues().map((row) => row[0])).toEqual([raw.getSheetId(), scores.getSheetId()]);
  const formulas = sheet.getRange(2, 2, 2, 1).getFormulas().map((row) => row[0]);
  expect(formulas).toEqual([`=COUNTA('${responseSheetName}'!A:A)`, `=COUNTA('${SCORES}'!A:A)`]);
  // Header included, as getLastRow counts it.
  expect(sheet.getRange(2, 2, 2, 1).getValues().map((row) => row[0])).toEqual([4, 4]);
});

test('a quiet day asks no sheet for its last row; a response the trigger missed is found through the counts and scored once', () => {
  const { h, responseSheetName, submit, missed, daily } = setUp();
  submit();
  daily();
  const quiet = daily();
  expect(quiet.lastRows).toBe(0);
  missed();
  expect(scoreKeys(h)).toHaveLength(1);
  // The day after: the counts left their baseline, so the catch-up reads that sheet and scores it.
  daily();
  expectEveryResponseScoredOnce(h, responseSheetName);
  expect(scoreKeys(h)).toHaveLength(2);
  expect(daily().lastRows).toBe(0);
});

test('a renamed response sheet, even to a hostile name, is still counted by the same formula: no sheet asked, nothing rewritten', () => {
  const { h, responseSheetName, missed, daily, submit } = setUp();
  submit();
  daily();
  const hostile = `O'Brien !'A:A) =IMPORTXML("x") 'ответы'`;
  h.emulator.spreadsheet.getSheetByName(responseSheetName)!.setName(hostile);
  expect(daily().lastRows).toBe(0);
  missed();
  daily();
  expectEveryResponseScoredOnce(h, hostile);
  expect(scoreKeys(h)).toHaveLength(2);
  // Sheets carried the reference over to the new name; the add-on wrote nothing.
  expect(h.emulator.spreadsheet.getSheetByName(COUNTS)!.getRange(2, 2).getFormula()).toBe(`=COUNTA('${hostile.replace(/'/g, "''")}'!A:A)`);
  expect(daily().lastRows).toBe(0);
});

test('deleted by hand, or no longer listing the sheets (a form linked since): that day asks each sheet, and rewrites it', () => {
  const { h, responseSheetName, missed, daily, submit } = setUp();
  submit();
  daily();
  h.emulator.spreadsheet.deleteSheet(h.emulator.spreadsheet.getSheetByName(COUNTS)!);
  missed();
  const repair = daily();
  expect(repair.lastRows).toBeGreaterThan(0);
  expect(h.emulator.spreadsheet.getSheetByName(COUNTS)).not.toBeNull();
  expectEveryResponseScoredOnce(h, responseSheetName);
  expect(daily().lastRows).toBe(0);
  // A second boyko form: its sheet is counted from the next daily run on.
  const second = h.call<{ formId: string; responseSheetName: string }>('createSurveyForm', 'boyko');
  h.emulator.counter.failAt(1);
  h.emulator.forms.submit(second.formId, answerForm(h.emulator.forms.describe(second.formId), seededRandom(9)), { tolerateTriggerErrors: true });
  h.emulator.counter.failAt(null);
  expect(daily().lastRows).toBeGreaterThan(0);
  expect(scoreKeys(h)).toHaveLength(rawRows(h, responseSheetName).length + rawRows(h, second.responseSheetName).length);
  expect(sheetValues(h, COUNTS).slice(1)).toHaveLength(3);
  expect(daily().lastRows).toBe(0);
});

type Step = 'submit' | 'missed' | 'day' | 'rename' | 'dropCounts' | 'editCount' | 'deleteRawRow';

test('any sequence of responses, missed ones, renames, deletions and hand edits ends with every response scored once', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom<Step>('submit', 'submit', 'missed', 'day', 'rename', 'dropCounts', 'editCount', 'deleteRawRow'), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 1, max: 1000 }),
      (steps, seed) => {
        const { h, responseSheetName, submit, missed, daily } = setUp(seed);
        let name = responseSheetName;
        for (const [i, step] of steps.entries()) {
          if (step === 'submit') submit();
          else if (step === 'missed') missed();
          else if (step === 'day') daily();
          else if (step === 'rename') {
            const next = `Ответы '${i}' !A:A`;
            h.emulator.spreadsheet.getSheetByName(name)!.setName(next);
            name = next;
          } else if (step === 'dropCounts') {
            const sheet = h.emulator.spreadsheet.getSheetByName(COUNTS);
            if (sheet) h.emulator.spreadsheet.deleteSheet(sheet);
          } else if (step === 'editCount') {
            // The owner types over a formula (protection does not stop the owner).
            h.emulator.spreadsheet.getSheetByName(COUNTS)?.getRange(2, 2).setValue('много');
          } else {
            const sheet = h.emulator.spreadsheet.getSheetByName(name)!;
            if (sheet.getLastRow() >= 2) sheet.deleteRow(2);
          }
        }
        daily();
        daily();
        const scored = scoreKeys(h);
        expect(new Set(scored).size).toBe(scored.length);
        // A rebuild scores each raw row alone: every key it makes was there already (a raw
        // row deleted by hand leaves its score behind until a rebuild, hence a superset).
        expect(h.call('recalculateAll')).toMatchObject({ done: true });
        expectEveryResponseScoredOnce(h, name);
        expect(scoreKeys(h).filter((key) => !scored.includes(key))).toEqual([]);
      },
    ),
    { numRuns: 15, seed: 20261201 },
  );
});
