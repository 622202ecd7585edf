/**
 * Mail through the bundle and the emulator's clock: the hourly scheduled job sends the
 * monthly summary and the reminders exactly once, waits for quota, survives failures and
 * a revoked grant.
 */
import { Lang, tr } from '../../src/core/text/i18n';
import { escapeHtml } from '../../src/core/mail/html';
import { periodLabel } from '../../src/core/forms/school-report-form';
import { presetById } from '../../src/core/presets';
import { schoolReportFields } from '../../src/core/reports/school-report';
import { buildDemoDistrict, DemoDistrict } from '../../tools/demo-district/district';
import { plausibleCounts } from '../../tools/demo-district/district-reports';
import { seededRandom } from '../../tools/demo-district/respondents';
import { COORDINATOR, Harness, SECOND_COORDINATOR, SETTINGS, sheetValues, startHarness } from './harness';

const HOSTILE_SCHOOL = '<img src=x onerror=alert(1)>';
const HOSTILE_ANSWER = '"><script>alert(1)</script>';

function setUp(overrides: Record<string, unknown> = {}): Harness {
  const h = startHarness();
  const saved = h.call<{ ok: boolean; errors?: string[] }>('saveSettings', { ...SETTINGS, ...overrides });
  if (!saved.ok) throw new Error(saved.errors?.join(' '));
  return h;
}

/** Moves the clock to a local (Moscow) date-time, firing every trigger on the way. */
function advanceTo(h: Harness, local: string): void {
  const target = new Date(`${local}+03:00`).getTime();
  h.emulator.clock.advance(target - h.emulator.clock.now());
}

const summaries = (h: Harness) => h.emulator.mail.outbox.filter((m) => m.subject.startsWith('PD Monitor'));
const logReasons = (h: Harness) => sheetValues(h, 'Журнал').slice(1).map((row) => String(row[4]));
const ledger = (h: Harness) => sheetValues(h, 'Рассылка').slice(1);

describe('monthly summary by the scheduled job', () => {
  test('three months → three summaries, to the coordinators, each once', () => {
    const h = setUp();
    advanceTo(h, '2027-02-20T12:00:00');
    const sent = summaries(h);
    expect(sent.map((m) => m.subject)).toEqual([
      'PD Monitor: итоги за ноябрь 2026 — Крымский район',
      'PD Monitor: итоги за декабрь 2026 — Крымский район',
      'PD Monitor: итоги за январь 2027 — Крымский район',
    ]);
    for (const m of sent) {
      expect(m.to).toBe(`${COORDINATOR},${SECOND_COORDINATOR}`);
      expect(m.htmlBody).toContain('role="presentation"');
      expect(m.body).toContain('== Ключевые показатели');
      // Sent on the 1st, in the first hour of the day.
      expect(new Date(m.at).toISOString()).toMatch(/T2[01]:00:00/);
    }
    expect(sent[0].body).toContain('За этот месяц новых данных нет');
    // Sent by the hourly trigger, which runs in the strict clock context (no active
    // spreadsheet, document properties or document lock), without a failed run.
    expect(h.emulator.script.runs.length).toBeGreaterThan(2000);
    expect(h.emulator.script.runs.filter((run) => run.error)).toEqual([]);
    expect(logReasons(h)).not.toContain('scheduledRunFailed');
    expect(ledger(h).filter((row) => row[6] === 'sent').map((row) => row[0])).toEqual(['summary:2026-11', 'summary:2026-12', 'summary:2027-01']);
  });

  test('a duplicated trigger run and a second coordinator’s trigger send nothing twice', () => {
    const h = setUp();
    // The second coordinator saves the settings too, and has a scheduled job of their own.
    h.emulator.asUser(SECOND_COORDINATOR, () => h.call('saveSettings', SETTINGS));
    advanceTo(h, '2026-12-01T03:00:00');
    expect(summaries(h)).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      h.emulator.runtime.invokeAs(COORDINATOR, 'runScheduledJobs');
      h.emulator.runtime.invokeAs(SECOND_COORDINATOR, 'runScheduledJobs');
    }
    advanceTo(h, '2026-12-20T00:00:00');
    expect(summaries(h)).toHaveLength(1);
  });

  test('a marker left "sending" by an execution that died is never resent, and is logged once', () => {
    const h = setUp();
    advanceTo(h, '2026-11-30T23:30:00');
    // What a kill between the flushed marker and the send's outcome leaves behind.
    h.emulator.spreadsheet.getSheetByName('Рассылка')!.appendRow(['summary:2026-11', 'summary', '2026-11', '', COORDINATOR, 'PD Monitor', 'sending', '2026-12-01T00:00:00', 1, '']);
    advanceTo(h, '2026-12-05T00:00:00');
    expect(summaries(h)).toHaveLength(0);
    expect(logReasons(h).filter((r) => r === 'mailUncertain')).toHaveLength(1);
    expect(ledger(h).find((row) => row[0] === 'summary:2026-11')?.[6]).toBe('unknown');
  });
});

describe('quota and failures', () => {
  test('quota used up on the day → waits, logged once, sent when it renews, once', () => {
    const h = setUp();
    advanceTo(h, '2026-11-30T22:00:00');
    // Another script of the same account spends the day's recipients just before midnight.
    const MailApp = h.emulator.globals.MailApp as GoogleAppsScript.Mail.MailApp;
    h.emulator.asUser(COORDINATOR, () => {
      const to = Array.from({ length: 50 }, (_, i) => `r${i}@x.example`).join(',');
      MailApp.sendEmail(to, 'other', 'x');
      MailApp.sendEmail(to, 'other', 'x');
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    advanceTo(h, '2026-12-01T12:00:00');
    expect(summaries(h)).toHaveLength(0);
    expect(logReasons(h).filter((r) => r === 'mailQuotaWait')).toHaveLength(1);
    expect(ledger(h).find((row) => row[0] === 'summary:2026-11')?.[6]).toBe('queued');
    // The 24-hour window of the first request ends at 22:00, when the hourly run sends.
    advanceTo(h, '2026-12-02T12:00:00');
    expect(summaries(h)).toHaveLength(1);
    expect(new Date(summaries(h)[0].at).toISOString()).toBe('2026-12-01T19:00:00.000Z');
    expect(logReasons(h).filter((r) => r === 'mailSent')).toHaveLength(1);
  });

  test('MailApp’s own quota error is queued, logged and retried on the next run', () => {
    const h = setUp();
    advanceTo(h, '2026-11-30T23:30:00');
    h.emulator.mail.failNext('Service invoked too many times for one day: email.');
    advanceTo(h, '2026-12-01T00:30:00');
    expect(summaries(h)).toHaveLength(0);
    expect(logReasons(h)).toContain('mailQuotaWait');
    advanceTo(h, '2026-12-01T01:30:00');
    expect(summaries(h)).toHaveLength(1);
  });

  test('a refused send is queued, logged and retried on the next run', () => {
    const h = setUp();
    advanceTo(h, '2026-11-30T23:30:00');
    h.emulator.mail.failNext('Service unavailable: Gmail');
    advanceTo(h, '2026-12-01T00:30:00');
    expect(summaries(h)).toHaveLength(0);
    expect(logReasons(h)).toContain('mailFailed');
    advanceTo(h, '2026-12-01T01:30:00');
    expect(summaries(h)).toHaveLength(1);
    expect(ledger(h).find((row) => row[0] === 'summary:2026-11')?.slice(6, 9)).toEqual(['sent', '2026-12-01T01:00:00', 2]);
  });

  test('revoked authorization: no crash, no mail, one notice a day; mail resumes after', () => {
    const h = setUp();
    h.emulator.runtime.authorizationStatus = 'REQUIRED';
    advanceTo(h, '2026-12-03T12:00:00');
    expect(summaries(h)).toHaveLength(0);
    expect(h.emulator.script.runs.filter((run) => run.error)).toEqual([]);
    // Without a grant the workbook is out of reach: the notice is in the execution log,
    // once per (UTC) day: 23 Nov 12:00 to 3 Dec 12:00 Moscow time touches 11 of them.
    const notices = h.emulator.logs.text('warn').split('\n').filter((line) => line.includes('authorization required'));
    expect(notices).toHaveLength(11);
    h.emulator.runtime.authorizationStatus = 'ENABLED';
    advanceTo(h, '2026-12-03T14:00:00');
    expect(summaries(h)).toHaveLength(1);
  });
});

describe('what the summary shows', () => {
  test('hostile school names and district name reach the HTML escaped, the text verbatim', () => {
    const h = setUp({ schools: [HOSTILE_SCHOOL, HOSTILE_ANSWER, 'МБОУ СОШ № 3'], districtName: `Район ${HOSTILE_ANSWER}` });
    advanceTo(h, '2026-12-01T02:00:00');
    const [m] = summaries(h);
    expect(m.htmlBody).not.toMatch(/<img|<script/i);
    expect(m.htmlBody).toContain(escapeHtml(HOSTILE_SCHOOL));
    expect(m.htmlBody).toContain(escapeHtml(HOSTILE_ANSWER));
    expect(m.body).toContain(HOSTILE_SCHOOL);
    // The ledger keeps the subject, as inert text.
    expect(ledger(h).find((row) => row[0] === 'summary:2026-11')?.[5]).toContain(HOSTILE_ANSWER);
  });

  test('preview and test send: JSON-safe, only to a coordinator or recipient', () => {
    const h = setUp();
    const preview = h.call<{ subject: string; html: string; text: string; to: string[] }>('previewSummary');
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview);
    expect(preview.subject).toBe('PD Monitor: итоги за октябрь 2026 — Крымский район');
    expect(() => h.call('sendTestSummary', 'stranger@evil.example')).toThrow(/только координатору/);
    h.call('sendTestSummary', SECOND_COORDINATOR);
    expect(h.emulator.mail.outbox.map((m) => m.to)).toEqual([SECOND_COORDINATOR]);
    // A test send writes no marker: the real one still goes out.
    advanceTo(h, '2026-12-01T02:00:00');
    expect(summaries(h)).toHaveLength(2);
  });

  test('mail settings: saved in the settings sheet, kept by a settings save, bad input refused in the user language', () => {
    const h = setUp();
    const bad = h.call<{ ok: boolean; errors: string[] }>('saveMailSettings', { recipients: ['x@'], summaryDay: 30 });
    expect(bad.ok).toBe(false);
    expect(bad.errors.join(' ')).toMatch(/Некорректный email получателя сводки: «x@»/);
    expect(h.call<{ ok: boolean }>('saveMailSettings', { recipients: ['Head@District.example'], summaryDay: 3, lang: 'en' }).ok).toBe(true);
    h.call('saveSettings', SETTINGS);
    const view = h.call<{ settings: { recipients: string[]; summaryDay: number; lang: Lang } }>('getMailSettings');
    expect(view.settings).toMatchObject({ recipients: ['head@district.example'], summaryDay: 3, lang: 'en' });
    advanceTo(h, '2026-12-02T23:00:00');
    expect(summaries(h)).toHaveLength(0);
    advanceTo(h, '2026-12-03T02:00:00');
    expect(summaries(h).map((m) => [m.to, m.subject])).toEqual([['head@district.example', 'PD Monitor: summary for November 2026 — Крымский район']]);
  });
});

describe('reminders to schools', () => {
  let demo: DemoDistrict;
  const call = <T>(name: string, ...args: unknown[]) => demo.bundle.call(name, ...args) as T;
  const schools = ['МБОУ СОШ № 1', 'МБОУ СОШ № 2', 'МБОУ СОШ № 3', 'МБОУ Гимназия № 4'];

  function fileReport(school: string): void {
    const preset = presetById('krymsk')!;
    const fields = schoolReportFields(preset);
    const counts = plausibleCounts(fields, seededRandom(9));
    const answers: Record<string, string> = { 'Образовательная организация': school, 'Отчётный период': periodLabel('2026/27', 'ru') };
    for (const field of fields) answers[tr(field.title, 'ru')] = String(counts[field.id]);
    demo.emulator.forms.submit(demo.forms.school_report.formId, answers);
  }

  const reminders = () => demo.emulator.mail.outbox.filter((m) => m.subject.startsWith('Напоминание'));

  beforeAll(() => {
    demo = buildDemoDistrict({ teachers: 12, schools: 4, seed: 5 });
    const saved = call<{ ok: boolean; errors?: string[] }>('saveMailSettings', {
      contacts: schools.map((school, i) => ({ school, email: `school${i + 1}@edu.example` })), reminderDay: 5, repeatAfterDays: 10,
    });
    expect(saved).toEqual({ ok: true });
  });

  test('one per non-reporting school per period, a repeat after N days, none after it files', () => {
    const move = (local: string) => demo.emulator.clock.advance(new Date(`${local}+03:00`).getTime() - demo.emulator.clock.now());
    // School 2's current report was rejected and school 4 never filed: those two are missing.
    move('2026-11-04T23:00:00');
    expect(reminders()).toHaveLength(0);
    move('2026-11-06T00:00:00');
    expect(reminders().map((m) => m.to).sort()).toEqual(['school2@edu.example', 'school4@edu.example']);
    const first = reminders()[0];
    expect(first.body).toContain('2026/27 уч. год');
    expect(first.body).toContain('31.08.2027');
    expect(first.body).toContain(demo.emulator.forms.describe(demo.forms.school_report.formId).publishedUrl);
    // School 2 files a consistent report; school 4 does not.
    move('2026-11-10T10:00:00');
    fileReport('МБОУ СОШ № 2');
    move('2026-11-16T00:00:00');
    expect(reminders().map((m) => m.to).sort()).toEqual(['school2@edu.example', 'school4@edu.example', 'school4@edu.example']);
    expect(reminders()[2].body).toContain('повторное');
    // Further reminder days in the same period send nothing more.
    move('2027-01-06T00:00:00');
    expect(reminders()).toHaveLength(3);
    expect(demo.emulator.mail.outbox.filter((m) => m.subject.startsWith('PD Monitor'))).toHaveLength(2);
  });
});

