/**
 * The survey results view for any responses: a hidden group carries no number, a shown
 * one has at least k respondents, the hidden groups of a breakdown together hold at least
 * k (so the overall figure cannot give them back), and the period filter counts only its
 * own responses.
 */
import fc from 'fast-check';
import { MENTORING, DEFICIT_TYPES } from '../../../src/core/instruments';
import { Figure, surveyResultsView } from '../../../src/core/views/survey-results';
import type { ScoredResponse } from '../../../src/core/scoring';

const SCHOOLS = ['Школа 1', 'Школа 2', 'Школа 3', '<img src=x onerror=alert(1)>'];
const SUBJECTS = ['Математика', 'Физика', '=IMPORTXML("x")'];

function mentoring(school: string | null, role: 'mentee' | 'mentor', index: number): ScoredResponse {
  const ratings: Record<string, number | null> = {};
  for (const key of [...MENTORING.ratingKeys.mentee, ...MENTORING.ratingKeys.mentor]) ratings[key] = null;
  for (const key of MENTORING.ratingKeys[role]) ratings[key] = 1 + (index / 100) * 9;
  return {
    instrument: 'mentoring', version: '1', status: 'ok', missing: [], unreadable: [], profileMissing: [],
    profile: { school, subject: null, ageBand: null, experienceBand: null },
    role, index, indexBand: null, meanRating: null, ratings, facts: {},
  } as ScoredResponse;
}

function deficits(subject: string | null, has: boolean[]): ScoredResponse {
  return {
    instrument: 'deficits', version: '1', status: 'ok', missing: [], unreadable: [], profileMissing: [],
    profile: { school: null, subject, ageBand: null, experienceBand: null },
    deficits: Object.fromEntries(DEFICIT_TYPES.map((type, i) => [type, has[i]])), anyDeficit: has.some(Boolean),
    areaMeans: Object.fromEntries(DEFICIT_TYPES.map((type) => [type, null])),
    diagnosedThisYear: null, hasRoute: null, routeFromDiagnostics: null, routeActivities: null,
  } as unknown as ScoredResponse;
}

const shownAtLeastK = (figure: Figure, k: number) => figure.hidden || figure.n >= k;
const noNumber = (figure: Figure) => !figure.hidden || Object.keys(figure).join() === 'hidden';

test('privacy holds for any responses and any threshold', () => {
  fc.assert(fc.property(
    fc.integer({ min: 2, max: 8 }),
    fc.array(fc.record({ school: fc.constantFrom(...SCHOOLS, null), role: fc.constantFrom('mentee' as const, 'mentor' as const), index: fc.integer({ min: 0, max: 100 }) }), { maxLength: 60 }),
    fc.array(fc.record({ subject: fc.constantFrom(...SUBJECTS, null), has: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }) }), { maxLength: 60 }),
    (k, ments, defs) => {
      const scores = [
        ...ments.map((m) => ({ scored: mentoring(m.school, m.role, m.index), submittedAt: '2026-11-02T10:00:00' })),
        ...defs.map((d) => ({ scored: deficits(d.subject, d.has), submittedAt: '2026-11-03T10:00:00' })),
      ];
      const view = surveyResultsView({ scores, periodKind: 'school_year', period: null, privacyThreshold: k });
      const figures: Figure[] = [
        view.mentoring.mentee, view.mentoring.mentor, view.deficits.any,
        ...view.mentoring.schools.flatMap((s) => [s.mentee, s.mentor]),
        ...view.mentoring.items.flatMap((i) => [i.mentee, i.mentor]).filter((f): f is Figure => f !== null),
        ...view.deficits.types.map((t) => t.share), ...view.deficits.subjects.flatMap((s) => s.shares),
      ];
      for (const figure of figures) {
        expect(shownAtLeastK(figure, k)).toBe(true);
        expect(noNumber(figure)).toBe(true);
      }
      // The hidden subjects together are none or at least k: the overall cannot give them back.
      const hiddenSubjects = view.deficits.subjects.filter((s) => s.shares[0].hidden).map((s) => s.subject);
      const hiddenCount = defs.filter((d) => hiddenSubjects.includes(d.subject)).length;
      if (!view.deficits.any.hidden) expect(hiddenCount === 0 || hiddenCount >= k).toBe(true);
      // Mentees' overall figure is the rounded mean of their indices.
      const mentees = ments.filter((m) => m.role === 'mentee');
      if (mentees.length >= k) {
        expect(view.mentoring.mentee).toEqual({ hidden: false, n: mentees.length, value: Math.round((mentees.reduce((a, m) => a + m.index, 0) / mentees.length) * 10) / 10 });
      } else expect(view.mentoring.mentee).toEqual({ hidden: true });
    },
  ), { numRuns: 100 });
});

test('the period filter: the latest by default, each period its own responses, an unknown one falls back', () => {
  const at = (date: string, n: number, index: number) => Array.from({ length: n }, () => ({ scored: mentoring('Школа 1', 'mentee', index), submittedAt: `${date}T10:00:00` }));
  const scores = [...at('2025-10-01', 6, 20), ...at('2026-10-01', 7, 80)];
  const latest = surveyResultsView({ scores, periodKind: 'school_year', period: null, privacyThreshold: 5 });
  expect(latest.periods.map((p) => p.id)).toEqual(['2025/26', '2026/27']);
  expect(latest.period?.id).toBe('2026/27');
  expect(latest.mentoring.mentee).toEqual({ hidden: false, n: 7, value: 80 });
  expect(surveyResultsView({ scores, periodKind: 'school_year', period: '2025/26', privacyThreshold: 5 }).mentoring.mentee).toEqual({ hidden: false, n: 6, value: 20 });
  expect(surveyResultsView({ scores, periodKind: 'school_year', period: '1999/00', privacyThreshold: 5 }).period?.id).toBe('2026/27');
  expect(surveyResultsView({ scores: [], periodKind: 'school_year', period: null, privacyThreshold: 5 }).period).toBeNull();
});
