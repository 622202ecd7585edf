/** The form-submit pipeline: each response scored once, on arrival, under the document lock. */
import { inertRow } from '../core/text/inert';
import { eventTimestampTitle, ProcessedResponse, processResponse } from '../core/workbook/pipeline';
import { compactAnswers, CompactRegistry, compactRecord, FormRecord, isScored, isSurveyRecord, SurveyRecord, titleHash } from '../core/workbook/registry';
import { PROPERTY_KEYS } from '../core/workbook/state-keys';
import { contentKey, keysOfRows } from '../core/workbook/response-key';
import { fitCells, MAX_CELL_TEXT } from '../core/text/cells';
import { parseDisplayedTimestamp } from '../core/text/timestamps';
import { LogEntry, LogReason } from '../core/workbook/log';
import { scoresKey } from '../core/workbook/sheets';
import { withLock } from './adapters/lock';
import { authorizationRequired } from './adapters/triggers';
import { readBookJson, writeBookJson } from './adapters/state';
import { activeWorkbook, appendRow, hasKey, isSheetDate, mayHaveKey, keyedRow, Sheet, Spreadsheet } from './adapters/workbook';
import { Context, contextOf, contextTimeZone, layoutSheet } from './context';
import { nowIso, writeLog } from './log';
import { readRegistry, refreshItemTitles, syncCompactRegistry, writeRegistry } from './registry';
import { processReportSubmission } from './reports';
import { noteAuthorizationRequired, retireIfNotOwner } from './schedule';
import { CATCH_UP_PROPERTY, ensureScoresSheet } from './recalc';


/**
 * The key of a raw row counted among the rows above it (see core/workbook/response-key).
 * Only rows stamped in the same second can share its key, so only those are keyed.
 */
function keyOfRow(context: Context, sheet: Sheet, sheetId: number, row: number): string | null {
  if (row < 2) return null;
  const timeZone = contextTimeZone(context);
  const values = sheet.getRange(2, 1, row - 1, Math.max(1, sheet.getLastColumn())).getValues();
  const second = (cell: unknown) => (isSheetDate(cell) ? Math.floor(cell.getTime() / 1000) : String(cell));
  const own = second(values[values.length - 1][0]);
  const same = values.filter((cells) => second(cells[0]) === own);
  return keysOfRows(sheetId, same.map((cells) => keyedRow(cells, timeZone)))[same.length - 1] ?? null;
}

/** Re-reads a record's item titles from its form; true when the registry learnt a title. */
function refreshTitles(context: Context, records: FormRecord[], record: FormRecord): boolean {
  const before = JSON.stringify(record.items);
  refreshItemTitles([record]);
  if (JSON.stringify(record.items) === before) return false;
  writeRegistry(context, records);
  return true;
}

/**
 * Installable trigger, the workbook's only form-submit trigger. Event: the spreadsheet
 * form-submit event {values, namedValues, range, triggerUid, authMode, source}; uses its
 * values and range, never re-reads the response sheet. Result: one row appended to the
 * instrument's scores sheet (a school report: the indicators marked due for the hourly
 * job), or a log entry saying why not (blank or repeated event, unregistered sheet,
 * inconsistent report). A response already processed — a duplicated event — changes
 * nothing. A trigger whose user no longer owns the workbook's trigger removes itself
 * instead. A run that fails part-way leaves the response to the next hour's catch-up.
 *
 * Every service call here is paid on every response, so only those the response needs
 * are made: the workbook's state in one read (the registry's compact form among it), the
 * sheet by its grid id, its name and row only for a log line. Authorization is asked
 * only when a call has failed: "some script executions can start without a user's
 * consent to all required scopes" (AuthorizationInfo), and then the calls needing them
 * fail; a response whose calls all succeed needs no answer to that question.
 */
export function onFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  if (!e || !e.range || !e.namedValues || !e.values) return;
  // The event names its spreadsheet (`source`, missing from the type definitions).
  const book = (e as { source?: Spreadsheet }).source ?? activeWorkbook();
  let context: Context | null = null;
  try {
    context = contextOf(book);
    if (!context) return;
    scoreEvent(context, e);
  } catch (error) {
    if (authorizationRequired()) {
      // The raw row is safe in its sheet; once authorized again, the catch-up scores it.
      noteAuthorizationRequired(context);
      return;
    }
    // Whatever failed (a service call, the 6-minute limit), the raw row is in its sheet:
    // the scheduled job's catch-up scores it within the hour, once.
    if (context) writeBookJson(context.book, CATCH_UP_PROPERTY, true);
    throw error;
  }
}

/**
 * The response scored through the compact registry: its titles compared as hashes, as
 * mapResponse compares them (trimmed). Null when the sheet is not in it, or when an
 * answered title is unknown to it: the registry sheet then decides, as it always did
 * (a reworded question, an unregistered sheet), and names the titles in its log lines.
 */
function scoreByCompact(context: Context, e: GoogleAppsScript.Events.SheetsOnFormSubmit, sheetId: number, pairs: ReadonlyArray<[string, string]>,
  key: string, submittedAt: string): { record: SurveyRecord; processed: ProcessedResponse } | null {
  const record = compactRecord(readBookJson<CompactRegistry>(context.book, PROPERTY_KEYS.forms), sheetId);
  if (!record) return null;
  const first = e.values[0] ?? '';
  const questions = new Set(record.items.flatMap((item) => item.titles));
  // The timestamp column, as eventTimestampTitle finds it.
  let timestampTitle = '';
  for (const [title, values] of Object.entries(e.namedValues)) {
    if (!questions.has(titleHash(title)) && values[0] === first) {
      timestampTitle = title;
      break;
    }
  }
  const byTitle = compactAnswers(pairs, timestampTitle);
  const processed = processResponse({ record, key, byTitle, timestampTitle: '', submittedAt, lang: context.lang });
  return processed.kind === 'scored' && processed.unmapped.length > 0 ? null : { record, processed };
}

function scoreEvent(context: Context, e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  // A former owner's trigger: the current owner's trigger scores this response.
  if (retireIfNotOwner(context, (e as { triggerUid?: string }).triggerUid)) return;
  const sheetId = e.range.getGridId();
  const first = e.values[0] ?? '';
  let row: number | undefined;
  const rowOf = () => (row ??= e.range.getRow());
  // Log lines are stamped with the response's own time: no clock read for them.
  const submittedAt = parseDisplayedTimestamp(first) ?? nowIso(context);
  const entry = (sheetName: string, reason: LogReason, params?: Record<string, string | number>): LogEntry =>
    ({ at: submittedAt, sheet: sheetName, row: rowOf(), reason, ...(params ? { params } : {}) });
  // Every column separately, in order: two columns may share a title and both count.
  const pairs: Array<[string, string]> = [];
  for (const [title, values] of Object.entries(e.namedValues)) {
    for (const value of values) pairs.push([title, value]);
  }

  const outcome = withLock(() => {
    const log: LogEntry[] = [];
    let key = contentKey(sheetId, { submittedAt, cells: e.values.slice(1) });
    const compact = scoreByCompact(context, e, sheetId, pairs, key, submittedAt);
    let record: FormRecord;
    let processed: ProcessedResponse;
    if (compact) ({ record, processed } = compact);
    else {
      const records = readRegistry(context);
      syncCompactRegistry(context, records);
      const found = records.find((r) => r.responseSheetId === sheetId && isScored(r));
      if (!found) {
        writeLog(context, [entry(e.range.getSheet().getName(), 'unregisteredSheet')]);
        return;
      }
      record = found;
      const timestampTitle = eventTimestampTitle(record, e.namedValues, first);
      if (!isSurveyRecord(record)) {
        processReportSubmission(context, record, key, pairs, timestampTitle, record.responseSheetName, rowOf(), submittedAt);
        return;
      }
      const survey = record;
      processed = processResponse({ record: survey, key, byTitle: pairs, timestampTitle, submittedAt, lang: context.lang });
      if (processed.kind === 'scored' && processed.unmapped.length > 0 && refreshTitles(context, records, record)) {
        // A question reworded since the registry last looked: its new title now maps.
        processed = processResponse({ record: survey, key, byTitle: pairs, timestampTitle, submittedAt, lang: context.lang });
      }
    }
    const sheetName = record.responseSheetName;
    if (processed.kind === 'blank') {
      writeLog(context, [entry(sheetName, 'blankEvent')]);
      return;
    }
    if (!isSurveyRecord(record)) return;
    const scores = layoutSheet(context, scoresKey(record.instrument)) ?? ensureScoresSheet(context, record.instrument);
    if (mayHaveKey(scores, key) && hasKey(scores, key)) {
      // This response again (a repeated event), or an identical one in the same second:
      // the raw sheet's order tells them apart, at the cost of one read, only here.
      key = keyOfRow(context, e.range.getSheet(), sheetId, rowOf()) ?? key;
      if (hasKey(scores, key)) {
        writeLog(context, [entry(sheetName, 'duplicateEvent')]);
        return;
      }
      processed = { ...processed, row: [key, ...processed.row.slice(1)] };
    }
    const fitted = fitCells(processed.row);
    appendRow(scores, inertRow(fitted.row));
    if (fitted.truncated) log.push(entry(sheetName, 'cellTruncated', { max: MAX_CELL_TEXT }));
    if (processed.incompleteItems.length > 0) {
      log.push(entry(sheetName, 'incomplete', { items: processed.incompleteItems.join(', ') }));
    }
    if (processed.unmapped.length > 0) log.push(entry(sheetName, 'unmapped', { titles: processed.unmapped.join('; ') }));
    writeLog(context, log);
  }, { untilEnd: true });
  if (outcome === 'busy') {
    // The raw row is safe in its sheet; the scheduled job's catch-up scores it.
    writeBookJson(context.book, CATCH_UP_PROPERTY, true);
    writeLog(context, [entry(e.range.getSheet().getName(), 'lockBusy')]);
  }
}
