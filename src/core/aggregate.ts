/**
 * Aggregation of scored responses: shares, means, medians, band distributions, per group
 * (school, subject, age band, experience band, period), with the privacy threshold.
 *
 * Privacy rule. A group of fewer than k respondents (default PRIVACY_K = 5) is
 * suppressed: it is listed by name with `suppressed: true` and no numbers at all — not
 * its statistics and not its size, since "2 respondents at school X" plus a mean is a
 * portrait of two people. Suppressing small groups alone is not enough when the overall
 * figure is also shown: the overall minus the visible groups gives the hidden ones back.
 * So whenever the suppressed groups together hold fewer than k respondents, further
 * groups are suppressed, smallest first, until the hidden part holds at least k
 * (complementary suppression). Differencing across two different breakdowns of the same
 * people (by school and by subject) is not prevented by this; breakdowns by a
 * combination of dimensions should not be published.
 */
import { Profile } from './instruments/profile';

/**
 * The default of the "school with high burnout" setting (Settings.highBurnoutPercent): a
 * school counts as having high burnout when at least this share of its respondents has a
 * formed phase — exactly the threshold counts as high. Seed 001 asks to identify such
 * schools but sets no threshold; half of the staff is this product's default, and the
 * district may set its own.
 */
export const HIGH_BURNOUT_SCHOOL_PERCENT = 50;

/**
 * Whether `part` of `whole` is at least `percent` — exactly the threshold counts. The one
 * rule for "high burnout" (part: respondents with a formed phase): the indicator engine,
 * the Overview's alert and the monthly summary's alert all ask it, on the exact counts (a
 * rounded percentage such as 49.96 → 50.0 must not tip a school over).
 */
export function reachesPercent(part: number, whole: number, percent: number): boolean {
  return whole > 0 && part * 100 >= percent * whole;
}

/**
 * Satisfaction indices run 0–100 (1–10 ratings rescaled); below the middle of the scale
 * the answers lean to dissatisfied. The Overview and the monthly summary both warn below it.
 */
export const LOW_SATISFACTION_INDEX = 50;

export const PRIVACY_K = 5;
/**
 * The thresholds a district may choose: below 2 a group of one would be shown; above 50
 * most schools' groups would vanish. The messages that state the range say 2 and 50.
 */
export const PRIVACY_THRESHOLD_MIN = 2;
export const PRIVACY_THRESHOLD_MAX = 50;

/** Whether `value` is a privacy threshold a district may choose. */
export function isPrivacyThreshold(value: number): boolean {
  return Number.isInteger(value) && value >= PRIVACY_THRESHOLD_MIN && value <= PRIVACY_THRESHOLD_MAX;
}

/** A share with its parts kept visible. `value` is a fraction (0–1), null when nothing to divide by. */
export interface Share {
  numerator: number;
  denominator: number;
  value: number | null;
}

export function share(numerator: number, denominator: number): Share {
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
}

/** Share of items satisfying `test` among those where it is decided (null = not counted). */
export function shareOf<T>(items: readonly T[], test: (item: T) => boolean | null | undefined): Share {
  let numerator = 0;
  let denominator = 0;
  for (const item of items) {
    const result = test(item);
    if (result === null || result === undefined) continue;
    denominator++;
    if (result) numerator++;
  }
  return share(numerator, denominator);
}

function present(values: Iterable<number | null | undefined>): number[] {
  const out: number[] = [];
  for (const value of values) if (typeof value === 'number' && Number.isFinite(value)) out.push(value);
  return out;
}

/** Arithmetic mean of the values present; null when there are none. */
export function mean(values: Iterable<number | null | undefined>): number | null {
  const xs = present(values);
  if (xs.length === 0) return null;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Median of the values present (mean of the middle two for an even count); null when none. */
export function median(values: Iterable<number | null | undefined>): number | null {
  const xs = present(values).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

export interface Distribution {
  /** Values counted (nulls are not). */
  n: number;
  /** Every band, in the order given, with its share of n. */
  bands: Record<string, Share>;
  /** Values that are none of the bands; counted in n. */
  other: number;
}

/** How many values fall in each band code; every band is listed, zeros included. */
export function distribution(values: Iterable<string | null | undefined>, bands: readonly string[]): Distribution {
  const counts = new Map<string, number>(bands.map((band) => [band, 0]));
  let n = 0;
  let other = 0;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    n++;
    const count = counts.get(value);
    if (count === undefined) other++;
    else counts.set(value, count + 1);
  }
  const result: Record<string, Share> = {};
  for (const band of bands) result[band] = share(counts.get(band) ?? 0, n);
  return { n, bands: result, other };
}

export interface Group<T> {
  /** null: the respondents who did not say (e.g. no school given). */
  key: string | null;
  items: T[];
}

/** Groups items by key, sorted by key (Russian collation), the null group last. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | null | undefined): Group<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const k = key(item) ?? null;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()]
    .map(([k, list]) => ({ key: k, items: list }))
    .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key, 'ru')));
}

export type Summary<S> =
  | { key: string | null; suppressed: false; n: number; value: S }
  | { key: string | null; suppressed: true; reason: 'below_k' | 'complementary'; n: null; value: null };

function suppressed<S>(key: string | null, reason: 'below_k' | 'complementary'): Summary<S> {
  return { key, suppressed: true, reason, n: null, value: null };
}

/**
 * Summarises each group with `compute`, suppressing groups as the privacy rule says.
 * `compute` only ever sees groups of at least k.
 */
export function summarize<T, S>(
  groups: readonly Group<T>[],
  compute: (items: readonly T[]) => S,
  k: number = PRIVACY_K,
): Summary<S>[] {
  const hidden = new Set<number>();
  let hiddenTotal = 0;
  groups.forEach((group, index) => {
    if (group.items.length < k) {
      hidden.add(index);
      hiddenTotal += group.items.length;
    }
  });
  const complementary = new Set<number>();
  if (hidden.size > 0 && hiddenTotal < k) {
    const rest = groups
      .map((group, index) => ({ index, n: group.items.length }))
      .filter(({ index }) => !hidden.has(index))
      .sort((a, b) => a.n - b.n);
    for (const { index, n } of rest) {
      if (hiddenTotal >= k) break;
      complementary.add(index);
      hiddenTotal += n;
    }
  }
  return groups.map((group, index) => {
    if (hidden.has(index)) return suppressed<S>(group.key, 'below_k');
    if (complementary.has(index)) return suppressed<S>(group.key, 'complementary');
    return { key: group.key, suppressed: false, n: group.items.length, value: compute(group.items) };
  });
}

/** A whole population and its groups, each summarised under the privacy rule. */
export interface Breakdown<S> {
  overall: Summary<S>;
  groups: Summary<S>[];
}

/** The key of a group; `by` null means no breakdown (overall only). */
export type GroupKey<T> = (item: T) => string | null | undefined;

export function breakdown<T, S>(
  items: readonly T[],
  by: GroupKey<T> | null,
  compute: (items: readonly T[]) => S,
  k: number = PRIVACY_K,
): Breakdown<S> {
  const [overall] = summarize([{ key: null, items: [...items] }], compute, k);
  return { overall, groups: by ? summarize(groupBy(items, by), compute, k) : [] };
}

export type GroupDimension = 'school' | 'subject' | 'ageBand' | 'experienceBand' | 'period';

/** What the standard dimensions read: the profile, and a period the caller attaches. */
export interface Groupable {
  profile: Profile;
  period?: string | null;
}

export const GROUP_KEYS: Readonly<Record<GroupDimension, GroupKey<Groupable>>> = {
  school: (r) => r.profile.school,
  subject: (r) => r.profile.subject,
  ageBand: (r) => r.profile.ageBand,
  experienceBand: (r) => r.profile.experienceBand,
  period: (r) => r.period,
};

/** Rounds for display and JSON: 2 decimals unless told otherwise. */
export function round(value: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
