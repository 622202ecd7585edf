import { Catalog, DEFAULT_LANG, isLang, Lang, Localized, tr } from './text/i18n';
import { HIGH_BURNOUT_SCHOOL_PERCENT, isPrivacyThreshold, PRIVACY_K } from './aggregate';

/**
 * The monitoring workbook's configuration, kept in its protected settings sheet.
 * Coordinators' emails are personal data, so they live in the workbook the district
 * owns, never in script properties.
 */
export interface Settings {
  districtName: string;
  presetId: string;
  schools: string[];
  subjects: string[];
  coordinators: string[];
  /** Groups with fewer respondents than this are suppressed in every aggregate. */
  privacyThreshold: number;
  /**
   * A school has high burnout when at least this percentage of its respondents has a
   * formed burnout phase; the threshold itself counts as high. Seed 001 asks for the
   * schools with high burnout but sets no threshold, so the district sets it.
   */
  highBurnoutPercent: number;
  lang: Lang;
}

export const DEFAULT_SETTINGS: Settings = {
  districtName: '',
  presetId: 'custom',
  schools: [],
  subjects: [],
  coordinators: [],
  privacyThreshold: PRIVACY_K,
  highBurnoutPercent: HIGH_BURNOUT_SCHOOL_PERCENT,
  lang: DEFAULT_LANG,
};

const FIELDS = {
  districtName: { ru: 'Муниципалитет', en: 'District' },
  presetId: { ru: 'Набор показателей', en: 'Indicator preset' },
  schools: { ru: 'Школа', en: 'School' },
  subjects: { ru: 'Предмет', en: 'Subject' },
  coordinators: { ru: 'Координатор (email)', en: 'Coordinator (email)' },
  privacyThreshold: { ru: 'Порог анонимности (чел.)', en: 'Privacy threshold (people)' },
  highBurnoutPercent: {
    ru: 'Школа с высоким выгоранием: доля ответивших со сформированной фазой не ниже (%)',
    en: 'School with high burnout: share of respondents with a formed phase at least (%)',
  },
  lang: { ru: 'Язык', en: 'Language' },
} satisfies Catalog<keyof Settings>;

const ERRORS = {
  districtRequired: { ru: 'Укажите название муниципалитета.', en: 'Enter the district name.' },
  presetUnknown: { ru: 'Неизвестный набор показателей «{value}».', en: 'Unknown indicator preset "{value}".' },
  schoolsRequired: { ru: 'Добавьте хотя бы одну школу.', en: 'Add at least one school.' },
  subjectsRequired: { ru: 'Добавьте хотя бы один предмет.', en: 'Add at least one subject.' },
  duplicate: { ru: '{field}: «{value}» указано дважды.', en: '{field}: "{value}" is listed twice.' },
  tooLong: { ru: '{field}: «{value}» длиннее {max} символов.', en: '{field}: "{value}" is longer than {max} characters.' },
  coordinatorsRequired: { ru: 'Укажите email хотя бы одного координатора.', en: 'Enter at least one coordinator email.' },
  badEmail: {
    ru: 'Некорректный email координатора: «{value}». Нужен адрес вида имя@домен.ru, не длиннее 254 символов.',
    en: 'Invalid coordinator email: "{value}". Use an address like name@domain.org, at most 254 characters.',
  },
  controlCharacters: {
    ru: '{field}: «{value}» содержит табуляцию, перевод строки или другой служебный символ.',
    en: '{field}: "{value}" contains a tab, a line break or another control character.',
  },
  badRow: { ru: 'Лист настроек, строка {row}: {errors}', en: 'Settings sheet, row {row}: {errors}' },
  badThreshold: {
    ru: 'Порог анонимности должен быть целым числом от 2 до 50, получено «{value}».',
    en: 'The privacy threshold must be a whole number from 2 to 50, got "{value}".',
  },
  badBurnoutPercent: {
    ru: 'Порог высокого выгорания должен быть целым числом от 1 до 100 (%), получено «{value}».',
    en: 'The high burnout threshold must be a whole number from 1 to 100 (%), got "{value}".',
  },
  badLang: { ru: 'Язык должен быть ru или en, получено «{value}».', en: 'Language must be ru or en, got "{value}".' },
} satisfies Catalog<string>;

/** Names in a form's choice list; long names make unusable choice lists on phones. */
export const MAX_NAME_LENGTH = 200;
/**
 * An address mail can be sent to: a dot-atom local part (no leading, trailing or double
 * dot), a domain of letter-digit-hyphen labels (Cyrillic ones too: .рф) and a top-level
 * name of two letters or more, 254 characters at most (RFC 5321). Quoted local parts are refused on purpose.
 */
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u;
const MAX_EMAIL_LENGTH = 254;
/** Tabs, line breaks and other control characters break lists and choice items. */
const CONTROL = /[\u0000-\u001f\u007f]/;

export type SettingsInput = { [K in keyof Settings]?: unknown };

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\r?\n/) : [];
  return items.map((item) => String(item ?? '').trim()).filter((item) => item !== '');
}

/** Checks a settings form (from the sidebar or the sheet) and says every problem at once. */
export function validateSettings(input: SettingsInput, lang: Lang, knownPresets: readonly string[]): Validated<Settings> {
  const errors: string[] = [];
  const say = (text: Localized, params: Record<string, string | number> = {}) => errors.push(tr(text, lang, params));

  const districtName = String(input.districtName ?? '').trim();
  if (!districtName) say(ERRORS.districtRequired);
  if (districtName.length > MAX_NAME_LENGTH) say(ERRORS.tooLong, { field: tr(FIELDS.districtName, lang), value: districtName.slice(0, 40) + '…', max: MAX_NAME_LENGTH });
  if (CONTROL.test(districtName)) say(ERRORS.controlCharacters, { field: tr(FIELDS.districtName, lang), value: districtName });

  const presetId = String(input.presetId ?? DEFAULT_SETTINGS.presetId).trim();
  if (!knownPresets.includes(presetId)) say(ERRORS.presetUnknown, { value: presetId });

  const named = (key: 'schools' | 'subjects', required: Localized): string[] => {
    const values = list(input[key]);
    if (values.length === 0) say(required);
    const seen = new Set<string>();
    for (const value of values) {
      const folded = value.toLocaleLowerCase('ru');
      if (seen.has(folded)) say(ERRORS.duplicate, { field: tr(FIELDS[key], lang), value });
      seen.add(folded);
      if (value.length > MAX_NAME_LENGTH) say(ERRORS.tooLong, { field: tr(FIELDS[key], lang), value: value.slice(0, 40) + '…', max: MAX_NAME_LENGTH });
      if (CONTROL.test(value)) say(ERRORS.controlCharacters, { field: tr(FIELDS[key], lang), value });
    }
    return values;
  };
  const schools = named('schools', ERRORS.schoolsRequired);
  const subjects = named('subjects', ERRORS.subjectsRequired);

  const coordinators = list(input.coordinators).map((email) => email.toLowerCase());
  if (coordinators.length === 0) say(ERRORS.coordinatorsRequired);
  for (const email of coordinators) if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) say(ERRORS.badEmail, { value: email.slice(0, 80) });

  const rawThreshold = input.privacyThreshold ?? DEFAULT_SETTINGS.privacyThreshold;
  const privacyThreshold = Number(rawThreshold);
  if (!isPrivacyThreshold(privacyThreshold)) {
    say(ERRORS.badThreshold, { value: String(rawThreshold) });
  }

  const rawBurnout = input.highBurnoutPercent ?? DEFAULT_SETTINGS.highBurnoutPercent;
  const highBurnoutPercent = Number(rawBurnout);
  if (!Number.isInteger(highBurnoutPercent) || highBurnoutPercent < 1 || highBurnoutPercent > 100) {
    say(ERRORS.badBurnoutPercent, { value: String(rawBurnout) });
  }

  const rawLang = input.lang ?? DEFAULT_LANG;
  if (!isLang(rawLang)) say(ERRORS.badLang, { value: String(rawLang) });

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      districtName, presetId, schools, subjects,
      coordinators: [...new Set(coordinators)], privacyThreshold, highBurnoutPercent, lang: rawLang as Lang,
    },
  };
}

/** One row per value: [key, label, value]; list settings repeat their key, one item a row. */
export function settingsToRows(settings: Settings): string[][] {
  const rows: string[][] = [];
  const label = (key: keyof Settings) => tr(FIELDS[key], settings.lang);
  for (const key of Object.keys(FIELDS) as Array<keyof Settings>) {
    const value = settings[key];
    const values = Array.isArray(value) ? value : [String(value)];
    for (const item of values) rows.push([key, label(key), item]);
  }
  return rows;
}

/** Reads rows written by settingsToRows (and edited by coordinators) back into input. */
export function settingsFromRows(rows: readonly unknown[][]): SettingsInput {
  const input: Record<string, unknown> = {};
  for (const [rawKey, , rawValue] of rows) {
    const key = String(rawKey ?? '').trim();
    if (!(key in FIELDS)) continue;
    const value = String(rawValue ?? '').trim();
    if (Array.isArray(DEFAULT_SETTINGS[key as keyof Settings])) {
      (input[key] = (input[key] as string[] | undefined) ?? []) as string[];
      (input[key] as string[]).push(value);
    } else {
      input[key] = value;
    }
  }
  return input;
}

const HEADER: Localized[] = [{ ru: 'Ключ', en: 'Key' }, { ru: 'Параметр', en: 'Setting' }, { ru: 'Значение', en: 'Value' }];

export function settingsHeader(lang: Lang): string[] {
  return HEADER.map((title) => tr(title, lang));
}

/**
 * Why the settings sheet cannot be read, row by row: a row is named when leaving it out
 * takes an error away, so the coordinator is sent to the cell to fix. Problems no single
 * row causes (a required value missing) are said as they are.
 */
export function explainSettingsRows(rows: readonly unknown[][], lang: Lang, knownPresets: readonly string[]): string[] {
  const errorsOf = (subset: readonly unknown[][]): string[] => {
    const result = validateSettings(settingsFromRows(subset), lang, knownPresets);
    return result.ok ? [] : result.errors;
  };
  const all = errorsOf(rows);
  const named = new Set<string>();
  const out: string[] = [];
  rows.forEach((_, index) => {
    const without = new Set(errorsOf(rows.filter((_, other) => other !== index)));
    const caused = all.filter((error) => !without.has(error));
    if (caused.length === 0) return;
    caused.forEach((error) => named.add(error));
    // Data rows start under the header, in sheet row 2.
    out.push(tr(ERRORS.badRow, lang, { row: index + 2, errors: caused.join(' ') }));
  });
  return [...out, ...all.filter((error) => !named.has(error))];
}
