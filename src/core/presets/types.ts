/**
 * A preset is one district's monitoring system as data: which indicators it computes,
 * when each monitoring runs (the cyclogram) and how its indicators map onto the rubric.
 */
import { Lang, Localized, tr } from '../text/i18n';
import { Direction, SeedId, SharedPositionId } from '../indicators/types';
import { monthName, PeriodKind } from '../periods';

export type PresetId = string;

/**
 * When a monitoring runs.
 * months      — every year in these months (1–12): "ежегодно, сентябрь";
 * range       — over a span of months, wrapping over New Year (from 9 to 6 = Sept–June);
 *               daily: every day of it ("ежедневно с мая по август");
 * during_year — "в течение года";
 * quarterly   — every quarter;
 * annually    — every year, no month named ("ежегодно");
 * yearly      — once a year on a date set elsewhere ("в сроки, установленные приказом");
 * per_plan    — "в соответствии с планом", no date in the document;
 * unspecified — the document names the monitoring but no timing.
 */
export type Schedule =
  | { kind: 'months'; months: number[] }
  | { kind: 'range'; from: number; to: number; daily?: boolean }
  | { kind: 'during_year' }
  | { kind: 'quarterly' }
  | { kind: 'annually' }
  | { kind: 'yearly' }
  | { kind: 'per_plan' }
  | { kind: 'unspecified' };

export interface CyclogramEntry {
  /** Stable within the preset: 'deficits', 'school_associations'. */
  id: string;
  direction: Direction;
  title: Localized;
  schedule: Schedule;
  /** The indicators this monitoring measures. */
  indicators: string[];
  /** "Сведения об использовании результатов мониторинга", when the document gives them. */
  use?: Localized;
}

export interface RubricConfig {
  /** The justified goal each position's indicators serve, as the district's document states it. */
  goals: Partial<Record<SharedPositionId, Localized>>;
  /** The indicators of a position, when not the catalog's default mapping. */
  positions?: Partial<Record<SharedPositionId, string[]>>;
}

export interface Preset {
  id: PresetId;
  title: Localized;
  seeds: SeedId[];
  /** The period a school report is filed for. */
  reportingPeriod: PeriodKind;
  indicators: string[];
  cyclogram: CyclogramEntry[];
  rubric: RubricConfig;
}

/**
 * A preset whose indicators are exactly its monitorings' ones in cyclogram order: the list
 * is derived rather than written out a second time.
 */
export function indicatorsFromCyclogram({ id, title, seeds, reportingPeriod, cyclogram, rubric }: Omit<Preset, 'indicators'>): Preset {
  return { id, title, seeds, reportingPeriod, indicators: cyclogram.flatMap((entry) => entry.indicators), cyclogram, rubric };
}

/**
 * Whether the schedule names when the monitoring runs, as the rubric's "timing stated"
 * parameter asks: months, a span, "during the year" and "quarterly" do; "every year" with
 * no month, "per plan", "on a date set by order" and nothing at all do not.
 */
export function statesTiming(schedule: Schedule): boolean {
  return ['months', 'range', 'during_year', 'quarterly'].includes(schedule.kind);
}

function inRange(month: number, from: number, to: number): boolean {
  return from <= to ? month >= from && month <= to : month >= from || month <= to;
}

/**
 * Whether a monitoring is due in a month (1–12): its months, its span, any month during
 * the year, the last month of a quarter. Schedules without a date are never due.
 */
export function isDueInMonth(schedule: Schedule, month: number): boolean {
  switch (schedule.kind) {
    case 'months':
      return schedule.months.includes(month);
    case 'range':
      return inRange(month, schedule.from, schedule.to);
    case 'during_year':
      return true;
    case 'quarterly':
      return month % 3 === 0;
    default:
      return false;
  }
}

/** The monitorings of a preset due in a month (1–12). */
export function monitoringsDueIn(preset: Preset, month: number): CyclogramEntry[] {
  return preset.cyclogram.filter((entry) => isDueInMonth(entry.schedule, month));
}

const SCHEDULE_TEXT = {
  months: { ru: 'ежегодно, {months}', en: 'yearly, {months}' },
  range: { ru: '{from} – {to}', en: '{from} – {to}' },
  rangeDaily: { ru: 'ежедневно, {from} – {to}', en: 'daily, {from} – {to}' },
  during_year: { ru: 'в течение года', en: 'during the year' },
  quarterly: { ru: 'ежеквартально', en: 'quarterly' },
  annually: { ru: 'ежегодно', en: 'yearly' },
  yearly: { ru: 'ежегодно, в сроки, установленные приказом', en: 'yearly, on dates set by order' },
  per_plan: { ru: 'в соответствии с планом', en: 'per plan' },
  unspecified: { ru: 'сроки не указаны', en: 'timing not stated' },
} satisfies Record<string, Localized>;

/** The schedule as people write it: 'ежегодно, сентябрь', 'ежедневно, май – август'. */
export function formatSchedule(schedule: Schedule, lang: Lang): string {
  switch (schedule.kind) {
    case 'months':
      return tr(SCHEDULE_TEXT.months, lang, {
        months: schedule.months.map((month) => monthName(month, lang)).join(', '),
      });
    case 'range':
      return tr(schedule.daily ? SCHEDULE_TEXT.rangeDaily : SCHEDULE_TEXT.range, lang, {
        from: monthName(schedule.from, lang),
        to: monthName(schedule.to, lang),
      });
    default:
      return tr(SCHEDULE_TEXT[schedule.kind], lang);
  }
}
