import {
  breakdown, distribution, GROUP_KEYS, Groupable, groupBy, mean, median, PRIVACY_K, share, shareOf, summarize,
} from '../../src/core/aggregate';

describe('shares, means, medians', () => {
  test('share keeps numerator and denominator; nothing to divide by gives null', () => {
    expect(share(3, 12)).toEqual({ numerator: 3, denominator: 12, value: 0.25 });
    expect(share(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  test('shareOf leaves undecided items out of the denominator', () => {
    expect(shareOf([true, false, null, true, undefined], (x) => x)).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });

  test('mean and median ignore missing values', () => {
    expect(mean([1, 2, null, 6, undefined])).toBe(3);
    expect(mean([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, null, 1, 3, 2])).toBe(2.5);
    expect(median([null])).toBeNull();
  });

  test('distribution lists every band, zeros included; unknown codes counted apart; nulls not counted', () => {
    const d = distribution(['formed', 'forming', 'formed', null, 'weird'], ['not_formed', 'forming', 'formed']);
    expect(d.n).toBe(4);
    expect(d.other).toBe(1);
    expect(d.bands).toEqual({
      not_formed: { numerator: 0, denominator: 4, value: 0 },
      forming: { numerator: 1, denominator: 4, value: 0.25 },
      formed: { numerator: 2, denominator: 4, value: 0.5 },
    });
  });
});

describe('groupBy', () => {
  test('groups by key in Russian order, respondents without a key last', () => {
    const groups = groupBy(['Яблоня:1', 'Берёза:2', ':3', 'Берёза:4', 'Акация:5'], (s) => s.split(':')[0] || null);
    expect(groups.map((g) => [g.key, g.items.length])).toEqual([['Акация', 1], ['Берёза', 2], ['Яблоня', 1], [null, 1]]);
  });

  test('standard dimensions read the profile and an attached period', () => {
    const r: Groupable = { profile: { school: 'S', subject: 'M', ageBand: '25_34', experienceBand: '0_3' }, period: '2025-03' };
    expect([GROUP_KEYS.school(r), GROUP_KEYS.subject(r), GROUP_KEYS.ageBand(r), GROUP_KEYS.experienceBand(r), GROUP_KEYS.period(r)])
      .toEqual(['S', 'M', '25_34', '0_3', '2025-03']);
  });
});

describe('privacy threshold', () => {
  const group = (key: string, n: number) => ({ key, items: Array.from({ length: n }, (_, i) => i + 1) });
  const sum = (items: readonly number[]) => items.reduce((a, b) => a + b, 0);

  test('default k is 5', () => {
    expect(PRIVACY_K).toBe(5);
  });

  test('a group of k is shown, a group of k − 1 is suppressed without numbers or size', () => {
    // B and C together hide 5 people, so no other group needs to go.
    const [shown, hidden, tiny] = summarize([group('A', 5), group('B', 4), group('C', 1)], sum);
    expect(shown).toEqual({ key: 'A', suppressed: false, n: 5, value: 15 });
    expect(hidden).toEqual({ key: 'B', suppressed: true, reason: 'below_k', n: null, value: null });
    expect(tiny).toEqual({ key: 'C', suppressed: true, reason: 'below_k', n: null, value: null });
  });

  test('complementary suppression: the hidden groups together always hold at least k', () => {
    const result = summarize([group('A', 10), group('B', 6), group('C', 2)], sum);
    expect(result.map((r) => (r.suppressed ? r.reason : 'shown'))).toEqual(['shown', 'complementary', 'below_k']);
    // Two small groups that already hide 6 people need no further suppression.
    const enough = summarize([group('A', 10), group('B', 3), group('C', 3)], sum);
    expect(enough.map((r) => (r.suppressed ? r.reason : 'shown'))).toEqual(['shown', 'below_k', 'below_k']);
  });

  test('compute never sees a small group', () => {
    const seen: number[] = [];
    summarize([group('A', 2), group('B', 6), group('C', 9)], (items) => seen.push(items.length));
    expect(seen).toEqual([9]);
  });

  test('k is configurable', () => {
    expect(summarize([group('A', 3)], sum, 3)[0].suppressed).toBe(false);
    expect(summarize([group('A', 9)], sum, 10)[0].suppressed).toBe(true);
  });

  test('breakdown: overall under the same rule, groups by key', () => {
    const items = ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'B'].map((school, i) => ({ school, v: i }));
    const result = breakdown(items, (x) => x.school, (xs) => mean(xs.map((x) => x.v)));
    expect(result.overall).toEqual({ key: null, suppressed: false, n: 8, value: 3.5 });
    expect(result.groups.map((g) => g.suppressed)).toEqual([true, true]);
    expect(breakdown(items.slice(0, 4), null, (xs) => xs.length).overall.suppressed).toBe(true);
    expect(breakdown(items, null, (xs) => xs.length).groups).toEqual([]);
  });
});
