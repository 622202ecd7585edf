import { inertRow } from '../core/text/inert';
import { LogEntry, LogReason, logRow } from '../core/workbook/log';
import { appendRow, appendRows, formatLocalIso } from './adapters/workbook';
import { Context, contextTimeZone, layoutSheet } from './context';

/** The time now as local ISO text in the workbook's time zone. */
export function nowIso(context: Context): string {
  return formatLocalIso(new Date(), contextTimeZone(context));
}

export function logEntry(context: Context, sheet: string, row: number | '', reason: LogReason, params?: Record<string, string | number>): LogEntry {
  return { at: nowIso(context), sheet, row, reason, ...(params ? { params } : {}) };
}

/**
 * Appends entries to the protected log sheet. Reasons may quote respondents' text, so
 * rows are written inert.
 */
export function writeLog(context: Context, entries: LogEntry[]): void {
  if (entries.length === 0) return;
  const sheet = layoutSheet(context, 'log');
  if (!sheet) return;
  const rows = entries.map((entry) => inertRow(logRow(entry, context.lang)));
  if (rows.length === 1) appendRow(sheet, rows[0]);
  else appendRows(sheet, sheet.getLastRow() + 1, rows);
}
