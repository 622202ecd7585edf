/** What mail is due, the mail settings, and the reminder email. */
import fc from 'fast-check';
import { LedgerEntry, planMail, MailPlanInput, reminderKey, summaryKey } from '../../../src/core/mail/plan';
import { reminderHtml, reminderText } from '../../../src/core/mail/reminder-email';
import { DEFAULT_MAIL_SETTINGS, mailSettingsFromRows, mailSettingsToRows, validateMailSettings } from '../../../src/core/mail-settings';

const SCHOOLS = ['Школа № 1', '<img src=x onerror=alert(1)>', 'Школа № 3'];
const CONTACTS = SCHOOLS.map((school, i) => ({ school, email: `school${i}@example.org` }));

function entry(key: string, status: LedgerEntry['status'], at = '2026-11-05T10:00:00', extra: Partial<LedgerEntry> = {}): [string, LedgerEntry] {
  return [key, { key, kind: key.startsWith('summary') ? 'summary' : 'reminder', period: '', school: '', recipients: [], subject: '', status, at, attempts: 1, error: '', ...extra }];
}

function plan(overrides: Partial<MailPlanInput> = {}) {
  return planMail({
    today: '2026-12-01', settings: { ...DEFAULT_MAIL_SETTINGS, contacts: CONTACTS, reminderDay: 5, repeatAfterDays: 7 },
    coordinators: ['c@d.example'], ledger: new Map(), since: '2026-11', reportPeriod: '2026/27', notReported: SCHOOLS.slice(1),
    ...overrides,
  });
}

describe('planMail', () => {
  test('the summary of the month before is due from its day, to the coordinators by default', () => {
    expect(plan().jobs).toEqual([{ kind: 'summary', key: 'summary:2026-11', month: '2026-11', recipients: ['c@d.example'] }]);
    expect(plan({ settings: { ...DEFAULT_MAIL_SETTINGS, summaryDay: 3 } }).jobs).toEqual([]);
    expect(plan({ settings: { ...DEFAULT_MAIL_SETTINGS, summaryEnabled: false } }).jobs).toEqual([]);
    expect(plan({ settings: { ...DEFAULT_MAIL_SETTINGS, recipients: ['boss@x.example'] } }).jobs[0]).toMatchObject({ recipients: ['boss@x.example'] });
    // No summary of a month before mail started.
    expect(plan({ since: '2026-12' }).jobs).toEqual([]);
  });

  test('sent, sending or unknown: never again; queued: again', () => {
    for (const status of ['sent', 'sending', 'unknown'] as const) {
      expect(plan({ ledger: new Map([entry(summaryKey('2026-11'), status)]) }).jobs).toEqual([]);
    }
    expect(plan({ ledger: new Map([entry(summaryKey('2026-11'), 'queued')]) }).jobs).toHaveLength(1);
  });

  test('reminders on the reminder day to schools with an address that have not reported', () => {
    const jobs = plan({ today: '2026-12-05', ledger: new Map([entry(summaryKey('2026-11'), 'sent')]) }).jobs;
    expect(jobs.map((job) => job.key)).toEqual(SCHOOLS.slice(1).map((school) => reminderKey('2026/27', school, 1)));
    expect(plan({ today: '2026-12-06', ledger: new Map([entry(summaryKey('2026-11'), 'sent')]) }).jobs).toEqual([]);
  });

  test('one repeat after N days, then nothing for the period; filing cancels what is queued', () => {
    const school = SCHOOLS[1];
    const sent = entry(reminderKey('2026/27', school, 1), 'sent', '2026-12-05T09:00:00', { period: '2026/27', school });
    const base = { ledger: new Map([entry(summaryKey('2026-11'), 'sent'), sent]), notReported: [school] };
    expect(plan({ ...base, today: '2026-12-11' }).jobs).toEqual([]);
    expect(plan({ ...base, today: '2026-12-12' }).jobs.map((job) => job.key)).toEqual([reminderKey('2026/27', school, 2)]);
    const both = new Map([...base.ledger, entry(reminderKey('2026/27', school, 2), 'sent', '2026-12-12T09:00:00')]);
    expect(plan({ ...base, ledger: both, today: '2027-01-05' }).jobs.filter((job) => job.kind === 'reminder')).toEqual([]);
    const queued = new Map([...base.ledger, entry(reminderKey('2026/27', SCHOOLS[2], 1), 'queued', '2026-12-05T09:00:00', { kind: 'reminder', period: '2026/27', school: SCHOOLS[2] })]);
    expect(plan({ ...base, ledger: queued, today: '2026-12-06' }).cancel).toEqual([reminderKey('2026/27', SCHOOLS[2], 1)]);
  });

  test('at most one summary key per month and two reminder keys per school and period (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 28 }), (offset, summaryDay, reminderDay) => {
      const ledger = new Map<string, LedgerEntry>();
      const start = Date.UTC(2026, 8, 1);
      for (let d = 0; d <= offset; d++) {
        const today = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
        const { jobs } = plan({ today, ledger, settings: { ...DEFAULT_MAIL_SETTINGS, summaryDay, contacts: CONTACTS, reminderDay, repeatAfterDays: 10 }, since: '2026-09' });
        for (const job of jobs) {
          expect(ledger.has(job.key)).toBe(false);
          ledger.set(job.key, entry(job.key, 'sent', `${today}T10:00:00`)[1]);
        }
      }
      const summaries = [...ledger.keys()].filter((key) => key.startsWith('summary:'));
      expect(new Set(summaries).size).toBe(summaries.length);
      expect([...ledger.keys()].filter((key) => key.startsWith('reminder:')).length).toBeLessThanOrEqual(2 * 2);
    }), { numRuns: 30 });
  });
});

describe('mail settings', () => {
  test('validates addresses, days and schools, in the user language', () => {
    const bad = validateMailSettings({ recipients: ['ok@x.example', 'not-an-email'], summaryDay: 31, reminderDay: 'x', repeatAfterDays: 0, lang: 'de',
      contacts: [{ school: 'Неизвестная', email: 'a@b.example' }, { school: SCHOOLS[0], email: 'bad' }] }, 'ru', SCHOOLS);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    for (const part of ['not-an-email', 'от 1 до 28', 'от 1 до 60', 'de', 'Неизвестная', '«bad»']) expect(bad.errors.join('\n')).toContain(part);
    expect(bad.errors).toHaveLength(7);
    // Each problem names its field (a contact's: its school), for the sidebar to show beside it.
    expect(bad.fields.map((error) => [error.field, error.school])).toEqual([
      ['recipients', ''], ['summaryDay', ''], ['reminderDay', ''], ['repeatAfterDays', ''], ['lang', ''],
      ['contacts', 'Неизвестная'], ['contacts', SCHOOLS[0]],
    ]);
    expect(bad.fields.map((error) => error.message)).toEqual(bad.errors);
    const en = validateMailSettings({ summaryDay: 0 }, 'en', SCHOOLS);
    expect(en.ok ? '' : en.errors[0]).toMatch(/whole number from 1 to 28/);
  });

  test('round-trips through the settings sheet rows, hostile school names included', () => {
    const input = { summaryEnabled: 'нет', recipients: 'A@x.example\nb@y.example', summaryDay: '3', lang: 'en', contacts: CONTACTS, reminderDay: 10, repeatAfterDays: '' };
    const result = validateMailSettings(input, 'ru', SCHOOLS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ summaryEnabled: false, recipients: ['a@x.example', 'b@y.example'], summaryDay: 3, reminderDay: 10, repeatAfterDays: null });
    const rows = mailSettingsToRows(result.value, 'ru');
    const back = validateMailSettings(mailSettingsFromRows([['districtName', 'x', 'y'], ...rows]), 'ru', SCHOOLS);
    expect(back).toEqual(result);
  });
});

describe('reminder email', () => {
  const view = { lang: 'ru' as const, school: SCHOOLS[1], district: 'Район "><script>alert(1)</script>', period: '2026/27', deadline: '2027-08-31', formUrl: 'https://docs.google.com/forms/d/e/x/viewform', round: 1 as const };

  test('period, deadline and form link; people’s text escaped', () => {
    const body = reminderHtml(view);
    expect(body).not.toMatch(/<img|<script/);
    expect(body).toContain('31.08.2027');
    expect(body).toContain('2026/27 уч. год');
    expect(body).toContain('href="https://docs.google.com/forms/d/e/x/viewform"');
    expect(reminderText(view)).toContain(SCHOOLS[1]);
    expect(reminderText({ ...view, lang: 'en', round: 2 })).toMatch(/2027-08-31[\s\S]*Fill in the report: https/);
  });
});
