/**
 * The survey results panel's endpoint: mentoring, network and deficits for one period,
 * from the JSON column of each of the three scores sheets (one read each). Writes nothing.
 */
import { InstrumentId } from '../core/instruments';
import { surveyResultsView, SurveyResultsView } from '../core/views/survey-results';
import { readSettings, requireContext } from './context';
import { presetOf, readStoredScores } from './reports';

const INSTRUMENTS: readonly InstrumentId[] = ['mentoring', 'network', 'deficits'];

/**
 * google.script.run endpoint. `period`: a period id of the preset's reporting kind, or
 * null for the latest with responses. Result: the three surveys' aggregates, groups under
 * the privacy threshold hidden.
 */
export function getSurveyResults(period: string | null = null): SurveyResultsView {
  const context = requireContext();
  const settings = readSettings(context);
  return surveyResultsView({
    scores: INSTRUMENTS.flatMap((instrument) => readStoredScores(context, instrument)),
    periodKind: presetOf(settings).reportingPeriod,
    period: typeof period === 'string' ? period : null,
    privacyThreshold: settings.privacyThreshold,
  });
}
