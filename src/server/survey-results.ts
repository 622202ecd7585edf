/**
 * The survey results panel's endpoint: mentoring, network and deficits for one period,
 * from the panels' snapshot (server/snapshot), computed with the indicators from the
 * three scores sheets. Writes nothing unless there is no snapshot yet.
 */
import { SurveyResultsView } from '../core/views/survey-results';
import { Fresh } from '../core/views/snapshot';
import { readSettings, requireContext } from './context';
import { panelSnapshot } from './snapshot';

/**
 * google.script.run endpoint. `period`: a period id of the preset's reporting kind, or
 * null for the latest with responses. Result: the three surveys' aggregates, groups under
 * the privacy threshold hidden, with when they were computed.
 */
export function getSurveyResults(period: string | null = null): Fresh<SurveyResultsView> {
  const context = requireContext();
  const { snapshot, freshness } = panelSnapshot(context, readSettings(context));
  // Kept for every period with responses; any other is the latest, as the view picks it.
  const kept = typeof period === 'string' && Object.prototype.hasOwnProperty.call(snapshot.results, period) ? snapshot.results[period] : snapshot.results[''];
  return { ...kept, freshness };
}
