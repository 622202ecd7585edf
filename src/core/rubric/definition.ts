/**
 * The rubric of the federal evaluation of quality-management mechanisms ("оценка
 * механизмов управления качеством образования") as seed 001 lays it out for a
 * district's system of teachers' professional development: seven blocks, each with
 * evaluation positions, each position with three parameters worth one point.
 * Titles follow the source tables; the "всего" of each table is the declared maximum.
 */
import { Localized } from '../text/i18n';
import { SharedPositionId } from '../indicators/types';

export type BlockId = 'indicators' | 'monitoring' | 'analysis' | 'recommendations' | 'measures' | 'decisions' | 'efficiency';

/** point: 0 or +1; penalty: 0 or −1 (the indicators block's "ineffective indicators"). */
export type ParameterKind = 'point' | 'penalty';

export interface ParameterDef {
  id: string;
  title: Localized;
  kind: ParameterKind;
}

export interface PositionDef {
  id: string;
  title: Localized;
}

export interface BlockDef {
  id: BlockId;
  /** The section of seed 001 that describes the block. */
  section: number;
  title: Localized;
  parameters: ParameterDef[];
  positions: PositionDef[];
  /** The block total the source states ("всего"); null when it states none. */
  declaredMax: number | null;
  /** The per-position total the source states. */
  declaredPositionMax: number;
  /**
   * The parameter that says the stage exists: without it the others score 0
   * ("если мониторинг отсутствует, то по всем трем параметрам выставляется 0 баллов").
   */
  gate: string | null;
  /** Monitoring and analysis of only ineffective indicators score 0. */
  needsEffectiveIndicators: boolean;
}

/** The four positions of the indicators, monitoring, analysis and recommendations blocks. */
export const SHARED_POSITIONS: readonly (PositionDef & { id: SharedPositionId })[] = [
  {
    id: 'mentoring',
    title: {
      ru: 'По осуществлению методической поддержки молодых педагогов / по реализации системы наставничества',
      en: 'Methodical support of young teachers / the mentoring system',
    },
  },
  {
    id: 'associations',
    title: {
      ru: 'По развитию и/или поддержке методических объединений и/или профессиональных сообществ педагогов на муниципальном уровне',
      en: 'Developing and supporting methodical associations and professional communities at district level',
    },
  },
  {
    id: 'network',
    title: {
      ru: 'По организации сетевых форм взаимодействия педагогов на муниципальном уровне',
      en: 'Network forms of interaction of teachers at district level',
    },
  },
  {
    id: 'support',
    title: {
      ru: 'По осуществлению научно-методического сопровождения педагогических работников',
      en: 'Scientific and methodical support of teachers',
    },
  },
];

const PRESENT_DATES_RESPONSIBLE = (present: Localized): ParameterDef[] => [
  { id: 'present', kind: 'point', title: present },
  { id: 'dates', kind: 'point', title: { ru: 'Наличие сведений о сроках реализации', en: 'Implementation dates stated' } },
  {
    id: 'responsible',
    kind: 'point',
    title: { ru: 'Наличие сведений об ответственных/участниках', en: 'Responsible people / participants stated' },
  },
];

export const BLOCKS: readonly BlockDef[] = [
  {
    id: 'indicators',
    section: 2,
    title: { ru: 'Показатели', en: 'Indicators' },
    parameters: [
      { id: 'present', kind: 'point', title: { ru: 'Наличие показателя(-ей)', en: 'Indicators present' } },
      {
        id: 'matches_goal',
        kind: 'point',
        title: { ru: 'Соответствие показателя(-ей) обоснованной цели', en: 'Indicators match a justified goal' },
      },
      {
        id: 'ineffective',
        kind: 'penalty',
        title: {
          ru: 'Наличие неэффективных показателей и/или показателей с негативными последствиями',
          en: 'Ineffective indicators or indicators with negative consequences present',
        },
      },
    ],
    positions: [...SHARED_POSITIONS],
    // "по 2 балла каждого показателя"; the section states no block total.
    declaredMax: null,
    declaredPositionMax: 2,
    gate: null,
    needsEffectiveIndicators: false,
  },
  {
    id: 'monitoring',
    section: 4,
    title: { ru: 'Мониторинг показателей', en: 'Monitoring of indicators' },
    parameters: [
      { id: 'indicators', kind: 'point', title: { ru: 'Наличие показателей мониторинга', en: 'Monitored indicators present' } },
      {
        id: 'timing',
        kind: 'point',
        title: { ru: 'Наличие сведений о сроках проведения мониторинга', en: 'Monitoring timing stated' },
      },
      {
        id: 'use',
        kind: 'point',
        title: { ru: 'Наличие сведений об использовании результатов мониторинга', en: 'Use of monitoring results stated' },
      },
    ],
    positions: [...SHARED_POSITIONS],
    declaredMax: 12,
    declaredPositionMax: 3,
    gate: 'indicators',
    needsEffectiveIndicators: true,
  },
  {
    id: 'analysis',
    section: 5,
    title: { ru: 'Анализ результатов мониторинга', en: 'Analysis of monitoring results' },
    parameters: [
      {
        id: 'present',
        kind: 'point',
        title: { ru: 'Наличие анализа результатов показателей мониторинга', en: 'Analysis of monitoring results present' },
      },
      {
        id: 'clustering',
        kind: 'point',
        title: { ru: 'Использование элементов кластеризации при проведении анализа', en: 'Clustering used in the analysis' },
      },
      {
        id: 'factors',
        kind: 'point',
        title: { ru: 'Выявление факторов, влияющих на результаты анализа', en: 'Factors affecting the results identified' },
      },
    ],
    positions: [...SHARED_POSITIONS],
    declaredMax: 12,
    declaredPositionMax: 3,
    gate: 'present',
    needsEffectiveIndicators: true,
  },
  {
    id: 'recommendations',
    section: 6,
    title: { ru: 'Адресные рекомендации по результатам анализа', en: 'Addressed recommendations' },
    parameters: [
      {
        id: 'addressed',
        kind: 'point',
        title: {
          ru: 'Наличие адресных рекомендаций по результатам проведенного анализа',
          en: 'Addressed recommendations based on the analysis present',
        },
      },
      {
        id: 'practices',
        kind: 'point',
        title: {
          ru: 'Наличие рекомендаций по использованию успешных управленческих практик',
          en: 'Recommendations on successful management practices present',
        },
      },
      {
        id: 'materials',
        kind: 'point',
        title: {
          ru: 'Наличие методических и иных материалов, разработанных по итогам проведения анализа',
          en: 'Methodical and other materials developed from the analysis present',
        },
      },
    ],
    positions: [...SHARED_POSITIONS],
    declaredMax: 12,
    declaredPositionMax: 3,
    // Each kind of recommendation scores on its own: "баллы выставляются ... за тот параметр, который присутствует".
    gate: null,
    needsEffectiveIndicators: false,
  },
  {
    id: 'measures',
    section: 7,
    title: { ru: 'Меры, мероприятия', en: 'Measures' },
    parameters: PRESENT_DATES_RESPONSIBLE({ ru: 'Наличие мер/мероприятий', en: 'Measures present' }),
    positions: [
      {
        id: 'informing',
        title: {
          ru: 'Проведение мероприятий по информированию педагогического сообщества о новых тенденциях в сфере образования, задачах и требованиях к профессиональной компетентности педагогических работников',
          en: 'Informing teachers about new trends, tasks and competence requirements',
        },
      },
      {
        id: 'competitions',
        title: {
          ru: 'Проведение конкурсов профессионального мастерства педагогических работников',
          en: 'Professional skill competitions',
        },
      },
      {
        id: 'motivation',
        title: {
          ru: 'Проведение мероприятий, направленных на повышение мотивации педагогических работников на обновление профессиональных знаний, умений и навыков и использование передовых педагогических практик',
          en: 'Motivating teachers to update their skills and use advanced practices',
        },
      },
      {
        id: 'young_teachers',
        title: {
          ru: 'Принятие мер, направленных на помощь молодым педагогам, в том числе на развитие института наставничества',
          en: 'Helping young teachers, including developing mentoring',
        },
      },
      {
        id: 'associations_help',
        title: {
          ru: 'Организация методической помощи методическим объединениям образовательных организаций, в том числе развитие сетевого взаимодействия на уровне муниципалитета',
          en: "Methodical help to schools' methodical associations, including network interaction",
        },
      },
      {
        id: 'support_quality',
        title: {
          ru: 'Проведение мероприятий, направленных на повышение качества методического сопровождения педагогических работников',
          en: 'Improving the quality of methodical support of teachers',
        },
      },
      {
        id: 'staffing_deficits',
        title: {
          ru: 'Принятие мер, направленных на устранение кадровых дефицитов в ОО',
          en: 'Eliminating staffing deficits in schools',
        },
      },
    ],
    // The table's "всего" says 24 while its seven positions give 21: both are shown.
    declaredMax: 24,
    declaredPositionMax: 3,
    gate: 'present',
    needsEffectiveIndicators: false,
  },
  {
    id: 'decisions',
    section: 8,
    title: { ru: 'Управленческие решения', en: 'Management decisions' },
    parameters: PRESENT_DATES_RESPONSIBLE({ ru: 'Наличие управленческих решений', en: 'Management decisions present' }),
    positions: [
      {
        id: 'decisions',
        title: {
          ru: 'Принятие управленческих решений по результатам анализа',
          en: 'Management decisions based on the analysis',
        },
      },
    ],
    declaredMax: 3,
    declaredPositionMax: 3,
    gate: 'present',
    needsEffectiveIndicators: false,
  },
  {
    id: 'efficiency',
    section: 9,
    title: { ru: 'Анализ эффективности принятых мер', en: 'Efficiency analysis of measures' },
    parameters: [
      {
        id: 'present',
        kind: 'point',
        title: { ru: 'Наличие анализа эффективности мер/мероприятий', en: 'Efficiency analysis present' },
      },
      {
        id: 'timing',
        kind: 'point',
        title: {
          ru: 'Наличие сведений о сроках проведения анализа эффективности мер/мероприятий',
          en: 'Timing of the efficiency analysis stated',
        },
      },
      {
        id: 'problem',
        kind: 'point',
        title: { ru: 'Определение проблемы по итогам проведенного анализа', en: 'A problem identified by the analysis' },
      },
    ],
    positions: [
      { id: 'efficiency', title: { ru: 'Проведение анализа эффективности принятых мер', en: 'Efficiency analysis of measures' } },
    ],
    declaredMax: 3,
    declaredPositionMax: 3,
    gate: 'present',
    needsEffectiveIndicators: false,
  },
];

const BY_ID = new Map(BLOCKS.map((block) => [block.id, block]));

export function blockById(id: string): BlockDef | undefined {
  return BY_ID.get(id as BlockId);
}

/** The most a parameter can add: 1 for a point, 0 for a penalty. */
export function parameterMax(parameter: ParameterDef): number {
  return parameter.kind === 'point' ? 1 : 0;
}

/** Maximum of a position computed from its parameters (2 for the indicators block, 3 elsewhere). */
export function positionComputedMax(block: BlockDef): number {
  return block.parameters.reduce((sum, parameter) => sum + parameterMax(parameter), 0);
}

/** Maximum of a block computed from its positions: 8, 12, 12, 12, 21, 3, 3. */
export function blockComputedMax(block: BlockDef): number {
  return positionComputedMax(block) * block.positions.length;
}
