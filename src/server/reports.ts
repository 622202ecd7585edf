/**
 * School reports and the district's indicators: a filed report is checked on arrival
 * (an inconsistent one is logged and kept out), then the indicators are recomputed from
 * every report sheet, the district data and the scores sheets — one read per sheet — and
 * written to the protected indicators and school reports sheets.
 */
import { Lang, tr } from '../core/text/i18n';
import { computeIndicators, IndicatorsResult } from '../core/indicators/compute';
import { renderMessage } from '../core/text/message';
import { surveyRowFromScore } from '../core/indicators/survey-rows';
import { DistrictReport, SurveyScoreRow } from '../core/indicators/types';
import { FilingOrigin, indicatorRows, indicatorsHeader, reportsHeader, reportStatusRows } from '../core/workbook/indicators-sheet';
import { fitRow } from '../core/text/cells';
import { findNamed } from '../core/text/normalize';
import { LogEntry, LogReason } from '../core/workbook/log';
import { PROTECTION_DESCRIPTION } from '../core/text/messages';
import { periodOf } from '../core/periods';
import { presetById } from '../core/presets';
import { Preset } from '../core/presets/types';
import { FormRecord, isScored, mapResponse, TitledAnswers } from '../core/workbook/registry';
import { keysOfRows } from '../core/workbook/response-key';
import { acceptDistrictReports, AcceptedReports, acceptSchoolReports, districtReportFields, DistrictReportRow, SCHOOL_REPORT, SchoolReportRow } from '../core/reports/school-report';
import { reportRows } from '../core/forms/school-report-form';
import { parseDisplayedTimestamp } from '../core/text/timestamps';
import { getInstrument, InstrumentId } from '../core/instruments';
import { dataColumn, isDataHeader, parseScoreRows, StoredScore } from '../core/workbook/scores-table';
import { Settings } from '../core/settings';
import { DISTRICT_SHEET, INDICATORS_SHEET, REPORTS_SHEET, scoresKey, scoresSheets } from '../core/workbook/sheets';
import { IndicatorsSummary, indicatorsSummary } from '../core/views/indicators';
import { hasKey, protectSheet, readSmallResponseRows, readToLastRow, replaceChangedRows, rowPairs, Sheet, sheetById } from './adapters/workbook';
import { Context, contextTimeZone, ensureLayoutSheet, layoutSheet, locked, requireContext, saveLayout } from './context';
import { nowIso, writeLog } from './log';
import { readRegistry } from './registry';
import { requireCoordinator, settingsOrProblem } from './access';
import { deleteBookValue, readBookJson, writeBookJson } from './adapters/state';
import { PROPERTY_KEYS } from '../core/workbook/state-keys';
import { districtFingerprint } from '../core/views/snapshot';
import { storePanelSnapshot } from './snapshot';

const INDICATORS_DUE_KEY = PROPERTY_KEYS.indicatorsDue;



export function presetOf(settings: Settings): Preset {
  const preset = presetById(settings.presetId);
  if (!preset) throw new Error(`unknown preset ${settings.presetId}`);
  return preset;
}

const DISTRICT_PERIOD = { ru: 'Период', en: 'Period' };

/** The district data sheet's header: the period, then the preset's district fields. */
export function districtHeader(preset: Preset, lang: Lang): string[] {
  return [tr(DISTRICT_PERIOD, lang), ...districtReportFields(preset).map((field) => tr(field.title, lang))];
}

export interface ReportSheets {
  reports: Sheet;
  indicators: Sheet;
  district: Sheet;
}

/** The sheets of this part, created and protected when missing; each looked up once. */
export function ensureReportSheets(context: Context, settings: Settings): ReportSheets {
  const found = { reports: layoutSheet(context, 'reports'), indicators: layoutSheet(context, 'indicators'), district: layoutSheet(context, 'district') };
  if (found.reports && found.indicators && found.district) return found as ReportSheets;
  const description = tr(PROTECTION_DESCRIPTION, context.lang);
  const sheets = {
    reports: ensureLayoutSheet(context, 'reports', REPORTS_SHEET, reportsHeader(context.lang)),
    indicators: ensureLayoutSheet(context, 'indicators', INDICATORS_SHEET, indicatorsHeader(context.lang)),
    district: ensureLayoutSheet(context, 'district', DISTRICT_SHEET, districtHeader(presetOf(settings), context.lang)),
  };
  saveLayout(context);
  for (const sheet of Object.values(sheets)) protectSheet(sheet, settings.coordinators, description);
  return sheets;
}

/** Every report filed through every registered report form, with where it came from. */
function readReportFilings(context: Context, records: FormRecord[]): { rows: SchoolReportRow[]; origins: FilingOrigin[] } {
  const rows: SchoolReportRow[] = [];
  const origins: FilingOrigin[] = [];
  const timeZone = contextTimeZone(context);
  for (const record of records) {
    if (record.instrument !== SCHOOL_REPORT || !isScored(record)) continue;
    const sheet = sheetById(context.book, record.responseSheetId);
    if (!sheet) continue;
    // Timestamps as the sheet shows them: one read, not a Utilities.formatDate per filing.
    const [header, ...data] = readSmallResponseRows(sheet, timeZone);
    if (!header) continue;
    const titles = header.map(String);
    const texts = data.map((values) => rowPairs(titles, values, timeZone));
    const stamps = texts.map((pairs) => parseDisplayedTimestamp(pairs[0][1]) ?? pairs[0][1]);
    // Keyed by content like survey responses, not by row: rows move when one is deleted.
    const keys = keysOfRows(record.responseSheetId, texts.map((pairs, index) => ({ submittedAt: stamps[index], cells: pairs.slice(1).map(([, text]) => text) })));
    texts.forEach((pairs, index) => {
      const mapped = mapResponse(record, pairs, titles[0]);
      if (mapped.blank) return;
      const submittedAt = stamps[index];
      origins.push({ key: keys[index], sheet: record.responseSheetName, row: index + 2 });
      rows.push(...reportRows(mapped.answers, submittedAt, origins.length - 1));
    });
  }
  return { rows, origins };
}

/** The district data sheet's values: columns found by the field's title in either language or its id. */
function districtRows(values: unknown[][], preset: Preset): DistrictReportRow[] {
  const [header, ...data] = values;
  if (!header) return [];
  const fields = districtReportFields(preset);
  const columnOf = new Map<string, number>();
  header.forEach((title, column) => {
    const field = findNamed(title, fields);
    if (field) columnOf.set(field.id, column);
  });
  return data.map((values, index) => ({
    period: String(values[0] ?? ''),
    values: Object.fromEntries([...columnOf].map(([id, column]) => [id, values[column] as string | number])),
    row: index + 2,
  })).filter((row) => row.period.trim() !== '' || Object.values(row.values).some((v) => String(v ?? '').trim() !== ''));
}

/**
 * The scored responses of one instrument's scores sheet, each with its submission time,
 * and the sheet's row count (its getLastRow: what tells new answers apart).
 */
function readStoredScores(context: Context, id: InstrumentId): { scores: StoredScore[]; rows: number } | null {
  const sheet = layoutSheet(context, scoresKey(id));
  if (!sheet) return null;
  // Only the JSON column is used: read it alone, down to the sheet's last row (a fifth of
  // the cells or less), when the sheet has it where this version writes it; the whole
  // sheet otherwise. Either read ends at the last row, so the row count comes with it.
  const column = readToLastRow(sheet, dataColumn(getInstrument(id)), 1).map((row) => row[0]);
  const [header, ...data] = isDataHeader(column[0])
    ? [[column[0]], ...column.slice(1).filter((cell) => cell !== '').map((cell) => [cell])]
    : readToLastRow(sheet);
  return { scores: header ? parseScoreRows(header, data).scores : [], rows: column.length };
}

/** Every scores sheet's scored responses, and each sheet's row count by layout key. */
function readSurveyScores(context: Context): { stored: StoredScore[]; rows: Record<string, number> } {
  const stored: StoredScore[] = [];
  const rows: Record<string, number> = {};
  for (const { key, instrument } of scoresSheets(context.layout)) {
    const read = readStoredScores(context, instrument);
    if (!read) continue;
    stored.push(...read.scores);
    rows[key] = read.rows;
  }
  return { stored, rows };
}

/** What the indicators are computed from, read once per sheet. */
export interface IndicatorSources {
  preset: Preset;
  reports: AcceptedReports;
  origins: FilingOrigin[];
  district: DistrictReport[];
  scores: SurveyScoreRow[];
  /** The scored responses the survey rows come from (the panels' snapshot uses them too). */
  stored: StoredScore[];
  /** districtFingerprint of the district data sheet as read: the panels' snapshot keeps it. */
  districtKey: string;
  /** The row count of each scores sheet read, by layout key (the panels' snapshot keeps them). */
  rows: Record<string, number>;
}

export function readIndicatorSources(context: Context, settings: Settings, districtSheet = layoutSheet(context, 'district')): IndicatorSources {
  const preset = presetOf(settings);
  const { rows, origins } = readReportFilings(context, readRegistry(context));
  const reports = acceptSchoolReports(preset, rows, { schools: settings.schools });
  const districtValues = districtSheet ? readToLastRow(districtSheet) : [];
  const district = acceptDistrictReports(preset, districtRows(districtValues, preset)).accepted;
  const { stored, rows: scoresRows } = readSurveyScores(context);
  const scores = stored.map((score) => surveyRowFromScore(score.scored, score.submittedAt.slice(0, 10)));
  return { preset, reports, origins, district, scores, stored, rows: scoresRows, districtKey: districtFingerprint(districtValues) };
}

/** The indicators from read sources, with `currentPeriod` the period whose missing reports are listed. */
export function indicatorsFrom(sources: IndicatorSources, settings: Settings, currentPeriod: string): IndicatorsResult {
  return computeIndicators({
    preset: sources.preset, reports: sources.reports.accepted, districtReports: sources.district, scores: sources.scores,
    schools: settings.schools, privacyThreshold: settings.privacyThreshold,
    highBurnoutPercent: settings.highBurnoutPercent, currentPeriod,
  });
}

/** What computeFromSheets gives: the indicators, what they were computed from, and when. */
export interface Computed {
  result: IndicatorsResult;
  reports: AcceptedReports;
  origins: FilingOrigin[];
  stored: StoredScore[];
  /** The row count of each scores sheet read, by layout key. */
  rows: Record<string, number>;
  /** districtFingerprint of the district data sheet as read. */
  districtKey: string;
  /** The workbook's local time the current period was taken from (ISO date-time). */
  computedAt: string;
}

/** Computes every indicator of the preset from the sheets as they are, writing nothing. */
export function computeFromSheets(context: Context, settings: Settings, districtSheet?: Sheet): Computed {
  const sources = readIndicatorSources(context, settings, districtSheet);
  const computedAt = nowIso(context);
  const result = indicatorsFrom(sources, settings, periodOf(computedAt.slice(0, 10), sources.preset.reportingPeriod));
  const { reports, origins, stored, rows, districtKey } = sources;
  return { result, reports, origins, stored, rows, districtKey, computedAt };
}

/** Recomputes every indicator of the preset and rewrites the indicators and reports sheets. */
export function recomputeIndicators(context: Context, settings: Settings): IndicatorsResult {
  const sheets = ensureReportSheets(context, settings);
  const computed = computeFromSheets(context, settings, sheets.district);
  const { result, reports, origins } = computed;
  // A school name or a reason can quote whatever a form was made to accept: cut to fit a cell.
  const fit = (row: unknown[]) => fitRow(row, context.lang);
  // Most recomputations change nothing: a sheet already holding the rows is not written.
  replaceChangedRows(sheets.indicators, indicatorsHeader(context.lang), indicatorRows(result, context.lang).map(fit));
  replaceChangedRows(sheets.reports, reportsHeader(context.lang),
    reportStatusRows(reports, origins, result.missingReports, result.currentPeriod, context.lang).map(fit));
  // What the sidebar's panels show, from the same reading (the scores, their sheets' row
  // counts, the time): they open without reading it again.
  storePanelSnapshot(context, settings, computed);
  // Every filing is now in the reports sheet: none is due any more.
  deleteBookValue(context.book, INDICATORS_DUE_KEY);
  return result;
}

/**
 * A school report arriving through its form (called by onFormSubmit under the lock).
 * `key` is the filing's content key (core/workbook/response-key), the one the reports
 * sheet lists it under. A repeated event finds its key there and changes nothing; an
 * inconsistent report is logged with its reasons and stays out of the indicators.
 */
export function processReportSubmission(context: Context, record: FormRecord, key: string, answers: TitledAnswers, timestampTitle: string, sheetName: string, row: number, submittedAt: string): void {
  // Stamped with the filing's own time: no clock read on each filing.
  const note = (reason: LogReason, params?: Record<string, string | number>): LogEntry =>
    ({ at: submittedAt, sheet: sheetName, row, reason, ...(params ? { params } : {}) });
  const { settings, problem } = settingsOrProblem(context);
  if (!settings) {
    // Not a failed trigger: the filing waits in its raw sheet, and the daily run counts it once the settings are fixed.
    writeLog(context, [note('reportWaitsForSettings', { errors: problem })]);
    return;
  }
  const filings = layoutSheet(context, 'reports');
  // Filed since the indicators were last computed (the list of what is due), or listed
  // in the reports sheet by that computation.
  const due = readBookJson<string[]>(context.book, INDICATORS_DUE_KEY) ?? [];
  if (due.includes(key) || (filings && hasKey(filings, key))) {
    writeLog(context, [note('duplicateEvent')]);
    return;
  }
  // Column by column: a question deleted and added again leaves two columns of one title.
  const mapped = mapResponse(record, answers, timestampTitle);
  if (mapped.blank) {
    writeLog(context, [note('blankEvent')]);
    return;
  }
  const log: LogEntry[] = [];
  const check = acceptSchoolReports(presetOf(settings), reportRows(mapped.answers, submittedAt, row), { schools: settings.schools });
  for (const rejected of check.rejected) {
    log.push(note('reportRejected', {
      school: rejected.school, period: rejected.period, reasons: rejected.reasons.map((m) => renderMessage(m, context.lang)).join(' '),
    }));
  }
  if (mapped.unmapped.length > 0) log.push(note('unmapped', { titles: mapped.unmapped.join('; ') }));
  // Recomputing reads every report and scores sheet: not here, under the lock, on each
  // filing, but by the next hourly run (or a refresh from the sidebar).
  writeBookJson(context.book, INDICATORS_DUE_KEY, [...due, key]);
  writeLog(context, log);
}


/** google.script.run endpoint and scheduled task. Result: the indicators just computed. */
export function refreshIndicators(): IndicatorsSummary {
  const context = requireContext();
  const settings = requireCoordinator(context);
  return locked(context, () => indicatorsSummary(recomputeIndicators(context, settings)), { untilEnd: true });
}
