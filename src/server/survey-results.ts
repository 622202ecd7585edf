/**
 * The survey results panel's endpoint: mentoring, network and deficits for one period,
 * from the JSON column of each of the three scores sheets (one read each). Writes nothing.
 */
import { getInstrument, InstrumentId } from '../core/instruments';
import { dataColumn, isDataHeader, parseScoreRows, StoredScore } from '../core/workbook/scores-table';
import { scoresKey } from '../core/workbook/sheets';
import { surveyResultsView, SurveyResultsView } from '../core/views/survey-results';
import { readRows, readWholeColumn } from './adapters/workbook';
import { Context, layoutSheet, readSettings, requireContext } from './context';
import { presetOf } from './reports';

const INSTRUMENTS: readonly InstrumentId[] = ['mentoring', 'network', 'deficits'];

function readScores(context: Context, instrument: InstrumentId): StoredScore[] {
  const sheet = layoutSheet(context, scoresKey(instrument));
  if (!sheet) return [];
  // The JSON column alone where this version writes it; the whole sheet when a column moved.
  const column = readWholeColumn(sheet, dataColumn(getInstrument(instrument)));
  const [header, ...data] = isDataHeader(column[0])
    ? [[column[0]], ...column.slice(1).filter((cell) => cell !== '').map((cell) => [cell])]
    : readRows(sheet);
  return header ? parseScoreRows(header, data).scores : [];
}

/**
 * google.script.run endpoint. `period`: a period id of the preset's reporting kind, or
 * null for the latest with responses. Result: the three surveys' aggregates, groups under
 * the privacy threshold hidden.
 */
export function getSurveyResults(period: string | null = null): SurveyResultsView {
  const context = requireContext();
  const settings = readSettings(context);
  return surveyResultsView({
    scores: INSTRUMENTS.flatMap((instrument) => readScores(context, instrument)),
    periodKind: presetOf(settings).reportingPeriod,
    period: typeof period === 'string' ? period : null,
    privacyThreshold: settings.privacyThreshold,
  });
}
