/**
 * Endpoints of the sidebar's panels. Each reads the sheets it needs once, hands them to
 * a view in core/views and returns its JSON-safe aggregate. The figures come from the
 * panels' snapshot (server/snapshot), with when they were computed.
 */
import { logView, LogView } from '../core/views/log';
import { overviewView, OverviewView } from '../core/views/overview';
import { surveysView, SurveysView } from '../core/views/surveys';
import { presetById } from '../core/presets';
import { isScored } from '../core/workbook/registry';
import type { RecalculationStatus } from '../core/views/surveys';
import { readRows, sheetById } from './adapters/workbook';
import { Context, layoutSheet, readSettings, requireContext } from './context';
import { nowIso } from './log';
import { recalculationStatus } from './recalc';
import { readRegistry } from './registry';
import { Fresh } from '../core/views/snapshot';
import { panelSnapshot } from './snapshot';

function readLog(context: Context, limit?: number): LogView {
  const sheet = layoutSheet(context, 'log');
  return logView(sheet ? readRows(sheet).slice(1) : [], limit);
}

/** google.script.run endpoint. Result: every form with its answers, response rates per school, missing reports. */
export function getSurveysStatus(): Fresh<SurveysView> {
  const context = requireContext();
  const settings = readSettings(context);
  const records = readRegistry(context);
  const rowsBySheet = new Map<number, number>();
  for (const record of records) {
    if (!isScored(record)) continue;
    const sheet = sheetById(context.book, record.responseSheetId);
    rowsBySheet.set(record.responseSheetId, sheet ? Math.max(0, sheet.getLastRow() - 1) : 0);
  }
  const { snapshot: { result }, freshness } = panelSnapshot(context, settings);
  return {
    ...surveysView({
      records, rowsBySheet, schools: settings.schools, currentPeriod: result.currentPeriod,
      responseRates: result.responseRates, missingReports: result.missingReports,
    }),
    freshness,
  };
}

/** google.script.run endpoint. Result: the key indicators as cards and the alerts. */
export function getOverview(): Fresh<OverviewView> {
  const context = requireContext();
  const settings = readSettings(context);
  const preset = presetById(settings.presetId);
  if (!preset) throw new Error(`unknown preset ${settings.presetId}`);
  const { snapshot: { result }, freshness } = panelSnapshot(context, settings);
  return {
    ...overviewView({
      districtName: settings.districtName, preset, result, schools: settings.schools, highBurnoutPercent: settings.highBurnoutPercent, today: nowIso(context).slice(0, 10),
      // Counted only: no entry's text is rendered.
      logErrors: readLog(context, 0).counts.error,
    }),
    freshness,
  };
}

/** google.script.run endpoint. Result: the newest log entries, newest first, with counts by kind. */
export function getLogView(): LogView {
  return readLog(requireContext());
}

/** google.script.run endpoint. Result: a paused or running recalculation's progress, or null. */
export function getRecalculationStatus(): RecalculationStatus | null {
  return recalculationStatus(requireContext());
}
