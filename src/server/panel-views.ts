/**
 * Read-only endpoints of the Indicators and Burnout panels. Each reads the sheets it needs
 * once, hands them to its view in core/views and returns the JSON-safe aggregate; none writes.
 */
import { burnoutView, BurnoutView } from '../core/views/burnout';
import { indicatorsPanelView, IndicatorsPanelView } from '../core/views/indicators-panel';
import type { BoykoScore } from '../core/scoring/boyko';
import { presetById } from '../core/presets';
import { readSettings, requireContext } from './context';
import { computeFromSheets, readStoredScores } from './reports';

/** A period id from the sidebar: anything else is taken as "the current one". */
function periodArg(period: unknown): string | null {
  return typeof period === 'string' && period.length <= 20 ? period : null;
}

/** google.script.run endpoint. Result: every indicator of the preset for `period` (the current one by default). */
export function getIndicatorsPanel(period: string | null): IndicatorsPanelView {
  const context = requireContext();
  const settings = readSettings(context);
  const preset = presetById(settings.presetId);
  if (!preset) throw new Error(`unknown preset ${settings.presetId}`);
  const { result } = computeFromSheets(context, settings);
  return indicatorsPanelView({ preset, result, schools: settings.schools, subjects: settings.subjects, period: periodArg(period) });
}

/** google.script.run endpoint. Result: burnout by phase, symptom and group for `period` (the latest with answers by default). */
export function getBurnout(period: string | null): BurnoutView {
  const context = requireContext();
  const settings = readSettings(context);
  const preset = presetById(settings.presetId);
  if (!preset) throw new Error(`unknown preset ${settings.presetId}`);
  const stored = readStoredScores(context, 'boyko');
  return burnoutView({
    scores: stored.map((score) => score.scored as BoykoScore),
    dates: stored.map((score) => score.submittedAt.slice(0, 10)),
    periodKind: preset.reportingPeriod, period: periodArg(period),
    privacyThreshold: settings.privacyThreshold, highBurnoutPercent: settings.highBurnoutPercent,
  });
}
