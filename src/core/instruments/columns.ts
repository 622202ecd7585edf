/**
 * Finding an instrument's items among the columns of a responses export, whatever made
 * the export: a Google Form built from the instrument (titles as defined), a form someone
 * typed by hand from a printed copy (other wording, no numbers), columns in any order.
 *
 * A column is an item's when its title, stripped of a leading number and normalised
 * (case, punctuation, ё/е, spacing ignored), equals the item's title in either language
 * or one of its aliases. For numbered items (Boyko) the number that starts a title
 * ("12. …", "12) …") identifies the item when the text does not (a truncated or edited
 * title). When number and text name different items — a form that numbered its
 * questions its own way — the text wins and the column is reported as renumbered.
 */
import { normalizeText, normalizeTitle, splitNumbering } from '../text/normalize';
import { BOYKO_ALIASES } from './boyko-aliases';
import { PROFILE_SECTION } from './profile';
import { InstrumentId, INSTRUMENT_IDS, Item } from './types';
import type { Instrument } from './index';

export interface ColumnMap {
  /** Item key → 0-based column index. */
  columns: Record<string, number>;
  /** The submission time column (Отметка времени / Timestamp), when present. */
  timestampColumn: number | null;
  /** Columns that belong to no item of the instrument (e-mail, extra questions…). */
  ignored: number[];
  /** Scored items with no column: the export cannot be scored without them. */
  missingRequired: string[];
  /** Profile and free-text items with no column: scoring works, breakdowns lack them. */
  missingOptional: string[];
  /** Items claimed by more than one column. */
  duplicates: { key: string; columns: number[] }[];
  /** Columns whose number names one item and whose text another (taken by the text). */
  conflicts: { column: number; byNumber: string; byText: string }[];
}

const TIMESTAMP_TITLES = new Set(['отметка времени', 'timestamp', 'дата и время', 'время создания', 'время', 'дата']);

function sectionItems(instrument: Instrument): Item[] {
  return instrument.sections.flatMap((section) => section.items);
}

/** Items whose column must be present for the export to be scored. */
export function isScoredItem(item: Item): boolean {
  return item.kind !== 'text' && item.kind !== 'paragraph' && !PROFILE_SECTION.items.includes(item);
}

/** Other published wordings of an item's title: only Boyko's statements, the numbered items, have them. */
export function itemAliases(item: Item): readonly string[] {
  return (item.number !== undefined && BOYKO_ALIASES[item.number]) || [];
}

interface TitleIndex {
  byText: Map<string, string>;
  byNumber: Map<number, string>;
}

const indexCache = new WeakMap<Instrument, TitleIndex>();

function titleIndex(instrument: Instrument): TitleIndex {
  const cached = indexCache.get(instrument);
  if (cached) return cached;
  const byText = new Map<string, string>();
  const byNumber = new Map<number, string>();
  for (const item of sectionItems(instrument)) {
    for (const title of [item.title.ru, item.title.en, ...itemAliases(item)]) {
      byText.set(normalizeTitle(title), item.key);
    }
    if (item.number !== undefined) byNumber.set(item.number, item.key);
  }
  const index = { byText, byNumber };
  indexCache.set(instrument, index);
  return index;
}

export function matchColumns(instrument: Instrument, headers: readonly string[]): ColumnMap {
  const { byText, byNumber } = titleIndex(instrument);
  const claimed = new Map<string, number[]>();
  const ignored: number[] = [];
  const conflicts: ColumnMap['conflicts'] = [];
  let timestampColumn: number | null = null;

  headers.forEach((header, column) => {
    const { number, rest } = splitNumbering(header);
    const fromNumber = number === null ? undefined : byNumber.get(number);
    const fromText = byText.get(normalizeText(rest));
    // The full text is the stronger evidence: the respondent answered what the title says.
    const key = fromText ?? fromNumber;
    if (fromNumber !== undefined && fromText !== undefined && fromNumber !== fromText) {
      conflicts.push({ column, byNumber: fromNumber, byText: fromText });
    }
    if (key !== undefined) {
      claimed.set(key, [...(claimed.get(key) ?? []), column]);
    } else if (timestampColumn === null && TIMESTAMP_TITLES.has(normalizeText(header))) {
      timestampColumn = column;
    } else {
      ignored.push(column);
    }
  });

  const columns: Record<string, number> = {};
  const duplicates: ColumnMap['duplicates'] = [];
  const missingRequired: string[] = [];
  const missingOptional: string[] = [];
  for (const item of sectionItems(instrument)) {
    const found = claimed.get(item.key);
    if (!found) {
      (isScoredItem(item) ? missingRequired : missingOptional).push(item.key);
    } else if (found.length > 1) {
      duplicates.push({ key: item.key, columns: found });
    } else {
      columns[item.key] = found[0];
    }
  }
  return { columns, timestampColumn, ignored, missingRequired, missingOptional, duplicates, conflicts };
}

/** How many of each instrument's scored items the headers hold, best match first. */
export function rankInstruments(
  headers: readonly string[],
  instruments: Readonly<Record<InstrumentId, Instrument>>,
): { id: InstrumentId; found: number; required: number }[] {
  return INSTRUMENT_IDS.map((id) => {
    const instrument = instruments[id];
    const map = matchColumns(instrument, headers);
    const required = sectionItems(instrument).filter(isScoredItem).length;
    return { id, found: required - map.missingRequired.length, required };
  }).sort((a, b) => b.found / b.required - a.found / a.required);
}
