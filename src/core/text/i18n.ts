/** The two languages of every user-facing text; Russian is the default. */
export type Lang = 'ru' | 'en';
export const DEFAULT_LANG: Lang = 'ru';

/** A user-facing text in both languages. Domain definitions carry these inline. */
export interface Localized {
  ru: string;
  en: string;
}

export function isLang(value: unknown): value is Lang {
  return value === 'ru' || value === 'en';
}

/**
 * Picks the text for `lang` and fills `{name}` placeholders from `params`.
 * An unknown placeholder stays visible rather than silently vanishing.
 */
export function tr(text: Localized, lang: Lang, params: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** A message catalog: ids to texts, so call sites name a message instead of spelling it. */
export type Catalog<K extends string> = Record<K, Localized>;

/** The word forms a count takes: Russian has three (1 ответ, 2 ответа, 5 ответов), English two. */
export interface PluralForms {
  ru: readonly [one: string, few: string, many: string];
  en: readonly [one: string, other: string];
}

/** The word form `n` asks for in `lang`: ответ for 41, ответа for 42, ответов for 45 and 11; response for 1. */
export function pluralForm(n: number, forms: PluralForms, lang: Lang): string {
  if (lang === 'en') return n === 1 ? forms.en[0] : forms.en[1];
  // A fraction takes the genitive singular ("2,5 ответа").
  if (!Number.isInteger(n)) return forms.ru[1];
  const tens = Math.abs(n) % 100;
  const ones = tens % 10;
  if (ones === 1 && tens !== 11) return forms.ru[0];
  return ones >= 2 && ones <= 4 && (tens < 12 || tens > 14) ? forms.ru[1] : forms.ru[2];
}

/** "41 ответ", "5 responses": respondents as a count of answers. */
export const RESPONSES: PluralForms = { ru: ['ответ', 'ответа', 'ответов'], en: ['response', 'responses'] };
/** "238 педагогов": what a school-reported mean is taken over. */
export const TEACHERS: PluralForms = { ru: ['педагог', 'педагога', 'педагогов'], en: ['teacher', 'teachers'] };
