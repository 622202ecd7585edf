/**
 * Deficits self-check: per deficit type, identified when at least `minDifficulties` of
 * the area's actions are rated at or below `difficultyMax` (2 of 3 rated 1 or 2), plus
 * the facts directions 1 and 2 count: took part in a diagnostic this year, has an
 * individual educational route, built on diagnostics, took part in its activities.
 */
import { breakdown, Breakdown, GroupKey, mean, PRIVACY_K, round, Share, shareOf } from '../aggregate';
import { YES } from '../instruments/common';
import { DEFICIT_TYPES, DeficitType, DEFICITS, DEFICITS_KEYS } from '../instruments/deficits';
import { Item } from '../instruments/types';
import { Answers, answerReader, readProfile } from './answers';
import { ScoredBase } from './common';

export interface DeficitsScore extends ScoredBase<'deficits', string> {
  diagnosedThisYear: boolean | null;
  hasRoute: boolean | null;
  /** Only asked when there is a route: null otherwise. */
  routeFromDiagnostics: boolean | null;
  routeActivities: boolean | null;
  /** Deficit identified per type; null when the area has a missing answer. */
  deficits: Record<DeficitType, boolean | null>;
  /** Mean 1–4 rating per area (4 = confident), for information. */
  areaMeans: Record<DeficitType, number | null>;
  /** Number of types identified; null when incomplete. */
  deficitCount: number | null;
  anyDeficit: boolean | null;
}

const ITEMS = new Map<string, Item>(DEFICITS.sections.flatMap((s) => s.items).map((item) => [item.key, item]));

export function scoreDeficits(answers: Answers): DeficitsScore {
  const { read, missing, unreadable } = answerReader(ITEMS, answers);
  const yesNo = (key: string): boolean | null => {
    const value = read(key);
    return value === null ? null : value === YES;
  };
  const { profile, profileMissing } = readProfile(answers);
  const diagnosedThisYear = yesNo(DEFICITS_KEYS.diagnosed);
  const hasRoute = yesNo(DEFICITS_KEYS.hasRoute);
  const routeFromDiagnostics = hasRoute ? yesNo(DEFICITS_KEYS.routeFromDiagnostics) : null;
  const routeActivities = hasRoute ? yesNo(DEFICITS_KEYS.routeActivities) : null;

  const deficits = {} as Record<DeficitType, boolean | null>;
  const areaMeans = {} as Record<DeficitType, number | null>;
  const { difficultyMax, minDifficulties } = DEFICITS.rule;
  for (const area of DEFICITS.areas) {
    const ratings = area.itemKeys.map(read);
    if (ratings.every((r): r is number => typeof r === 'number')) {
      deficits[area.type] = ratings.filter((r) => r <= difficultyMax).length >= minDifficulties;
      areaMeans[area.type] = round(ratings.reduce((a, b) => a + b, 0) / ratings.length);
    } else {
      deficits[area.type] = null;
      areaMeans[area.type] = null;
    }
  }
  const complete = missing.length === 0;
  const deficitCount = complete ? DEFICIT_TYPES.filter((t) => deficits[t]).length : null;
  return {
    status: complete ? 'ok' : 'incomplete',
    missing,
    diagnosedThisYear,
    hasRoute,
    routeFromDiagnostics,
    routeActivities,
    deficits,
    areaMeans,
    deficitCount,
    anyDeficit: deficitCount === null ? null : deficitCount > 0,
    unreadable,
    profile,
    profileMissing,
    instrument: 'deficits',
    version: DEFICITS.version,
  };
}

// --- aggregation. Every share is over all respondents of the group, which is what the
// direction-1 and -2 indicators divide by ("… от общего количества педагогов").

export interface DeficitsGroupStats {
  diagnosedThisYear: Share;
  hasRoute: Share;
  routeFromDiagnostics: Share;
  routeActivities: Share;
  /** Share of respondents with a deficit of each type. */
  deficits: Record<DeficitType, Share>;
  anyDeficit: Share;
  /** Respondents with a deficit who have a route. */
  anyDeficitWithRoute: Share;
  areaMeans: Record<DeficitType, number | null>;
}

export function deficitsStats(scores: readonly DeficitsScore[]): DeficitsGroupStats {
  const deficits = {} as Record<DeficitType, Share>;
  const areaMeans = {} as Record<DeficitType, number | null>;
  for (const type of DEFICIT_TYPES) {
    deficits[type] = shareOf(scores, (s) => s.deficits[type]);
    areaMeans[type] = mean(scores.map((s) => s.areaMeans[type]));
  }
  return {
    diagnosedThisYear: shareOf(scores, (s) => s.diagnosedThisYear),
    hasRoute: shareOf(scores, (s) => s.hasRoute),
    routeFromDiagnostics: shareOf(scores, (s) => s.hasRoute !== null && s.routeFromDiagnostics === true),
    routeActivities: shareOf(scores, (s) => s.hasRoute !== null && s.routeActivities === true),
    deficits,
    anyDeficit: shareOf(scores, (s) => s.anyDeficit),
    anyDeficitWithRoute: shareOf(scores, (s) => s.anyDeficit === true && s.hasRoute === true),
    areaMeans,
  };
}

/** Deficits and routes per group under the privacy rule (complete responses). */
export function deficitsBreakdown(
  scores: readonly DeficitsScore[],
  by: GroupKey<DeficitsScore> | null,
  k: number = PRIVACY_K,
): Breakdown<DeficitsGroupStats> & { incomplete: number } {
  const complete = scores.filter((s) => s.status === 'ok');
  return { ...breakdown(complete, by, deficitsStats, k), incomplete: scores.length - complete.length };
}
