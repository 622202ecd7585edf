import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bandOf, instrumentItems, MENTORING, SATISFACTION_BANDS } from '../../../src/core/instruments';
import { mentoringBreakdown, MentoringScore, scoreMentoring, scoreResponse, surveyMeasures } from '../../../src/core/scoring';

interface Reference {
  recalled_unverified: {
    anketa_nastavlyaemogo: { rating_1_10: string[] };
    anketa_nastavnika: { rating_1_10: string[] };
  };
}
const reference = JSON.parse(readFileSync(join(__dirname, '../../fixtures/reference/mentoring.json'), 'utf8')) as Reference;

const titleOf = (key: string) => instrumentItems(MENTORING).find((i) => i.key === key)?.title.ru;

function mentee(ratings: number[], extra: Record<string, string | undefined> = {}) {
  const [comfort, group, personal, joint, expectations] = ratings.map(String);
  return {
    'profile.school': 'Школа 1',
    'mentoring.seenBefore': 'Нет',
    'mentoring.role': 'Наставляемый',
    'mentee.comfort': comfort,
    'mentee.becomeMentor': 'Да',
    'mentoring.groupMeetings': group,
    'mentoring.personalMeetings': personal,
    'mentoring.jointWork': joint,
    'mentoring.expectations': expectations,
    'mentoring.liked': 'Да',
    'mentoring.continue': 'Нет',
    'mentoring.valuable': 'Личная беседа с Ивановой И.И.',
    ...extra,
  };
}

function mentor(ratings: number[], extra: Record<string, string | undefined> = {}) {
  const keys = MENTORING.ratingKeys.mentor;
  const answers: Record<string, string | undefined> = {
    'profile.school': 'Школа 1',
    'mentoring.seenBefore': 'Yes',
    'mentoring.role': 'mentor',
    'mentoring.liked': 'yes',
    'mentoring.continue': 'YES',
  };
  keys.forEach((key, i) => (answers[key] = String(ratings[i])));
  return { ...answers, ...extra };
}

describe('mentoring definition', () => {
  test('the role question routes to the mentee or the mentor page, both continue to the common page', () => {
    const role = instrumentItems(MENTORING).find((i) => i.key === 'mentoring.role');
    expect(role?.kind === 'choice' && role.choices?.map((c) => [c.value, c.goTo])).toEqual([
      ['mentee', 'mentee'],
      ['mentor', 'mentor'],
    ]);
    const sections = Object.fromEntries(MENTORING.sections.map((s) => [s.id, s]));
    expect(sections.mentee.next).toBe('common');
    expect(sections.mentor.next).toBe('common');
    expect(sections.common.next).toBe('submit');
  });

  test('rating questions are those of the Ministry-style questionnaires: 5 for mentees, 9 for mentors', () => {
    expect(MENTORING.ratingKeys.mentee.map(titleOf).sort()).toEqual([...reference.recalled_unverified.anketa_nastavlyaemogo.rating_1_10].sort());
    expect(MENTORING.ratingKeys.mentor.map(titleOf).sort()).toEqual([...reference.recalled_unverified.anketa_nastavnika.rating_1_10].sort());
  });
});

describe('mentoring scoring', () => {
  test('index = mean rating rescaled to 0–100', () => {
    expect(scoreMentoring(mentee([10, 10, 10, 10, 10])).index).toBe(100);
    expect(scoreMentoring(mentee([1, 1, 1, 1, 1])).index).toBe(0);
    const s = scoreMentoring(mentee([8, 6, 9, 7, 10])); // mean 8 → (8 − 1) / 9 = 77.78 %
    expect(s).toMatchObject({ status: 'ok', role: 'mentee', meanRating: 8, index: 77.78, indexBand: 'high' });
    expect(s.ratings['mentee.comfort']).toBe(8);
    expect(s.ratings['mentor.planning']).toBeNull();
    expect(s.facts).toEqual({
      'mentoring.seenBefore': false, 'mentee.becomeMentor': true, 'mentoring.liked': true, 'mentoring.continue': false,
    });
  });

  test('mentors are scored on their nine ratings, answers in English', () => {
    const s = scoreMentoring(mentor([10, 9, 8, 7, 6, 5, 4, 3, 2])); // mean 6 → 5 / 9 = 55.56 %
    expect(s).toMatchObject({ status: 'ok', role: 'mentor', meanRating: 6, index: 55.56, indexBand: 'medium' });
    expect(s.facts['mentee.becomeMentor']).toBeNull();
    expect(s.facts['mentoring.seenBefore']).toBe(true);
  });

  test('open answers are not carried into the score', () => {
    const s = scoreMentoring(mentee([5, 5, 5, 5, 5]));
    expect(JSON.stringify(s)).not.toContain('Иванов');
    expect(JSON.stringify(s)).not.toContain('valuable');
  });

  test('a missing or unreadable rating of the own branch makes the response incomplete', () => {
    const s = scoreMentoring(mentee([5, 5, 5, 5, 5], { 'mentoring.jointWork': '', 'mentee.comfort': '11' }));
    expect(s).toMatchObject({ status: 'incomplete', index: null, indexBand: null, meanRating: null });
    expect(s.missing).toEqual(['mentee.comfort', 'mentoring.jointWork']);
    expect(s.unreadable).toEqual(['mentee.comfort']);
    // The other branch's empty answers are not missing.
    expect(s.missing).not.toContain('mentor.planning');
  });

  test('without a readable role the response is incomplete', () => {
    const s = scoreMentoring(mentee([5, 5, 5, 5, 5], { 'mentoring.role': 'Куратор' }));
    expect(s).toMatchObject({ status: 'incomplete', role: null, missing: ['mentoring.role'], unreadable: ['mentoring.role'] });
  });

  test('band boundaries of the satisfaction index', () => {
    expect(bandOf(0, SATISFACTION_BANDS)).toBe('low');
    expect(bandOf(49.99, SATISFACTION_BANDS)).toBe('low');
    expect(bandOf(50, SATISFACTION_BANDS)).toBe('medium');
    expect(bandOf(74.99, SATISFACTION_BANDS)).toBe('medium');
    expect(bandOf(75, SATISFACTION_BANDS)).toBe('high');
    expect(bandOf(100, SATISFACTION_BANDS)).toBe('high');
  });

  test('measures for the indicators', () => {
    expect(surveyMeasures(scoreResponse(MENTORING, mentee([10, 10, 10, 10, 10])))).toEqual({ index_mentee: 100, index_mentor: null });
    expect(surveyMeasures(scoreResponse(MENTORING, mentor([1, 1, 1, 1, 1, 1, 1, 1, 1])))).toEqual({ index_mentee: null, index_mentor: 0 });
  });
});

describe('mentees and mentors side by side', () => {
  const at = (school: string, s: MentoringScore): MentoringScore => ({ ...s, profile: { ...s.profile, school } });

  test('per-item means per role; a side below k is suppressed on its own', () => {
    const scores = [
      ...[10, 8, 6, 4, 2].map((r) => at('A', scoreMentoring(mentee([r, r, r, r, r])))),
      ...[9, 9, 9, 9, 9, 9].map((r) => at('B', scoreMentoring(mentee([r, r, r, r, r])))),
      ...[7, 7, 7, 7, 7].map((r) => at('A', scoreMentoring(mentor([r, r, r, r, r, r, r, r, r])))),
      at('B', scoreMentoring(mentor([1, 1, 1, 1, 1, 1, 1, 1, 1]))),
      at('B', scoreMentoring(mentor([2, 2, 2, 2, 2, 2, 2, 2, 2]))),
      at('B', scoreMentoring(mentee([5, 5, 5, 5, 5], { 'mentoring.role': '' }))),
    ];
    const result = mentoringBreakdown(scores, (s) => s.profile.school);
    expect(result.incomplete).toBe(1);
    const { overall, groups } = result;
    if (overall.mentee.suppressed || overall.mentor.suppressed) throw new Error('overall must be shown');
    expect(overall.mentee.n).toBe(11);
    expect(overall.mentor.n).toBe(7);
    expect(overall.mentee.value.itemMeans['mentee.comfort']).toBeCloseTo((10 + 8 + 6 + 4 + 2 + 9 * 6) / 11);
    expect(overall.mentor.value.itemMeans['mentor.planning']).toBeCloseTo((7 * 5 + 1 + 2) / 7);
    expect(Object.keys(overall.mentor.value.itemMeans)).toEqual(MENTORING.ratingKeys.mentor);
    const [a, b] = groups;
    expect(a.key).toBe('A');
    expect(a.mentee.suppressed).toBe(false);
    if (a.mentee.suppressed) throw new Error('unreachable');
    expect(a.mentee.value.index.mean).toBeCloseTo((100 + 77.78 + 55.56 + 33.33 + 11.11) / 5, 1);
    expect(a.mentee.value.index.median).toBe(55.56);
    expect(a.mentee.value.facts['mentoring.continue']).toEqual({ numerator: 0, denominator: 5, value: 0 });
    // B has 6 mentees but only 2 mentors: the mentors' ratings are not shown; nor is A's
    // mentor side any longer, or overall − A would give B's two mentors back.
    expect(b.mentee.suppressed).toBe(false);
    expect(b.mentor).toEqual({ key: 'B', suppressed: true, reason: 'below_k', n: null, value: null });
    expect(a.mentor).toEqual({ key: 'A', suppressed: true, reason: 'complementary', n: null, value: null });
  });
});
