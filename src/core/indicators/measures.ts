/**
 * The survey measures indicators use. Each is one key of SurveyScoreRow.scores for one
 * instrument; the instrument's scorer fills it. Flags are true/false per respondent,
 * scores numbers (indices on a 0–100 scale).
 */
import { MeasureDef } from './types';

const flag = (instrument: string, key: string, title: MeasureDef['title']): MeasureDef => ({
  id: `${instrument}.${key}`,
  instrument,
  key,
  type: 'flag',
  title,
});

const index = (instrument: string, key: string, title: MeasureDef['title']): MeasureDef => ({
  id: `${instrument}.${key}`,
  instrument,
  key,
  type: 'score',
  title,
  range: [0, 100],
});

/**
 * Deficit types of seed 002 ("по каждому из видов дефицитов, в том числе по
 * профессиональному выгоранию"), as the deficits self-check identifies them. Burnout,
 * the seventh, is measured by the Boyko survey: see burnout.formed_any_share.
 */
export const DEFICIT_TYPES = [
  { key: 'subject', title: { ru: 'предметные', en: 'subject' } },
  { key: 'methodological', title: { ru: 'методические', en: 'methodological' } },
  { key: 'psycho_pedagogical', title: { ru: 'психолого-педагогические', en: 'psycho-pedagogical' } },
  { key: 'digital', title: { ru: 'цифровые', en: 'digital' } },
  { key: 'assessment', title: { ru: 'в оценочной деятельности', en: 'assessment' } },
  { key: 'communicative', title: { ru: 'коммуникативные', en: 'communicative' } },
] as const;

/**
 * The deficit types seed 002 №2 names, as the district's diagnostic counts them («по каждому
 * из видов дефицитов, в том числе по профессиональному выгоранию»; source: the diagnostic's
 * data at the regional PD centre): the six types plus burnout. Schools report these counts.
 */
export const DIAGNOSED_DEFICIT_TYPES = [
  ...DEFICIT_TYPES,
  { key: 'burnout', title: { ru: 'профессиональное выгорание', en: 'professional burnout' } },
] as const;

/**
 * The competence levels of seed 001's deficits monitoring. The seed names no scale; the
 * diagnostic the district runs gives each teacher a level, and schools report how many of
 * the teachers diagnosed reached a sufficient or high level (see the school report fields).
 */
export const COMPETENCE_LEVELS = [
  {
    key: 'technological',
    title: { ru: 'профессионально-технологической компетентности', en: 'professional-technological competence' },
  },
  { key: 'social', title: { ru: 'профессионально-социальной компетентности', en: 'professional-social competence' } },
  {
    key: 'problem_solving',
    title: {
      ru: 'компетентности по решению профессионально значимых проблем',
      en: 'competence in solving professionally significant problems',
    },
  },
] as const;

export const MEASURES: readonly MeasureDef[] = [
  flag('boyko', 'phase_formed_any', {
    ru: 'Хотя бы одна фаза выгорания сформировалась (61 балл и больше)',
    en: 'At least one burnout phase formed (61 points or more)',
  }),
  flag('boyko', 'phase_formed_tension', { ru: 'Сформировалась фаза «Напряжение»', en: 'Tension phase formed' }),
  flag('boyko', 'phase_formed_resistance', { ru: 'Сформировалась фаза «Резистенция»', en: 'Resistance phase formed' }),
  flag('boyko', 'phase_formed_exhaustion', { ru: 'Сформировалась фаза «Истощение»', en: 'Exhaustion phase formed' }),
  index('mentoring', 'index_mentee', {
    ru: 'Индекс удовлетворённости наставляемого (0–100)',
    en: 'Mentee satisfaction index (0–100)',
  }),
  index('mentoring', 'index_mentor', {
    ru: 'Индекс удовлетворённости наставника (0–100)',
    en: 'Mentor satisfaction index (0–100)',
  }),
  index('network', 'index', {
    ru: 'Индекс удовлетворённости сетевыми формами работы (0–100)',
    en: 'Satisfaction with network forms of work (0–100)',
  }),
  index('network', 'tech_mastery', {
    ru: 'Уровень овладения новыми образовательными технологиями через сетевые сообщества (0–100)',
    en: 'Mastery of new educational technologies through network communities (0–100)',
  }),
  ...DEFICIT_TYPES.map((type) =>
    flag('deficits', `type_${type.key}`, {
      ru: `Выявлен дефицит: ${type.title.ru}`,
      en: `Deficit found: ${type.title.en}`,
    }),
  ),
];

const BY_ID = new Map(MEASURES.map((measure) => [measure.id, measure]));

export function measureById(id: string): MeasureDef | undefined {
  return BY_ID.get(id);
}
