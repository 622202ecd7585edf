/**
 * Amur district (Khabarovsk krai), seed 000: nine indicators in five criteria, all
 * monitored "ежедневно с мая по август"; results go into analytical reports and
 * addressed recommendations.
 */
import { Localized } from '../text/i18n';
import { indicatorsFromCyclogram, Preset, Schedule } from './types';

const MAY_TO_AUGUST_DAILY: Schedule = { kind: 'range', from: 5, to: 8, daily: true };

const USE: Localized = {
  ru: 'Аналитические материалы и адресные рекомендации (статистическая, аналитическая справка; приказы, письма УОМПиС).',
  en: 'Analytical reports and addressed recommendations (statistical and analytical notes; orders and letters).',
};

// Its indicators are those of its monitorings, in cyclogram order.
export const AMUR: Preset = indicatorsFromCyclogram({
  id: 'amur',
  title: { ru: 'Амурский муниципальный район (Хабаровский край)', en: 'Amur district (Khabarovsk krai)' },
  seeds: ['000_amur'],
  reportingPeriod: 'school_year',
  cyclogram: [
    {
      id: 'deficits',
      direction: 'deficits',
      title: {
        ru: 'По учёту педагогических работников, прошедших диагностику профессиональных дефицитов',
        en: 'Teachers who took part in deficits diagnostics',
      },
      schedule: MAY_TO_AUGUST_DAILY,
      indicators: ['deficits.diagnosed_regional_share'],
      use: USE,
    },
    {
      id: 'expert',
      direction: 'expert',
      title: {
        ru: 'По обеспечению участия педагогов в мероприятиях по повышению профессионального мастерства',
        en: 'Participation of teachers in professional skill events',
      },
      schedule: MAY_TO_AUGUST_DAILY,
      indicators: ['expert.experts_share', 'expert.competitions_share'],
      use: USE,
    },
    {
      id: 'mentoring',
      direction: 'mentoring',
      title: {
        ru: 'По поддержке молодых педагогов, реализации программ наставничества',
        en: 'Young teacher support and mentoring',
      },
      schedule: MAY_TO_AUGUST_DAILY,
      indicators: ['mentoring.young_support_projects', 'mentoring.young_projects_share'],
      use: USE,
    },
    {
      id: 'network',
      direction: 'network',
      title: {
        ru: 'По реализации сетевого взаимодействия педагогов на муниципальном уровне',
        en: 'Network interaction of teachers',
      },
      schedule: MAY_TO_AUGUST_DAILY,
      indicators: ['network.teachers_share', 'network.associations'],
      use: USE,
    },
    {
      id: 'staffing',
      direction: 'staffing',
      title: {
        ru: 'По выявлению кадровых потребностей в образовательных организациях',
        en: 'Staffing needs of schools',
      },
      schedule: MAY_TO_AUGUST_DAILY,
      indicators: ['staffing.staffing_level', 'staffing.profile_education_share'],
      use: USE,
    },
  ],
  // The programme states one general aim, no justified goal per rubric position.
  rubric: { goals: {} },
});
