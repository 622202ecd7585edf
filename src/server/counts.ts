/**
 * The scheduled job's daily check that nothing waits unscored, by counting instead of
 * reading: per instrument, the rows of its raw response sheets and of its scores sheet
 * (two calls per sheet, whatever their size). Raw rows less scores rows stays what it was
 * after the last complete catch-up (blank responses are never scored) as long as every
 * response was scored on arrival; any other difference — a submission that never ran, a
 * row deleted by hand — sends that instrument to the catch-up, which reads it whole.
 */
import { InstrumentId } from '../core/instruments';
import { CompactRegistry, compactRecord, FormRecord, isScored, isSurveyRecord, SurveyRecord } from '../core/workbook/registry';
import { scoresKey } from '../core/workbook/sheets';
import { PROPERTY_KEYS } from '../core/workbook/state-keys';
import { readBookJson, writeBookJson } from './adapters/state';
import { sheetById } from './adapters/workbook';
import { Context, layoutSheet } from './context';
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

const dataRows = (sheet: { getLastRow(): number } | null) => Math.max(0, (sheet?.getLastRow() ?? 1) - 1);

/** The scored survey records the state's compact registry names; null when none is kept (too large, or never written). */
export function compactSurveyRecords(context: Context): SurveyRecord[] | null {
  const compact = readBookJson<CompactRegistry>(context.book, PROPERTY_KEYS.forms);
  if (!compact) return null;
  return Object.keys(compact).map((id) => compactRecord(compact, Number(id))).filter((record): record is SurveyRecord => record !== null);
}

export function countRows(context: Context, records: readonly FormRecord[] = readRegistry(context)): Map<InstrumentId, InstrumentCounts> {
  const counts = new Map<InstrumentId, InstrumentCounts>();
  // A sheet two records name is counted once, for the first, as the compact registry
  // keeps it: counts from either source agree with the baseline.
  const counted = new Set<number>();
  for (const record of records) {
    if (!isScored(record) || !isSurveyRecord(record) || counted.has(record.responseSheetId)) continue;
    counted.add(record.responseSheetId);
    const entry = counts.get(record.instrument) ?? { raw: 0, scores: 0, sheetIds: [] };
    entry.raw += dataRows(sheetById(context.book, record.responseSheetId));
    entry.sheetIds.push(record.responseSheetId);
    counts.set(record.instrument, entry);
  }
  for (const [instrument, entry] of counts) entry.scores = dataRows(layoutSheet(context, scoresKey(instrument)));
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
