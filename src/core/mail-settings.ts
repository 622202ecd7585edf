/**
 * Mail settings: the monthly summary (on/off, recipients, day, language) and reminders to
 * schools (a contact address per school, the reminder day, an optional repeat). They are
 * kept as extra rows of the protected settings sheet, under keys starting with `mail.`,
 * so the addresses stay in the workbook the district owns.
 */
import { Catalog, isLang, Lang, Localized, tr } from './text/i18n';

export interface SchoolContact {
  school: string;
  email: string;
}

export interface MailSettings {
  summaryEnabled: boolean;
  /** Empty: the coordinators. */
  recipients: string[];
  /** Day of the month the summary of the month before goes out (1–28: every month has it). */
  summaryDay: number;
  lang: Lang;
  contacts: SchoolContact[];
  /** Day of the month reminders go to schools that have not reported; null: no reminders. */
  reminderDay: number | null;
  /** Days after the first reminder to send one repeat; null: no repeat. */
  repeatAfterDays: number | null;
}

export const DEFAULT_MAIL_SETTINGS: MailSettings = {
  summaryEnabled: true,
  recipients: [],
  summaryDay: 1,
  lang: 'ru',
  contacts: [],
  reminderDay: null,
  repeatAfterDays: null,
};

export type MailSettingsInput = Partial<Record<keyof MailSettings, unknown>>;

const KEY_PREFIX = 'mail.';

const LABELS = {
  summaryEnabled: { ru: 'Ежемесячная сводка (да/нет)', en: 'Monthly summary (yes/no)' },
  recipients: { ru: 'Получатель сводки (email)', en: 'Summary recipient (email)' },
  summaryDay: { ru: 'День месяца для сводки', en: 'Summary day of the month' },
  lang: { ru: 'Язык писем', en: 'Email language' },
  contacts: { ru: 'Контакт школы: {school}', en: 'School contact: {school}' },
  reminderDay: { ru: 'День напоминаний школам', en: 'Reminder day' },
  repeatAfterDays: { ru: 'Повтор напоминания через (дней)', en: 'Repeat the reminder after (days)' },
} satisfies Catalog<keyof MailSettings>;

export const MAIL_SETTINGS_ERRORS = {
  badRecipient: { ru: 'Некорректный email получателя сводки: «{value}».', en: 'Invalid summary recipient email: "{value}".' },
  badContact: { ru: 'Некорректный email школы «{school}»: «{value}».', en: 'Invalid email for school "{school}": "{value}".' },
  unknownSchool: { ru: 'Школы «{school}» нет в настройках.', en: 'School "{school}" is not in the settings.' },
  duplicateSchool: { ru: 'Для школы «{school}» указано два адреса.', en: 'School "{school}" has two addresses.' },
  badDay: { ru: '{field}: нужно целое число от 1 до 28, получено «{value}».', en: '{field}: a whole number from 1 to 28 is needed, got "{value}".' },
  badRepeat: { ru: '{field}: нужно целое число от 1 до 60 или пусто, получено «{value}».', en: '{field}: a whole number from 1 to 60 or empty is needed, got "{value}".' },
  badLang: { ru: 'Язык писем должен быть ru или en, получено «{value}».', en: 'The email language must be ru or en, got "{value}".' },
  badSwitch: { ru: '{field}: нужно «да» или «нет», получено «{value}».', en: '{field}: "yes" or "no" is needed, got "{value}".' },
  tooManyRecipients: { ru: 'Не больше {max} получателей сводки.', en: 'At most {max} summary recipients.' },
} satisfies Catalog<string>;

/** MailApp refuses more than 50 recipients in one message (quotas page). */
export const MAX_SUMMARY_RECIPIENTS = 50;
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value) && value.length <= 254;
}

function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\r\n,;]+/) : [];
  return items.map((item) => String(item ?? '').trim()).filter((item) => item !== '');
}

function toSwitch(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = String(value ?? '').trim().toLowerCase();
  if (['да', 'yes', 'true', '1', 'вкл'].includes(text)) return true;
  if (['нет', 'no', 'false', '0', 'выкл'].includes(text)) return false;
  return null;
}

function contactsOf(value: unknown): Array<{ school: string; email: string }> {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const record = (item ?? {}) as Record<string, unknown>;
    return { school: String(record.school ?? '').trim(), email: String(record.email ?? '').trim().toLowerCase() };
  }).filter((contact) => contact.school !== '' || contact.email !== '');
}

/** One problem and the setting it belongs to (a contact's: with its school), for the sidebar to show beside it. */
export interface MailFieldError {
  field: keyof MailSettings;
  /** The school of a contact address; '' otherwise. */
  school: string;
  message: string;
}

export type ValidatedMailSettings = { ok: true; value: MailSettings } | { ok: false; errors: string[]; fields: MailFieldError[] };

/**
 * Checks mail settings against the workbook's schools and says every problem at once, each
 * with its field. The sidebar runs this same check before saving.
 */
export function validateMailSettings(input: MailSettingsInput, lang: Lang, schools: readonly string[]): ValidatedMailSettings {
  const fields: MailFieldError[] = [];
  const say = (where: keyof MailSettings | { school: string }, text: Localized, params: Record<string, string | number> = {}) => fields.push({
    field: typeof where === 'string' ? where : 'contacts', school: typeof where === 'string' ? '' : where.school, message: tr(text, lang, params),
  });
  const field = (key: keyof MailSettings) => tr(LABELS[key], lang, { school: '' }).replace(/[:\s]+$/, '');

  const enabled = input.summaryEnabled === undefined ? DEFAULT_MAIL_SETTINGS.summaryEnabled : toSwitch(input.summaryEnabled);
  if (enabled === null) say('summaryEnabled', MAIL_SETTINGS_ERRORS.badSwitch, { field: field('summaryEnabled'), value: String(input.summaryEnabled) });

  const recipients = [...new Set(list(input.recipients).map((email) => email.toLowerCase()))];
  for (const email of recipients) if (!isEmail(email)) say('recipients', MAIL_SETTINGS_ERRORS.badRecipient, { value: email });
  if (recipients.length > MAX_SUMMARY_RECIPIENTS) say('recipients', MAIL_SETTINGS_ERRORS.tooManyRecipients, { max: MAX_SUMMARY_RECIPIENTS });

  const day = (key: 'summaryDay' | 'reminderDay', optional: boolean): number | null => {
    const raw = input[key];
    if (raw === undefined || raw === null || String(raw).trim() === '') return optional ? null : DEFAULT_MAIL_SETTINGS.summaryDay;
    const value = Number(String(raw).trim());
    if (!Number.isInteger(value) || value < 1 || value > 28) {
      say(key, MAIL_SETTINGS_ERRORS.badDay, { field: field(key), value: String(raw) });
      return null;
    }
    return value;
  };
  const summaryDay = day('summaryDay', false);
  const reminderDay = day('reminderDay', true);

  const rawRepeat = input.repeatAfterDays;
  let repeatAfterDays: number | null = null;
  if (rawRepeat !== undefined && rawRepeat !== null && String(rawRepeat).trim() !== '') {
    const value = Number(String(rawRepeat).trim());
    if (!Number.isInteger(value) || value < 1 || value > 60) say('repeatAfterDays', MAIL_SETTINGS_ERRORS.badRepeat, { field: field('repeatAfterDays'), value: String(rawRepeat) });
    else repeatAfterDays = value;
  }

  const rawLang = input.lang ?? DEFAULT_MAIL_SETTINGS.lang;
  if (!isLang(rawLang)) say('lang', MAIL_SETTINGS_ERRORS.badLang, { value: String(rawLang) });

  const known = new Map(schools.map((school) => [school.toLocaleLowerCase('ru'), school]));
  const seen = new Set<string>();
  const contacts: SchoolContact[] = [];
  for (const contact of contactsOf(input.contacts)) {
    const school = known.get(contact.school.toLocaleLowerCase('ru'));
    if (!school) { say({ school: contact.school }, MAIL_SETTINGS_ERRORS.unknownSchool, { school: contact.school }); continue; }
    if (contact.email === '') continue;
    if (!isEmail(contact.email)) { say({ school }, MAIL_SETTINGS_ERRORS.badContact, { school, value: contact.email }); continue; }
    if (seen.has(school)) { say({ school }, MAIL_SETTINGS_ERRORS.duplicateSchool, { school }); continue; }
    seen.add(school);
    contacts.push({ school, email: contact.email });
  }

  if (fields.length > 0) return { ok: false, errors: fields.map((error) => error.message), fields };
  return {
    ok: true,
    value: { summaryEnabled: enabled as boolean, recipients, summaryDay: summaryDay as number, lang: rawLang as Lang, contacts, reminderDay, repeatAfterDays },
  };
}

/** Rows for the settings sheet: [key, label, value]; a contact's label names its school. */
export function mailSettingsToRows(settings: MailSettings, lang: Lang): string[][] {
  const label = (key: keyof MailSettings, school = '') => tr(LABELS[key], lang, { school });
  const yes = lang === 'ru' ? 'да' : 'yes';
  const no = lang === 'ru' ? 'нет' : 'no';
  return [
    [`${KEY_PREFIX}summaryEnabled`, label('summaryEnabled'), settings.summaryEnabled ? yes : no],
    ...settings.recipients.map((email) => [`${KEY_PREFIX}recipients`, label('recipients'), email]),
    [`${KEY_PREFIX}summaryDay`, label('summaryDay'), String(settings.summaryDay)],
    [`${KEY_PREFIX}lang`, label('lang'), settings.lang],
    // The school is kept in the key so that a relabelled row still finds its school.
    ...settings.contacts.map((contact) => [`${KEY_PREFIX}contact:${contact.school}`, label('contacts', contact.school), contact.email]),
    [`${KEY_PREFIX}reminderDay`, label('reminderDay'), settings.reminderDay === null ? '' : String(settings.reminderDay)],
    [`${KEY_PREFIX}repeatAfterDays`, label('repeatAfterDays'), settings.repeatAfterDays === null ? '' : String(settings.repeatAfterDays)],
  ];
}

export function isMailRow(row: readonly unknown[]): boolean {
  return String(row[0] ?? '').trim().startsWith(KEY_PREFIX);
}

/** Reads the settings sheet's mail rows back into input for validateMailSettings. */
export function mailSettingsFromRows(rows: readonly (readonly unknown[])[]): MailSettingsInput {
  const input: Record<string, unknown> = {};
  const recipients: string[] = [];
  const contacts: SchoolContact[] = [];
  for (const row of rows) {
    if (!isMailRow(row)) continue;
    const key = String(row[0]).trim().slice(KEY_PREFIX.length);
    const value = String(row[2] ?? '').trim();
    if (key === 'recipients') recipients.push(value);
    else if (key.startsWith('contact:')) contacts.push({ school: key.slice('contact:'.length), email: value });
    else if (key in LABELS) input[key] = value;
  }
  return { ...input, recipients, contacts };
}
