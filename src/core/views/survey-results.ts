/**
 * The survey results panel: mentoring (mentees and mentors side by side), network
 * interaction and professional deficits, for one period. Built from the scored responses
 * with the aggregations of core/scoring, so each figure is the one the indicators hold
 * (rounded the same way, to one decimal). Aggregates only: a group under the privacy
 * threshold crosses as `{ hidden: true }` with no number at all, not even its size.
 * Texts carry both languages so the sidebar can switch language without asking again.
 */
import { Localized } from '../text/i18n';
import { round, Share, Summary } from '../aggregate';
import { comparePeriods, formatPeriod, PeriodKind, periodsOf } from '../periods';
import { DEFICITS, DEFICIT_TYPES, DeficitType, MENTORING, NETWORK } from '../instruments';
import { Item } from '../instruments/types';
import {
  deficitsBreakdown, DeficitsScore, mentoringBreakdown, MentoringScore, MentoringSideStats, networkBreakdown, NetworkScore,
  ScoredResponse,
} from '../scoring';

/** A figure of a group: its value (one decimal; null when nothing to compute) and the respondents, or hidden. */
export type Figure = { hidden: true } | { hidden: false; value: number | null; n: number };

export interface ItemMean {
  key: string;
  title: Localized;
}

export interface SurveyResultsView {
  privacyThreshold: number;
  /** Every period with responses of the three surveys, oldest first. */
  periods: { id: string; label: Localized }[];
  /** The period shown; null when there are no responses at all. */
  period: { id: string; label: Localized } | null;
  mentoring: {
    /** Satisfaction index 0–100, mean per side. */
    mentee: Figure;
    mentor: Figure;
    /** Mean rating (1–10) per item; an item not asked of a side is null there. */
    items: (ItemMean & { mentee: Figure | null; mentor: Figure | null })[];
    /** school null: respondents who gave none. */
    schools: { school: string | null; mentee: Figure; mentor: Figure }[];
  };
  network: {
    /** Share (%) of respondents taking part in network forms. */
    participation: Figure;
    /** Satisfaction index 0–100 of participants. */
    index: Figure;
    /** Mean rating (1–5) per item, participants. */
    items: (ItemMean & { mean: Figure })[];
    schools: { school: string | null; participation: Figure; index: Figure }[];
  };
  deficits: {
    /** Share (%) of respondents with a deficit of any type. */
    any: Figure;
    /** Share (%) per deficit type, of all respondents. */
    types: { type: DeficitType; title: Localized; share: Figure }[];
    /** The same per subject. */
    subjects: { subject: string | null; shares: Figure[] }[];
  };
}

export interface SurveyResultsInput {
  /** Scored responses of any instrument with their submission time (ISO, local). */
  scores: readonly { scored: ScoredResponse; submittedAt: string }[];
  periodKind: PeriodKind;
  /** The period asked for; the latest with responses when null or unknown. */
  period: string | null;
  privacyThreshold: number;
}

const HIDDEN: Figure = { hidden: true };

function figure<S>(summary: Summary<S>, value: (stats: S) => number | null): Figure {
  if (summary.suppressed) return HIDDEN;
  const v = value(summary.value);
  return { hidden: false, n: summary.n, value: v === null ? null : round(v, 1) };
}

function percent(share: Share): number | null {
  return share.value === null ? null : share.value * 100;
}

function label(id: string): Localized {
  return { ru: formatPeriod(id, 'ru'), en: formatPeriod(id, 'en') };
}


const MENTORING_ITEMS = new Map<string, Item>(MENTORING.sections.flatMap((s) => s.items).map((item) => [item.key, item]));
const NETWORK_ITEMS = new Map<string, Item>(NETWORK.sections.flatMap((s) => s.items).map((item) => [item.key, item]));

function side(summary: Summary<MentoringSideStats>): Figure {
  return figure(summary, (stats) => stats.index.mean);
}

export function surveyResultsView(input: SurveyResultsInput): SurveyResultsView {
  const k = input.privacyThreshold;
  // Each answer's period found once per distinct date, not parsed again for each answer.
  const periodOfDate = periodsOf(input.periodKind);
  const dated = input.scores
    .filter((s) => ['mentoring', 'network', 'deficits'].includes(s.scored.instrument))
    .map((s) => ({ scored: s.scored, period: periodOfDate(s.submittedAt.slice(0, 10)) }))
    .filter((s): s is { scored: ScoredResponse; period: string } => s.period !== null);
  const periods = [...new Set(dated.map((s) => s.period))].sort(comparePeriods);
  const period = input.period && periods.includes(input.period) ? input.period : periods[periods.length - 1] ?? null;
  const of = <T extends ScoredResponse>(instrument: T['instrument']) =>
    dated.filter((s) => s.period === period && s.scored.instrument === instrument).map((s) => s.scored as T);

  const bySchool = (s: ScoredResponse) => s.profile.school;
  const mentoring = mentoringBreakdown(of<MentoringScore>('mentoring'), bySchool, k);
  const ratingKeys = [...new Set([...MENTORING.ratingKeys.mentee, ...MENTORING.ratingKeys.mentor])];
  const itemOf = (summary: Summary<MentoringSideStats>, key: string, asked: readonly string[]): Figure | null =>
    asked.includes(key) ? figure(summary, (stats) => stats.itemMeans[key]) : null;

  const network = networkBreakdown(of<NetworkScore>('network'), bySchool, k);
  const participantSchools = new Map(network.participants.groups.map((g) => [g.key, g]));

  const deficits = deficitsBreakdown(of<DeficitsScore>('deficits'), (s) => s.profile.subject, k);
  const areaName = new Map(DEFICITS.areas.map((area) => [area.type, area.name]));

  return {
    privacyThreshold: k,
    periods: periods.map((id) => ({ id, label: label(id) })),
    period: period ? { id: period, label: label(period) } : null,
    mentoring: {
      mentee: side(mentoring.overall.mentee),
      mentor: side(mentoring.overall.mentor),
      items: ratingKeys.map((key) => ({
        key,
        title: MENTORING_ITEMS.get(key)!.title,
        mentee: itemOf(mentoring.overall.mentee, key, MENTORING.ratingKeys.mentee),
        mentor: itemOf(mentoring.overall.mentor, key, MENTORING.ratingKeys.mentor),
      })),
      schools: mentoring.groups.map((group) => ({
        school: group.key, mentee: side(group.mentee), mentor: side(group.mentor),
      })),
    },
    network: {
      participation: figure(network.participation.overall, (stats) => percent(stats.members)),
      index: figure(network.participants.overall, (stats) => stats.index.mean),
      items: NETWORK.ratingKeys.map((key) => ({
        key,
        title: NETWORK_ITEMS.get(key)!.title,
        mean: figure(network.participants.overall, (stats) => stats.itemMeans[key]),
      })),
      schools: network.participation.groups.map((group) => {
        const participants = participantSchools.get(group.key);
        const participation = figure(group, (stats) => percent(stats.members));
        // A shown school where nobody took part has no index; where the share is hidden, neither is that.
        const index = participants ? figure(participants, (stats) => stats.index.mean)
          : participation.hidden ? HIDDEN : { hidden: false as const, value: null, n: 0 };
        return { school: group.key, participation, index };
      }),
    },
    deficits: {
      any: figure(deficits.overall, (stats) => percent(stats.anyDeficit)),
      types: DEFICIT_TYPES.map((type) => ({
        type, title: areaName.get(type)!, share: figure(deficits.overall, (stats) => percent(stats.deficits[type])),
      })),
      subjects: deficits.groups.map((group) => ({
        subject: group.key,
        shares: DEFICIT_TYPES.map((type) => figure(group, (stats) => percent(stats.deficits[type]))),
      })),
    },
  };
}
