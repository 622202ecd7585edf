/** What every scored response has, and rules shared by several instruments. */
import { round } from '../aggregate';
import { InstrumentId } from '../instruments/types';
import { Profile, ProfileKey } from '../instruments/profile';

export type ScoreStatus = 'ok' | 'incomplete';

/**
 * Common fields. A response with a missing or unreadable answer to a scored item is
 * `incomplete`: it is kept, lists the items, and its affected scores are null — never
 * computed as if the answer had been something else.
 */
export interface ScoredBase<Id extends InstrumentId, ItemId extends number | string> {
  status: ScoreStatus;
  /** Scored items without a usable answer (missing or unreadable). */
  missing: ItemId[];
  /** The subset of `missing` that had an answer no option matches (e.g. "Может быть"). */
  unreadable: ItemId[];
  profile: Profile;
  /** Profile questions without a usable answer; they do not make a response incomplete. */
  profileMissing: ProfileKey[];
  instrument: Id;
  version: string;
}

/**
 * Satisfaction index of a set of ratings on a min..max scale: the mean rescaled to
 * 0–100 (percent of the scale's range: all lowest = 0, all highest = 100), 2 decimals.
 * Our own convention, chosen so that scales of different length (1–10, 1–5) read alike.
 */
export function satisfactionIndex(ratings: readonly number[], min: number, max: number): number | null {
  if (ratings.length === 0) return null;
  let sum = 0;
  for (const r of ratings) sum += r;
  return round(((sum / ratings.length - min) / (max - min)) * 100);
}

export function meanRating(ratings: readonly number[]): number | null {
  if (ratings.length === 0) return null;
  let sum = 0;
  for (const r of ratings) sum += r;
  return round(sum / ratings.length);
}
