/**
 * The overview panel: the preset's key indicators as cards and the alerts a coordinator
 * should act on. Texts carry both languages so the sidebar can switch language without
 * asking the server again. Aggregates only: a suppressed value crosses without numbers.
 */
import { LOW_SATISFACTION_INDEX, reachesPercent } from '../aggregate';
import { Catalog, Localized, tr } from '../text/i18n';
import { formatPeriod } from '../periods';
import { presetIndicators } from '../presets';
import { monitoringsDueIn, Preset } from '../presets/types';
import { IndicatorsResult } from '../indicators/compute';
import { IndicatorKind, IndicatorUnit, IndicatorValue } from '../indicators/types';

const SATISFACTION_INDICATORS = ['mentoring.satisfaction_mentees', 'mentoring.satisfaction_mentors', 'network.satisfaction'];
const BURNOUT_INDICATOR = 'burnout.formed_any_share';

export type Coverage =
  | { kind: 'schools'; reported: number; total: number }
  /** A fact the coordinators enter for the district as a whole. */
  | { kind: 'district' }
  | { kind: 'respondents'; respondents: number; teachers: number | null };

export interface IndicatorCard {
  id: string;
  title: Localized;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  coverage: Coverage;
  /** Against the period before; null when either period has no value. */
  change: { previousPeriod: Localized; delta: number } | null;
}

export type AlertLevel = 'error' | 'warning' | 'info';

export interface Alert {
  id: string;
  level: AlertLevel;
  text: Localized;
}


export interface OverviewView {
  districtName: string;
  preset: Localized;
  currentPeriod: { id: string; label: Localized } | null;
  schools: { reported: number; total: number };
  privacyThreshold: number;
  cards: IndicatorCard[];
  alerts: Alert[];
}

export interface OverviewInput {
  districtName: string;
  preset: Preset;
  result: IndicatorsResult;
  schools: readonly string[];
  /** Settings.highBurnoutPercent: a school at or above it is named in the burnout alert. */
  highBurnoutPercent: number;
  /** Today, ISO date in the workbook's time zone: picks the cyclogram's month. */
  today: string;
  /** Log entries of the error level: input rejected or not processed until someone acts. */
  logErrors: number;
}

const TEXT = {
  highBurnout: {
    ru: 'Высокий уровень выгорания (сформированная фаза у {percent} % ответивших и более): {schools}.',
    en: 'High burnout (a formed phase in {percent} % of respondents or more): {schools}.',
  },
  lowSatisfaction: {
    ru: 'Низкая удовлетворённость: «{title}» — {value} из 100.',
    en: 'Low satisfaction: "{title}" is {value} of 100.',
  },
  missingReports: {
    ru: 'Не подали отчёт за {period} ({count}): {schools}.',
    en: '{count} schools have not reported for {period}: {schools}.',
  },
  due: { ru: 'В этом месяце по циклограмме: {titles}.', en: 'Due this month by the cyclogram: {titles}.' },
  overdue: {
    ru: 'Просрочено по циклограмме (срок — прошлый месяц, данных за {period} нет): {titles}.',
    en: 'Overdue by the cyclogram (due last month, no data for {period}): {titles}.',
  },
  logErrors: {
    ru: 'Ошибок в журнале: {count} (отклонённые отчёты, необработанные ответы). Подробности — на вкладке «Журнал».',
    en: 'Errors in the log: {count} (rejected reports, unprocessed responses). See the Log tab.',
  },
} satisfies Catalog<string>;

function both(text: Localized, params: (lang: 'ru' | 'en') => Record<string, string | number>): Localized {
  return { ru: tr(text, 'ru', params('ru')), en: tr(text, 'en', params('en')) };
}

/** A number as each language writes it: 49,3 in Russian, 49.3 in English. */
function decimal(value: number, lang: 'ru' | 'en'): string {
  return lang === 'ru' ? String(value).replace('.', ',') : String(value);
}

function periodLabel(id: string): Localized {
  return { ru: formatPeriod(id, 'ru'), en: formatPeriod(id, 'en') };
}

/**
 * One card per direction, in the preset's order: the direction's first indicator measured
 * across schools or teachers (a share or a mean from the reports or a survey), else its
 * first indicator. A district fact such as "a regulation exists" says little on a card.
 */
export function keyIndicators(preset: Preset): ReturnType<typeof presetIndicators> {
  const all = presetIndicators(preset);
  const measured = (i: (typeof all)[number]) => i.source !== 'district_report' && (i.kind === 'share' || i.kind === 'mean');
  const directions = [...new Set(all.map((indicator) => indicator.direction))];
  return directions.map((direction) => {
    const own = all.filter((indicator) => indicator.direction === direction);
    return own.find(measured) ?? own[0];
  });
}

function overallValue(result: IndicatorsResult, id: string): IndicatorValue | undefined {
  return result.values.find((value) => value.id === id && value.scope.kind === 'overall' && value.period === result.currentPeriod);
}

function cards(input: OverviewInput, reported: number): IndicatorCard[] {
  const { result } = input;
  return keyIndicators(input.preset).map((indicator) => {
    const value = overallValue(result, indicator.id);
    const instrument = indicator.source.startsWith('survey:') ? indicator.source.slice('survey:'.length) : null;
    const rate = instrument
      ? result.responseRates.find((r) => r.instrument === instrument && r.scope.kind === 'overall' && r.period === result.currentPeriod)
      : undefined;
    const coverage: Coverage = instrument
      ? { kind: 'respondents', respondents: rate ? rate.respondents + (rate.unmatchedRespondents ?? 0) : 0, teachers: rate?.teachers ?? null }
      : indicator.source === 'district_report' ? { kind: 'district' } : { kind: 'schools', reported, total: input.schools.length };
    const suppressed = value?.suppressed === true;
    const delta = suppressed ? null : value?.change?.delta ?? null;
    return {
      id: indicator.id, title: indicator.title, kind: indicator.kind, unit: indicator.unit,
      value: suppressed ? null : value?.value ?? null,
      numerator: suppressed ? null : value?.numerator ?? null,
      denominator: suppressed ? null : value?.denominator ?? null,
      suppressed, coverage,
      change: delta !== null && value?.change ? { previousPeriod: periodLabel(value.change.previousPeriod), delta } : null,
    };
  });
}

function alerts(input: OverviewInput): Alert[] {
  const { result, preset } = input;
  const out: Alert[] = [];
  const current = result.currentPeriod;
  // Triggers, authorization and responses waiting are the health view's (getHealth); the sidebar shows both.
  if (input.logErrors > 0) out.push({ id: 'logErrors', level: 'error', text: both(TEXT.logErrors, () => ({ count: input.logErrors })) });

  // On the exact counts, by the indicator engine's rule: the threshold itself counts as high.
  const burning = result.values.filter((value) => value.id === BURNOUT_INDICATOR && value.period === current
    && value.scope.kind === 'school' && !value.suppressed && value.numerator !== null && value.denominator !== null
    && reachesPercent(value.numerator, value.denominator, input.highBurnoutPercent));
  if (burning.length > 0) {
    const schools = burning.map((value) => (value.scope.kind === 'school' ? value.scope.key : '')).join('; ');
    out.push({ id: 'burnout', level: 'warning', text: both(TEXT.highBurnout, () => ({ percent: input.highBurnoutPercent, schools })) });
  }
  for (const indicator of presetIndicators(preset).filter((i) => SATISFACTION_INDICATORS.includes(i.id))) {
    const value = overallValue(result, indicator.id);
    if (!value || value.suppressed || value.value === null || value.value >= LOW_SATISFACTION_INDEX) continue;
    const shown = value.value;
    out.push({ id: `satisfaction:${indicator.id}`, level: 'warning', text: both(TEXT.lowSatisfaction, (lang) => ({ title: indicator.title[lang], value: decimal(shown, lang) })) });
  }
  if (current && result.missingReports.length > 0) {
    out.push({
      id: 'missingReports', level: 'warning',
      text: both(TEXT.missingReports, (lang) => ({ period: formatPeriod(current, lang), count: result.missingReports.length, schools: result.missingReports.join('; ') })),
    });
  }

  const month = Number(input.today.slice(5, 7));
  const due = monitoringsDueIn(preset, month);
  const lastMonth = month === 1 ? 12 : month - 1;
  const hasData = (ids: string[]) => ids.some((id) => {
    const value = overallValue(result, id);
    return value !== undefined && (value.suppressed === true || value.value !== null);
  });
  const overdue = monitoringsDueIn(preset, lastMonth).filter((entry) => !due.includes(entry) && !hasData(entry.indicators));
  if (overdue.length > 0) {
    out.push({
      id: 'overdue', level: 'warning',
      text: both(TEXT.overdue, (lang) => ({ period: current ? formatPeriod(current, lang) : '—', titles: overdue.map((entry) => entry.title[lang]).join('; ') })),
    });
  }
  if (due.length > 0) out.push({ id: 'due', level: 'info', text: both(TEXT.due, (lang) => ({ titles: due.map((entry) => entry.title[lang]).join('; ') })) });
  return out;
}

export function overviewView(input: OverviewInput): OverviewView {
  const reported = input.result.currentPeriod ? input.schools.length - input.result.missingReports.length : 0;
  return {
    districtName: input.districtName,
    preset: input.preset.title,
    currentPeriod: input.result.currentPeriod ? { id: input.result.currentPeriod, label: periodLabel(input.result.currentPeriod) } : null,
    schools: { reported, total: input.schools.length },
    privacyThreshold: input.result.privacyThreshold,
    cards: cards(input, reported),
    alerts: alerts(input),
  };
}
