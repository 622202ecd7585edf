/**
 * From a scored response (what `scoreResponse` returns and `pd-monitor score` writes) to
 * the SurveyScoreRow the indicators read: the profile's school and subject, the date,
 * and the instrument's measures.
 */
import { INSTRUMENT_IDS, InstrumentId } from '../instruments/types';
import { ScoredResponse, surveyMeasures } from '../scoring';
import { SurveyScoreRow } from './types';

export function surveyRowFromScore(score: ScoredResponse, date: string): SurveyScoreRow {
  return {
    instrument: score.instrument,
    school: score.profile.school ?? '',
    subject: score.profile.subject,
    date,
    ageBand: score.profile.ageBand,
    experienceBand: score.profile.experienceBand,
    scores: surveyMeasures(score),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads one record of a score file: either a SurveyScoreRow as such (it has `scores`)
 * or a scored response of `pd-monitor score` (it has `profile`). Returns null for
 * anything else. `date` is null when the record has none.
 */
export function readSurveyRecord(record: unknown): { row: Omit<SurveyScoreRow, 'date'>; date: string | null } | null {
  if (!isObject(record)) return null;
  const instrument = record.instrument;
  const date = typeof record.date === 'string' && record.date.trim() !== '' ? record.date.trim() : null;
  if (typeof instrument !== 'string' || instrument === '') return null;
  if (isObject(record.scores)) {
    const scores: SurveyScoreRow['scores'] = {};
    for (const [key, value] of Object.entries(record.scores)) {
      if (typeof value === 'number' || typeof value === 'boolean' || value === null) scores[key] = value;
    }
    const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
    return {
      row: {
        instrument,
        school: text(record.school) ?? '',
        subject: text(record.subject),
        ageBand: text(record.ageBand),
        experienceBand: text(record.experienceBand),
        scores,
      },
      date,
    };
  }
  if (isObject(record.profile) && (INSTRUMENT_IDS as readonly string[]).includes(instrument)) {
    const { date: _date, ...rest } = surveyRowFromScore(record as unknown as ScoredResponse & { instrument: InstrumentId }, '');
    return { row: rest, date };
  }
  return null;
}
