/**
 * The monthly summary: what district leadership reads in the monthly email, as plain
 * data. The HTML and the plain-text email are both rendered from this one view, so they
 * cannot disagree. Everything here is already in the reader's language except people's
 * own text (school names), which the renderers escape.
 */
import { Lang, Localized, pluralForm, RESPONSES, TEACHERS, tr } from '../text/i18n';
import { LOW_SATISFACTION_INDEX, reachesPercent } from '../aggregate';
import { indicatorById } from '../indicators/catalog';
import { IndicatorsResult } from '../indicators/compute';
import { IndicatorUnit, IndicatorValue, Scope } from '../indicators/types';
import { getInstrument, isInstrumentId } from '../instruments';
import { formatPeriod, monthName, monthsOf, parsePeriod, periodContains, periodOf, periodWithin } from '../periods';
import { formatSchedule, isDueInMonth, Preset } from '../presets';
import { RubricScore } from '../rubric';

/** Long lists are cut here and say how many more there are: the email stays readable and small. */
export const LIST_LIMIT = 20;

/**
 * When an indicator calls for attention, as data. Burnout: a school or the district where
 * the share of respondents with a formed phase reaches the settings' high-burnout percent
 * (the threshold itself counts, as in the indicator engine). Satisfaction: an index below
 * LOW_SATISFACTION_INDEX, the same rule as the Overview's.
 */
export const ALERT_RULES: ReadonlyArray<{ indicator: string; kind: 'burnout' | 'satisfaction' }> = [
  { indicator: 'burnout.formed_any_share', kind: 'burnout' },
  { indicator: 'mentoring.satisfaction_mentees', kind: 'satisfaction' },
  { indicator: 'mentoring.satisfaction_mentors', kind: 'satisfaction' },
  { indicator: 'network.satisfaction', kind: 'satisfaction' },
];

export interface MonthlySummaryInput {
  lang: Lang;
  /** The month summarized, '2026-10'. */
  month: string;
  /** The day the summary is made (ISO date): what is due in its month, overdue before it. */
  today: string;
  districtName: string;
  workbookUrl: string;
  preset: Preset;
  /** Computed with the reporting period of `month` as the current period. */
  indicators: IndicatorsResult;
  schools: readonly string[];
  /** Settings.highBurnoutPercent: a school or the district at or above it is alerted. */
  highBurnoutPercent: number;
  /** Survey responses and school reports that arrived during the month. */
  activity: { responses: number; reports: number };
  rubric: RubricScore | null;
}

export interface SummaryIndicator {
  id: string;
  title: string;
  /** The value with its unit, or the reason there is none. */
  value: string;
  /** Against the previous period, signed, with its unit; '' when there is nothing to compare. */
  change: string;
  /** numerator / denominator of a share; '' when suppressed, a mean (its respondents are in `value`) or not a ratio. */
  coverage: string;
}

export interface SummaryAlert {
  kind: 'burnout' | 'satisfaction';
  /** The district or a school name (people's text). */
  scope: string;
  indicator: string;
  value: string;
}

export interface Limited<T> {
  items: T[];
  /** How many were left out of `items`. */
  more: number;
}

export interface MonthlySummaryView {
  lang: Lang;
  month: string;
  monthLabel: string;
  districtName: string;
  workbookUrl: string;
  /** Nothing arrived during the month. */
  noNewData: boolean;
  activity: { responses: number; reports: number };
  period: string | null;
  periodLabel: string;
  schoolsReported: number;
  schoolsTotal: number;
  missingReports: Limited<string>;
  indicators: SummaryIndicator[];
  alerts: Limited<SummaryAlert>;
  /** The rules the alerts follow, said under them. */
  thresholds: { highBurnoutPercent: number; lowSatisfactionIndex: number };
  privacyThreshold: number;
  responseRates: Array<{ survey: string; respondents: number; teachers: string; rate: string }>;
  dueThisMonth: Array<{ title: string; schedule: string }>;
  overdue: Array<{ title: string; schedule: string }>;
  dueMonthLabel: string;
  rubric: { total: number; max: number; zeroParameters: Limited<string> } | null;
}

const T = {
  noValue: { ru: 'нет данных', en: 'no data' },
  suppressed: { ru: 'скрыто (меньше {k} чел.)', en: 'hidden (fewer than {k})' },
  yes: { ru: 'да', en: 'yes' },
  no: { ru: 'нет', en: 'no' },
  district: { ru: 'Муниципалитет в целом', en: 'District overall' },
  pointsChange: { ru: '{delta} п.п.', en: '{delta} pp' },
  meanOf: { ru: '{value} — {n} {over}', en: '{value} — {n} {over}' },
} satisfies Record<string, Localized>;

function limited<T>(items: readonly T[]): Limited<T> {
  return { items: items.slice(0, LIST_LIMIT), more: Math.max(0, items.length - LIST_LIMIT) };
}

/** A number as the reader writes it: a decimal comma in Russian. */
export function formatNumber(value: number, lang: Lang): string {
  const text = String(Math.round(value * 10) / 10);
  return lang === 'ru' ? text.replace('.', ',') : text;
}

function withUnit(value: number, unit: IndicatorUnit, lang: Lang): string {
  if (unit === 'yes/no') return tr(value > 0 ? T.yes : T.no, lang);
  const number = formatNumber(value, lang);
  return unit === '%' ? `${number} %` : number;
}

function signed(delta: number, unit: IndicatorUnit, lang: Lang): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const number = `${sign}${formatNumber(Math.abs(delta), lang)}`;
  return unit === '%' ? tr(T.pointsChange, lang, { delta: number }) : number;
}

function valueText(value: IndicatorValue | undefined, unit: IndicatorUnit, k: number, lang: Lang): string {
  if (!value) return tr(T.noValue, lang);
  if (value.suppressed) return tr(T.suppressed, lang, { k });
  return value.value === null ? tr(T.noValue, lang) : withUnit(value.value, unit, lang);
}

const isOverall = (scope: Scope) => scope.kind === 'overall';

/** The school year containing a date: the span in which an earlier due month counts as overdue. */
function schoolYearOf(today: string): string {
  return periodOf(today, 'school_year');
}

/** Whether any of the monitoring's indicators has data (a value, or a group hidden for privacy) this school year. */
function hasDataThisYear(indicators: readonly string[], values: readonly IndicatorValue[], year: string): boolean {
  return values.some((value) =>
    indicators.includes(value.id) && isOverall(value.scope) && (value.value !== null || value.suppressed === true)
    && parsePeriod(value.period) !== null && periodWithin(value.period, year));
}

/** Months of the school year before today's month, as 1–12. */
function monthsBefore(today: string, year: string): number[] {
  return monthsOf(year).filter((month) => month < today.slice(0, 7)).map((month) => Number(month.slice(5, 7)));
}

export function monthlySummaryView(input: MonthlySummaryInput): MonthlySummaryView {
  const { lang, indicators: result, preset } = input;
  const k = result.privacyThreshold;
  const period = result.currentPeriod;
  const current = result.values.filter((value) => value.period === period);
  const overall = new Map(current.filter((value) => isOverall(value.scope)).map((value) => [value.id, value]));

  const indicators: SummaryIndicator[] = preset.indicators.flatMap((id) => {
    const def = indicatorById(id);
    if (!def) return [];
    const value = overall.get(id);
    const shown = value && !value.suppressed && value.value !== null;
    const ratio = def.denominator !== undefined;
    const parts = shown && ratio && value.numerator !== null && value.denominator !== null ? { numerator: value.numerator, denominator: value.denominator } : null;
    // A mean's numerator is a sum (of scores, of ages), which means nothing to a reader: it
    // is shown with what it is taken over instead, the answers of a survey or the teachers
    // of the schools' reports.
    const mean = def.kind === 'mean' && parts !== null;
    const over = def.source.startsWith('survey:') ? RESPONSES : TEACHERS;
    const text = valueText(value, def.unit, k, lang);
    return [{
      id,
      title: tr(def.title, lang),
      value: mean ? tr(T.meanOf, lang, { value: text, n: formatNumber(parts.denominator, lang), over: pluralForm(parts.denominator, over, lang) }) : text,
      change: shown && value.change && value.change.delta !== null ? signed(value.change.delta, def.unit, lang) : '',
      coverage: parts && !mean ? `${formatNumber(parts.numerator, lang)} / ${formatNumber(parts.denominator, lang)}` : '',
    }];
  });

  // Alerts read only values the computation did not suppress: a group under the privacy
  // threshold has no value at all, and the denominator check guards the rule itself.
  const alerts: SummaryAlert[] = [];
  for (const rule of ALERT_RULES) {
    if (!preset.indicators.includes(rule.indicator)) continue;
    const def = indicatorById(rule.indicator)!;
    for (const value of current) {
      if (value.id !== rule.indicator || value.scope.kind === 'subject' || value.suppressed || value.value === null) continue;
      if (value.denominator === null || value.denominator < k) continue;
      const hit = rule.kind === 'burnout'
        ? value.numerator !== null && reachesPercent(value.numerator, value.denominator, input.highBurnoutPercent)
        : value.value < LOW_SATISFACTION_INDEX;
      if (!hit) continue;
      alerts.push({
        kind: rule.kind,
        scope: value.scope.kind === 'overall' ? tr(T.district, lang) : value.scope.key,
        indicator: tr(def.title, lang),
        value: withUnit(value.value, def.unit, lang),
      });
    }
  }

  const responseRates = result.responseRates
    .filter((rate) => rate.period === period && isOverall(rate.scope))
    .map((rate) => ({
      survey: isInstrumentId(rate.instrument) ? tr(getInstrument(rate.instrument).title, lang) : rate.instrument,
      respondents: rate.respondents,
      teachers: rate.teachers === null ? '' : formatNumber(rate.teachers, lang),
      rate: rate.rate === null ? tr(T.noValue, lang) : withUnit(rate.rate, '%', lang),
    }));

  const todayMonth = Number(input.today.slice(5, 7));
  const year = schoolYearOf(input.today);
  const earlier = monthsBefore(input.today, year);
  const monitoring = (entry: Preset['cyclogram'][number]) => ({ title: tr(entry.title, lang), schedule: formatSchedule(entry.schedule, lang) });
  const dueThisMonth = preset.cyclogram.filter((entry) => isDueInMonth(entry.schedule, todayMonth)).map(monitoring);
  const overdue = preset.cyclogram
    .filter((entry) => !isDueInMonth(entry.schedule, todayMonth))
    .filter((entry) => earlier.some((month) => isDueInMonth(entry.schedule, month)))
    .filter((entry) => !hasDataThisYear(entry.indicators, result.values, year))
    .map(monitoring);

  const rubric = input.rubric === null ? null : {
    total: input.rubric.total,
    max: input.rubric.totalComputedMax,
    zeroParameters: limited(input.rubric.blocks.flatMap((block) => block.positions.flatMap((position) =>
      position.parameters
        .filter((parameter) => parameter.kind === 'point' && parameter.points === 0)
        .map((parameter) => `${tr(block.title, lang)} — ${tr(position.title, lang)}: ${tr(parameter.title, lang)}`)))),
  };

  const missing = period === null ? [...input.schools] : result.missingReports;
  return {
    lang,
    month: input.month,
    monthLabel: formatPeriod(input.month, lang),
    districtName: input.districtName,
    workbookUrl: input.workbookUrl,
    noNewData: input.activity.responses === 0 && input.activity.reports === 0,
    activity: input.activity,
    period,
    periodLabel: period === null ? '' : formatPeriod(period, lang),
    schoolsReported: input.schools.length - missing.length,
    schoolsTotal: input.schools.length,
    missingReports: limited(missing),
    indicators,
    alerts: limited(alerts),
    thresholds: { highBurnoutPercent: input.highBurnoutPercent, lowSatisfactionIndex: LOW_SATISFACTION_INDEX },
    privacyThreshold: k,
    responseRates,
    dueThisMonth,
    overdue,
    dueMonthLabel: monthName(todayMonth, lang),
    rubric,
  };
}

/** Whether an ISO date falls in the month summarized: what counts as the month's new data. */
export function inMonth(month: string, isoDate: string): boolean {
  return periodContains(month, isoDate);
}
