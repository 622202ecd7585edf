/**
 * The Indicators panel: every indicator of the preset, grouped by direction, for one
 * period — the district's value with its numerator and denominator, its coverage, its
 * like-for-like change, the value of every school and subject (for the filter and the
 * school ranking), the district's value in every period (the dynamics chart) and the
 * definition in words (what is counted, from which report fields or survey, which source
 * documents). Texts carry both languages so the sidebar switches language without asking
 * again. A suppressed value crosses with no numbers at all.
 */
import { Localized } from '../text/i18n';
import { nameKey } from '../text/normalize';
import { formatPeriod } from '../periods';
import { Preset, presetIndicators } from '../presets';
import { INSTRUMENTS, isInstrumentId } from '../instruments';
import { IndicatorsResult } from '../indicators/compute';
import { operandFields } from '../indicators/catalog';
import { fieldById } from '../indicators/fields';
import { measureById } from '../indicators/measures';
import { DIRECTION_TITLES, DIRECTIONS, SEED_TITLES } from '../indicators/sources';
import { Direction, IndicatorDef, IndicatorKind, IndicatorUnit, IndicatorValue, Operand } from '../indicators/types';

export interface PeriodOption {
  id: string;
  label: Localized;
}

/** One value in one scope; every number null when suppressed or missing. */
export interface PanelValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  /** Schools counted (null: a district fact), of the district's; teachers in them; respondents of a survey. */
  coverage: { schools: number | null; of: number; teachers: number | null; respondents: number | null } | null;
  /** Like for like over `schools` schools that reported in both periods; null when nothing to compare. */
  change: { previousPeriod: Localized; delta: number; schools: number | null; now: number | null; before: number | null } | null;
}

export interface IndicatorDefinition {
  numerator: Localized;
  denominator: Localized | null;
  /** The school report's fields, the district's facts or the survey it is read from. */
  source: Localized;
  fields: Localized[];
  documents: Localized[];
  note: Localized | null;
}

export interface PanelIndicator {
  id: string;
  title: Localized;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  overall: PanelValue;
  /** Aligned with the view's `schools`; null where the school has no value. */
  bySchool: Array<PanelValue | null>;
  /** Aligned with the view's `subjects`; null where the subject has no value. */
  bySubject: Array<PanelValue | null>;
  /** The district's value in each of the view's `periods` (null: none, or suppressed). */
  history: Array<number | null>;
  definition: IndicatorDefinition;
}

export interface IndicatorsPanelView {
  preset: Localized;
  privacyThreshold: number;
  /** Every period with data, oldest first. */
  periods: PeriodOption[];
  /** The period shown; null when there is no data yet. */
  period: PeriodOption | null;
  schools: string[];
  subjects: string[];
  directions: Array<{ id: Direction; title: Localized; indicators: PanelIndicator[] }>;
}

function periodOption(id: string): PeriodOption {
  return { id, label: { ru: formatPeriod(id, 'ru'), en: formatPeriod(id, 'en') } };
}

function quoted(title: Localized): Localized {
  return { ru: `«${title.ru}»`, en: `“${title.en}”` };
}

function fieldTitle(id: string): Localized {
  const field = fieldById(id);
  return field ? quoted(field.title) : { ru: id, en: id };
}

function measureTitle(id: string): Localized {
  const measure = measureById(id);
  return measure ? quoted(measure.title) : { ru: id, en: id };
}

function fill(ru: string, en: string, parts: Record<string, Localized | number>): Localized {
  const put = (text: string, lang: 'ru' | 'en') => text.replace(/\{(\w+)\}/g, (_, key: string) => {
    const part = parts[key];
    return typeof part === 'number' ? String(part) : part[lang];
  });
  return { ru: put(ru, 'ru'), en: put(en, 'en') };
}

const CONDITION: Record<'yes' | 'positive' | 'zero', Localized> = {
  yes: { ru: '«да»', en: '“yes”' },
  positive: { ru: 'больше нуля', en: 'above zero' },
  zero: { ru: 'ноль', en: 'zero' },
};

/** An operand in words: what is summed or counted, and from what. */
export function describeOperand(operand: Operand, privacyThreshold: number): Localized {
  if ('field' in operand) return fill('сумма поля {f} по отчётам', 'the sum of {f} over the reports', { f: fieldTitle(operand.field) });
  if ('difference' in operand) {
    return fill('{a} минус {b} (суммы по отчётам)', '{a} minus {b} (sums over the reports)', { a: fieldTitle(operand.difference[0]), b: fieldTitle(operand.difference[1]) });
  }
  if ('weighted' in operand) {
    return fill('сумма {a} × {b} по отчётам', 'the sum of {a} × {b} over the reports', { a: fieldTitle(operand.weighted), b: fieldTitle(operand.by) });
  }
  if ('schools' in operand) return { ru: 'число школ муниципалитета (по настройкам)', en: 'the number of the district’s schools (from the settings)' };
  if ('schoolsWhere' in operand) {
    return fill('число школ, в отчёте которых {f} — {c}', 'the number of schools whose report has {f} {c}', { f: fieldTitle(operand.schoolsWhere.field), c: CONDITION[operand.schoolsWhere.is] });
  }
  if ('respondentsWhere' in operand) return fill('число ответивших, у кого: {m}', 'the number of respondents with: {m}', { m: measureTitle(operand.respondentsWhere) });
  if ('respondentsWith' in operand) return fill('число ответивших, для кого определено: {m}', 'the number of respondents who have: {m}', { m: measureTitle(operand.respondentsWith) });
  if ('measureSum' in operand) return fill('сумма по ответившим: {m}', 'the sum over respondents of: {m}', { m: measureTitle(operand.measureSum) });
  if ('schoolsWithFlagShare' in operand) {
    return fill(
      'число школ (с {k} ответами и более), где доля ответивших с {m} — не меньше {p} %',
      'the number of schools (with {k} answers or more) where the share of respondents with {m} is at least {p} %',
      { k: privacyThreshold, m: measureTitle(operand.schoolsWithFlagShare), p: operand.atLeastPercent },
    );
  }
  return fill('число школ с {k} ответами и более на {m}', 'the number of schools with {k} answers or more to {m}', { k: privacyThreshold, m: measureTitle(operand.schoolsAssessed) });
}

export function definitionOf(indicator: IndicatorDef, privacyThreshold: number): IndicatorDefinition {
  const operands = indicator.denominator ? [indicator.numerator, indicator.denominator] : [indicator.numerator];
  const fields = [...new Set(operands.flatMap(operandFields))].map(fieldTitle);
  let source: Localized;
  if (indicator.source === 'school_report') source = { ru: 'Отчёт школы за период', en: 'The school’s report for the period' };
  else if (indicator.source === 'district_report') source = { ru: 'Сведения муниципалитета (вводит координатор)', en: 'The district’s facts (entered by the coordinator)' };
  else {
    const id = indicator.source.slice('survey:'.length);
    const title = isInstrumentId(id) ? INSTRUMENTS[id].title : { ru: id, en: id };
    source = fill('Опрос педагогов {t}', 'The teachers’ survey {t}', { t: quoted(title) });
  }
  return {
    numerator: describeOperand(indicator.numerator, privacyThreshold),
    denominator: indicator.denominator ? describeOperand(indicator.denominator, privacyThreshold) : null,
    source,
    fields,
    documents: indicator.seeds.map((seed) => SEED_TITLES[seed]),
    note: indicator.note ?? null,
  };
}

function panelValue(value: IndicatorValue | undefined): PanelValue {
  if (!value) return { value: null, numerator: null, denominator: null, suppressed: false, coverage: null, change: null };
  const suppressed = value.suppressed === true;
  const { coverage, change } = value;
  return {
    value: suppressed ? null : value.value,
    numerator: suppressed ? null : value.numerator,
    denominator: suppressed ? null : value.denominator,
    suppressed,
    coverage: { schools: coverage.schools, of: coverage.of, teachers: coverage.teachers, respondents: coverage.respondents ?? null },
    change: !suppressed && change && change.delta !== null
      ? { previousPeriod: periodOption(change.previousPeriod).label, delta: change.delta, schools: change.schools, now: change.sameSchoolsNow, before: change.sameSchoolsBefore }
      : null,
  };
}

export interface IndicatorsPanelInput {
  preset: Preset;
  result: IndicatorsResult;
  schools: readonly string[];
  subjects: readonly string[];
  /** The period asked for; the current period when null or unknown. */
  period: string | null;
}

export function indicatorsPanelView(input: IndicatorsPanelInput): IndicatorsPanelView {
  const { result, preset } = input;
  const period = input.period && result.periods.includes(input.period) ? input.period : result.currentPeriod;
  // One pass over the values: the chosen period's by scope, and the overall of every period.
  // One pass over the values: the chosen period's by scope (names compared as the engine
  // compares them), and the overall of every period.
  const inPeriod = new Map<string, IndicatorValue>();
  const overallByPeriod = new Map<string, IndicatorValue>();
  const subjects = [...input.subjects];
  const knownSubjects = new Set(subjects.map(nameKey));
  for (const value of result.values) {
    const scope = value.scope.kind === 'overall' ? '' : `${value.scope.kind}\u0000${nameKey(value.scope.key)}`;
    if (value.period === period) inPeriod.set(`${value.id}\u0000${scope}`, value);
    if (value.scope.kind === 'overall') overallByPeriod.set(`${value.id}\u0000${value.period}`, value);
    // A subject a report or an answer names that the settings do not list still shows.
    if (value.scope.kind === 'subject' && value.period === period && !knownSubjects.has(nameKey(value.scope.key))) {
      knownSubjects.add(nameKey(value.scope.key));
      subjects.push(value.scope.key);
    }
  }
  const schools = [...input.schools];
  const definitions = presetIndicators(preset);
  const indicators = definitions.map((indicator): PanelIndicator => {
    const scoped = (kind: string, key: string) => {
      const value = inPeriod.get(`${indicator.id}\u0000${kind}\u0000${nameKey(key)}`);
      return value ? panelValue(value) : null;
    };
    return {
      id: indicator.id,
      title: indicator.title,
      kind: indicator.kind,
      unit: indicator.unit,
      overall: panelValue(inPeriod.get(`${indicator.id}\u0000`)),
      bySchool: schools.map((school) => scoped('school', school)),
      bySubject: subjects.map((subject) => scoped('subject', subject)),
      history: result.periods.map((p) => {
        const value = overallByPeriod.get(`${indicator.id}\u0000${p}`);
        return value && !value.suppressed ? value.value : null;
      }),
      definition: definitionOf(indicator, result.privacyThreshold),
    };
  });
  return {
    preset: preset.title,
    privacyThreshold: result.privacyThreshold,
    periods: result.periods.map(periodOption),
    period: period ? periodOption(period) : null,
    schools,
    subjects,
    directions: DIRECTIONS
      .map((id) => ({ id, title: DIRECTION_TITLES[id], indicators: indicators.filter((_, i) => definitions[i].direction === id) }))
      .filter((direction) => direction.indicators.length > 0),
  };
}
