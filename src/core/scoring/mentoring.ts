/**
 * Mentoring satisfaction: the respondent's role picks the branch; the satisfaction index
 * is the mean of that role's 1–10 ratings rescaled to 0–100 (satisfactionIndex). Open
 * answers are neither scored nor carried: they stay in the raw responses only.
 */
import { breakdown, Distribution, distribution, GroupKey, mean, median, PRIVACY_K, Share, shareOf, Summary } from '../aggregate';
import { bandOf, SatisfactionBand, YES } from '../instruments/common';
import { MENTORING, MENTORING_KEYS, MentoringRole } from '../instruments/mentoring';
import { Item } from '../instruments/types';
import { Answers, answerReader, readAnswer, readChoiceText, readProfile } from './answers';
import { meanRating, satisfactionIndex, ScoredBase } from './common';

export interface MentoringScore extends ScoredBase<'mentoring', string> {
  role: MentoringRole | null;
  /** 0–100; null when incomplete. */
  index: number | null;
  indexBand: SatisfactionBand | null;
  /** Mean of the role's ratings on the 1–10 scale. */
  meanRating: number | null;
  /** Every rating of both branches; the other branch's are null. */
  ratings: Record<string, number | null>;
  /** Да/Нет answers by item key; null when not asked of this role or not answered. */
  facts: Record<string, boolean | null>;
}

const ITEMS = new Map<string, Item>(MENTORING.sections.flatMap((s) => s.items).map((item) => [item.key, item]));
const ALL_RATINGS = [...new Set([...MENTORING.ratingKeys.mentee, ...MENTORING.ratingKeys.mentor])];
const ALL_FACTS = [...new Set([...MENTORING.factKeys.mentee, ...MENTORING.factKeys.mentor])];
const ROLE_ITEM = ITEMS.get(MENTORING_KEYS.role);
const RATING_MIN = 1;
const RATING_MAX = 10;

export function scoreMentoring(answers: Answers): MentoringScore {
  const { note, missing, unreadable } = answerReader(ITEMS, answers);
  const { profile, profileMissing } = readProfile(answers);
  const ratings: Record<string, number | null> = {};
  const facts: Record<string, boolean | null> = {};
  for (const key of ALL_RATINGS) ratings[key] = null;
  for (const key of ALL_FACTS) facts[key] = null;

  let role: MentoringRole | null = null;
  if (ROLE_ITEM && ROLE_ITEM.kind === 'choice' && ROLE_ITEM.choices) {
    const reading = readChoiceText(ROLE_ITEM.choices, answers[MENTORING_KEYS.role]);
    if (reading.state === 'ok') role = reading.value as MentoringRole;
    else note(MENTORING_KEYS.role, reading.state);
  }
  const given: number[] = [];
  if (role) {
    for (const key of MENTORING.ratingKeys[role]) {
      const reading = readAnswer(ITEMS.get(key) as Item, answers[key]);
      if (reading.state === 'ok') {
        ratings[key] = reading.value as number;
        given.push(reading.value as number);
      } else note(key, reading.state);
    }
  }
  // Without a role the branch is unknown; the screening question is still read.
  for (const key of role ? MENTORING.factKeys[role] : [MENTORING_KEYS.seenBefore]) {
    const reading = readAnswer(ITEMS.get(key) as Item, answers[key]);
    if (reading.state === 'ok') facts[key] = reading.value === YES;
    else note(key, reading.state);
  }
  const complete = missing.length === 0;
  const index = complete ? satisfactionIndex(given, RATING_MIN, RATING_MAX) : null;
  return {
    status: complete ? 'ok' : 'incomplete',
    missing,
    role,
    index,
    indexBand: index === null ? null : bandOf(index, MENTORING.bands),
    meanRating: complete ? meanRating(given) : null,
    ratings,
    facts,
    unreadable,
    profile,
    profileMissing,
    instrument: 'mentoring',
    version: MENTORING.version,
  };
}

// --- aggregation: mentees and mentors side by side

export interface MentoringSideStats {
  index: { mean: number | null; median: number | null };
  bands: Distribution;
  /** Mean 1–10 rating per item of this role. */
  itemMeans: Record<string, number | null>;
  /** Share answering Да per Да/Нет item of this role. */
  facts: Record<string, Share>;
}

export function mentoringSideStats(role: MentoringRole, scores: readonly MentoringScore[]): MentoringSideStats {
  const itemMeans: Record<string, number | null> = {};
  for (const key of MENTORING.ratingKeys[role]) itemMeans[key] = mean(scores.map((s) => s.ratings[key]));
  const facts: Record<string, Share> = {};
  for (const key of MENTORING.factKeys[role]) facts[key] = shareOf(scores, (s) => s.facts[key]);
  return {
    index: { mean: mean(scores.map((s) => s.index)), median: median(scores.map((s) => s.index)) },
    bands: distribution(scores.map((s) => s.indexBand), MENTORING.bands.map((b) => b.code)),
    itemMeans,
    facts,
  };
}

export interface MentoringSideBySide {
  key: string | null;
  mentee: Summary<MentoringSideStats>;
  mentor: Summary<MentoringSideStats>;
}

/**
 * Mentees and mentors side by side, overall and per group. Each side is its own
 * population under the privacy rule: 8 mentees and 2 mentors at a school show the
 * mentees and suppress the mentors.
 */
export function mentoringBreakdown(
  scores: readonly MentoringScore[],
  by: GroupKey<MentoringScore> | null,
  k: number = PRIVACY_K,
): { overall: MentoringSideBySide; groups: MentoringSideBySide[]; incomplete: number } {
  const complete = scores.filter((s) => s.status === 'ok');
  const side = (role: MentoringRole) =>
    breakdown(complete.filter((s) => s.role === role), by, (items) => mentoringSideStats(role, items), k);
  const mentee = side('mentee');
  const mentor = side('mentor');
  const keys = [...new Set([...mentee.groups, ...mentor.groups].map((g) => g.key))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'ru'),
  );
  const absent = (key: string | null): Summary<MentoringSideStats> => ({
    key, suppressed: true, reason: 'below_k', n: null, value: null,
  });
  return {
    overall: { key: null, mentee: mentee.overall, mentor: mentor.overall },
    groups: keys.map((key) => ({
      key,
      mentee: mentee.groups.find((g) => g.key === key) ?? absent(key),
      mentor: mentor.groups.find((g) => g.key === key) ?? absent(key),
    })),
    incomplete: scores.length - complete.length,
  };
}
