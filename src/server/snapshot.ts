/**
 * The panels' snapshot in its derived sheet (core/views/snapshot): written by
 * recomputeIndicators with the indicators, read by the panels' endpoints. A panel opened
 * when there is none (a new workbook, the sheet deleted or damaged, the settings changed
 * since) has it computed then: stored when a coordinator opens it, only shown otherwise.
 */
import { tr } from '../core/text/i18n';
import { buildSnapshot, districtFingerprint, Freshness, freshnessOf, PanelSnapshot, snapshotCells, snapshotFromCells, snapshotSettingsKey } from '../core/views/snapshot';
import { Settings } from '../core/settings';
import { PANELS_SHEET, scoresSheets } from '../core/workbook/sheets';
import { PROPERTY_KEYS } from '../core/workbook/state-keys';
import { isCoordinator } from './access';
import { withLock } from './adapters/lock';
import { readBookJson } from './adapters/state';
import { readToLastRow, readWholeColumn, replaceFirstColumn } from './adapters/workbook';
import { Context, derivedSheet, layoutSheet } from './context';
import { nowIso } from './log';
import { Computed, computeFromSheets, presetOf, recomputeIndicators } from './reports';

const HEADER = {
  ru: 'Сводки для панелей боковой панели: пересчитываются вместе с показателями, не редактируйте',
  en: 'Summaries for the sidebar panels: recomputed with the indicators, do not edit',
};

/** The rows of each scores sheet: one call each, what tells new answers apart. */
function scoresRows(context: Context): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const { key } of scoresSheets(context.layout)) {
    const sheet = layoutSheet(context, key);
    if (sheet) rows[key] = sheet.getLastRow();
  }
  return rows;
}

/**
 * Builds and writes the snapshot of what was just computed (by recomputeIndicators,
 * under the lock, so no answer is scored between the reading and the row counts): the
 * scores, the scores sheets' row counts and the time are those that computation read.
 */
export function storePanelSnapshot(context: Context, settings: Settings, computed: Computed): void {
  const { computedAt, rows, districtKey: district, result, stored: scores } = computed;
  const snapshot = buildSnapshot({ computedAt, settings, periodKind: presetOf(settings).reportingPeriod, rows, district, result, scores });
  const sheet = derivedSheet(context, 'panels', PANELS_SHEET, [tr(HEADER, context.lang)], settings.coordinators);
  replaceFirstColumn(sheet, tr(HEADER, context.lang), snapshotCells(snapshot));
}

/**
 * The district data sheet's fingerprint now: a hand edit there makes the figures stale.
 * Two calls (the sheet, its values in one read); the sheet is small (a row per period).
 */
function districtNow(context: Context): string {
  const sheet = layoutSheet(context, 'district');
  try {
    return districtFingerprint(sheet ? readToLastRow(sheet) : []);
  } catch {
    // Unreadable now: the panel still opens, its figures not known to be fresh ('' is no fingerprint).
    return '';
  }
}

function readPanelSnapshot(context: Context): PanelSnapshot | null {
  const sheet = layoutSheet(context, 'panels');
  return sheet ? snapshotFromCells(readWholeColumn(sheet, 1).slice(1)) : null;
}

/** What the panels show, and how fresh it is. */
export function panelSnapshot(context: Context, settings: Settings): { snapshot: PanelSnapshot; freshness: Freshness } {
  const stored = readPanelSnapshot(context);
  if (stored && stored.settingsKey === snapshotSettingsKey(settings)) {
    return {
      snapshot: stored,
      freshness: freshnessOf(stored, {
        today: nowIso(context).slice(0, 10),
        rows: scoresRows(context),
        reportsDue: readBookJson(context.book, PROPERTY_KEYS.indicatorsDue) !== null,
        district: districtNow(context),
      }),
    };
  }
  // A coordinator computes it as "recompute" would, and keeps it; a busy lock or another
  // user gets it computed for this opening only.
  const kept = isCoordinator(settings) ? withLock(() => (recomputeIndicators(context, settings), readPanelSnapshot(context))) : null;
  if (kept && kept !== 'busy') return { snapshot: kept, freshness: { computedAt: kept.computedAt, stale: false, reasons: [] } };
  const { result, stored: scores, districtKey, computedAt } = computeFromSheets(context, settings);
  const snapshot = buildSnapshot({ computedAt, settings, periodKind: presetOf(settings).reportingPeriod, rows: {}, district: districtKey, result, scores });
  return { snapshot, freshness: { computedAt: snapshot.computedAt, stale: false, reasons: [] } };
}
