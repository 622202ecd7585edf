/**
 * The mail sheet: one row per message key with what became of it. It is both the
 * coordinators' record of what the add-on sent and the job's exactly-once marker, kept in
 * the workbook where a scheduled run finds it without document properties.
 */
import { Lang } from '../text/i18n';
import { LedgerEntry, MailKind, SendStatus } from './plan';

const HEADER: Record<Lang, string[]> = {
  ru: ['Ключ', 'Вид', 'Период', 'Школа', 'Получатели', 'Тема', 'Статус', 'Изменено', 'Попыток', 'Причина'],
  en: ['Key', 'Kind', 'Period', 'School', 'Recipients', 'Subject', 'Status', 'Changed', 'Attempts', 'Reason'],
};

/** The first row after the header: the month mail started, before which no summary is sent. */
const START_PREFIX = 'start:';
const KINDS: readonly MailKind[] = ['summary', 'reminder'];
const STATUSES: readonly SendStatus[] = ['sending', 'sent', 'queued', 'unknown', 'cancelled'];

export function ledgerHeader(lang: Lang): string[] {
  return HEADER[lang];
}

export function startRow(month: string): string[] {
  return [`${START_PREFIX}${month}`, '', month, '', '', '', '', '', '', ''];
}

/** The row saying on which day the reminders were last checked against the reports. */
export const CHECK_KEY = 'check';

export function checkRow(date: string): string[] {
  return [CHECK_KEY, '', date, '', '', '', '', '', '', ''];
}

export function ledgerRow(entry: LedgerEntry): unknown[] {
  return [entry.key, entry.kind, entry.period, entry.school, entry.recipients.join(', '), entry.subject, entry.status, entry.at, entry.attempts, entry.error];
}

export interface Ledger {
  since: string | null;
  /** The day reminders were last checked (ISO date), or null. */
  checkedOn: string | null;
  entries: Map<string, LedgerEntry>;
  /** Sheet row (1-based) of each key, for updating one row in place. */
  rows: Map<string, number>;
  /** Rows in the sheet, header included. */
  length: number;
}

/** Reads the sheet's rows (header included). A row that is not an entry is ignored, never rewritten. */
export function parseLedger(table: readonly (readonly unknown[])[]): Ledger {
  const ledger: Ledger = { since: null, checkedOn: null, entries: new Map(), rows: new Map(), length: Math.max(1, table.length) };
  table.slice(1).forEach((row, index) => {
    const key = String(row[0] ?? '').trim();
    if (key.startsWith(START_PREFIX)) {
      ledger.since = ledger.since ?? key.slice(START_PREFIX.length);
      return;
    }
    if (key === CHECK_KEY) {
      ledger.checkedOn = String(row[2] ?? '');
      ledger.rows.set(CHECK_KEY, index + 2);
      return;
    }
    const kind = String(row[1] ?? '') as MailKind;
    const status = String(row[6] ?? '') as SendStatus;
    if (!key || !KINDS.includes(kind) || !STATUSES.includes(status)) return;
    ledger.entries.set(key, {
      key, kind, status,
      period: String(row[2] ?? ''),
      school: String(row[3] ?? ''),
      recipients: String(row[4] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      subject: String(row[5] ?? ''),
      at: String(row[7] ?? ''),
      attempts: Number(row[8]) || 0,
      error: String(row[9] ?? ''),
    });
    ledger.rows.set(key, index + 2);
  });
  return ledger;
}
