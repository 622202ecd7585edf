/**
 * The indicators as JSON: the summary the endpoints return (every value of every period
 * and scope, and the response rates), and the report the CLI prints (each indicator of
 * the preset with its current value, its change, its values per school and subject and
 * its history, plus the rejected and replaced reports) for the sidebar and email to share.
 */
import { Lang, tr } from '../text/i18n';
import { renderMessage } from '../text/message';
import { IndicatorsResult, ResponseRate } from '../indicators/compute';
import { FieldDef, IndicatorValue, Scope } from '../indicators/types';
import { formatPeriod, previousPeriod } from '../periods';
import { Preset, presetIndicators } from '../presets';
import { RejectedReport, SupersededReport } from '../reports/school-report';

export type IndicatorsSummary = Pick<
  IndicatorsResult,
  'preset' | 'currentPeriod' | 'periods' | 'privacyThreshold' | 'values' | 'missingReports' | 'responseRates'
>;

export function indicatorsSummary(result: IndicatorsResult): IndicatorsSummary {
  return {
    preset: result.preset, currentPeriod: result.currentPeriod, periods: result.periods,
    privacyThreshold: result.privacyThreshold, values: result.values, missingReports: result.missingReports,
    responseRates: result.responseRates,
  };
}

function numbers(value: IndicatorValue | undefined) {
  if (!value) return { numerator: null, denominator: null, value: null };
  return {
    numerator: value.numerator,
    denominator: value.denominator,
    value: value.value,
    ...(value.suppressed ? { suppressed: true } : {}),
    coverage: value.coverage,
  };
}

function scopeKey(scope: Scope): string {
  return scope.kind === 'overall' ? '' : scope.key;
}

function indicatorRows(result: IndicatorsResult, preset: Preset, lang: Lang) {
  const current = result.currentPeriod;
  const inPeriod = (value: IndicatorValue) => value.period === current;
  return presetIndicators(preset).map((indicator) => {
    const values = result.values.filter((value) => value.id === indicator.id);
    const now = values.filter(inPeriod);
    const overall = now.find((value) => value.scope.kind === 'overall');
    const scoped = (kind: 'school' | 'subject', name: 'school' | 'subject') =>
      now
        .filter((value) => value.scope.kind === kind)
        .map((value) => ({ [name]: scopeKey(value.scope), ...numbers(value), change: value.change ?? null }));
    return {
      id: indicator.id,
      title: tr(indicator.title, lang),
      direction: indicator.direction,
      kind: indicator.kind,
      unit: indicator.unit,
      source: indicator.source,
      seeds: indicator.seeds,
      overall: numbers(overall),
      change: overall?.change ?? null,
      bySchool: scoped('school', 'school'),
      bySubject: scoped('subject', 'subject'),
      history: values
        .filter((value) => value.scope.kind === 'overall')
        .map((value) => ({ period: value.period, ...numbers(value) })),
    };
  });
}

function rates(result: IndicatorsResult) {
  const now = result.responseRates.filter((rate) => rate.period === result.currentPeriod);
  const instruments = [...new Set(now.map((rate) => rate.instrument))];
  const strip = ({ respondents, teachers, rate }: ResponseRate) => ({ respondents, teachers, rate });
  return instruments.map((instrument) => {
    const overall = now.find((rate) => rate.instrument === instrument && rate.scope.kind === 'overall')!;
    return {
      instrument,
      ...strip(overall),
      unmatchedRespondents: overall.unmatchedRespondents ?? 0,
      bySchool: now
        .filter((rate) => rate.instrument === instrument && rate.scope.kind === 'school')
        .map((rate) => ({ school: scopeKey(rate.scope), ...strip(rate) })),
    };
  });
}

function rejectedView(rejected: readonly RejectedReport[], lang: Lang) {
  return rejected.map((report) => ({
    row: report.row ?? null,
    school: report.school,
    period: report.period,
    ...(report.subject ? { subject: report.subject } : {}),
    reasons: report.reasons.map((reason) => renderMessage(reason, lang)),
  }));
}

export interface IndicatorsReportInput {
  result: IndicatorsResult;
  preset: Preset;
  schoolFields: readonly FieldDef[];
  subjectFields: readonly FieldDef[];
  rejectedReports: readonly RejectedReport[];
  rejectedDistrictReports: readonly RejectedReport[];
  replacedReports: SupersededReport[];
  /** Already in the user's language. */
  notices: string[];
}

export type IndicatorsReport = ReturnType<typeof indicatorsReport>;

/** Every indicator of the preset for the current period, with what was left out and why, in `lang`. */
export function indicatorsReport(input: IndicatorsReportInput, lang: Lang) {
  const { result, preset } = input;
  return {
    preset: preset.id,
    presetTitle: tr(preset.title, lang),
    periodKind: result.periodKind,
    periods: result.periods,
    currentPeriod: result.currentPeriod,
    currentPeriodTitle: result.currentPeriod ? formatPeriod(result.currentPeriod, lang) : null,
    previousPeriod: result.currentPeriod ? previousPeriod(result.currentPeriod) : null,
    privacyThreshold: result.privacyThreshold,
    reportFields: input.schoolFields.map((field) => field.id),
    subjectFields: input.subjectFields.map((field) => field.id),
    indicators: indicatorRows(result, preset, lang),
    responseRates: rates(result),
    missingReports: result.missingReports,
    rejectedReports: rejectedView(input.rejectedReports, lang),
    rejectedDistrictReports: rejectedView(input.rejectedDistrictReports, lang),
    replacedReports: input.replacedReports,
    notices: input.notices,
  };
}
