/**
 * Text normalisation for matching what people typed or exported against the texts the
 * instruments define: column titles of a responses export and answer texts.
 */

/**
 * Lower case, ё→е, every run of punctuation, symbols and spacing (including NBSP and
 * the dashes and quotes of typography) collapsed into one space, trimmed. Two strings
 * that differ only in case, punctuation, ё/е or spacing normalise to the same text.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "12. text", "12) text", "12 . text": the numbering a form may put before a title. */
const NUMBERING = /^\s*(\d{1,3})\s*[.)]\s*/;

/** Splits a leading item number off a title; `number` is null when there is none. */
export function splitNumbering(title: string): { number: number | null; rest: string } {
  const match = NUMBERING.exec(title);
  if (!match) return { number: null, rest: title };
  return { number: Number(match[1]), rest: title.slice(match[0].length) };
}

/** A title normalised for matching, with any leading item number removed. */
export function normalizeTitle(title: string): string {
  return normalizeText(splitNumbering(title).rest);
}

/** Something a header cell or a typed choice can name: by its id, or its title in either language. */
export interface Named {
  id: string;
  title: { ru: string; en: string };
}

/**
 * Whether a typed cell names `named`. The one rule for finding a column (or a choice) in a
 * table people keep or export: its id, or its Russian or English title, compared after
 * normalizeText, so case, spacing, punctuation and ё/е do not matter.
 */
export function isNamed(cell: unknown, named: Named): boolean {
  const text = normalizeText(String(cell ?? ''));
  return text !== '' && [named.id, named.title.ru, named.title.en].some((name) => normalizeText(name) === text);
}

/** The first of `candidates` a cell names, or undefined. */
export function findNamed<T extends Named>(cell: unknown, candidates: readonly T[]): T | undefined {
  return candidates.find((candidate) => isNamed(cell, candidate));
}

/** Case, spacing and ё/е do not make two schools (or subjects) different. */
export function nameKey(name: string | null | undefined): string {
  return String(name ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е');
}
