import { Lang, Localized, tr } from './i18n';

/**
 * A Sheets cell holds at most 50,000 characters and a longer write fails the whole call.
 * Derived sheets (scores, log) keep the first part of an over-long text, one character
 * less for the apostrophe that keeps text literal; the raw response sheet, which Google
 * writes, keeps it whole.
 */
export const MAX_CELL_TEXT = 49_999;

export function fitCells<T>(row: readonly T[]): { row: (T | string)[]; truncated: boolean } {
  let truncated = false;
  const out = row.map((cell) => {
    if (typeof cell !== 'string' || cell.length <= MAX_CELL_TEXT) return cell;
    truncated = true;
    return cell.slice(0, MAX_CELL_TEXT);
  });
  return { row: out, truncated };
}

const CUT: Localized = { ru: ' … [обрезано, ещё {n} символов]', en: ' … [cut: {n} more characters]' };

/**
 * Text cut to fit one cell, ending with a marker that says how much was cut: a log line
 * or a reports sheet quoting a 60,000-character answer must not fail its whole write.
 */
export function fitText(text: string, lang: Lang): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  // The marker for the whole length is at least as long as the one finally written.
  const keep = MAX_CELL_TEXT - tr(CUT, lang, { n: text.length }).length;
  return text.slice(0, keep) + tr(CUT, lang, { n: text.length - keep });
}

/** A row whose every text fits its cell (see fitText). */
export function fitRow<T>(row: readonly T[], lang: Lang): (T | string)[] {
  return row.map((cell) => (typeof cell === 'string' ? fitText(cell, lang) : cell));
}
