/** The form-submit pipeline: each response scored once, on arrival, under the document lock. */
import { inertRow } from '../core/text/inert';
import { eventTimestampTitle, processResponse } from '../core/scoring/pipeline';
import { isScored, isSurveyRecord, responseKey } from '../core/workbook/registry';
import { parseDisplayedTimestamp } from '../core/text/timestamps';
import { LogEntry } from '../core/workbook/log';
import { scoresKey } from '../core/workbook/sheets';
import { withLock } from './adapters/lock';
import { authorizationRequired } from './adapters/triggers';
import { writeBookJson } from './adapters/state';
import { activeWorkbook, appendRow, hasKey, Spreadsheet } from './adapters/workbook';
import { contextOf, layoutSheet } from './context';
import { logEntry, nowIso, writeLog } from './log';
import { readRegistry } from './registry';
import { processReportSubmission } from './reports';
import { noteAuthorizationRequired, retireIfNotOwner } from './schedule';
import { CATCH_UP_PROPERTY, ensureScoresSheet } from './recalc';


/**
 * Installable trigger, the workbook's only form-submit trigger. Event: the spreadsheet
 * form-submit event {values, namedValues, range, triggerUid, authMode, source}; uses its
 * values and range, never re-reads the response sheet. Result: one row appended to the
 * instrument's scores sheet (a school report: the indicators recomputed), or a log entry
 * saying why not (blank or repeated event, unregistered sheet, inconsistent report).
 * A response already processed — a duplicated event — changes nothing. A trigger whose
 * user no longer owns the workbook's trigger removes itself instead.
 */
export function onFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  if (!e || !e.range || !e.namedValues || !e.values) return;
  // The event names its spreadsheet (`source`, missing from the type definitions).
  const context = contextOf((e as { source?: Spreadsheet }).source ?? activeWorkbook());
  if (!context) return;
  if (authorizationRequired()) {
    // The raw row is safe in its sheet; once authorized again, the catch-up scores it.
    noteAuthorizationRequired(context);
    return;
  }
  // A former owner's trigger: the current owner's trigger scores this response.
  if (retireIfNotOwner(context, (e as { triggerUid?: string }).triggerUid)) return;
  const sheet = e.range.getSheet();
  const sheetName = sheet.getName();
  const row = e.range.getRow();
  const sheetId = sheet.getSheetId();

  const outcome = withLock(() => {
    const log: LogEntry[] = [];
    const record = readRegistry(context).find((r) => r.responseSheetId === sheetId && isScored(r));
    if (!record) {
      writeLog(context, [logEntry(context, sheetName, row, 'unregisteredSheet')]);
      return;
    }
    const first = e.values[0] ?? '';
    const byTitle: Record<string, string> = {};
    for (const [title, values] of Object.entries(e.namedValues)) byTitle[title] = values.join(', ');
    const timestampTitle = eventTimestampTitle(record, e.namedValues, first);
    const submittedAt = parseDisplayedTimestamp(first) ?? nowIso(context);
    if (!isSurveyRecord(record)) {
      processReportSubmission(context, record, byTitle, timestampTitle, sheetName, row, submittedAt);
      return;
    }
    const key = responseKey(sheetId, row);
    const processed = processResponse({ record, key, byTitle, timestampTitle, submittedAt, lang: context.lang });
    if (processed.kind === 'blank') {
      writeLog(context, [logEntry(context, sheetName, row, 'blankEvent')]);
      return;
    }
    const scores = layoutSheet(context, scoresKey(record.instrument)) ?? ensureScoresSheet(context, record.instrument);
    if (hasKey(scores, key)) {
      writeLog(context, [logEntry(context, sheetName, row, 'duplicateEvent')]);
      return;
    }
    appendRow(scores, inertRow(processed.row));
    if (processed.incompleteItems.length > 0) {
      log.push(logEntry(context, sheetName, row, 'incomplete', { items: processed.incompleteItems.join(', ') }));
    }
    if (processed.unmapped.length > 0) log.push(logEntry(context, sheetName, row, 'unmapped', { titles: processed.unmapped.join('; ') }));
    writeLog(context, log);
  });
  if (outcome === 'busy') {
    // The raw row is safe in its sheet; the scheduled job's catch-up scores it.
    writeBookJson(context.book, CATCH_UP_PROPERTY, true);
    writeLog(context, [logEntry(context, sheetName, row, 'lockBusy')]);
  }
}
