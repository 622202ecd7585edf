/**
 * Score files written by `pd-monitor score` (JSON lines, or CSV with dotted columns), read
 * back as the survey rows the indicators count. A record without a date takes the
 * fallback period's start, or is left out and counted in a notice.
 */
import { isBlankRecord, readCsvTable } from '../text/csv';
import { unflatten } from '../text/flat';
import { Localized } from '../text/i18n';
import { LocalizedMessage, message, MessageError } from '../text/message';
import { isoDateOf, parsePeriod } from '../periods';
import { readSurveyRecord } from './survey-rows';
import { SurveyScoreRow } from './types';

const M = {
  badJson: {
    ru: 'файл «{path}», строка {line}: не JSON ({reason}).',
    en: 'file "{path}", line {line}: not JSON ({reason}).',
  },
  notScores: {
    ru: 'файл «{path}», строка {line}: это не результат pd-monitor score (нет instrument и profile или scores).',
    en: 'file "{path}", line {line}: not an output of pd-monitor score (no instrument and profile or scores).',
  },
  noDate: {
    ru: 'файл «{path}»: ответов без даты — {count}; они не отнесены ни к одному периоду (укажите --survey-period).',
    en: 'file "{path}": {count} response(s) without a date were not placed in any period (use --survey-period).',
  },
  badDate: {
    ru: 'файл «{path}», строка {line}: дата «{value}» не распознана.',
    en: 'file "{path}", line {line}: date "{value}" not recognised.',
  },
} satisfies Record<string, Localized>;

/** CSV cells of a score file back to JSON values; profile texts stay text. */
function cellValue(column: string, cell: string): unknown {
  const text = cell.trim();
  if (text === '') return null;
  if (column.startsWith('profile.') || ['instrument', 'version', 'date', 'school', 'subject', 'status'].includes(column)) {
    return text.replace(/^'/, ''); // an apostrophe kept a text inert in spreadsheets
  }
  if (text === 'true') return true;
  if (text === 'false') return false;
  const number = Number(text);
  return Number.isFinite(number) && /^-?\d+(\.\d+)?$/.test(text) ? number : text;
}

/**
 * The survey rows of one score file. `surveyPeriod` (a period id) dates the records that
 * have no date. Throws a MessageError naming the file and line of a record it cannot use.
 */
export function readScoreFile(text: string, path: string, surveyPeriod: string | null): { rows: SurveyScoreRow[]; notices: LocalizedMessage[] } {
  const records: { record: unknown; line: number }[] = [];
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('{')) {
    body.split(/\r?\n/).forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        records.push({ record: JSON.parse(line), line: index + 1 });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MessageError(message(M.badJson, { path, line: index + 1, reason }));
      }
    });
  } else {
    const csv = readCsvTable(body, path);
    const header = csv[0].fields;
    for (const record of csv.slice(1)) {
      if (!isBlankRecord(record.fields)) records.push({ record: unflatten(header, record.fields, cellValue), line: record.line });
    }
  }
  const rows: SurveyScoreRow[] = [];
  let undated = 0;
  const fallback = surveyPeriod ? parsePeriod(surveyPeriod)!.start : null;
  for (const { record, line } of records) {
    const read = readSurveyRecord(record);
    if (!read) throw new MessageError(message(M.notScores, { path, line }));
    let date = read.date;
    if (date !== null && !isoDateOf(date)) throw new MessageError(message(M.badDate, { path, line, value: date }));
    if (date === null) date = fallback;
    if (date === null) {
      undated++;
      continue;
    }
    rows.push({ ...read.row, date });
  }
  return { rows, notices: undated > 0 ? [message(M.noDate, { path, count: undated })] : [] };
}
