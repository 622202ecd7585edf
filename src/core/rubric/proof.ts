/**
 * What proves each rubric parameter: the document or register entry an expert looks for
 * (seed 001 scores a parameter only when it is evidenced). Shown beside every parameter
 * still at 0, so a coordinator knows what would gain the point. Keyed by block and
 * parameter: the proof is the same for every position of a block. The penalty parameter
 * ("ineffective indicators present") has none: at 0 it is already as good as it gets.
 */
import { Localized } from '../text/i18n';
import { BLOCKS, BlockId } from './definition';

const STAGE = (register: Localized): Record<'present' | 'dates' | 'responsible', Localized> => ({
  present: {
    ru: `Строка в реестре «${register.ru}» по этой позиции со ссылкой на документ (план, приказ, распоряжение).`,
    en: `A row of the register "${register.en}" for this position with a link to the document (plan, order, instruction).`,
  },
  dates: {
    ru: `Заполненный столбец «Сроки реализации» в реестре «${register.ru}».`,
    en: `The "Dates" column filled in the register "${register.en}".`,
  },
  responsible: {
    ru: `Заполненный столбец «Ответственные» или «Участники» в реестре «${register.ru}».`,
    en: `The "Responsible" or "Participants" column filled in the register "${register.en}".`,
  },
});

export const PARAMETER_PROOF: Readonly<Record<BlockId, Readonly<Record<string, Localized>>>> = {
  indicators: {
    present: {
      ru: 'Показатели по этой позиции в утверждённой системе показателей (положение о муниципальной системе оценки, ссылка на документ).',
      en: 'Indicators for this position in the approved indicator system (the district regulation on evaluation, a link to it).',
    },
    matches_goal: {
      ru: 'Документ, где цель по этой позиции сформулирована и показатели выведены из неё (положение, программа развития).',
      en: 'A document stating the goal for this position and deriving the indicators from it (regulation, development programme).',
    },
  },
  monitoring: {
    indicators: {
      ru: 'Циклограмма или приказ о мониторинге, где показатели этой позиции измеряются.',
      en: 'The cyclogram or the monitoring order in which this position’s indicators are measured.',
    },
    timing: {
      ru: 'Сроки проведения мониторинга в циклограмме или приказе.',
      en: 'The monitoring’s dates in the cyclogram or the order.',
    },
    use: {
      ru: 'Описание использования результатов мониторинга (в приказе, циклограмме или аналитической справке).',
      en: 'How the monitoring’s results are used (in the order, the cyclogram or an analytical report).',
    },
  },
  analysis: {
    present: {
      ru: 'Строка в реестре «Анализ результатов мониторинга» по этой позиции со ссылкой на аналитическую справку.',
      en: 'A row of the register "Analyses of monitoring results" for this position with a link to the analytical report.',
    },
    clustering: {
      ru: 'Отметка «Использованы элементы кластеризации» в реестре анализа и справка, где выделены группы школ или педагогов.',
      en: 'The "Clustering used" mark in the analyses register and a report that groups schools or teachers.',
    },
    factors: {
      ru: 'Заполненный столбец «Выявленные факторы, влияющие на результаты» в реестре анализа.',
      en: 'The "Factors identified" column filled in the analyses register.',
    },
  },
  recommendations: {
    addressed: {
      ru: 'Строка вида «Адресная рекомендация по результатам анализа» в реестре рекомендаций с указанным адресатом.',
      en: 'A row of the kind "Addressed recommendation" in the recommendations register, with its addressee.',
    },
    practices: {
      ru: 'Строка вида «Рекомендация по использованию успешных практик» в реестре рекомендаций.',
      en: 'A row of the kind "Recommendation on successful practices" in the recommendations register.',
    },
    materials: {
      ru: 'Строка вида «Методические и иные материалы» в реестре рекомендаций со ссылкой на материалы.',
      en: 'A row of the kind "Methodical and other materials" in the recommendations register, with a link to them.',
    },
  },
  measures: STAGE({ ru: 'Меры, мероприятия', en: 'Measures' }),
  decisions: STAGE({ ru: 'Управленческие решения', en: 'Management decisions' }),
  efficiency: {
    present: {
      ru: 'Строка в реестре «Анализ эффективности принятых мер» со ссылкой на документ анализа.',
      en: 'A row of the register "Efficiency analyses of measures" with a link to the analysis.',
    },
    timing: {
      ru: 'Заполненный столбец «Сроки проведения анализа» в реестре анализа эффективности.',
      en: 'The "When the analysis is done" column filled in the efficiency register.',
    },
    problem: {
      ru: 'Заполненный столбец «Проблема, определённая по итогам анализа» в реестре анализа эффективности.',
      en: 'The "Problem identified by the analysis" column filled in the efficiency register.',
    },
  },
};

/** What proves a point parameter; null for the penalty parameter. */
export function parameterProof(block: BlockId, parameter: string): Localized | null {
  return PARAMETER_PROOF[block]?.[parameter] ?? null;
}

/** Every point parameter, for the test that none lacks its proof. */
export const POINT_PARAMETERS: readonly { block: BlockId; parameter: string }[] = BLOCKS.flatMap((block) =>
  block.parameters.filter((p) => p.kind === 'point').map((p) => ({ block: block.id, parameter: p.id })));
