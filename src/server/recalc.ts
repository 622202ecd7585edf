/**
 * Recalculate all: every derived sheet rebuilt from the raw responses, in batched reads
 * and writes, resumable. Past a time budget well under Apps Script's 6-minute limit the
 * run saves a cursor; the sidebar or the scheduled job continues from it. Chunks are
 * written under the document lock and skip keys already present, so submissions that
 * arrive in between are neither lost nor counted twice.
 *
 * Nothing is emptied first: a rebuild scores every response again and rewrites each
 * scores sheet in one write, and the last step drops the scores of responses that are
 * no longer in their raw sheet. A failure at any service call leaves every sheet with
 * its old content or its new one, and the cursor lets the next run finish the work.
 * Scores of a form whose raw sheet cannot be read (damaged registry row, wrong sheet)
 * are never touched.
 */
import { tr } from '../core/text/i18n';
import { inertRow } from '../core/text/inert';
import { fitCells, MAX_CELL_TEXT } from '../core/text/cells';
import { getInstrument, InstrumentId } from '../core/instruments';
import { PROTECTION_DESCRIPTION } from '../core/text/messages';
import { processResponse } from '../core/workbook/pipeline';
import { FormRecord, isScored, isSurveyRecord, SurveyRecord } from '../core/workbook/registry';
import { keySheetId, keysOfRows } from '../core/workbook/response-key';
import { scoreHeader } from '../core/workbook/scores-table';
import { parseDisplayedTimestamp } from '../core/text/timestamps';
import { scoresKey, scoresSheet, scoresSheets } from '../core/workbook/sheets';
import type { RecalculationProgress, RecalculationStatus } from '../core/views/surveys';
import { deleteBookValue, readBookJson, writeBookJson } from './adapters/state';
import { appendRows, keyedRow, protectSheet, readRows, replaceRows, rowPairs, Sheet, workbookTimeZone } from './adapters/workbook';
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
const DEFAULT_CHUNK_ROWS = 500;

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

/** Raw rows of a sheet with their response keys. */
function keyedRaw(context: Context, sheet: Sheet, sheetId: number): { header: unknown[]; rows: unknown[][]; keys: string[] } {
  const [header, ...rows] = readRows(sheet);
  const timeZone = workbookTimeZone(context.book);
  return { header: header ?? [], rows, keys: keysOfRows(sheetId, rows.map((row) => keyedRow(row, timeZone))) };
}

/**
 * Scores one chunk of a raw sheet's rows. Catch-up appends the ones not present; a
 * rebuild scores every one again and rewrites the sheet in one write. The present keys
 * are read per chunk: submissions may have landed since the last one.
 */
function scoreChunk(context: Context, cursor: Cursor, record: SurveyRecord, header: unknown[], rows: unknown[][], keys: string[]): void {
  const scores = layoutSheet(context, scoresKey(record.instrument)) ?? ensureScoresSheet(context, record.instrument);
  const existing = scoresData(scores);
  const at = new Map(existing.map((row, index) => [String(row[0]), index]));
  const timeZone = workbookTimeZone(context.book);
  const titles = header.map((title) => String(title));
  const out: unknown[][] = [];
  let truncated = false;
  rows.forEach((values, offset) => {
    const key = keys[offset];
    if (cursor.mode === 'catchUp' && at.has(key)) return;
    const pairs = rowPairs(titles, values, timeZone);
    const submittedAt = parseDisplayedTimestamp(pairs[0]?.[1] ?? '') ?? '';
    const processed = processResponse({ record, key, byTitle: pairs, timestampTitle: titles[0], submittedAt, lang: context.lang });
    if (processed.kind === 'blank') return;
    const fitted = fitCells(processed.row);
    truncated ||= fitted.truncated;
    cursor.processed++;
    if (processed.incompleteItems.length > 0) cursor.incomplete++;
    const index = at.get(key);
    if (index === undefined) {
      at.set(key, existing.length + out.length);
      out.push(fitted.row);
    } else existing[index] = fitted.row;
  });
  if (truncated) writeLog(context, [logEntry(context, record.responseSheetName, '', 'cellTruncated', { max: MAX_CELL_TEXT })]);
  if (cursor.mode === 'rebuild') {
    replaceRows(scores, scoreHeader(getInstrument(record.instrument), context.lang), [...existing, ...out].map(inertRow));
  } else {
    appendRows(scores, scores.getLastRow() + 1, out.map(inertRow));
  }
}

/**
 * The last step of every run: each scores sheet keeps exactly the responses its raw
 * sheets hold, with its header, sorted by submission time then key after a rebuild.
 * Scores of sheets that could not be read are kept as they are.
 */
function reconcile(context: Context, records: readonly FormRecord[], sort: boolean): void {
  const expected = new Map<string, Set<string>>();
  const readable = new Map<string, Set<number>>();
  for (const record of records) {
    if (!isScored(record) || !isSurveyRecord(record)) continue;
    const sheet = rawSheetOf(context, record);
    if (!sheet) continue;
    const scoresKeyOf = scoresKey(record.instrument);
    const ids = readable.get(scoresKeyOf) ?? new Set<number>();
    ids.add(record.responseSheetId);
    readable.set(scoresKeyOf, ids);
    const keys = expected.get(scoresKeyOf) ?? new Set<string>();
    for (const key of keyedRaw(context, sheet, record.responseSheetId).keys) keys.add(key);
    expected.set(scoresKeyOf, keys);
  }
  let removed = 0;
  for (const { key, instrument } of scoresSheets(context.layout)) {
    const sheet = layoutSheet(context, key);
    if (!sheet) continue;
    const header = scoreHeader(getInstrument(instrument), context.lang);
    const rows = readRows(sheet);
    const data = scoresData(sheet);
    const ids = readable.get(key) ?? new Set<number>();
    const keys = expected.get(key) ?? new Set<string>();
    const seen = new Set<string>();
    const kept = data.filter((row) => {
      const rowKey = String(row[0] ?? '');
      const sheetId = keySheetId(rowKey);
      // A row of a readable sheet stays only while that sheet still holds its response, once.
      const keep = sheetId === null || !ids.has(sheetId) || (keys.has(rowKey) && !seen.has(rowKey));
      seen.add(rowKey);
      return keep;
    });
    removed += data.length - kept.length;
    if (sort) kept.sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0])));
    const headerIntact = rows.length > 0 && header.every((title, column) => String(rows[0][column] ?? '') === title);
    if (sort || kept.length !== data.length || !headerIntact) replaceRows(sheet, header, kept.map(inertRow));
  }
  if (removed > 0) writeLog(context, [logEntry(context, '', '', 'staleScoresRemoved', { count: removed })]);
}

/** `started`: when the execution began; the budget counts the work done before run() too. */
function run(context: Context, options: RunOptions, started = Date.now()): RecalculationProgress {
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const chunkRows = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
  const cursor = readBookJson<Cursor>(context.book, CURSOR_PROPERTY);
  if (!cursor) return { done: true, processed: 0, incomplete: 0 };
  const records = readRegistry(context);
  for (; cursor.at < cursor.sheetIds.length; cursor.at++, cursor.row = 0) {
    const record = records.filter(isSurveyRecord).find((r) => r.responseSheetId === cursor.sheetIds[cursor.at]);
    const sheet = record ? rawSheetOf(context, record) : null;
    if (record && !sheet) logMismatch(context, record, records);
    if (!record || !sheet) continue;
    const { header, rows, keys } = keyedRaw(context, sheet, record.responseSheetId);
    while (header.length > 0 && cursor.row < rows.length) {
      const from = cursor.row;
      const chunk = rows.slice(from, from + chunkRows);
      locked(context, () => {
        scoreChunk(context, cursor, record, header, chunk, keys.slice(from, from + chunkRows));
        cursor.row = from + chunk.length;
        writeBookJson(context.book, CURSOR_PROPERTY, cursor);
      });
      if (Date.now() - started >= budget && (cursor.row < rows.length || cursor.at + 1 < cursor.sheetIds.length)) {
        writeLog(context, [logEntry(context, '', '', 'recalculationPaused', { done: cursor.processed })]);
        return progress(cursor, false);
      }
    }
  }
  locked(context, () => {
    const records = readRegistry(context);
    reconcile(context, records, cursor.mode === 'rebuild');
    // Indicators derive from the scores: rebuilt with them (and after a catch-up added any).
    const settings = cursor.mode === 'rebuild' || cursor.processed > 0 ? settingsOrLog(context) : null;
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
