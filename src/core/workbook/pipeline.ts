/**
 * One response, from its answers by column title to its scores row. Shared by the
 * form-submit trigger and by recalculation, so a response scores the same either way.
 * It lives with the sheet layer because both its ends are sheet rows: a registered form's
 * response row in, a scores sheet row out; the scoring itself is core/scoring's.
 */
import { Lang } from '../text/i18n';
import { getInstrument } from '../instruments';
import { FormRecord, mapResponse, SurveyRecord, TitledAnswers } from './registry';
import { scoreRow } from './scores-table';
import { scoreResponse } from '../scoring';

export type ProcessedResponse =
  | { kind: 'blank' }
  | { kind: 'scored'; row: (string | number | boolean)[]; incompleteItems: (string | number)[]; unmapped: string[] };

export interface ResponseSource {
  record: SurveyRecord;
  /** The response's content key (see workbook/response-key). */
  key: string;
  /** Answers by column title; the timestamp column may be among them. */
  byTitle: TitledAnswers;
  timestampTitle: string;
  /** Local ISO submission time. */
  submittedAt: string;
  /** The workbook's language, for the readable columns. */
  lang: Lang;
}

export function processResponse(source: ResponseSource): ProcessedResponse {
  const { record, key, byTitle, timestampTitle, submittedAt, lang } = source;
  const mapped = mapResponse(record, byTitle, timestampTitle);
  if (mapped.blank) return { kind: 'blank' };
  const instrument = getInstrument(record.instrument);
  const scored = scoreResponse(instrument, mapped.answers);
  const row = scoreRow(instrument, { key, submittedAt, formId: record.formId }, scored, lang);
  return { kind: 'scored', row, incompleteItems: scored.status === 'incomplete' ? scored.missing : [], unmapped: mapped.unmapped };
}

/**
 * The timestamp column of a form-submit event: Google names it in the account's
 * language, so it is found as the title whose value is the event's first value and
 * which the registry does not know as a question.
 */
export function eventTimestampTitle(record: FormRecord, namedValues: Readonly<Record<string, readonly string[]>>, first: string): string {
  const questions = new Set(record.items.flatMap((item) => item.titles));
  for (const [title, values] of Object.entries(namedValues)) {
    if (!questions.has(title) && values[0] === first) return title;
  }
  return '';
}
