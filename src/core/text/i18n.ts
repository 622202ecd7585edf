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
