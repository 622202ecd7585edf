import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOYKO, BOYKO_ITEM_COUNT, boykoItemKey, instrumentItems, itemAliases } from '../../../src/core/instruments';
import {
  boykoBreakdown, BoykoScore, scoreBoyko, scoreBoykoAnswers, scoreResponse, surveyMeasures,
} from '../../../src/core/scoring';

/** The project's reference, copied verbatim from reference/boyko.json. */
interface Reference {
  instruction: string;
  items: { n: number; text: string; source_variants?: Record<string, string> }[];
  phases: { id: number; max: number; symptoms: { id: number; max: number; key: { item: number; answer: string; points: number }[] }[] }[];
  thresholds: { symptom: { min: number; max: number | null }[]; symptom_dominant: { min: number }; phase: { min: number; max: number | null }[] };
  total_max: number;
}
const reference = JSON.parse(readFileSync(join(__dirname, '../../fixtures/reference/boyko.json'), 'utf8')) as Reference;

const Y = 1;
const N = 2;
const codes = (f: (n: number) => number) => Array.from({ length: BOYKO_ITEM_COUNT }, (_, i) => f(i + 1));
const texts = (f: (n: number) => string | undefined) => {
  const answers: Record<string, string | undefined> = {};
  for (let n = 1; n <= BOYKO_ITEM_COUNT; n++) answers[boykoItemKey(n)] = f(n);
  return answers;
};

describe('Boyko definition matches the reference', () => {
  test('84 items with the reference wording, numbered titles and every published variant as an alias', () => {
    const items = instrumentItems(BOYKO).filter((item) => item.number !== undefined);
    expect(items).toHaveLength(84);
    for (const ref of reference.items) {
      const item = items[ref.n - 1];
      expect(item.number).toBe(ref.n);
      expect(item.key).toBe(`b${ref.n}`);
      expect(item.title.ru).toBe(`${ref.n}. ${ref.text}`);
      expect(item.title.en.startsWith(`${ref.n}. `)).toBe(true);
      for (const variant of Object.values(ref.source_variants ?? {})) expect(itemAliases(item)).toContain(variant);
    }
  });

  test('instruction is the reference text', () => {
    expect(BOYKO.instruction.ru).toBe(reference.instruction);
  });

  test('key, maxima and thresholds are the reference ones (item 11 = 5 points, as published)', () => {
    const ours = BOYKO.phases.map((p) => ({
      id: p.id,
      max: p.max,
      symptoms: p.symptoms.map((s) => ({
        id: s.id,
        max: s.max,
        key: s.key.map(([item, answer, points]) => ({ item, answer, points })),
      })),
    }));
    const theirs = reference.phases.map((p) => ({
      id: p.id,
      max: p.max,
      symptoms: p.symptoms.map((s) => ({ id: s.id, max: s.max, key: s.key })),
    }));
    expect(ours).toEqual(theirs);
    expect(BOYKO.phases[2].symptoms[2].key[0]).toEqual([11, 'yes', 5]);
    expect(BOYKO.totalMax).toBe(reference.total_max);
    expect(BOYKO.bands.symptom.map((b) => [b.min, b.max])).toEqual(reference.thresholds.symptom.map((t) => [t.min, t.max]));
    expect(BOYKO.bands.phase.map((b) => [b.min, b.max])).toEqual(reference.thresholds.phase.map((t) => [t.min, t.max]));
    expect(BOYKO.bands.dominantMin).toBe(reference.thresholds.symptom_dominant.min);
  });

  test('every item is keyed exactly once, in symptom ((n − 1) mod 12) + 1', () => {
    const seen = new Map<number, number>();
    for (const phase of BOYKO.phases) {
      for (const symptom of phase.symptoms) {
        for (const [item] of symptom.key) {
          expect(seen.has(item)).toBe(false);
          seen.set(item, symptom.id);
          expect(symptom.id).toBe(((item - 1) % 12) + 1);
        }
      }
    }
    expect(seen.size).toBe(84);
  });

  test('maxima follow from the key: every symptom 30 except 11 (33), phases 120/120/123, total 363', () => {
    const max = scoreBoyko(codes((n) => {
      const entry = BOYKO.phases.flatMap((p) => p.symptoms).flatMap((s) => s.key).find(([item]) => item === n);
      return entry?.[1] === 'yes' ? Y : N;
    }));
    expect(max.symptoms).toEqual({ 1: 30, 2: 30, 3: 30, 4: 30, 5: 30, 6: 30, 7: 30, 8: 30, 9: 30, 10: 30, 11: 33, 12: 30 });
    expect(max.phases).toEqual({ 1: 120, 2: 120, 3: 123 });
    expect(max.total).toBe(363);
  });

  test('seven pages of twelve items, each page holding one statement of every symptom', () => {
    const pages = BOYKO.sections.slice(1);
    expect(BOYKO.sections[0].id).toBe('profile');
    expect(pages).toHaveLength(7);
    pages.forEach((page, p) => {
      expect(page.items.map((i) => i.number)).toEqual(Array.from({ length: 12 }, (_, i) => p * 12 + i + 1));
      const symptoms = page.items.map((i) => (((i.number as number) - 1) % 12) + 1).sort((a, b) => a - b);
      expect(symptoms).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    });
    expect(BOYKO.anonymous).toBe(true);
  });
});

describe('Boyko golden cases, worked by hand from the key', () => {
  test('all "Да"', () => {
    const s = scoreBoyko(codes(() => Y));
    // 1: 1(2)+13(3)+25(2)+49(10)+61(5)=22   2: 14(2)+26(2)+62(5)+74(3)=12
    // 3: 3(10)+15(5)+27(2)+39(2)+51(5)+63(1)=25   4: 2+3+5+5+10+2+3=30
    // 5: 5(5)+29(10)+41(2)+53(2)+65(3)+77(5)=27   6: 6(10)+30(3)+42(5)+54(2)+66(2)=22
    // 7: 7(2)+19(10)+43(5)+55(3)+67(3)=23   8: 8(5)+20(5)+32(2)+56(3)+68(3)+80(10)=28
    // 9: 9(3)+21(2)+33(5)+57(3)+81(2)=15   10: 10(2)+22(3)+46(3)+58(5)+70(5)+82(10)=28
    // 11: 5+3+3+5+5+2+10=33   12: 3+2+5+3+2+10+5=30
    expect(s.status).toBe('ok');
    expect(s.missing).toEqual([]);
    expect(s.symptoms).toEqual({ 1: 22, 2: 12, 3: 25, 4: 30, 5: 27, 6: 22, 7: 23, 8: 28, 9: 15, 10: 28, 11: 33, 12: 30 });
    expect(s.phases).toEqual({ 1: 89, 2: 100, 3: 106 });
    expect(s.total).toBe(295);
    expect(s.symptomLevels).toEqual({
      1: 'formed', 2: 'forming', 3: 'formed', 4: 'formed', 5: 'formed', 6: 'formed',
      7: 'formed', 8: 'formed', 9: 'forming', 10: 'formed', 11: 'formed', 12: 'formed',
    });
    expect(s.dominant).toEqual([1, 3, 4, 5, 6, 7, 8, 10, 11, 12]);
    expect(s.phaseLevels).toEqual({ 1: 'formed', 2: 'formed', 3: 'formed' });
  });

  test('all "Нет"', () => {
    const s = scoreBoyko(codes(() => N));
    // 1: 37(3)+73(5)=8  2: 2(3)+38(10)+50(5)=18  3: 75(5)=5  4: 0  5: 17(3)=3  6: 18(3)+78(5)=8
    // 7: 31(2)+79(5)=7  8: 44(2)=2  9: 45(5)+69(10)=15  10: 34(2)=2  11: 0  12: 0
    expect(s.symptoms).toEqual({ 1: 8, 2: 18, 3: 5, 4: 0, 5: 3, 6: 8, 7: 7, 8: 2, 9: 15, 10: 2, 11: 0, 12: 0 });
    expect(s.phases).toEqual({ 1: 31, 2: 20, 3: 17 });
    expect(s.total).toBe(68); // 295 + 68 = 363: every entry scores on exactly one answer
    expect(s.symptomLevels[2]).toBe('formed');
    expect(s.symptomLevels[9]).toBe('forming');
    expect(s.dominant).toEqual([]);
    expect(s.phaseLevels).toEqual({ 1: 'not_formed', 2: 'not_formed', 3: 'not_formed' });
  });

  test('mixed: odd items "Да", even items "Нет"', () => {
    // Odd items belong to odd symptoms, so odd symptoms score as all-yes, even ones as all-no.
    const s = scoreBoyko(codes((n) => (n % 2 === 1 ? Y : N)));
    expect(s.symptoms).toEqual({ 1: 22, 2: 18, 3: 25, 4: 0, 5: 27, 6: 8, 7: 23, 8: 2, 9: 15, 10: 2, 11: 33, 12: 0 });
    expect(s.phases).toEqual({ 1: 65, 2: 60, 3: 50 }); // 22+18+25+0, 27+8+23+2, 15+2+33+0
    expect(s.total).toBe(175);
    expect(s.phaseLevels).toEqual({ 1: 'formed', 2: 'forming', 3: 'forming' });
    expect(s.dominant).toEqual([1, 3, 5, 7, 11]);
  });

  test('incomplete: a gap is never scored as "Нет"', () => {
    // All "Да" but items 11 (symptom 11) and 40 (symptom 4) unanswered.
    const s = scoreBoykoAnswers(texts((n) => (n === 11 || n === 40 ? undefined : 'Да')));
    expect(s.status).toBe('incomplete');
    expect(s.missing).toEqual([11, 40]);
    expect(s.unreadable).toEqual([]);
    expect(s.symptoms[4]).toBeNull();
    expect(s.symptoms[11]).toBeNull();
    expect(s.symptoms[1]).toBe(22); // untouched symptoms keep their exact score
    expect(s.phases).toEqual({ 1: null, 2: 100, 3: null });
    expect(s.total).toBeNull();
    expect(s.symptomLevels[4]).toBeNull();
    expect(s.phaseLevels).toEqual({ 1: null, 2: 'formed', 3: null });
    expect(s.dominant).toEqual([1, 3, 5, 6, 7, 8, 10, 12]);
  });

  test('an unreadable answer makes the response incomplete and is listed as such', () => {
    const s = scoreBoykoAnswers(texts((n) => (n === 12 ? 'Может быть' : n === 24 ? '   ' : 'Нет')));
    expect(s.status).toBe('incomplete');
    expect(s.missing).toEqual([12, 24]);
    expect(s.unreadable).toEqual([12]);
    expect(s.symptoms[12]).toBeNull();
    expect(s.phases[3]).toBeNull();
  });
});

describe('Boyko answer texts', () => {
  test('Да/Нет/Yes/No in any case with stray spaces score identically', () => {
    const pattern = (n: number) => n % 3 === 0;
    const reference = scoreBoyko(codes((n) => (pattern(n) ? Y : N)));
    const spellings: [string, string][] = [['Да', 'Нет'], ['да', 'нет'], [' ДА ', 'НЕТ  '], ['Yes', 'No'], ['yes', ' NO'], ['yEs ', 'nO']];
    for (const [yes, no] of spellings) {
      const s = scoreBoykoAnswers(texts((n) => (pattern(n) ? yes : no)));
      expect(s).toEqual({ ...reference, profileMissing: s.profileMissing });
    }
  });

  test('the generic entry point and the profile', () => {
    const answers = {
      ...texts(() => 'Да'),
      'profile.school': '  МБОУ СОШ № 1 ',
      'profile.subject': 'Математика',
      'profile.ageBand': '25–34 года',
      'profile.experienceBand': '0-3 years',
    };
    const s = scoreResponse(BOYKO, answers) as BoykoScore;
    expect(s.instrument).toBe('boyko');
    expect(s.version).toBe(BOYKO.version);
    expect(s.total).toBe(295);
    expect(s.profile).toEqual({ school: 'МБОУ СОШ № 1', subject: 'Математика', ageBand: '25_34', experienceBand: '0_3' });
    expect(s.profileMissing).toEqual([]);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

/** Answers making `symptomId` score exactly `target` and every other symptom 0. */
function answersForSymptomScores(targets: Record<number, number>): number[] {
  const out = codes(() => 0);
  for (const phase of BOYKO.phases) {
    for (const symptom of phase.symptoms) {
      const target = targets[symptom.id] ?? 0;
      const key = symptom.key;
      let found = -1;
      for (let mask = 0; mask < 1 << key.length && found < 0; mask++) {
        let sum = 0;
        key.forEach(([, , points], i) => {
          if (mask & (1 << i)) sum += points;
        });
        if (sum === target) found = mask;
      }
      if (found < 0) throw new Error(`symptom ${symptom.id} cannot score ${target}`);
      key.forEach(([item, answer], i) => {
        const scores = (found & (1 << i)) !== 0;
        out[item - 1] = (answer === 'yes') === scores ? Y : N;
      });
    }
  }
  return out;
}

describe('Boyko band boundaries', () => {
  test.each([
    [9, 'not_formed', false],
    [10, 'forming', false],
    [15, 'forming', false],
    [16, 'formed', false],
    [19, 'formed', false],
    [20, 'formed', true],
  ])('symptom score %i is %s (dominant: %s)', (score, level, dominant) => {
    const s = scoreBoyko(answersForSymptomScores({ 1: score }));
    expect(s.symptoms[1]).toBe(score);
    expect(s.symptomLevels[1]).toBe(level);
    expect(s.dominant.includes(1)).toBe(dominant);
  });

  test.each([
    [36, 'not_formed', { 1: 16, 4: 20 }],
    [37, 'forming', { 1: 17, 4: 20 }],
    [60, 'forming', { 1: 30, 4: 30 }],
    [61, 'formed', { 1: 30, 4: 30, 3: 1 }],
  ])('phase score %i is %s', (score, level, symptoms) => {
    const s = scoreBoyko(answersForSymptomScores(symptoms));
    expect(s.phases[1]).toBe(score);
    expect(s.phaseLevels[1]).toBe(level);
  });
});

describe('Boyko aggregation', () => {
  const school = (name: string, pattern: (n: number) => number, count: number): BoykoScore[] =>
    Array.from({ length: count }, () => scoreBoyko(codes(pattern), { school: name, subject: null, ageBand: null, experienceBand: null }));

  test('phase distributions, dominant shares and high-burnout share per school, small schools suppressed', () => {
    const scores = [
      ...school('A', () => Y, 3), // all phases formed
      ...school('A', () => N, 3), // none formed
      ...school('B', (n) => (n % 2 ? Y : N), 5), // phase 1 formed (65), 2 and 3 forming
      ...school('C', () => Y, 2),
      ...school('D', () => N, 3), // C and D hide 5 people together: no further suppression needed
      scoreBoyko(codes((n) => (n === 1 ? 0 : Y))),
    ];
    const result = boykoBreakdown(scores, (s) => s.profile.school);
    expect(result.incomplete).toBe(1);
    expect(result.overall.n).toBe(16);
    const [a, b, c, d] = result.groups;
    expect(a.suppressed).toBe(false);
    if (a.suppressed || b.suppressed) throw new Error('unreachable');
    expect(a.n).toBe(6);
    expect(a.value.anyPhaseFormed).toEqual({ numerator: 3, denominator: 6, value: 0.5 });
    expect(a.value.phases[1].levels.bands.formed.numerator).toBe(3);
    expect(a.value.phases[1].levels.bands.not_formed.numerator).toBe(3);
    expect(a.value.total.mean).toBe((295 * 3 + 68 * 3) / 6);
    expect(a.value.total.median).toBe((68 + 295) / 2);
    expect(a.value.symptoms[11].dominant).toEqual({ numerator: 3, denominator: 6, value: 0.5 });
    expect(b.value.phases[2].levels.bands.forming).toEqual({ numerator: 5, denominator: 5, value: 1 });
    // 2 respondents at C: shown neither as numbers nor as a size.
    expect(c).toEqual({ key: 'C', suppressed: true, reason: 'below_k', n: null, value: null });
    expect(d).toEqual({ key: 'D', suppressed: true, reason: 'below_k', n: null, value: null });
  });

  test('flags for the indicators', () => {
    expect(surveyMeasures(scoreBoyko(codes(() => Y)))).toEqual({
      phase_formed_tension: true, phase_formed_resistance: true, phase_formed_exhaustion: true, phase_formed_any: true,
    });
    expect(surveyMeasures(scoreBoyko(codes(() => N))).phase_formed_any).toBe(false);
    // Phase 1 is unknown, phases 2 and 3 not formed: "any" cannot be decided.
    const gap = scoreBoyko(codes((n) => (n === 1 ? 0 : N)));
    expect(surveyMeasures(gap)).toMatchObject({ phase_formed_tension: null, phase_formed_any: null });
  });
});
