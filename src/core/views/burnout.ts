/**
 * The Burnout panel (V.V. Boyko's method): for one period, the distribution of the three
 * phases and of the 12 symptoms over not formed / forming / formed, the dominant symptoms,
 * the share with at least one formed phase per school, age band and experience band, and
 * the schools at or above the district's "high burnout" share. Aggregates only, computed
 * under the privacy rule: a group below the threshold (or hidden to protect one) crosses
 * as its name and `suppressed`, with no number at all. Phases and symptoms are over the
 * complete answers (boykoBreakdown); "at least one formed phase" is the indicator's own
 * measure, which also counts an incomplete answer whose complete phases already show a
 * formed one, so the shares here are the ones in the indicators sheet.
 */
import { Localized } from '../text/i18n';
import { formatPeriod, periodsOf, comparePeriods, PeriodKind } from '../periods';
import { BOYKO } from '../instruments/boyko';
import { AGE_BANDS, EXPERIENCE_BANDS } from '../instruments/profile';
import { BOYKO_LEVELS, BoykoGroupStats, BoykoScore, boykoBreakdown } from '../scoring/boyko';
import { breakdown, Share, shareOf, Summary } from '../aggregate';
import { surveyMeasures } from '../scoring/measures';
import { nameKey } from '../text/normalize';
import type { BoykoLevel } from '../instruments/boyko';

type Levels = Record<BoykoLevel, number>;

export interface BurnoutGroup {
  /** A school's name, or a band's label; null: the respondents who did not say. */
  label: Localized | null;
  suppressed: boolean;
  /** Respondents with at least one formed phase, of the complete answers of the group. */
  formed: { numerator: number; denominator: number; percent: number } | null;
  /** At or above the high-burnout share (schools only). */
  high: boolean;
}

export interface BurnoutView {
  privacyThreshold: number;
  highBurnoutPercent: number;
  periods: Array<{ id: string; label: Localized }>;
  period: { id: string; label: Localized } | null;
  /** Complete answers in the period; null when hidden (fewer than the threshold). */
  respondents: number | null;
  /** Answers with an item left blank: not scored, counted here only. */
  incomplete: number | null;
  suppressed: boolean;
  /** Percent of respondents at each level; empty when suppressed. */
  phases: Array<{ id: number; name: Localized; levels: Levels }>;
  symptoms: Array<{ id: number; phase: number; name: Localized; levels: Levels; dominantPercent: number; mean: number | null }>;
  /** Symptoms dominant (≥ 20 points) in the most respondents, most first; those in nobody left out. */
  dominant: number[];
  formedAny: { numerator: number; denominator: number; percent: number } | null;
  bySchool: BurnoutGroup[];
  byAge: BurnoutGroup[];
  byExperience: BurnoutGroup[];
  /** Schools at or above highBurnoutPercent (never a suppressed one). */
  highSchools: string[];
}

export interface BurnoutInput {
  scores: readonly BoykoScore[];
  /** Each score's date (ISO), aligned with `scores`. */
  dates: readonly string[];
  periodKind: PeriodKind;
  /** The period asked for; the latest with answers when null or without answers. */
  period: string | null;
  privacyThreshold: number;
  highBurnoutPercent: number;
}

const percent = (share: Share) => (share.value === null ? 0 : Math.round(share.value * 1000) / 10);

function levels(distribution: BoykoGroupStats['phases']['1']['levels']): Levels {
  const out = {} as Levels;
  for (const level of BOYKO_LEVELS) out[level] = percent(distribution.bands[level]);
  return out;
}

function formed(share: Share | null) {
  if (!share || share.value === null) return null;
  return { numerator: share.numerator, denominator: share.denominator, percent: percent(share) };
}

function group(summary: Summary<Share>, label: Localized | null, highAt: number | null): BurnoutGroup {
  const share = summary.suppressed ? null : formed(summary.value);
  return { label, suppressed: summary.suppressed, formed: share, high: highAt !== null && share !== null && share.percent >= highAt };
}

function bandLabel(bands: ReadonlyArray<{ value: string; label: Localized }>, key: string | null): Localized | null {
  if (key === null) return null;
  return bands.find((band) => band.value === key)?.label ?? { ru: key, en: key };
}

/** Orders groups as their bands are listed (not alphabetically), the unstated last. */
function inBandOrder<T>(summaries: Summary<T>[], bands: ReadonlyArray<{ value: string }>): Summary<T>[] {
  const at = (key: string | null) => (key === null ? Infinity : bands.findIndex((band) => band.value === key));
  return [...summaries].sort((a, b) => at(a.key) - at(b.key));
}

export function burnoutView(input: BurnoutInput): BurnoutView {
  const k = input.privacyThreshold;
  // Each answer's period found once; answers share a few hundred dates.
  const periodOfDate = periodsOf(input.periodKind);
  const answerPeriods = input.dates.map(periodOfDate);
  const periodIds = [...new Set(answerPeriods.filter((id): id is string => id !== null))].sort(comparePeriods);
  const period = input.period && periodIds.includes(input.period) ? input.period : periodIds[periodIds.length - 1] ?? null;
  const scores = input.scores.filter((_, i) => period !== null && answerPeriods[i] === period);
  const label = (id: string) => ({ id, label: { ru: formatPeriod(id, 'ru'), en: formatPeriod(id, 'en') } });

  const overall = boykoBreakdown(scores, null, k);
  const stats = overall.overall.suppressed ? null : overall.overall.value;
  // The indicator's measure: respondents for whom "a phase formed" is decided.
  const decided = scores.map((score) => ({ score, formed: surveyMeasures(score).phase_formed_any })).filter((r) => r.formed !== null);
  const formedShare = (rows: readonly (typeof decided)[number][]) => shareOf(rows, (r) => r.formed === true);
  const formedBy = (key: ((r: (typeof decided)[number]) => string | null) | null) => breakdown(decided, key, formedShare, k);
  const names = new Map(decided.map((r) => [nameKey(r.score.profile.school), r.score.profile.school ?? '']));
  const bySchool = formedBy((r) => nameKey(r.score.profile.school) || null).groups;
  const byAge = inBandOrder(formedBy((r) => r.score.profile.ageBand).groups, AGE_BANDS);
  const byExperience = inBandOrder(formedBy((r) => r.score.profile.experienceBand).groups, EXPERIENCE_BANDS);
  const formedOverall = formedBy(null).overall;

  const schools = bySchool.map((summary) => group(summary, summary.key === null ? null : { ru: names.get(summary.key)!, en: names.get(summary.key)! }, input.highBurnoutPercent));
  const symptoms = BOYKO.phases.flatMap((phase) => phase.symptoms.map((symptom) => {
    const s = stats?.symptoms[String(symptom.id) as keyof BoykoGroupStats['symptoms']];
    return { id: symptom.id, phase: phase.id, name: symptom.name, levels: s ? levels(s.levels) : null, dominantPercent: s ? percent(s.dominant) : 0, mean: s?.mean ?? null };
  }));
  return {
    privacyThreshold: k,
    highBurnoutPercent: input.highBurnoutPercent,
    periods: periodIds.map(label),
    period: period ? label(period) : null,
    respondents: stats ? overall.overall.n : null,
    incomplete: stats ? overall.incomplete : null,
    suppressed: stats === null,
    phases: stats ? BOYKO.phases.map((phase) => ({ id: phase.id, name: phase.name, levels: levels(stats.phases[String(phase.id) as '1' | '2' | '3'].levels) })) : [],
    symptoms: stats ? symptoms.map((symptom) => ({ ...symptom, levels: symptom.levels as Levels })) : [],
    dominant: symptoms.filter((symptom) => symptom.dominantPercent > 0).sort((a, b) => b.dominantPercent - a.dominantPercent || a.id - b.id).slice(0, 3).map((symptom) => symptom.id),
    formedAny: formedOverall.suppressed ? null : formed(formedOverall.value),
    bySchool: schools,
    byAge: byAge.map((summary) => group(summary, bandLabel(AGE_BANDS, summary.key), null)),
    byExperience: byExperience.map((summary) => group(summary, bandLabel(EXPERIENCE_BANDS, summary.key), null)),
    highSchools: schools.filter((school) => school.high && school.label).map((school) => school.label!.ru),
  };
}
