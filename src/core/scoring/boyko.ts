/**
 * Boyko scoring: for each key entry, its points when the answer equals the keyed answer;
 * symptom = sum of its 7 entries, phase = sum of its 4 symptoms, total = sum of all 12.
 * Levels: symptom ≤9 not formed / 10–15 forming / ≥16 formed, dominant ≥20;
 * phase ≤36 / 37–60 / ≥61. A symptom with a missing answer is not scored (null), nor is
 * its phase or the total: a gap is not a "no".
 *
 * Districts score thousands of responses at once, so the key is flattened into typed
 * arrays once and the scoring loop allocates nothing.
 */
import { breakdown, Breakdown, Distribution, distribution, GroupKey, mean, median, PRIVACY_K, Share, shareOf } from '../aggregate';
import {
  BOYKO, BOYKO_ITEM_COUNT, BOYKO_PHASE_COUNT, BOYKO_SYMPTOM_COUNT, boykoItemKey, BoykoLevel,
} from '../instruments/boyko';
import { bandOf, YES } from '../instruments/common';
import { Profile, ProfileKey } from '../instruments/profile';
import {
  Answers, NO_PROFILE, readProfile, readYesNoCode, YESNO_NO, YESNO_UNREADABLE, YESNO_YES,
} from './answers';
import { ScoredBase } from './common';

export type BoykoSymptomKey = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12';
export type BoykoPhaseKey = '1' | '2' | '3';
export const BOYKO_LEVELS: readonly BoykoLevel[] = ['not_formed', 'forming', 'formed'];

export interface BoykoScore extends ScoredBase<'boyko', number> {
  symptoms: Record<BoykoSymptomKey, number | null>;
  phases: Record<BoykoPhaseKey, number | null>;
  total: number | null;
  symptomLevels: Record<BoykoSymptomKey, BoykoLevel | null>;
  /** Symptom ids scoring ≥ 20, ascending. */
  dominant: number[];
  phaseLevels: Record<BoykoPhaseKey, BoykoLevel | null>;
}

// --- the key, flattened (index i = item i + 1, symptom s = id s + 1, phase p = id p + 1)
const ITEM_SYMPTOM = new Uint8Array(BOYKO_ITEM_COUNT);
const YES_POINTS = new Uint8Array(BOYKO_ITEM_COUNT);
const NO_POINTS = new Uint8Array(BOYKO_ITEM_COUNT);
const SYMPTOM_PHASE = new Uint8Array(BOYKO_SYMPTOM_COUNT);
let symptomMaxSum = 0;
let phaseMaxSum = 0;
for (const phase of BOYKO.phases) {
  phaseMaxSum = Math.max(phaseMaxSum, phase.max);
  for (const symptom of phase.symptoms) {
    SYMPTOM_PHASE[symptom.id - 1] = phase.id - 1;
    symptomMaxSum = Math.max(symptomMaxSum, symptom.max);
    for (const [item, answer, points] of symptom.key) {
      ITEM_SYMPTOM[item - 1] = symptom.id - 1;
      (answer === YES ? YES_POINTS : NO_POINTS)[item - 1] = points;
    }
  }
}
/** Level of every possible score, looked up instead of compared. */
const SYMPTOM_LEVEL: BoykoLevel[] = [];
for (let s = 0; s <= symptomMaxSum; s++) SYMPTOM_LEVEL.push(bandOf(s, BOYKO.bands.symptom) ?? 'not_formed');
const PHASE_LEVEL: BoykoLevel[] = [];
for (let s = 0; s <= phaseMaxSum; s++) PHASE_LEVEL.push(bandOf(s, BOYKO.bands.phase) ?? 'not_formed');
const DOMINANT_MIN = BOYKO.bands.dominantMin;
const ITEM_KEYS = Array.from({ length: BOYKO_ITEM_COUNT }, (_, i) => boykoItemKey(i + 1));

// Scratch buffers reused by every call (scoring is synchronous).
const sums = new Int32Array(BOYKO_SYMPTOM_COUNT);
const gaps = new Uint8Array(BOYKO_SYMPTOM_COUNT);
const phaseSums = new Int32Array(BOYKO_PHASE_COUNT);
const phaseGaps = new Uint8Array(BOYKO_PHASE_COUNT);
const codesScratch = new Uint8Array(BOYKO_ITEM_COUNT);

// Readers of the scratch sums, at module level so that a call allocates no closures.
const sy = (s: number): number | null => (gaps[s] ? null : sums[s]);
const sl = (s: number): BoykoLevel | null => (gaps[s] ? null : SYMPTOM_LEVEL[sums[s]]);
const ph = (p: number): number | null => (phaseGaps[p] ? null : phaseSums[p]);
const pl = (p: number): BoykoLevel | null => (phaseGaps[p] ? null : PHASE_LEVEL[phaseSums[p]]);

/**
 * Scores one response given as answer codes: codes[i] is item i + 1's answer,
 * 1 = Да, 2 = Нет, 0 = missing, 3 = unreadable (see readYesNoCode).
 */
export function scoreBoyko(
  codes: ArrayLike<number>,
  profile: Profile = NO_PROFILE,
  profileMissing: ProfileKey[] = [],
): BoykoScore {
  sums.fill(0);
  gaps.fill(0);
  let missingCount = 0;
  for (let i = 0; i < BOYKO_ITEM_COUNT; i++) {
    const code = codes[i];
    const s = ITEM_SYMPTOM[i];
    if (code === YESNO_YES) sums[s] += YES_POINTS[i];
    else if (code === YESNO_NO) sums[s] += NO_POINTS[i];
    else {
      gaps[s] = 1;
      missingCount++;
    }
  }
  const missing: number[] = [];
  const unreadable: number[] = [];
  if (missingCount > 0) {
    for (let i = 0; i < BOYKO_ITEM_COUNT; i++) {
      const code = codes[i];
      if (code !== YESNO_YES && code !== YESNO_NO) {
        missing.push(i + 1);
        if (code === YESNO_UNREADABLE) unreadable.push(i + 1);
      }
    }
  }
  // Object literals with fixed keys: one allocation each, the fastest shape for V8.
  const symptoms: Record<BoykoSymptomKey, number | null> = {
    1: sy(0), 2: sy(1), 3: sy(2), 4: sy(3), 5: sy(4), 6: sy(5),
    7: sy(6), 8: sy(7), 9: sy(8), 10: sy(9), 11: sy(10), 12: sy(11),
  };
  const symptomLevels: Record<BoykoSymptomKey, BoykoLevel | null> = {
    1: sl(0), 2: sl(1), 3: sl(2), 4: sl(3), 5: sl(4), 6: sl(5),
    7: sl(6), 8: sl(7), 9: sl(8), 10: sl(9), 11: sl(10), 12: sl(11),
  };
  const dominant: number[] = [];
  phaseSums.fill(0);
  phaseGaps.fill(0);
  for (let s = 0; s < BOYKO_SYMPTOM_COUNT; s++) {
    const p = SYMPTOM_PHASE[s];
    if (gaps[s]) phaseGaps[p] = 1;
    else {
      phaseSums[p] += sums[s];
      if (sums[s] >= DOMINANT_MIN) dominant.push(s + 1);
    }
  }
  const phases: Record<BoykoPhaseKey, number | null> = { 1: ph(0), 2: ph(1), 3: ph(2) };
  const phaseLevels: Record<BoykoPhaseKey, BoykoLevel | null> = { 1: pl(0), 2: pl(1), 3: pl(2) };
  const total = missingCount > 0 ? null : phaseSums[0] + phaseSums[1] + phaseSums[2];
  return {
    status: missingCount > 0 ? 'incomplete' : 'ok',
    missing,
    symptoms,
    phases,
    total,
    symptomLevels,
    dominant,
    phaseLevels,
    unreadable,
    profile,
    profileMissing,
    instrument: 'boyko',
    version: BOYKO.version,
  };
}

/** Scores one response given as answer texts by item key ('b1'…'b84' and the profile). */
export function scoreBoykoAnswers(answers: Answers): BoykoScore {
  for (let i = 0; i < BOYKO_ITEM_COUNT; i++) codesScratch[i] = readYesNoCode(answers[ITEM_KEYS[i]]);
  const { profile, profileMissing } = readProfile(answers);
  return scoreBoyko(codesScratch, profile, profileMissing);
}

// --- aggregation

export interface BoykoGroupStats {
  total: { mean: number | null; median: number | null };
  phases: Record<BoykoPhaseKey, { mean: number | null; median: number | null; levels: Distribution }>;
  symptoms: Record<BoykoSymptomKey, { mean: number | null; levels: Distribution; dominant: Share }>;
  /** Respondents with at least one formed phase: the "high burnout" count. */
  anyPhaseFormed: Share;
}

const SYMPTOM_KEYS = Array.from({ length: BOYKO_SYMPTOM_COUNT }, (_, s) => String(s + 1) as BoykoSymptomKey);
const PHASE_KEYS: BoykoPhaseKey[] = ['1', '2', '3'];

/** Statistics of complete responses (callers pass `status === 'ok'` ones; see boykoBreakdown). */
export function boykoStats(scores: readonly BoykoScore[]): BoykoGroupStats {
  const phases = {} as BoykoGroupStats['phases'];
  for (const key of PHASE_KEYS) {
    phases[key] = {
      mean: mean(scores.map((s) => s.phases[key])),
      median: median(scores.map((s) => s.phases[key])),
      levels: distribution(scores.map((s) => s.phaseLevels[key]), BOYKO_LEVELS),
    };
  }
  const symptoms = {} as BoykoGroupStats['symptoms'];
  for (const key of SYMPTOM_KEYS) {
    const id = Number(key);
    symptoms[key] = {
      mean: mean(scores.map((s) => s.symptoms[key])),
      levels: distribution(scores.map((s) => s.symptomLevels[key]), BOYKO_LEVELS),
      dominant: shareOf(scores, (s) => (s.symptoms[key] === null ? null : s.dominant.includes(id))),
    };
  }
  return {
    total: { mean: mean(scores.map((s) => s.total)), median: median(scores.map((s) => s.total)) },
    phases,
    symptoms,
    anyPhaseFormed: shareOf(scores, (s) => PHASE_KEYS.some((key) => s.phaseLevels[key] === 'formed')),
  };
}

/**
 * Burnout per group under the privacy rule. Only complete responses are summarised (an
 * incomplete one has no total); how many were incomplete is reported beside, as a count.
 */
export function boykoBreakdown(
  scores: readonly BoykoScore[],
  by: GroupKey<BoykoScore> | null,
  k: number = PRIVACY_K,
): Breakdown<BoykoGroupStats> & { incomplete: number } {
  const complete = scores.filter((s) => s.status === 'ok');
  return { ...breakdown(complete, by, boykoStats, k), incomplete: scores.length - complete.length };
}
