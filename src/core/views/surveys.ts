/**
 * The surveys panel's views: a registered form as the sidebar lists it, how far a
 * recalculation got, and the surveys status — every form the workbook can have (each
 * instrument and the school report), its active form and how many answers it has, the
 * response rate per school against the teachers the schools reported, and the schools
 * that have not filed the school report for the current period. Aggregates only.
 */
import { Localized } from '../text/i18n';
import { normalizeText } from '../text/normalize';
import { formatPeriod } from '../periods';
import { INSTRUMENT_IDS, getInstrument } from '../instruments';
import { ResponseRate } from '../indicators/compute';
import { SCHOOL_REPORT } from '../reports/school-report';
import { FormRecord } from '../workbook/registry';

export interface SurveyFormInfo {
  formId: string;
  instrument: string;
  version: string;
  status: FormRecord['status'];
  responseSheetName: string;
  editUrl: string;
  publishedUrl: string;
  /** ISO date and time. */
  createdAt: string;
}

export function surveyFormInfo(record: FormRecord): SurveyFormInfo {
  const { formId, instrument, version, status, responseSheetName, editUrl, publishedUrl, createdAt } = record;
  return { formId, instrument, version, status, responseSheetName, editUrl, publishedUrl, createdAt };
}

/** How far a recalculation got; `done: false` means it continues on the next call. */
export interface RecalculationProgress {
  done: boolean;
  /** Responses processed so far in this recalculation. */
  processed: number;
  incomplete: number;
}

/** Where a paused or running recalculation is: the sidebar shows it and carries it on. */
export interface RecalculationStatus {
  mode: 'rebuild' | 'catchUp';
  processed: number;
  incomplete: number;
  /** The response sheet it is on (1-based) of how many. */
  sheet: number;
  sheets: number;
}

export const SCHOOL_REPORT_TITLE: Localized = { ru: 'Отчёт школы', en: 'School report' };

export interface SurveyFormView {
  kind: string;
  title: Localized;
  /** The form answers go to now; null before it is created. */
  active: { formId: string; editUrl: string; publishedUrl: string; createdAt: string; version: string } | null;
  /** Earlier forms of this kind whose answers still count. */
  earlier: number;
  /** Answer rows on every scored response sheet of this kind. */
  responses: number;
}

export interface SchoolRate {
  school: string;
  respondents: number;
  /** Teachers as the school reported them for the period; null without a report. */
  teachers: number | null;
  rate: number | null;
}

export interface InstrumentRates {
  instrument: string;
  title: Localized;
  overall: SchoolRate;
  schools: SchoolRate[];
}

export interface SurveysView {
  currentPeriod: { id: string; label: Localized } | null;
  forms: SurveyFormView[];
  rates: InstrumentRates[];
  /** Schools with no accepted school report for the current period. */
  missingReports: string[];
}

export interface SurveysInput {
  records: readonly FormRecord[];
  /** Data rows of each scored response sheet, by sheet id. */
  rowsBySheet: ReadonlyMap<number, number>;
  schools: readonly string[];
  currentPeriod: string | null;
  responseRates: readonly ResponseRate[];
  missingReports: readonly string[];
}

function kindTitle(kind: string): Localized {
  return kind === SCHOOL_REPORT ? SCHOOL_REPORT_TITLE : getInstrument(kind as (typeof INSTRUMENT_IDS)[number]).title;
}

function formsOf(kind: string, input: SurveysInput): SurveyFormView {
  const records = input.records.filter((record) => record.instrument === kind);
  const active = records.filter((record) => record.status === 'active').pop();
  const responses = records
    .filter((record) => record.status !== 'relinked')
    .reduce((sum, record) => sum + (input.rowsBySheet.get(record.responseSheetId) ?? 0), 0);
  return {
    kind,
    title: kindTitle(kind),
    active: active
      ? { formId: active.formId, editUrl: active.editUrl, publishedUrl: active.publishedUrl, createdAt: active.createdAt, version: active.version }
      : null,
    earlier: records.filter((record) => record.status === 'replaced').length,
    responses,
  };
}

function ratesOf(instrument: string, input: SurveysInput): InstrumentRates {
  const current = input.responseRates.filter((rate) => rate.instrument === instrument && rate.period === input.currentPeriod);
  const overall = current.find((rate) => rate.scope.kind === 'overall');
  const bySchool = new Map(current.filter((rate) => rate.scope.kind === 'school')
    .map((rate) => [normalizeText(rate.scope.kind === 'school' ? rate.scope.key : ''), rate]));
  return {
    instrument,
    title: kindTitle(instrument),
    overall: { school: '', respondents: overall?.respondents ?? 0, teachers: overall?.teachers ?? null, rate: overall?.rate ?? null },
    // Every school of the district, the ones nobody answered from too.
    schools: input.schools.map((school) => {
      const rate = bySchool.get(normalizeText(school));
      return { school, respondents: rate?.respondents ?? 0, teachers: rate?.teachers ?? null, rate: rate?.rate ?? null };
    }),
  };
}

export function surveysView(input: SurveysInput): SurveysView {
  return {
    currentPeriod: input.currentPeriod
      ? { id: input.currentPeriod, label: { ru: formatPeriod(input.currentPeriod, 'ru'), en: formatPeriod(input.currentPeriod, 'en') } }
      : null,
    forms: [...INSTRUMENT_IDS, SCHOOL_REPORT].map((kind) => formsOf(kind, input)),
    rates: INSTRUMENT_IDS.map((instrument) => ratesOf(instrument, input)),
    missingReports: [...input.missingReports],
  };
}
