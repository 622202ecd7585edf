/**
 * What mail is due, decided from data alone: the settings, today's date, the ledger of
 * what was sent (the mail sheet) and which schools have not reported. The server then
 * sends what the daily quota allows and writes the outcome back to the ledger.
 *
 * Exactly once: a ledger entry per message key — `summary:<month>`,
 * `reminder:<period>:<school>:<round>`. Only an absent entry or a queued one (a send that
 * failed or waited for quota) is due. An entry left `sending` by an execution that died
 * between the marker and the send's outcome is never resent: the add-on errs towards a
 * missing email over a duplicate one, and says so in the log.
 */
import { parsePeriod, previousPeriod } from '../periods';
import { MailSettings } from '../mail-settings';

export type MailKind = 'summary' | 'reminder';
export type SendStatus = 'sending' | 'sent' | 'queued' | 'unknown' | 'cancelled';

export interface LedgerEntry {
  key: string;
  kind: MailKind;
  /** The month summarized, or the reporting period a reminder is about. */
  period: string;
  school: string;
  recipients: string[];
  subject: string;
  status: SendStatus;
  /** Local ISO date-time of the last change. */
  at: string;
  attempts: number;
  /** Why it is queued: the error of the last attempt, or 'quota'. */
  error: string;
}

export type MailJob =
  | { kind: 'summary'; key: string; month: string; recipients: string[] }
  | { kind: 'reminder'; key: string; period: string; school: string; email: string; round: 1 | 2 };

export interface MailPlanInput {
  /** Local ISO date. */
  today: string;
  settings: MailSettings;
  coordinators: readonly string[];
  ledger: ReadonlyMap<string, LedgerEntry>;
  /** The first month whose summary may go out: the month mail started in the workbook. */
  since: string;
  /** The reporting period reminders are about, and the schools without a report for it. */
  reportPeriod: string | null;
  notReported: readonly string[];
}

export interface MailPlan {
  jobs: MailJob[];
  /** Queued reminders no longer needed: the school filed, or its address was removed. */
  cancel: string[];
}

export const summaryKey = (month: string) => `summary:${month}`;
export const reminderKey = (period: string, school: string, round: 1 | 2) => `reminder:${period}:${school}:${round}`;

function dayOf(isoDate: string): number {
  return Number(isoDate.slice(8, 10));
}

/** Whole days from one ISO date (or date-time) to another. */
export function daysBetween(from: string, to: string): number {
  const ms = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

const due = (entry: LedgerEntry | undefined) => entry === undefined || entry.status === 'queued';

export function planMail(input: MailPlanInput): MailPlan {
  const { settings, ledger, today } = input;
  const jobs: MailJob[] = [];
  const cancel: string[] = [];

  // The summary of the month before, from its day on; a missed day is made up later in the month.
  const month = previousPeriod(today.slice(0, 7));
  const recipients = settings.recipients.length > 0 ? settings.recipients : [...input.coordinators];
  if (settings.summaryEnabled && dayOf(today) >= settings.summaryDay && month >= input.since && recipients.length > 0) {
    const key = summaryKey(month);
    if (due(ledger.get(key))) jobs.push({ kind: 'summary', key, month, recipients });
  }

  const missing = new Set(input.notReported);
  const period = input.reportPeriod;
  const contacts = new Map(settings.contacts.map((contact) => [contact.school, contact.email]));
  if (period !== null && settings.reminderDay !== null) {
    for (const [school, email] of contacts) {
      if (!missing.has(school)) continue;
      const first = ledger.get(reminderKey(period, school, 1));
      if (first === undefined ? dayOf(today) === settings.reminderDay : first.status === 'queued') {
        jobs.push({ kind: 'reminder', key: reminderKey(period, school, 1), period, school, email, round: 1 });
        continue;
      }
      if (first?.status !== 'sent' || settings.repeatAfterDays === null) continue;
      const second = ledger.get(reminderKey(period, school, 2));
      if (second === undefined ? daysBetween(first.at, today) >= settings.repeatAfterDays : second.status === 'queued') {
        jobs.push({ kind: 'reminder', key: reminderKey(period, school, 2), period, school, email, round: 2 });
      }
    }
  }
  for (const entry of ledger.values()) {
    if (entry.kind !== 'reminder' || entry.status !== 'queued') continue;
    const stillNeeded = entry.period === period && missing.has(entry.school) && contacts.has(entry.school) && settings.reminderDay !== null;
    if (!stillNeeded) cancel.push(entry.key);
  }
  return { jobs, cancel };
}

/** The last day to file a report for a period: its last day (ISO date). */
export function reportDeadline(period: string): string {
  const parsed = parsePeriod(period);
  if (!parsed) throw new Error(`not a period: "${period}"`);
  return parsed.end;
}



