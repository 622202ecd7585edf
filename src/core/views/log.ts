/**
 * The health-and-log panel's log: the newest entries of the protected log sheet, each
 * with its kind so the coordinator can filter them. The sheet keeps the reason already
 * written in plain language; its code says what kind of entry it is.
 */
import { LogReason } from '../workbook/log';

/** error: input was rejected or lost until someone acts; warning: kept but needs a look; info: done. */
export type LogLevel = 'error' | 'warning' | 'info';

/** A reason not listed here (one added later) shows as a warning until it is classed. */
const LEVELS: Partial<Record<LogReason, LogLevel>> = {
  unregisteredSheet: 'error',
  reportRejected: 'error',
  unreadableRegistry: 'error',
  rubricRowUnknown: 'error',
  registrySheetMismatch: 'error',
  authorizationRequired: 'error',
  settingsDamaged: 'error',
  settingsUnreadable: 'error',
  scheduledRunFailed: 'error',
  incomplete: 'warning',
  cellTruncated: 'warning',
  unmapped: 'warning',
  lockBusy: 'warning',
  formItemsChanged: 'warning',
  registerRowInvalid: 'warning',
  rubricValueInvalid: 'warning',
  triggerRecreated: 'warning',
  blankEvent: 'info',
  duplicateEvent: 'info',
  recalculated: 'info',
  recalculationPaused: 'info',
  formRelinked: 'info',
  staleScoresRemoved: 'info',
  triggerHandedOver: 'info',
};

export function logLevel(code: string): LogLevel {
  return LEVELS[code as LogReason] ?? 'warning';
}

export interface LogEntryView {
  at: string;
  sheet: string;
  row: number | null;
  code: string;
  level: LogLevel;
  text: string;
}

export interface LogView {
  /** Newest first, at most `limit`. */
  entries: LogEntryView[];
  /** All entries of the sheet, by level. */
  counts: Record<LogLevel, number>;
  total: number;
}

export const LOG_VIEW_LIMIT = 200;

/** Rows of the log sheet without its header: [time, sheet, row, reason text, code]. */
export function logView(rows: readonly unknown[][], limit = LOG_VIEW_LIMIT): LogView {
  const counts: Record<LogLevel, number> = { error: 0, warning: 0, info: 0 };
  const entries: LogEntryView[] = [];
  for (const [at, sheet, row, text, code] of rows) {
    if (String(text ?? '') === '' && String(code ?? '') === '') continue;
    const level = logLevel(String(code ?? ''));
    counts[level]++;
    const number = Number(row);
    entries.push({
      at: at instanceof Date ? at.toISOString() : String(at ?? ''), sheet: String(sheet ?? ''), row: row === '' || !Number.isFinite(number) ? null : number,
      code: String(code ?? ''), level, text: String(text ?? ''),
    });
  }
  return { entries: entries.reverse().slice(0, Math.max(0, limit)), counts, total: entries.length };
}
