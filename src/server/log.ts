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
  // One appendRow is one call; a batch is five (its first row, the grid's two sizes, the
  // range, the write): a filing's few lines go one by one.
  if (rows.length < 5) for (const row of rows) appendRow(sheet, row);
  else appendRows(sheet, sheet.getLastRow() + 1, rows);
}
