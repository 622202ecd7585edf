/**
 * The scores sheet of an instrument: one row per scored response, readable columns for
 * people and one JSON column the add-on reads back (so indicators never re-parse the
 * readable columns). Derived data: always rebuildable from the raw responses.
 */
import { Instrument } from './instruments';
import { scoreResponse, ScoredResponse } from './scoring';

export interface ScoreRowMeta {
  /** responseKey(): the raw sheet and row it was scored from. */
  key: string;
  /** Local time of submission, ISO without offset, in the workbook's time zone. */
  submittedAt: string;
  formId: string;
}

const LEADING = ['key', 'submittedAt', 'formId', 'version', 'status', 'missing', 'school', 'subject', 'ageBand', 'experienceBand'];
/** Fields already shown in the leading columns, or of no use to a reader. */
const SKIPPED = new Set(['instrument', 'version', 'status', 'missing', 'unreadable', 'profile', 'profileMissing']);
export const DATA_COLUMN = 'data';

type Cell = string | number | boolean;

function flatten(value: unknown, path: string, out: Map<string, Cell>): void {
  if (value === null || value === undefined) {
    out.set(path, '');
  } else if (Array.isArray(value)) {
    out.set(path, value.join(', '));
  } else if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, value as Cell);
  }
}

function detailFields(scored: ScoredResponse): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const [key, value] of Object.entries(scored)) if (!SKIPPED.has(key)) flatten(value, key, out);
  return out;
}

const columnCache = new WeakMap<Instrument, string[]>();

/** The column ids of an instrument's scores sheet, from the shape of its scores. */
export function scoreColumns(instrument: Instrument): string[] {
  let columns = columnCache.get(instrument);
  if (!columns) {
    columns = [...LEADING, ...detailFields(scoreResponse(instrument, {})).keys(), DATA_COLUMN];
    columnCache.set(instrument, columns);
  }
  return columns;
}

export function scoreRow(instrument: Instrument, meta: ScoreRowMeta, scored: ScoredResponse): Cell[] {
  const details = detailFields(scored);
  const leading: Cell[] = [
    meta.key, meta.submittedAt, meta.formId, scored.version, scored.status, scored.missing.join(', '),
    scored.profile.school ?? '', scored.profile.subject ?? '', scored.profile.ageBand ?? '', scored.profile.experienceBand ?? '',
  ];
  const columns = scoreColumns(instrument);
  const rest = columns.slice(LEADING.length, -1).map((column) => details.get(column) ?? '');
  return [...leading, ...rest, JSON.stringify({ ...meta, scored })];
}

export interface StoredScore extends ScoreRowMeta {
  scored: ScoredResponse;
}

/** Reads the JSON column back; rows that do not parse are skipped and counted. */
export function parseScoreRows(header: readonly unknown[], rows: readonly unknown[][]): { scores: StoredScore[]; unreadable: number } {
  const at = header.indexOf(DATA_COLUMN);
  const scores: StoredScore[] = [];
  let unreadable = 0;
  if (at < 0) return { scores, unreadable: rows.length };
  for (const row of rows) {
    try {
      scores.push(JSON.parse(String(row[at])) as StoredScore);
    } catch {
      unreadable++;
    }
  }
  return { scores, unreadable };
}
