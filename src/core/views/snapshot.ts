/**
 * The panels' snapshot: what the sidebar's Overview, Surveys, Indicators, Burnout and
 * Results panels show, computed by the run that writes the indicators sheet (the hourly
 * job, "recompute", a recalculation) and stored in a derived sheet. Opening a panel then
 * reads a few cells, not every scores sheet (40,000 rows at 10,000 teachers) to compute
 * everything again.
 *
 * It holds aggregates only: the indicators (suppressed values carry no numbers) and the
 * Burnout and Results views per period, built by the same builders as before, with
 * every group under the privacy threshold already hidden. Nothing in it is raw.
 */
import { IndicatorsResult } from '../indicators/compute';
import { PeriodKind, periodOf } from '../periods';
import type { BoykoScore } from '../scoring/boyko';
import type { ScoredResponse } from '../scoring';
import type { Settings } from '../settings';
import { hash53 } from '../workbook/response-key';
import { burnoutView, BurnoutView } from './burnout';
import { surveyResultsView, SurveyResultsView } from './survey-results';

/** Bumped when the stored shape changes: an older snapshot is then computed again. */
const SNAPSHOT_VERSION = 2;
/** A cell holds 50,000 characters; each chunk stays well under with its mark. */
export const SNAPSHOT_CHUNK = 40_000;
/**
 * Every stored chunk starts with this letter, so no chunk is ever taken for a formula, a
 * number or a date by the spreadsheet (a chunk may begin anywhere in the JSON, even at
 * "=IMPORTXML(" quoted from an answer, or at "2026-03-01").
 */
const MARK = 'j';

export interface PanelSnapshot {
  version: number;
  /** ISO date-time, the workbook's clock, when it was computed. */
  computedAt: string;
  /** The settings it was computed with (snapshotSettingsKey): others make it unusable. */
  settingsKey: string;
  /** The rows of each scores sheet (by layout key) when it was computed. */
  rows: Record<string, number>;
  /** districtFingerprint of the district data sheet it was computed from. */
  district: string;
  result: IndicatorsResult;
  /** Burnout by period id; '' is the view opened by default (the latest with answers). */
  burnout: Record<string, BurnoutView>;
  /** Survey results by period id; '' as above. */
  results: Record<string, SurveyResultsView>;
}

/** Why stored figures are stale: each is said to the user, who may not guess it. */
export type StaleReason = 'answers' | 'reports' | 'district' | 'period';

/** When what a panel shows was computed, and whether (and why) it is out of date. */
export interface Freshness {
  computedAt: string;
  stale: boolean;
  /** Empty when fresh. */
  reasons: StaleReason[];
}

/** A view as a panel's endpoint returns it: with its freshness. */
export type Fresh<T> = T & { freshness: Freshness };

/** What of the settings the stored figures depend on. */
export function snapshotSettingsKey(settings: Settings): string {
  const { presetId, schools, subjects, privacyThreshold, highBurnoutPercent } = settings;
  return JSON.stringify({ presetId, schools, subjects, privacyThreshold, highBurnoutPercent });
}

/**
 * The district data sheet's values as one short text. Coordinators type that sheet by
 * hand, and nothing else tells the panels it changed: its row count stays the same when
 * a cell is corrected. Empty rows at its end do not count (they change no figure).
 */
export function districtFingerprint(values: readonly (readonly unknown[])[]): string {
  let end = values.length;
  while (end > 0 && values[end - 1].every((cell) => cell === '' || cell === null || cell === undefined)) end--;
  return hash53(JSON.stringify(values.slice(0, end)));
}

export interface SnapshotInput {
  computedAt: string;
  settings: Settings;
  periodKind: PeriodKind;
  rows: Record<string, number>;
  /** districtFingerprint of the district data sheet the result was computed from. */
  district: string;
  result: IndicatorsResult;
  /** The scored responses of every scores sheet, each with its submission time. */
  scores: readonly { scored: ScoredResponse; submittedAt: string }[];
}

/** A period's stored view; a period with none kept is the latest, as the views pick it. */
export function viewOfPeriod<V>(byPeriod: Record<string, V>, period: string | null): V {
  return period !== null && Object.prototype.hasOwnProperty.call(byPeriod, period) ? byPeriod[period] : byPeriod[''];
}

/** Every period's view, each built as the endpoint used to build it on opening. */
function byPeriod<V extends { periods: Array<{ id: string }> }>(build: (period: string | null) => V): Record<string, V> {
  const latest = build(null);
  const out: Record<string, V> = { '': latest };
  for (const { id } of latest.periods) out[id] = build(id);
  return out;
}

export function buildSnapshot(input: SnapshotInput): PanelSnapshot {
  const { privacyThreshold, highBurnoutPercent } = input.settings;
  const boyko = input.scores.filter((score) => score.scored.instrument === 'boyko');
  const surveys = input.scores.filter((score) => score.scored.instrument !== 'boyko');
  return {
    version: SNAPSHOT_VERSION,
    computedAt: input.computedAt,
    settingsKey: snapshotSettingsKey(input.settings),
    rows: input.rows,
    district: input.district,
    result: input.result,
    burnout: byPeriod((period) => burnoutView({
      scores: boyko.map((score) => score.scored as BoykoScore),
      dates: boyko.map((score) => score.submittedAt.slice(0, 10)),
      periodKind: input.periodKind, period, privacyThreshold, highBurnoutPercent,
    })),
    results: byPeriod((period) => surveyResultsView({ scores: surveys, periodKind: input.periodKind, period, privacyThreshold })),
  };
}

/**
 * The snapshot as the cells of one column, each under the cell limit. Each chunk says
 * which of how many it is ("j3/5;"): JSON this regular can still parse with a chunk left
 * out, so parsing alone cannot tell a snapshot with a lost chunk from a whole one.
 */
export function snapshotCells(snapshot: PanelSnapshot): string[] {
  const json = JSON.stringify(snapshot);
  const count = Math.max(1, Math.ceil(json.length / SNAPSHOT_CHUNK));
  const cells: string[] = [];
  for (let i = 0; i < count; i++) cells.push(`${MARK}${i + 1}/${count};${json.slice(i * SNAPSHOT_CHUNK, (i + 1) * SNAPSHOT_CHUNK)}`);
  return cells;
}

const CHUNK_HEAD = new RegExp(`^${MARK}(\\d+)/(\\d+);`);

/**
 * The snapshot back from its cells; null when there is none, or it is damaged (a cell
 * edited, rows lost) or of another version: it is then computed again, never half used.
 */
export function snapshotFromCells(cells: readonly unknown[]): PanelSnapshot | null {
  // Only the column's empty tail is left out: an empty cell among the chunks is a lost one.
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === '' || cells[end - 1] === null || cells[end - 1] === undefined)) end--;
  const parts: string[] = [];
  for (let i = 0; i < end; i++) {
    const head = typeof cells[i] === 'string' ? CHUNK_HEAD.exec(cells[i] as string) : null;
    if (!head || Number(head[1]) !== i + 1 || Number(head[2]) !== end) return null;
    parts.push((cells[i] as string).slice(head[0].length));
  }
  if (parts.length === 0) return null;
  try {
    const snapshot = JSON.parse(parts.join('')) as PanelSnapshot;
    const whole = snapshot?.version === SNAPSHOT_VERSION && typeof snapshot.computedAt === 'string' && typeof snapshot.settingsKey === 'string'
      && snapshot.result !== null && typeof snapshot.result === 'object' && Array.isArray(snapshot.result.values)
      && typeof snapshot.burnout?.[''] === 'object' && typeof snapshot.results?.[''] === 'object' && typeof snapshot.rows === 'object'
      && typeof snapshot.district === 'string';
    return whole ? snapshot : null;
  } catch {
    return null;
  }
}

export interface Now {
  /** Today (ISO date, the workbook's time zone). */
  today: string;
  /** The rows of each scores sheet now. */
  rows: Record<string, number>;
  /** Filed school reports not yet in the indicators. */
  reportsDue: boolean;
  /** districtFingerprint of the district data sheet now. */
  district: string;
}

/**
 * Stale: answers were scored or reports filed since, the district data sheet was edited,
 * or the period it took as current has ended. The figures are still shown, with the time
 * they were computed at.
 */
export function freshnessOf(snapshot: PanelSnapshot, now: Now): Freshness {
  const keys = new Set([...Object.keys(snapshot.rows), ...Object.keys(now.rows)]);
  const answered = [...keys].some((key) => (snapshot.rows[key] ?? 0) !== (now.rows[key] ?? 0));
  const current = snapshot.result.currentPeriod;
  const periodEnded = current !== null && periodOf(now.today, snapshot.result.periodKind) !== current;
  const edited = snapshot.district !== now.district;
  const reasons = ([['answers', answered], ['reports', now.reportsDue], ['district', edited], ['period', periodEnded]] as const)
    .filter(([, holds]) => holds).map(([reason]) => reason);
  return { computedAt: snapshot.computedAt, stale: reasons.length > 0, reasons };
}
