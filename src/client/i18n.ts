/**
 * The sidebar's language: the workbook's language at first, switchable live. Every
 * visible text comes from TEXT (or arrives from the server in both languages).
 */
import { Lang, Localized, tr } from '../core/text/i18n';
import { TEXT } from './text';

let current: Lang = 'ru';
const listeners: Array<() => void> = [];

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

export function initLang(initial: Lang): void {
  current = initial;
  document.documentElement.lang = initial;
}

export function onLangChange(listener: () => void): void {
  listeners.push(listener);
}

/** A catalog text in the current language, placeholders filled. */
export function t(key: keyof typeof TEXT, params: Record<string, string | number> = {}): string {
  return tr(TEXT[key], current, params);
}

/** A text the server sent in both languages. */
export function pick(text: Localized): string {
  return text[current];
}

/** A number as people of the current language write it: 12,5 in Russian, 12.5 in English. */
export function num(value: number, digits = 1): string {
  // toLocaleString builds a formatter on each call: the Indicators panel formats thousands.
  const key = `${current}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(current === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value);
}
const formats = new Map<string, Intl.NumberFormat>();
