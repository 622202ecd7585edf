/**
 * Recalculate all: every derived sheet rebuilt from the raw responses, in batched reads
 * and writes, resumable. Past a time budget well under Apps Script's 6-minute limit the
 * run saves a cursor; the sidebar or the scheduled job continues from it. Chunks are
 * written under the lock, so submissions that arrive in between are neither lost nor
 * counted twice.
 *
 * What it costs is what Apps Script charges for: per run each raw sheet is read once
 * (its timestamps shown, not formatted row by row), each scores sheet's key column once
 * (then only rows appended since), and each score row is written once, in place or
 * appended, a chunk at a time. Nothing is emptied first and nothing is sorted after: a
 * failure at any service call leaves every row with its old score or its new one, and
 * the cursor lets the next run finish the work. Once a raw sheet is done, scores of
 * responses no longer in it are dropped. Scores of a form whose raw sheet cannot be read
 * (damaged registry row, wrong sheet) are never touched.
 */
import { tr } from '../core/text/i18n';
import { inertRow } from '../core/text/inert';
import { fitCells, MAX_CELL_TEXT } from '../core/text/cells';
import { getInstrument, InstrumentId } from '../core/instruments';
import { PROTECTION_DESCRIPTION } from '../core/text/messages';
import { processResponse } from '../core/workbook/pipeline';
import { isScored, isSurveyRecord, SurveyRecord } from '../core/workbook/registry';
import { keySheetId, keysOfRows } from '../core/workbook/response-key';
import { scoreHeader } from '../core/workbook/scores-table';
import { parseDisplayedTimestamp } from '../core/text/timestamps';
import { scoresKey, scoresSheet, scoresSheets } from '../core/workbook/sheets';
import type { RecalculationProgress, RecalculationStatus } from '../core/views/surveys';
import { deleteBookValue, readBookJson, writeBookJson } from './adapters/state';
import { appendRows, keyedRow, protectSheet, readColumn, readResponseRows, readRows, replaceRows, rowPairs, Sheet, workbookTimeZone } from './adapters/workbook';
import { Settings } from '../core/settings';
import { Context, ensureLayoutSheet, layoutSheet, locked, readSettings, requireContext, saveLayout, UserError } from './context';
import { logEntry, writeLog } from './log';
import { logMismatch, rawSheetOf, readRegistry, refreshItemTitles, writeRegistry } from './registry';
import { recomputeIndicators } from './reports';
import { requireCoordinator } from './access';
import { recordCatchUpCounts } from './counts';
import { PROPERTY_KEYS } from '../core/workbook/state-keys';

export const CURSOR_PROPERTY = PROPERTY_KEYS.recalc;
/** Set when a submission could not be scored on arrival; the scheduled job catches up. */
export const CATCH_UP_PROPERTY = PROPERTY_KEYS.catchUp;

/** 4.5 minutes: leaves room under the 6-minute execution limit for the last chunk. */
const DEFAULT_BUDGET_MS = 270_000;
/** Rows scored and written per lock: a few seconds of writing, so submissions do not wait long. */
const DEFAULT_CHUNK_ROWS = 2000;

interface Cursor {
  /** rebuild: every response scored again, in place; catchUp: only missing responses are added. */
  mode: 'rebuild' | 'catchUp';
  sheetIds: number[];
  at: number;
  /** Next data row (0-based, header excluded) of sheetIds[at]. */
  row: number;
  processed: number;
  incomplete: number;
}

export interface RunOptions {
  budgetMs?: number;
  chunkRows?: number;
}

export function ensureScoresSheet(context: Context, instrument: InstrumentId): Sheet {
  const sheet = ensureLayoutSheet(context, scoresKey(instrument), scoresSheet(instrument), scoreHeader(getInstrument(instrument), context.lang));
  saveLayout(context);
  protectSheet(sheet, settingsOrLog(context)?.coordinators ?? [], tr(PROTECTION_DESCRIPTION, context.lang));
  return sheet;
}

/**
 * The settings, or null with a log line naming the bad rows: a damaged settings sheet
 * must not stop scoring (a new scores sheet is then protected for the owner alone).
 */
function settingsOrLog(context: Context): Settings | null {
  try {
    return readSettings(context);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    writeLog(context, [logEntry(context, '', '', 'settingsUnreadable', { errors: error.message })]);
    return null;
  }
}

function progress(cursor: Cursor, done: boolean): RecalculationProgress {
  return { done, processed: cursor.processed, incomplete: cursor.incomplete };
}

function startCursor(context: Context, mode: Cursor['mode'], only?: readonly number[]): Cursor {
  const sheetIds = readRegistry(context).filter((record) => isScored(record) && isSurveyRecord(record)).map((record) => record.responseSheetId)
    .filter((id) => !only || only.includes(id));
  const cursor: Cursor = { mode, sheetIds, at: 0, row: 0, processed: 0, incomplete: 0 };
  writeBookJson(context.book, CURSOR_PROPERTY, cursor);
  return cursor;
}

/**
 * A scores sheet's data rows, whatever happened to its header: a header row lost to a
 * hand edit is not taken for data, and data is not taken for a header.
 */
function scoresData(sheet: Sheet): unknown[][] {
  const rows = readRows(sheet);
  return rows.length > 0 && keySheetId(String(rows[0][0] ?? '')) !== null ? rows : rows.slice(1);
}

/** A raw sheet read once per run: its titles, its rows (timestamps as local ISO text) and their keys. */
interface RawSheet {
  timeZone: string;
  header: unknown[];
  rows: unknown[][];
  keys: string[];
}

function readRaw(context: Context, sheet: Sheet, sheetId: number): RawSheet {
  const timeZone = workbookTimeZone(context.book);
  const [header, ...rows] = readResponseRows(sheet, timeZone);
  return { timeZone, header: header ?? [], rows, keys: keysOfRows(sheetId, rows.map((row) => keyedRow(row, timeZone))) };
}

/**
 * Where each key of a scores sheet is, known for the run: its key column is read once,
 * then only the rows appended since (by submissions between chunks). Every write of a
 * scores sheet here keeps its rows where they are or appends, so positions stay true;
 * a sheet that shrank, or whose last known row holds another key, is read again.
 */
interface ScoresState {
  sheet: Sheet;
  header: string[];
  /** 1-based sheet row of each key (its first occurrence). */
  rowOf: Map<string, number>;
  keyAt: string[];
  lastRow: number;
  headerIntact: boolean;
}

function loadScores(context: Context, instrument: InstrumentId): ScoresState {
  const sheet = layoutSheet(context, scoresKey(instrument)) ?? ensureScoresSheet(context, instrument);
  const header = scoreHeader(getInstrument(instrument), context.lang);
  const keys = readColumn(sheet, 1).map((cell) => String(cell ?? ''));
  const first = keys.length > 0 ? sheet.getRange(1, 1, 1, Math.max(header.length, sheet.getLastColumn())).getValues()[0] : [];
  const headerIntact = keys.length > 0 && first.every((cell, column) => String(cell ?? '') === (header[column] ?? ''));
  const state: ScoresState = { sheet, header, rowOf: new Map(), keyAt: ['', ...keys.slice(0, 1)], lastRow: Math.min(1, keys.length), headerIntact };
  addKeys(state, keys.slice(1));
  return state;
}

function addKeys(state: ScoresState, keys: string[]): void {
  for (const key of keys) {
    state.lastRow++;
    state.keyAt[state.lastRow] = key;
    if (key !== '' && !state.rowOf.has(key)) state.rowOf.set(key, state.lastRow);
  }
}

/** The state brought up to date under the lock: rows appended since are learnt, anything else reloads. */
function refreshScores(context: Context, instrument: InstrumentId, state: ScoresState | undefined): ScoresState {
  if (!state) return loadScores(context, instrument);
  const last = state.sheet.getLastRow();
  if (last < state.lastRow || state.lastRow < 2) return last === state.lastRow ? state : loadScores(context, instrument);
  const tail = state.sheet.getRange(state.lastRow, 1, last - state.lastRow + 1, 1).getValues().map((row) => String(row[0] ?? ''));
  if (tail[0] !== state.keyAt[state.lastRow]) return loadScores(context, instrument);
  addKeys(state, tail.slice(1));
  return state;
}

/** Consecutive sheet rows written together; past this many separate runs one span is read and written instead. */
const MAX_WRITE_RUNS = 4;

/**
 * Writes scored rows: a key already present is overwritten in place (a rebuild), any
 * other row is appended. A sheet whose header is not this version's is rewritten whole
 * with it, in one write.
 */
function writeScores(state: ScoresState, rows: unknown[][]): void {
  const { sheet, header } = state;
  if (!state.headerIntact) {
    const existing = scoresData(sheet);
    const at = new Map(existing.map((row, index) => [String(row[0]), index]));
    for (const row of rows) {
      const index = at.get(String(row[0]));
      if (index === undefined) existing.push(row);
      else existing[index] = row;
    }
    replaceRows(sheet, header, existing.map(inertRow));
    return;
  }
  const placed = rows.filter((row) => state.rowOf.has(String(row[0]))).map((row) => ({ at: state.rowOf.get(String(row[0])) as number, row }));
  placed.sort((a, b) => a.at - b.at);
  const runs: Array<typeof placed> = [];
  for (const item of placed) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].at + 1 === item.at) run.push(item);
    else runs.push([item]);
  }
  if (runs.length > MAX_WRITE_RUNS) {
    const first = placed[0].at;
    const span = sheet.getRange(first, 1, placed[placed.length - 1].at - first + 1, header.length).getValues();
    for (const { at, row } of placed) span[at - first] = row;
    sheet.getRange(first, 1, span.length, header.length).setValues(span.map(inertRow));
  } else {
    for (const run of runs) sheet.getRange(run[0].at, 1, run.length, header.length).setValues(run.map(({ row }) => inertRow(row)));
  }
  const added = rows.filter((row) => !state.rowOf.has(String(row[0])));
  appendRows(sheet, state.lastRow + 1, added.map(inertRow));
  addKeys(state, added.map((row) => String(row[0])));
}

/**
 * Scores one chunk of a raw sheet's rows and writes them (under the lock). Catch-up
 * adds the ones not present; a rebuild scores every one again, in place.
 */
function scoreChunk(context: Context, cursor: Cursor, record: SurveyRecord, state: ScoresState, raw: RawSheet, from: number, to: number): void {
  const { timeZone } = raw;
  const titles = raw.header.map((title) => String(title));
  const out: unknown[][] = [];
  let truncated = false;
  for (let index = from; index < to; index++) {
    const key = raw.keys[index];
    if (cursor.mode === 'catchUp' && state.rowOf.has(key)) continue;
    const pairs = rowPairs(titles, raw.rows[index], timeZone);
    const submittedAt = parseDisplayedTimestamp(pairs[0]?.[1] ?? '') ?? '';
    const processed = processResponse({ record, key, byTitle: pairs, timestampTitle: titles[0], submittedAt, lang: context.lang });
    if (processed.kind === 'blank') continue;
    const fitted = fitCells(processed.row);
    truncated ||= fitted.truncated;
    cursor.processed++;
    if (processed.incompleteItems.length > 0) cursor.incomplete++;
    out.push(fitted.row);
  }
  if (truncated) writeLog(context, [logEntry(context, record.responseSheetName, '', 'cellTruncated', { max: MAX_CELL_TEXT })]);
  writeScores(state, out);
}

/**
 * Once a raw sheet is done: its scores sheet keeps exactly the responses the raw sheet
 * holds now, once each, under this version's header. Raw rows appended since the run
 * read it are read again first: their submissions may have scored them meanwhile.
 * Rows of other sheets are left as they are. Returns how many rows were dropped.
 */
function dropStale(context: Context, state: ScoresState, sheet: Sheet, sheetId: number, raw: RawSheet): number {
  const current = sheet.getLastRow() === raw.rows.length + 1 ? raw : readRaw(context, sheet, sheetId);
  const keys = new Set(current.keys);
  let stale = false;
  for (let row = 2; row <= state.lastRow && !stale; row++) {
    const key = state.keyAt[row];
    stale = keySheetId(key) === sheetId && (!keys.has(key) || state.rowOf.get(key) !== row);
  }
  if (!stale && state.headerIntact) return 0;
  const data = scoresData(state.sheet);
  const seen = new Set<string>();
  const kept = data.filter((row) => {
    const key = String(row[0] ?? '');
    const keep = keySheetId(key) !== sheetId || (keys.has(key) && !seen.has(key));
    seen.add(key);
    return keep;
  });
  replaceRows(state.sheet, state.header, kept.map(inertRow));
  return data.length - kept.length;
}

/** Scores sheets no raw sheet of the run feeds keep their rows; a damaged header is restored. */
function repairHeaders(context: Context, fed: ReadonlySet<string>): void {
  for (const { key, instrument } of scoresSheets(context.layout)) {
    if (fed.has(key) || !layoutSheet(context, key)) continue;
    const state = loadScores(context, instrument);
    if (!state.headerIntact) replaceRows(state.sheet, state.header, scoresData(state.sheet).map(inertRow));
  }
}

/** `started`: when the execution began; the budget counts the work done before run() too. */
function run(context: Context, options: RunOptions, started = Date.now()): RecalculationProgress {
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const chunkRows = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
  const cursor = readBookJson<Cursor>(context.book, CURSOR_PROPERTY);
  if (!cursor) return { done: true, processed: 0, incomplete: 0 };
  const records = readRegistry(context).filter(isSurveyRecord);
  const states = new Map<InstrumentId, ScoresState>();
  const fed = new Set<string>();
  let removed = 0;
  for (; cursor.at < cursor.sheetIds.length; cursor.at++, cursor.row = 0) {
    const record = records.find((r) => r.responseSheetId === cursor.sheetIds[cursor.at]);
    const sheet = record ? rawSheetOf(context, record) : null;
    if (record && !sheet) logMismatch(context, record, records);
    if (!record || !sheet) continue;
    fed.add(scoresKey(record.instrument));
    const raw = readRaw(context, sheet, record.responseSheetId);
    while (raw.header.length > 0 && cursor.row < raw.rows.length) {
      const from = cursor.row;
      const to = Math.min(raw.rows.length, from + chunkRows);
      locked(context, () => {
        const state = refreshScores(context, record.instrument, states.get(record.instrument));
        states.set(record.instrument, state);
        scoreChunk(context, cursor, record, state, raw, from, to);
        cursor.row = to;
        writeBookJson(context.book, CURSOR_PROPERTY, cursor);
      });
      if (!states.get(record.instrument)?.headerIntact) states.delete(record.instrument);
      if (Date.now() - started >= budget && (cursor.row < raw.rows.length || cursor.at + 1 < cursor.sheetIds.length)) {
        writeLog(context, [logEntry(context, '', '', 'recalculationPaused', { done: cursor.processed })]);
        return progress(cursor, false);
      }
    }
    locked(context, () => {
      const state = refreshScores(context, record.instrument, states.get(record.instrument));
      const dropped = dropStale(context, state, sheet, record.responseSheetId, raw);
      removed += dropped;
      if (dropped > 0 || !state.headerIntact) states.delete(record.instrument);
      else states.set(record.instrument, state);
    });
  }
  if (removed > 0) writeLog(context, [logEntry(context, '', '', 'staleScoresRemoved', { count: removed })]);
  locked(context, () => {
    const records = readRegistry(context);
    repairHeaders(context, fed);
    // Indicators derive from the scores: rebuilt with them (and after a catch-up added any).
    const settings = cursor.mode === 'rebuild' || cursor.processed > 0 || removed > 0 ? settingsOrLog(context) : null;
    if (settings) recomputeIndicators(context, settings);
    // Every response is now scored: the counts the daily check compares against.
    recordCatchUpCounts(context, records, settings !== null);
    deleteBookValue(context.book, CURSOR_PROPERTY);
    deleteBookValue(context.book, CATCH_UP_PROPERTY);
  });
  // A catch-up that found nothing to do is not worth a log line.
  if (cursor.mode === 'rebuild' || cursor.processed > 0) {
    writeLog(context, [logEntry(context, '', '', 'recalculated', { responses: cursor.processed, incomplete: cursor.incomplete })]);
  }
  return progress(cursor, true);
}

/**
 * google.script.run endpoint and menu item. Scores every raw response again (the
 * registry first learns any question reworded in its form since) and drops scores of
 * responses no longer there. Result: progress; `done: false` means continueRecalculation
 * (or the scheduled job) finishes it.
 */
export function recalculateAll(options: RunOptions = {}): RecalculationProgress {
  const started = Date.now();
  const context = requireContext();
  requireCoordinator(context);
  locked(context, () => {
    const records = readRegistry(context);
    const before = JSON.stringify(records);
    refreshItemTitles(records);
    if (JSON.stringify(records) !== before) writeRegistry(context, records);
    startCursor(context, 'rebuild');
  });
  return run(context, options, started);
}

/** google.script.run endpoint. Continues a paused recalculation; done when there is none. */
export function continueRecalculation(options: RunOptions = {}): RecalculationProgress {
  const context = requireContext();
  requireCoordinator(context);
  return run(context, options);
}

/** Scores whatever raw responses have no scores row yet, without emptying anything. */
export function catchUp(context: Context, options: RunOptions = {}, started = Date.now(), only?: readonly number[]): RecalculationProgress {
  if (!readBookJson<Cursor>(context.book, CURSOR_PROPERTY)) locked(context, () => startCursor(context, 'catchUp', only));
  return run(context, options, started);
}

/** Where a paused or running recalculation is, so the sidebar can show it and resume it; null when none is. */
export function recalculationStatus(context: Context): RecalculationStatus | null {
  const cursor = readBookJson<Cursor>(context.book, CURSOR_PROPERTY);
  if (!cursor) return null;
  return {
    mode: cursor.mode, processed: cursor.processed, incomplete: cursor.incomplete,
    sheet: Math.min(cursor.at + 1, cursor.sheetIds.length), sheets: cursor.sheetIds.length,
  };
}
