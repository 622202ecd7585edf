/**
 * Recalculate all: every derived sheet rebuilt from the raw responses, in batched reads
 * and writes, resumable. Past a time budget well under Apps Script's 6-minute limit the
 * run saves a cursor; the sidebar or the scheduled job continues from it. Chunks are
 * written under the document lock and skip keys already present, so submissions that
 * arrive in between are neither lost nor counted twice.
 */
import { tr } from '../core/text/i18n';
import { inertRow } from '../core/text/inert';
import { getInstrument, InstrumentId } from '../core/instruments';
import { PROTECTION_DESCRIPTION } from '../core/text/messages';
import { processResponse } from '../core/scoring/pipeline';
import { isScored, isSurveyRecord, responseKey, SurveyRecord } from '../core/workbook/registry';
import { scoreHeader } from '../core/workbook/scores-table';
import { parseDisplayedTimestamp } from '../core/text/timestamps';
import { scoresKey, scoresSheet } from '../core/workbook/sheets';
import type { RecalculationProgress } from '../core/views/surveys';
import { deleteBookValue, readBookJson, writeBookJson } from './adapters/state';
import { appendRows, protectSheet, readColumn, readRows, replaceRows, rowTexts, Sheet, sheetById, workbookTimeZone } from './adapters/workbook';
import { Context, ensureLayoutSheet, layoutSheet, locked, readSettings, requireContext, saveLayout } from './context';
import { logEntry, writeLog } from './log';
import { readRegistry } from './registry';
import { recomputeIndicators } from './reports';
import { requireCoordinator } from './access';

export const CURSOR_PROPERTY = 'pdm.recalc';
/** Set when a submission could not be scored on arrival; the scheduled job catches up. */
export const CATCH_UP_PROPERTY = 'pdm.catchUp';

/** 4.5 minutes: leaves room under the 6-minute execution limit for the last chunk. */
const DEFAULT_BUDGET_MS = 270_000;
const DEFAULT_CHUNK_ROWS = 500;

interface Cursor {
  /** rebuild: scores sheets were emptied first; catchUp: only missing responses are added. */
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
  protectSheet(sheet, readSettings(context).coordinators, tr(PROTECTION_DESCRIPTION, context.lang));
  return sheet;
}

function progress(cursor: Cursor, done: boolean): RecalculationProgress {
  return { done, processed: cursor.processed, incomplete: cursor.incomplete };
}

function startCursor(context: Context, mode: Cursor['mode']): Cursor {
  const sheetIds = readRegistry(context).filter((record) => isScored(record) && isSurveyRecord(record)).map((record) => record.responseSheetId);
  const cursor: Cursor = { mode, sheetIds, at: 0, row: 0, processed: 0, incomplete: 0 };
  writeBookJson(context.book, CURSOR_PROPERTY, cursor);
  return cursor;
}

/**
 * Scores one chunk of a raw sheet's rows and appends the ones not yet present. The
 * present keys are read per chunk: submissions may have landed since the last one.
 */
function scoreChunk(context: Context, cursor: Cursor, record: SurveyRecord, header: unknown[], rows: unknown[][]): void {
  const scores = layoutSheet(context, scoresKey(record.instrument)) ?? ensureScoresSheet(context, record.instrument);
  const present = new Set(readColumn(scores, 1).map(String));
  const timeZone = workbookTimeZone(context.book);
  const titles = header.map((title) => String(title));
  const out: unknown[][] = [];
  rows.forEach((values, offset) => {
    const key = responseKey(record.responseSheetId, cursor.row + offset + 2);
    if (present.has(key)) return;
    const byTitle = rowTexts(titles, values, timeZone);
    const submittedAt = parseDisplayedTimestamp(byTitle[titles[0]]) ?? '';
    const processed = processResponse({ record, key, byTitle, timestampTitle: titles[0], submittedAt, lang: context.lang });
    if (processed.kind === 'blank') return;
    out.push(inertRow(processed.row));
    cursor.processed++;
    if (processed.incompleteItems.length > 0) cursor.incomplete++;
  });
  appendRows(scores, scores.getLastRow() + 1, out);
}

/** Sorts each scores sheet by submission time, then key: the order arrival gives. */
function sortScores(context: Context): void {
  for (const [key, id] of Object.entries(context.layout.sheets)) {
    if (!key.startsWith('scores:')) continue;
    const sheet = sheetById(context.book, id);
    if (!sheet) continue;
    const [header, ...rows] = readRows(sheet);
    if (!header || rows.length < 2) continue;
    rows.sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0])));
    replaceRows(sheet, header, rows.map(inertRow));
  }
}

function run(context: Context, options: RunOptions): RecalculationProgress {
  const started = Date.now();
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const chunkRows = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
  const cursor = readBookJson<Cursor>(context.book, CURSOR_PROPERTY);
  if (!cursor) return { done: true, processed: 0, incomplete: 0 };
  const records = readRegistry(context).filter(isSurveyRecord);
  for (; cursor.at < cursor.sheetIds.length; cursor.at++, cursor.row = 0) {
    const record = records.find((r) => r.responseSheetId === cursor.sheetIds[cursor.at]);
    const sheet = record ? sheetById(context.book, record.responseSheetId) : null;
    if (!record || !sheet) continue;
    const [header, ...rows] = readRows(sheet);
    while (header && cursor.row < rows.length) {
      const chunk = rows.slice(cursor.row, cursor.row + chunkRows);
      locked(context, () => {
        scoreChunk(context, cursor, record, header, chunk);
        cursor.row += chunk.length;
        writeBookJson(context.book, CURSOR_PROPERTY, cursor);
      });
      if (Date.now() - started >= budget && (cursor.row < rows.length || cursor.at + 1 < cursor.sheetIds.length)) {
        writeLog(context, [logEntry(context, '', '', 'recalculationPaused', { done: cursor.processed })]);
        return progress(cursor, false);
      }
    }
  }
  locked(context, () => {
    if (cursor.mode === 'rebuild') sortScores(context);
    // Indicators derive from the scores: rebuilt with them (and after a catch-up added any).
    if (cursor.mode === 'rebuild' || cursor.processed > 0) recomputeIndicators(context, readSettings(context));
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
 * google.script.run endpoint and menu item. Empties every scores sheet and scores all
 * raw responses again. Result: progress; `done: false` means continueRecalculation
 * (or the scheduled job) finishes it.
 */
export function recalculateAll(options: RunOptions = {}): RecalculationProgress {
  const context = requireContext();
  requireCoordinator(context);
  locked(context, () => {
    for (const key of Object.keys(context.layout.sheets)) {
      if (!key.startsWith('scores:')) continue;
      const sheet = layoutSheet(context, key);
      if (sheet) replaceRows(sheet, scoreHeader(getInstrument(key.slice('scores:'.length) as InstrumentId), context.lang), []);
    }
    startCursor(context, 'rebuild');
  });
  return run(context, options);
}

/** google.script.run endpoint. Continues a paused recalculation; done when there is none. */
export function continueRecalculation(options: RunOptions = {}): RecalculationProgress {
  const context = requireContext();
  requireCoordinator(context);
  return run(context, options);
}

/** Scores whatever raw responses have no scores row yet, without emptying anything. */
export function catchUp(context: Context, options: RunOptions = {}): RecalculationProgress {
  if (!readBookJson<Cursor>(context.book, CURSOR_PROPERTY)) locked(context, () => startCursor(context, 'catchUp'));
  return run(context, options);
}
