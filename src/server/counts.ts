/**
 * The scheduled job's daily check that nothing waits unscored, by counting instead of
 * reading: per instrument, the rows of its raw response sheets and of its scores sheet.
 * Raw rows less scores rows stays what it was after the last complete catch-up (blank
 * responses are never scored) as long as every response was scored on arrival; any other
 * difference — a submission that never ran, a row deleted by hand — sends that instrument
 * to the catch-up, which reads it whole.
 *
 * The counts come from the row counts sheet (core/workbook/row-counts) in one read. When
 * it is missing or no longer lists the sheets counted (a form linked since, a sheet
 * deleted), each sheet is asked for its last row instead, two calls per sheet, and the
 * daily run rewrites the row counts sheet from what it found.
 */
import { InstrumentId } from '../core/instruments';
import { CompactRegistry, compactRecord, FormRecord, isScored, isSurveyRecord, SurveyRecord } from '../core/workbook/registry';
import { COUNTS_SHEET, scoresKey } from '../core/workbook/sheets';
import { COUNTS_HEADER, countRowsToWrite, countsFromRows } from '../core/workbook/row-counts';
import { tr } from '../core/text/i18n';
import { PROPERTY_KEYS } from '../core/workbook/state-keys';
import { readBookJson, writeBookJson } from './adapters/state';
import { readToLastRow, replaceRows, sheetById } from './adapters/workbook';
import { Context, derivedSheet, layoutSheet } from './context';
import { readRegistry } from './registry';

const BASELINE_KEY = PROPERTY_KEYS.unscoredBaseline;
const DAILY_SEEN_KEY = PROPERTY_KEYS.dailySeen;

export interface InstrumentCounts {
  /** Data rows of the instrument's raw response sheets. */
  raw: number;
  /** Data rows of its scores sheet. */
  scores: number;
  /** The raw sheets' ids. */
  sheetIds: number[];
}

/** A sheet counted for an instrument: one of its raw sheets, or its scores sheet. */
interface Counted {
  instrument: InstrumentId;
  raw: boolean;
  /** Null for a scores sheet not made yet: it counts 0 rows. */
  id: number | null;
}

/** The scored survey records the state's compact registry names; null when none is kept (too large, or never written). */
export function compactSurveyRecords(context: Context): SurveyRecord[] | null {
  const compact = readBookJson<CompactRegistry>(context.book, PROPERTY_KEYS.forms);
  if (!compact) return null;
  return Object.keys(compact).map((id) => compactRecord(compact, Number(id))).filter((record): record is SurveyRecord => record !== null);
}

function countedSheets(context: Context, records: readonly FormRecord[]): Counted[] {
  const raw: { instrument: InstrumentId; id: number }[] = [];
  // A sheet two records name is counted once, for the first, as the compact registry
  // keeps it: counts from either source agree with the baseline.
  const seen = new Set<number>();
  for (const record of records) {
    if (!isScored(record) || !isSurveyRecord(record) || seen.has(record.responseSheetId)) continue;
    seen.add(record.responseSheetId);
    raw.push({ instrument: record.instrument, id: record.responseSheetId });
  }
  // In id order: the compact registry and the registry sheet list the same sheets in
  // different orders, and the row counts sheet lists them in this one.
  raw.sort((a, b) => a.id - b.id);
  const instruments = [...new Set(raw.map((sheet) => sheet.instrument))];
  return [
    ...raw.map((sheet) => ({ ...sheet, raw: true })),
    ...instruments.map((instrument) => ({ instrument, raw: false, id: context.layout.sheets[scoresKey(instrument)] ?? null })),
  ];
}

/** The row counts sheet's counts of `ids`, in one read; null when it is missing or does not list them. */
function readCounts(context: Context, ids: readonly number[]): number[] | null {
  if (ids.length === 0) return [];
  const sheet = layoutSheet(context, 'counts');
  if (!sheet) return null;
  return countsFromRows(readToLastRow(sheet, 1, 2).slice(1), ids);
}

/** Each sheet asked for its last row: two calls per sheet, and its name when the row counts sheet is to be rewritten. */
function askSheets(context: Context, ids: readonly number[], withNames: boolean): { counts: number[]; names: (string | null)[] } {
  const counts: number[] = [];
  const names: (string | null)[] = [];
  for (const id of ids) {
    const sheet = sheetById(context.book, id);
    counts.push(Math.max(0, (sheet?.getLastRow() ?? 1) - 1));
    if (withNames) names.push(sheet ? sheet.getName() : null);
  }
  return { counts, names };
}

/** Rewrites the row counts sheet (made, protected and hidden when missing) for the sheets `ids`. */
function writeCounts(context: Context, ids: readonly number[], names: readonly (string | null)[], coordinators: readonly string[]): void {
  const header = COUNTS_HEADER.map((title) => tr(title, context.lang));
  replaceRows(derivedSheet(context, 'counts', COUNTS_SHEET, header, coordinators), header, countRowsToWrite(ids.map((id, i) => ({ id, name: names[i] }))));
}

/**
 * Rows per instrument of the sheets `records` name. `repairFor`: the coordinators, when
 * this caller rewrites the row counts sheet if it had to ask the sheets themselves.
 */
export function countRows(context: Context, records: readonly FormRecord[] = readRegistry(context), repairFor?: readonly string[]): Map<InstrumentId, InstrumentCounts> {
  const sheets = countedSheets(context, records);
  const ids = sheets.flatMap((sheet) => (sheet.id === null ? [] : [sheet.id]));
  let rows = readCounts(context, ids);
  if (!rows) {
    const asked = askSheets(context, ids, repairFor !== undefined);
    if (repairFor) writeCounts(context, ids, asked.names, repairFor);
    rows = asked.counts;
  }
  const rowsOf = new Map(ids.map((id, i) => [id, rows[i]]));
  const counts = new Map<InstrumentId, InstrumentCounts>();
  for (const sheet of sheets) {
    const entry = counts.get(sheet.instrument) ?? { raw: 0, scores: 0, sheetIds: [] };
    const n = sheet.id === null ? 0 : rowsOf.get(sheet.id) ?? 0;
    if (!sheet.raw) entry.scores = n;
    else if (sheet.id !== null) {
      entry.raw += n;
      entry.sheetIds.push(sheet.id);
    }
    counts.set(sheet.instrument, entry);
  }
  return counts;
}

/** What the daily run last saw, so that it recomputes the indicators only when the scores changed. */
export interface DailySeen {
  /** Scores rows per instrument when the indicators were last computed from them. */
  scores: Record<string, number>;
  /** When the daily run last read everything (epoch ms). */
  fullAt: number;
  /** The reporting period of that day: a new one changes which reports are missing. */
  period?: string;
}

export const scoresOf = (counts: Map<InstrumentId, InstrumentCounts>): Record<string, number> =>
  Object.fromEntries([...counts].map(([instrument, entry]) => [instrument, entry.scores]));

/**
 * Recorded when a catch-up or a rebuild has just completed, under the lock: the baseline
 * of the daily check and, when it recomputed the indicators, the scores they were
 * computed from.
 */
export function recordCatchUpCounts(context: Context, records: readonly FormRecord[], indicatorsRecomputed: boolean): void {
  const counts = countRows(context, records);
  const baseline: Record<string, number> = {};
  for (const [instrument, entry] of counts) baseline[instrument] = entry.raw - entry.scores;
  writeBookJson(context.book, BASELINE_KEY, baseline);
  const seen = readBookJson<DailySeen>(context.book, DAILY_SEEN_KEY);
  if (indicatorsRecomputed && seen) writeBookJson(context.book, DAILY_SEEN_KEY, { ...seen, scores: scoresOf(counts) } satisfies DailySeen);
}

/** The raw sheets of the instruments whose counts left their baseline (all of them when none was recorded). */
export function sheetsToCatchUp(context: Context, counts: Map<InstrumentId, InstrumentCounts>): number[] {
  const baseline = readBookJson<Record<string, number>>(context.book, BASELINE_KEY) ?? {};
  return [...counts].filter(([instrument, entry]) => baseline[instrument] !== entry.raw - entry.scores).flatMap(([, entry]) => entry.sheetIds);
}
