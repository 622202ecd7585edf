/**
 * Krasnodar krai (regional), seed 003: nine monitorings and their data sources (total
 * teachers from form ОО-1, lines 07, 28, 29, 33–39). The document sets no timing and no
 * goal per rubric position; it states what monitoring is for: informing management
 * decisions.
 */
import { Localized } from '../text/i18n';
import { indicatorsFromCyclogram, Preset, Schedule } from './types';

const NO_TIMING: Schedule = { kind: 'unspecified' };

const USE: Localized = {
  ru: 'Информационное обеспечение управленческих решений по обеспечению профессионального развития педагогов.',
  en: 'Information for management decisions on teachers’ professional development.',
};

// Its indicators are those of its monitorings, in cyclogram order.
export const KRASNODAR: Preset = indicatorsFromCyclogram({
  id: 'krasnodar',
  title: { ru: 'Краснодарский край', en: 'Krasnodar krai' },
  seeds: ['003_krasnodar'],
  reportingPeriod: 'school_year',
  cyclogram: [
    {
      id: 'deficits',
      direction: 'deficits',
      title: {
        ru: 'Мониторинг по выявлению профессиональных дефицитов педагогических работников',
        en: "Monitoring of teachers' professional deficits",
      },
      schedule: NO_TIMING,
      indicators: ['deficits.regulation', 'deficits.methodical_basis', 'deficits.diagnosed_share'],
      use: USE,
    },
    {
      id: 'routes',
      direction: 'routes',
      title: {
        ru: 'Мониторинг по учёту индивидуальных образовательных маршрутов',
        en: 'Monitoring of individual routes',
      },
      schedule: NO_TIMING,
      indicators: ['routes.regulation', 'routes.deficit_routes_share', 'routes.activities_share'],
      use: USE,
    },
    {
      id: 'retraining',
      direction: 'retraining',
      title: {
        ru: 'Мониторинг по осуществлению профессиональной переподготовки по программам педагогической направленности',
        en: 'Monitoring of retraining in pedagogical programmes',
      },
      schedule: NO_TIMING,
      indicators: ['retraining.pedagogical_share'],
      use: USE,
    },
    {
      id: 'digital',
      direction: 'digital',
      title: {
        ru: 'Мониторинг по развитию цифровой образовательной среды ДПО',
        en: 'Monitoring of the digital environment of further education',
      },
      schedule: NO_TIMING,
      indicators: ['digital.distance_pd_share', 'digital.elearning_programmes_share'],
      use: USE,
    },
    {
      id: 'expert',
      direction: 'expert',
      title: { ru: 'Мониторинг по вовлечению педагогов в экспертную деятельность', en: 'Monitoring of expert activity' },
      schedule: NO_TIMING,
      indicators: ['expert.regulation', 'expert.gia_results', 'expert.achievements', 'expert.regional_federal_experts'],
      use: USE,
    },
    {
      id: 'methodical_active',
      direction: 'methodical_active',
      title: { ru: 'Мониторинг по формированию методического актива', en: 'Monitoring of the methodical active' },
      schedule: NO_TIMING,
      indicators: ['active.regulation', 'active.methodical_assessment_share', 'active.members_share'],
      use: USE,
    },
    {
      id: 'mentoring',
      direction: 'mentoring',
      title: {
        ru: 'Мониторинг по поддержке молодых педагогов / реализации программ наставничества',
        en: 'Monitoring of young teacher support and mentoring',
      },
      schedule: NO_TIMING,
      indicators: ['mentoring.monitoring_system', 'mentoring.regulation_act'],
      use: USE,
    },
    {
      id: 'network',
      direction: 'network',
      title: {
        ru: 'Мониторинг по реализации сетевого взаимодействия педагогов на региональном уровне',
        en: 'Monitoring of network interaction of teachers',
      },
      schedule: NO_TIMING,
      indicators: ['network.regulation', 'network.teachers_share', 'network.schools_share'],
      use: USE,
    },
    {
      id: 'staffing',
      direction: 'staffing',
      title: {
        ru: 'Мониторинг по выявлению кадровых потребностей в образовательных организациях региона',
        en: 'Monitoring of staffing needs',
      },
      schedule: NO_TIMING,
      indicators: ['staffing.regulation', 'staffing.staffing_level', 'staffing.vacancies'],
      use: USE,
    },
  ],
  rubric: { goals: {} },
});
