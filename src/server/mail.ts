/**
 * Mail: the monthly summary to district leadership and reminders to schools that have not
 * reported. The scheduled job calls sendDueMail with the workbook it opened; the sidebar
 * calls the endpoints. Exactly once per message key: see core/mail/plan.ts.
 */
import { tr } from '../core/text/i18n';
import { ERRORS, PROTECTION_DESCRIPTION } from '../core/text/messages';
import { inertRow } from '../core/text/inert';
import { periodOf, previousPeriod } from '../core/periods';
import { Settings, settingsHeader, settingsToRows } from '../core/settings';
import { LogEntry } from '../core/workbook/log';
import { MAIL_SHEET } from '../core/workbook/sheets';
import { SCHOOL_REPORT } from '../core/reports/school-report';
import { CHECK_KEY, checkRow, Ledger, ledgerHeader, ledgerRow, parseLedger, startRow } from '../core/mail/ledger';
import { LedgerEntry, MailJob, planMail, reportDeadline, summaryKey } from '../core/mail/plan';
import { reminderHtml, reminderSubject, reminderText } from '../core/mail/reminder-email';
import { DEFAULT_MAIL_SETTINGS, isMailRow, MailSettings, MailSettingsInput, mailSettingsFromRows, mailSettingsToRows, validateMailSettings } from '../core/mail-settings';
import { summaryHtml, summarySubject, summaryText } from '../core/mail/summary-email';
import { inMonth, monthlySummaryView } from '../core/views/monthly-summary';
import type { MailMessageView, MailSettingsView, SaveMailSettingsResult } from '../core/views/mail';
import { withLock } from './adapters/lock';
import { isQuotaError, OutgoingMail, remainingMailQuota, sendMail } from './adapters/mail';
import { appendRows, flushWorkbook, protectSheet, readRows, replaceRows, Sheet, workbookUrl } from './adapters/workbook';
import { Context, ensureLayoutSheet, layoutSheet, readSettings, requireContext, saveLayout, settingsSheetRows, UserError } from './context';
import { logEntry, nowIso, writeLog } from './log';
import { readRegistry } from './registry';
import { IndicatorSources, indicatorsFrom, presetOf, readIndicatorSources } from './reports';
import { scoreWorkbookRubric } from './rubric';
import { readBookJson, writeBookJson } from './adapters/state';
import { hash53 } from '../core/workbook/response-key';
import { PROPERTY_KEYS } from '../core/workbook/state-keys';

const MAIL_KEY = 'mail';

/** The mail sheet, created (protected, with the month mail starts) when missing. */
export function ensureMailSheet(context: Context, settings: Settings): Sheet {
  const existing = layoutSheet(context, MAIL_KEY);
  if (existing) return existing;
  const sheet = ensureLayoutSheet(context, MAIL_KEY, MAIL_SHEET, ledgerHeader(context.lang));
  appendRows(sheet, 2, [startRow(nowIso(context).slice(0, 7))]);
  saveLayout(context);
  protectSheet(sheet, settings.coordinators, tr(PROTECTION_DESCRIPTION, context.lang));
  return sheet;
}

/** The mail rows of the settings sheet, checked against the workbook's schools. */
function readMailSettings(context: Context, settings: Settings): { ok: true; value: MailSettings } | { ok: false; errors: string[] } {
  return validateMailSettings(mailSettingsFromRows(settingsSheetRows(context)), context.lang, settings.schools);
}

/** The summary of a month, rendered in the mail language, from sources read once. */
function summaryMessage(context: Context, settings: Settings, mail: MailSettings, month: string, sources: IndicatorSources, today: string): OutgoingMail & { month: string } {
  const period = periodOf(`${month}-01`, sources.preset.reportingPeriod);
  const view = monthlySummaryView({
    lang: mail.lang, month, today, districtName: settings.districtName, workbookUrl: workbookUrl(context.book),
    preset: sources.preset, indicators: indicatorsFrom(sources, settings, period), schools: settings.schools, highBurnoutPercent: settings.highBurnoutPercent,
    activity: {
      responses: sources.scores.filter((row) => inMonth(month, row.date)).length,
      reports: sources.reports.accepted.filter((report) => report.subject === null && report.submittedAt && inMonth(month, report.submittedAt)).length,
    },
    rubric: scoreWorkbookRubric(context, settings),
  });
  const recipients = mail.recipients.length > 0 ? mail.recipients : settings.coordinators;
  return { month, to: recipients, subject: summarySubject(view), text: summaryText(view), html: summaryHtml(view) };
}

function reportFormUrl(context: Context): string {
  const active = readRegistry(context).filter((record) => record.instrument === SCHOOL_REPORT && record.status !== 'replaced');
  return active.length > 0 ? active[active.length - 1].publishedUrl : '';
}

interface LedgerWriter {
  ledger: Ledger;
  put(entry: LedgerEntry): void;
  checked(date: string): void;
}

/** Updates a key's row in place or appends it: one write per change, whatever the ledger's size. */
function ledgerWriter(sheet: Sheet): LedgerWriter {
  const ledger = parseLedger(readRows(sheet));
  const write = (key: string, row: unknown[]) => {
    let at = ledger.rows.get(key);
    if (at === undefined) {
      at = ++ledger.length;
      ledger.rows.set(key, at);
    }
    // Subjects quote school and district names: stored inert like all people's text.
    appendRows(sheet, at, [inertRow(row)]);
  };
  return {
    ledger,
    put(entry) {
      ledger.entries.set(entry.key, entry);
      write(entry.key, ledgerRow(entry));
    },
    checked(date) {
      ledger.checkedOn = date;
      write(CHECK_KEY, checkRow(date));
    },
  };
}

export interface MailRun {
  sent: number;
  queued: number;
  busy?: true;
}

/**
 * The scheduled job's mail step, for a workbook the caller has opened (no active
 * spreadsheet, document properties or document lock needed). Sends what is due, as far as
 * the daily quota allows; the rest waits in the mail sheet for a later run. Most runs
 * have nothing to send: they find that out without the lock, from the mail sheet, or
 * without reading it while the day its last reading found work for is still ahead.
 * `now`: the caller's local time when it has just read it (the daily run), else read here.
 */
export function sendDueMail(context: Context, settings: Settings = readSettings(context), now: string = nowIso(context)): MailRun {
  const today = now.slice(0, 10);
  const rows = hash53(JSON.stringify(settingsSheetRows(context)));
  const quiet = readBookJson<MailQuiet>(context.book, QUIET_KEY);
  if (quiet && quiet.rows === rows && today < quiet.until) return { sent: 0, queued: 0 };
  const mail = readMailSettings(context, settings);
  const sheet = ensureMailSheet(context, settings);
  const ledger = parseLedger(readRows(sheet));
  if (!workToDo(settings, mail, ledger, now)) {
    const until = firstDayWithWork(settings, mail, ledger, today);
    if (quiet?.rows !== rows || quiet.until !== until) writeBookJson(context.book, QUIET_KEY, { until, rows } satisfies MailQuiet);
    return { sent: 0, queued: 0 };
  }
  const outcome = withLock(() => runMail(context, settings, mail, sheet, now));
  return outcome === 'busy' ? { sent: 0, queued: 0, busy: true } : outcome;
}

/**
 * What the mail step last found in the mail sheet: nothing to do before `until`, with the
 * settings sheet's rows as they were then (their hash). The ledger changes only when the
 * step has work, so until that day, with the same settings, the sheet need not be read.
 */
interface MailQuiet { until: string; rows: string }

const QUIET_KEY = PROPERTY_KEYS.mailQuiet;

/** Beyond this the step looks at the mail sheet again anyway. */
const QUIET_LOOKAHEAD_DAYS = 62;

/** The first day after `today` on which this ledger and these settings give the step work (or the look-ahead's end). */
function firstDayWithWork(settings: Settings, mail: ReturnType<typeof readMailSettings>, ledger: Ledger, today: string): string {
  const midnight = Date.parse(`${today}T00:00:00Z`);
  let day = today;
  for (let days = 1; days <= QUIET_LOOKAHEAD_DAYS; days++) {
    day = new Date(midnight + days * 86_400_000).toISOString().slice(0, 10);
    if (workToDo(settings, mail, ledger, day)) break;
  }
  return day;
}

const settingsNoticeKey = (today: string) => `notice:settings:${today}`;

/**
 * A first plan that assumes every school with an address is missing its report. Reminders
 * are checked against the reports once a day (what waits, waits for tomorrow); a summary
 * that is due is tried every run.
 */
function roughPlan(settings: Settings, mail: MailSettings, ledger: Ledger, today: string) {
  const reportPeriod = periodOf(today, presetOf(settings).reportingPeriod);
  const base = { today, settings: mail, coordinators: settings.coordinators, ledger: ledger.entries, since: ledger.since ?? today.slice(0, 7), reportPeriod };
  const rough = planMail({ ...base, notReported: mail.contacts.map((contact) => contact.school) });
  return {
    base,
    summaryDue: rough.jobs.some((job) => job.kind === 'summary'),
    remindersDue: ledger.checkedOn !== today && (rough.cancel.length > 0 || rough.jobs.some((job) => job.kind === 'reminder')),
  };
}

function workToDo(settings: Settings, mail: ReturnType<typeof readMailSettings>, ledger: Ledger, now: string): boolean {
  const today = now.slice(0, 10);
  if (!mail.ok) return !ledger.rows.has(settingsNoticeKey(today));
  if ([...ledger.entries.values()].some((entry) => entry.status === 'sending')) return true;
  const rough = roughPlan(settings, mail.value, ledger, today);
  return rough.summaryDue || rough.remindersDue;
}

function runMail(context: Context, settings: Settings, mail: ReturnType<typeof readMailSettings>, sheet: Sheet, now: string): MailRun {
  const run: MailRun = { sent: 0, queued: 0 };
  const today = now.slice(0, 10);
  // Read again under the lock: another execution may have sent in between.
  const writer = ledgerWriter(sheet);
  const log: LogEntry[] = [];
  try {
    if (!mail.ok) {
      if (!writer.ledger.rows.has(settingsNoticeKey(today))) {
        log.push(logEntry(context, '', '', 'mailSettingsInvalid', { errors: mail.errors.join(' ') }));
        writer.put({ key: settingsNoticeKey(today), kind: 'summary', period: today, school: '', recipients: [], subject: '', status: 'cancelled', at: now, attempts: 0, error: 'settings' });
      }
      return run;
    }
    // An execution that died between its marker and the send's outcome: never resent.
    for (const entry of writer.ledger.entries.values()) {
      if (entry.status !== 'sending') continue;
      writer.put({ ...entry, status: 'unknown', at: now });
      log.push(logEntry(context, '', '', 'mailUncertain', { subject: entry.subject }));
    }
    const { base, summaryDue, remindersDue } = roughPlan(settings, mail.value, writer.ledger, today);
    if (!summaryDue && !remindersDue) return run;

    const sources = readIndicatorSources(context, settings);
    const notReported = indicatorsFrom(sources, settings, base.reportPeriod).missingReports;
    const planned = planMail({ ...base, notReported });
    const plan = remindersDue ? planned : { jobs: planned.jobs.filter((job) => job.kind === 'summary'), cancel: [] };
    if (remindersDue) writer.checked(today);
    for (const key of plan.cancel) {
      const entry = writer.ledger.entries.get(key)!;
      writer.put({ ...entry, status: 'cancelled', at: now });
      log.push(logEntry(context, '', '', 'mailCancelled', { school: entry.school }));
    }
    const formUrl = plan.jobs.some((job) => job.kind === 'reminder') ? reportFormUrl(context) : '';
    for (const job of plan.jobs) {
      const message = job.kind === 'summary'
        ? summaryMessage(context, settings, mail.value, job.month, sources, today)
        : reminderMessage(settings, mail.value, job, formUrl);
      if (attempt(context, writer, job, message, now, log)) run.sent++;
      else run.queued++;
    }
    return run;
  } finally {
    writeLog(context, log);
  }
}

function reminderMessage(settings: Settings, mail: MailSettings, job: Extract<MailJob, { kind: 'reminder' }>, formUrl: string): OutgoingMail {
  const view = { lang: mail.lang, school: job.school, district: settings.districtName, period: job.period, deadline: reportDeadline(job.period), formUrl, round: job.round };
  return { to: [job.email], subject: reminderSubject(view), text: reminderText(view), html: reminderHtml(view) };
}

/**
 * One message: counted against the quota, marked `sending` and flushed before the send,
 * then `sent`, or `queued` with the reason when MailApp refused it (nothing was sent then).
 */
function attempt(context: Context, writer: LedgerWriter, job: MailJob, message: OutgoingMail, now: string, log: LogEntry[]): boolean {
  const previous = writer.ledger.entries.get(job.key);
  const entry: LedgerEntry = {
    key: job.key, kind: job.kind, period: job.kind === 'summary' ? job.month : job.period, school: job.kind === 'reminder' ? job.school : '',
    recipients: message.to, subject: message.subject, status: 'queued', at: now, attempts: previous?.attempts ?? 0, error: '',
  };
  const remaining = remainingMailQuota();
  if (message.to.length > remaining) {
    // Said once a day per message, not every hour it keeps waiting.
    const alreadySaid = previous?.status === 'queued' && previous.error === 'quota' && previous.at.slice(0, 10) === now.slice(0, 10);
    if (!alreadySaid) {
      writer.put({ ...entry, error: 'quota' });
      log.push(logEntry(context, '', '', 'mailQuotaWait', { subject: message.subject, remaining, needed: message.to.length }));
    }
    return false;
  }
  writer.put({ ...entry, status: 'sending', attempts: entry.attempts + 1 });
  flushWorkbook();
  try {
    sendMail(message);
  } catch (error) {
    const quota = isQuotaError(error);
    writer.put({ ...entry, attempts: entry.attempts + 1, error: quota ? 'quota' : String(error instanceof Error ? error.message : error) });
    log.push(quota
      ? logEntry(context, '', '', 'mailQuotaWait', { subject: message.subject, remaining: 0, needed: message.to.length })
      : logEntry(context, '', '', 'mailFailed', { subject: message.subject, error: String(error instanceof Error ? error.message : error) }));
    return false;
  }
  writer.put({ ...entry, status: 'sent', attempts: entry.attempts + 1 });
  log.push(logEntry(context, '', '', 'mailSent', { subject: message.subject, count: message.to.length }));
  return true;
}

// ---------------------------------------------------------------------------------------
// Sidebar endpoints.

/** google.script.run endpoint. Result: the mail settings, with the schools and coordinators to choose from. */
export function getMailSettings(): MailSettingsView {
  const context = requireContext();
  const settings = readSettings(context);
  const mail = readMailSettings(context, settings);
  const ledger = layoutSheet(context, MAIL_KEY);
  return {
    settings: mail.ok ? mail.value : DEFAULT_MAIL_SETTINGS,
    errors: mail.ok ? [] : mail.errors,
    schools: settings.schools,
    coordinators: settings.coordinators,
    remainingQuota: remainingMailQuota(),
    sent: ledger ? [...parseLedger(readRows(ledger)).entries.values()].filter((entry) => entry.status === 'sent').length : 0,
  };
}

/**
 * google.script.run endpoint. Validates and saves the mail settings as rows of the
 * protected settings sheet, leaving the other settings as they are.
 * Result: {ok} or {ok: false, errors} in the workbook's language.
 */
export function saveMailSettings(input: MailSettingsInput): SaveMailSettingsResult {
  const context = requireContext();
  const settings = readSettings(context);
  const validated = validateMailSettings(input ?? {}, context.lang, settings.schools);
  if (!validated.ok) return { ok: false, errors: validated.errors, fields: validated.fields };
  const outcome = withLock(() => {
    const sheet = layoutSheet(context, 'settings')!;
    const rows = [...settingsToRows(settings), ...mailSettingsToRows(validated.value, context.lang)];
    replaceRows(sheet, settingsHeader(context.lang), rows.map(inertRow));
    context.settingsRows = undefined;
    ensureMailSheet(context, settings);
  });
  if (outcome === 'busy') throw new UserError(tr(ERRORS.busy, context.lang));
  return { ok: true };
}

/** Rows of the settings sheet that belong to mail, for saveSettings to keep. */
export function mailRowsOf(rows: readonly unknown[][]): unknown[][] {
  return rows.filter(isMailRow);
}

/** The summary that goes out next: this month's once last month's has gone. */
function nextSummary(context: Context, settings: Settings, mail: MailSettings): OutgoingMail & { month: string } {
  const today = nowIso(context).slice(0, 10);
  const ledgerSheet = layoutSheet(context, MAIL_KEY);
  const ledger = ledgerSheet ? parseLedger(readRows(ledgerSheet)) : null;
  const last = previousPeriod(today.slice(0, 7));
  const done = ledger?.entries.get(summaryKey(last));
  const month = done && done.status !== 'queued' ? today.slice(0, 7) : last;
  return summaryMessage(context, settings, mail, month, readIndicatorSources(context, settings), today);
}

function requireMailSettings(context: Context, settings: Settings): MailSettings {
  const mail = readMailSettings(context, settings);
  if (!mail.ok) throw new UserError(mail.errors.join(' '));
  return mail.value;
}

/** google.script.run endpoint. Result: the next summary as it would be sent (JSON-safe). */
export function previewSummary(): MailMessageView {
  const context = requireContext();
  const settings = readSettings(context);
  const message = nextSummary(context, settings, requireMailSettings(context, settings));
  return { month: message.month, to: message.to, subject: message.subject, html: message.html, text: message.text };
}

const TEST_TEXTS = {
  notAllowed: { ru: 'Тестовое письмо можно отправить только координатору или получателю сводки.', en: 'A test email goes only to a coordinator or a summary recipient.' },
  quota: { ru: 'Дневная квота писем исчерпана; попробуйте завтра.', en: 'The daily email quota is used up; try tomorrow.' },
  failed: { ru: 'Письмо не отправлено: {error}', en: 'The email was not sent: {error}' },
};

/**
 * google.script.run endpoint. Sends the next summary now to one address, which must be a
 * coordinator's or a recipient's: the add-on never learns who the user is (no
 * userinfo.email scope), and it must not mail arbitrary addresses. No marker is written.
 */
export function sendTestSummary(to: string): MailMessageView {
  const context = requireContext();
  const settings = readSettings(context);
  const mail = requireMailSettings(context, settings);
  const address = String(to ?? '').trim().toLowerCase();
  if (![...settings.coordinators, ...mail.recipients].includes(address)) throw new UserError(tr(TEST_TEXTS.notAllowed, context.lang));
  const message = { ...nextSummary(context, settings, mail), to: [address] };
  if (remainingMailQuota() < 1) throw new UserError(tr(TEST_TEXTS.quota, context.lang));
  try {
    sendMail(message);
  } catch (error) {
    throw new UserError(isQuotaError(error) ? tr(TEST_TEXTS.quota, context.lang) : tr(TEST_TEXTS.failed, context.lang, { error: String(error instanceof Error ? error.message : error) }));
  }
  writeLog(context, [logEntry(context, '', '', 'mailSent', { subject: message.subject, count: 1 })]);
  return { month: message.month, to: message.to, subject: message.subject, html: message.html, text: message.text };
}
