import { instrumentItems, NETWORK } from '../../../src/core/instruments';
import { networkBreakdown, NetworkScore, scoreNetwork, surveyMeasures } from '../../../src/core/scoring';

function member(ratings: number[], extra: Record<string, string | undefined> = {}) {
  const answers: Record<string, string | undefined> = {
    'profile.school': 'Школа 1',
    'network.member': 'Да',
    'network.forms': 'Районное (межшкольное) методическое объединение, Сетевой проект',
    'network.frequency': 'Не реже раза в месяц',
    'network.shared': 'Да',
    'network.techMastery': '4',
    'network.suggestions': 'Больше встреч',
  };
  NETWORK.ratingKeys.forEach((key, i) => (answers[key] = String(ratings[i])));
  return { ...answers, ...extra };
}

const nonMember = (extra: Record<string, string | undefined> = {}) => ({
  'profile.school': 'Школа 1',
  'network.member': 'Нет',
  'network.barriers': 'Не хватает времени; Другая причина',
  'network.wantsToJoin': 'Нет',
  ...extra,
});

describe('network definition', () => {
  test('participants go to the forms and satisfaction pages, others to the reasons page', () => {
    const memberItem = instrumentItems(NETWORK).find((i) => i.key === 'network.member');
    expect(memberItem?.kind === 'yesno' && memberItem.choices.map((c) => [c.value, c.goTo])).toEqual([
      ['yes', 'forms'],
      ['no', 'nonMember'],
    ]);
    expect(NETWORK.sections.find((s) => s.id === 'satisfaction')?.next).toBe('submit');
    expect(NETWORK.ratingKeys).toHaveLength(6);
  });
});

describe('network scoring', () => {
  test.each([
    [[5, 5, 5, 5, 5, 5], 100, 'high'],
    [[1, 1, 1, 1, 1, 1], 0, 'low'],
    [[4, 4, 4, 4, 4, 4], 75, 'high'], // mean 4 → (4 − 1) / 4: the lower edge of "high"
    [[3, 3, 3, 3, 3, 3], 50, 'medium'], // mean 3: the lower edge of "medium"
    [[3, 3, 3, 3, 3, 2], 45.83, 'low'], // mean 17/6 → 45.83
    [[4, 4, 4, 4, 4, 3], 70.83, 'medium'],
  ])('ratings %j give index %d (%s)', (ratings, index, band) => {
    const s = scoreNetwork(member(ratings));
    expect(s).toMatchObject({ status: 'ok', member: true, index, indexBand: band });
  });

  test('participant facts, forms and the technology-mastery score', () => {
    const s = scoreNetwork(member([5, 4, 3, 2, 1, 3]));
    expect(s).toMatchObject({
      forms: ['association', 'project'], frequency: 'monthly', shared: true, techMastery: 75, meanRating: 3,
      barriers: null, wantsToJoin: null,
    });
    expect(surveyMeasures(s)).toEqual({ member: true, index: 50, tech_mastery: 75 });
  });

  test('non-participants give reasons, have no index and are complete without ratings', () => {
    const s = scoreNetwork(nonMember());
    expect(s).toMatchObject({ status: 'ok', member: false, index: null, barriers: ['noTime', 'other'], wantsToJoin: false });
  });

  test('an unknown checkbox option or an out-of-range rating is unreadable', () => {
    const s = scoreNetwork(member([5, 5, 5, 5, 5, 6], { 'network.forms': 'Сетевой проект, Вебинар' }));
    expect(s.status).toBe('incomplete');
    expect(s.unreadable).toEqual(['network.forms', 'network.overall']);
    expect(s.index).toBeNull();
  });

  test('without the participation answer nothing else is required, but the response is incomplete', () => {
    const s = scoreNetwork(member([5, 5, 5, 5, 5, 5], { 'network.member': undefined }));
    expect(s).toMatchObject({ status: 'incomplete', missing: ['network.member'], member: null, index: null });
  });
});

describe('network aggregation', () => {
  const at = (school: string, s: NetworkScore): NetworkScore => ({ ...s, profile: { ...s.profile, school } });

  test('participation over everyone; satisfaction over participants, each under the privacy rule', () => {
    const scores = [
      ...Array.from({ length: 5 }, (_, i) => at('A', scoreNetwork(member([i + 1, i + 1, i + 1, i + 1, i + 1, i + 1])))),
      ...Array.from({ length: 3 }, () => at('A', scoreNetwork(nonMember()))),
      at('B', scoreNetwork(member([5, 5, 5, 5, 5, 5]))),
      ...Array.from({ length: 5 }, () => at('B', scoreNetwork(nonMember({ 'network.wantsToJoin': 'Да' })))),
    ];
    const result = networkBreakdown(scores, (s) => s.profile.school);
    const [pa, pb] = result.participation.groups;
    if (pa.suppressed || pb.suppressed) throw new Error('both schools have enough respondents');
    expect(pa.value.members).toEqual({ numerator: 5, denominator: 8, value: 5 / 8 });
    expect(pb.value.members).toEqual({ numerator: 1, denominator: 6, value: 1 / 6 });
    const [ma, mb] = result.participants.groups;
    // B's single participant: the ratings of one person are never shown; A goes too, or
    // the overall minus A would give B's participant back.
    expect(mb).toMatchObject({ key: 'B', suppressed: true, reason: 'below_k' });
    expect(ma).toMatchObject({ key: 'A', suppressed: true, reason: 'complementary' });
    const overall = result.participants.overall;
    if (overall.suppressed) throw new Error('6 participants overall');
    expect(overall.value.index.mean).toBeCloseTo((0 + 25 + 50 + 75 + 100 + 100) / 6);
    expect(overall.value.index.median).toBe(62.5);
    expect(overall.value.forms.project).toEqual({ numerator: 6, denominator: 6, value: 1 });
    expect(overall.value.itemMeans['network.content']).toBeCloseTo((1 + 2 + 3 + 4 + 5 + 5) / 6);
    const others = result.nonParticipants.overall;
    if (others.suppressed) throw new Error('8 non-participants overall');
    expect(others.value.wantsToJoin).toEqual({ numerator: 5, denominator: 8, value: 5 / 8 });
    expect(others.value.barriers.noTime.numerator).toBe(8);
    expect(others.value.barriers.noInfo.numerator).toBe(0);
  });
});
