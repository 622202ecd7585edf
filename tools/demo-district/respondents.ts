/**
 * Synthetic respondents for the demo, the benchmark and the tests: answers to a form as
 * the emulator describes it, varied and realistic (each teacher has a tendency, so
 * burnout and satisfaction spread across their bands), reproducible from a seed.
 */
import type { FormDescription } from '../emulator/forms';

/** mulberry32: a small, fast, seedable generator; the same seed gives the same district. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Answers = Record<string, string | string[]>;

const YES = new Set(['Да', 'Yes']);
const NO = new Set(['Нет', 'No']);

const REMARKS = [
  'Больше практических занятий',
  'Встречи по обмену опытом',
  'Меньше отчётности',
  'Помощь с цифровыми инструментами',
];

/**
 * One teacher's answers. `tendency` in 0..1 drives yes/no and scale answers the same way
 * across the form (a burnt-out teacher says "yes" to many Boyko items and rates low).
 */
export function answerForm(form: FormDescription, random: () => number, options: { role?: 'mentee' | 'mentor' } = {}): Answers {
  const tendency = Math.min(1, Math.max(0, 0.15 + 0.7 * random() + (random() - 0.5) * 0.2));
  const answers: Answers = {};
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  for (const item of form.items) {
    const choices = (item.choices ?? []).map((choice) => choice.value);
    switch (item.type) {
      case 'MULTIPLE_CHOICE':
      case 'LIST': {
        if (choices.length === 0) break;
        const yes = choices.find((c) => YES.has(c));
        const no = choices.find((c) => NO.has(c));
        if (yes && no && choices.length === 2) answers[item.title] = random() < tendency ? yes : no;
        else if (options.role && choices.some((c) => /Наставни|Mentor|Наставляем|Mentee/.test(c))) {
          answers[item.title] = choices.find((c) => (options.role === 'mentor' ? /^Наставник$|^Mentor$/ : /^Наставляем|^Mentee$/).test(c)) ?? pick(choices);
        } else answers[item.title] = pick(choices);
        break;
      }
      case 'CHECKBOX':
        if (choices.length > 0) answers[item.title] = [...new Set([pick(choices), pick(choices)])];
        break;
      case 'SCALE': {
        const lower = item.bounds?.lower ?? 1;
        const upper = item.bounds?.upper ?? 5;
        const centre = upper - tendency * (upper - lower);
        const value = Math.round(centre + (random() - 0.5) * 3);
        answers[item.title] = String(Math.min(upper, Math.max(lower, value)));
        break;
      }
      case 'TEXT':
        if (item.validation) answers[item.title] = String(Math.floor(random() * 20));
        else if (random() < 0.2) answers[item.title] = pick(REMARKS);
        break;
      case 'PARAGRAPH_TEXT':
        if (random() < 0.3) answers[item.title] = pick(REMARKS);
        break;
      default:
        break;
    }
  }
  return answers;
}
