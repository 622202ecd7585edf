/**
 * Endpoints of the Indicators and Burnout panels: their figures from the panels' snapshot
 * (server/snapshot), computed with the indicators, with when they were computed.
 */
import type { BurnoutView } from '../core/views/burnout';
import { indicatorsPanelView, IndicatorsPanelView } from '../core/views/indicators-panel';
import { presetById } from '../core/presets';
import { readSettings, requireContext } from './context';
import { Fresh, viewOfPeriod } from '../core/views/snapshot';
import { panelSnapshot } from './snapshot';

/** A period id from the sidebar: anything else is taken as "the current one". */
function periodArg(period: unknown): string | null {
  return typeof period === 'string' && period.length <= 20 ? period : null;
}

/** google.script.run endpoint. Result: every indicator of the preset for `period` (the current one by default). */
export function getIndicatorsPanel(period: string | null): Fresh<IndicatorsPanelView> {
  const context = requireContext();
  const settings = readSettings(context);
  const preset = presetById(settings.presetId);
  if (!preset) throw new Error(`unknown preset ${settings.presetId}`);
  const { snapshot: { result }, freshness } = panelSnapshot(context, settings);
  return { ...indicatorsPanelView({ preset, result, schools: settings.schools, subjects: settings.subjects, period: periodArg(period) }), freshness };
}

/** google.script.run endpoint. Result: burnout by phase, symptom and group for `period` (the latest with answers by default). */
export function getBurnout(period: string | null): Fresh<BurnoutView> {
  const context = requireContext();
  const { snapshot, freshness } = panelSnapshot(context, readSettings(context));
  return { ...viewOfPeriod(snapshot.burnout, periodArg(period)), freshness };
}
