/**
 * The survey results panel's endpoint: mentoring, network and deficits for one period,
 * from the panels' snapshot (server/snapshot), computed with the indicators from the
 * three scores sheets. Writes nothing unless there is no snapshot yet.
 */
import { SurveyResultsView } from '../core/views/survey-results';
import { Fresh, viewOfPeriod } from '../core/views/snapshot';
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
  return { ...viewOfPeriod(snapshot.results, typeof period === 'string' ? period : null), freshness };
}
