/**
 * Network-interaction satisfaction: participation (the share of teachers in network
 * forms), and for participants a satisfaction index = mean of the six 1–5 ratings
 * rescaled to 0–100 (satisfactionIndex). Non-participants give reasons instead.
 */
import { breakdown, Breakdown, Distribution, distribution, GroupKey, mean, median, PRIVACY_K, Share, share, shareOf } from '../aggregate';
import { bandOf, SatisfactionBand, YES } from '../instruments/common';
import { NETWORK, NETWORK_KEYS } from '../instruments/network';
import { Item } from '../instruments/types';
import { Answers, answerReader, readProfile } from './answers';
import { meanRating, satisfactionIndex, ScoredBase } from './common';

export interface NetworkScore extends ScoredBase<'network', string> {
  /** Took part in network forms this school year. */
  member: boolean | null;
  /** Participants: option codes of the forms taken part in. */
  forms: string[] | null;
  frequency: string | null;
  /** Participants: presented their own experience. */
  shared: boolean | null;
  /** Participants: 0–100; null for non-participants and when incomplete. */
  index: number | null;
  indexBand: SatisfactionBand | null;
  meanRating: number | null;
  ratings: Record<string, number | null>;
  /** Participants: mastery of new technologies through network work, 1–5 rescaled to 0–100. */
  techMastery: number | null;
  /** Non-participants: option codes of what kept them away. */
  barriers: string[] | null;
  wantsToJoin: boolean | null;
}

const ITEMS = new Map<string, Item>(NETWORK.sections.flatMap((s) => s.items).map((item) => [item.key, item]));
const MEMBER_KEYS = [
  NETWORK_KEYS.forms, NETWORK_KEYS.frequency, NETWORK_KEYS.shared, ...NETWORK.ratingKeys, NETWORK.techMasteryKey,
];
const NON_MEMBER_KEYS = [NETWORK_KEYS.barriers, NETWORK_KEYS.wantsToJoin];

export function scoreNetwork(answers: Answers): NetworkScore {
  const { read, missing, unreadable } = answerReader(ITEMS, answers);
  const { profile, profileMissing } = readProfile(answers);
  const memberAnswer = read(NETWORK_KEYS.member);
  const member = memberAnswer === null ? null : memberAnswer === YES;
  const values = new Map<string, string | string[] | number | null>();
  for (const key of member === true ? MEMBER_KEYS : member === false ? NON_MEMBER_KEYS : []) values.set(key, read(key));

  const ratings: Record<string, number | null> = {};
  const given: number[] = [];
  for (const key of NETWORK.ratingKeys) {
    const value = values.get(key);
    ratings[key] = typeof value === 'number' ? value : null;
    if (typeof value === 'number') given.push(value);
  }
  const complete = missing.length === 0;
  const index = complete && member ? satisfactionIndex(given, 1, 5) : null;
  const mastery = values.get(NETWORK.techMasteryKey);
  const list = (key: string) => {
    const value = values.get(key);
    return Array.isArray(value) ? value : null;
  };
  const text = (key: string) => {
    const value = values.get(key);
    return typeof value === 'string' ? value : null;
  };
  const yesNo = (key: string) => {
    const value = text(key);
    return value === null ? null : value === YES;
  };
  return {
    status: complete ? 'ok' : 'incomplete',
    missing,
    member,
    forms: list(NETWORK_KEYS.forms),
    frequency: text(NETWORK_KEYS.frequency),
    shared: yesNo(NETWORK_KEYS.shared),
    index,
    indexBand: index === null ? null : bandOf(index, NETWORK.bands),
    meanRating: complete && member ? meanRating(given) : null,
    ratings,
    techMastery: complete && typeof mastery === 'number' ? satisfactionIndex([mastery], 1, 5) : null,
    barriers: list(NETWORK_KEYS.barriers),
    wantsToJoin: yesNo(NETWORK_KEYS.wantsToJoin),
    unreadable,
    profile,
    profileMissing,
    instrument: 'network',
    version: NETWORK.version,
  };
}

// --- aggregation: three populations, each under the privacy rule on its own, so a
// school with 6 respondents of whom 1 took part does not show that one person's ratings.

export interface NetworkParticipationStats {
  /** Share of respondents taking part in network forms. */
  members: Share;
}

export interface NetworkParticipantStats {
  index: { mean: number | null; median: number | null };
  bands: Distribution;
  itemMeans: Record<string, number | null>;
  techMastery: number | null;
  /** Share of participants per form. */
  forms: Record<string, Share>;
  sharedExperience: Share;
}

export interface NetworkNonParticipantStats {
  /** Share of non-participants per reason. */
  barriers: Record<string, Share>;
  wantsToJoin: Share;
}

function perChoice(pool: readonly NetworkScore[], key: string, pick: (s: NetworkScore) => string[] | null): Record<string, Share> {
  const item = ITEMS.get(key);
  const out: Record<string, Share> = {};
  if (item && item.kind === 'multi') {
    for (const { value } of item.choices) out[value] = share(pool.filter((s) => pick(s)?.includes(value)).length, pool.length);
  }
  return out;
}

export function networkParticipationStats(scores: readonly NetworkScore[]): NetworkParticipationStats {
  return { members: shareOf(scores, (s) => s.member) };
}

/** Statistics of participants (member === true). */
export function networkParticipantStats(members: readonly NetworkScore[]): NetworkParticipantStats {
  const itemMeans: Record<string, number | null> = {};
  for (const key of NETWORK.ratingKeys) itemMeans[key] = mean(members.map((s) => s.ratings[key]));
  return {
    index: { mean: mean(members.map((s) => s.index)), median: median(members.map((s) => s.index)) },
    bands: distribution(members.map((s) => s.indexBand), NETWORK.bands.map((b) => b.code)),
    itemMeans,
    techMastery: mean(members.map((s) => s.techMastery)),
    forms: perChoice(members, NETWORK_KEYS.forms, (s) => s.forms),
    sharedExperience: shareOf(members, (s) => s.shared),
  };
}

/** Statistics of non-participants (member === false). */
export function networkNonParticipantStats(others: readonly NetworkScore[]): NetworkNonParticipantStats {
  return {
    barriers: perChoice(others, NETWORK_KEYS.barriers, (s) => s.barriers),
    wantsToJoin: shareOf(others, (s) => s.wantsToJoin),
  };
}

/** Participation, participants' satisfaction and non-participants' reasons, per group (complete responses). */
export function networkBreakdown(
  scores: readonly NetworkScore[],
  by: GroupKey<NetworkScore> | null,
  k: number = PRIVACY_K,
): {
  participation: Breakdown<NetworkParticipationStats>;
  participants: Breakdown<NetworkParticipantStats>;
  nonParticipants: Breakdown<NetworkNonParticipantStats>;
  incomplete: number;
} {
  const complete = scores.filter((s) => s.status === 'ok');
  return {
    participation: breakdown(complete, by, networkParticipationStats, k),
    participants: breakdown(complete.filter((s) => s.member === true), by, networkParticipantStats, k),
    nonParticipants: breakdown(complete.filter((s) => s.member === false), by, networkNonParticipantStats, k),
    incomplete: scores.length - complete.length,
  };
}
