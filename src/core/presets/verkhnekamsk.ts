/**
 * Verkhnekamsk district (Kirov oblast), seed 004: eleven goals, indicators per group, a
 * schedule per monitoring ("в течение года", experts June–September, staffing per plan).
 */
import { Preset } from './types';

export const VERKHNEKAMSK: Preset = {
  id: 'verkhnekamsk',
  title: { ru: 'Верхнекамский муниципальный округ (Кировская область)', en: 'Verkhnekamsk district (Kirov oblast)' },
  seeds: ['004_verkhnekamsk'],
  reportingPeriod: 'school_year',
  indicators: [
    'deficits.diagnosed_share',
    'routes.deficit_routes_share',
    'routes.federal_register_pd_share',
    'retraining.pedagogical_share',
    'retraining.retrained_share',
    'retraining.pd_share',
    'retraining.ict_pd_share',
    'retraining.listener_categories',
    'expert.experts_count',
    'expert.experts_share',
    'mentoring.regulation_schools_share',
    'mentoring.under_35_share',
    'mentoring.young_mentees',
    'network.schools_interaction',
    'network.schools_count',
    'network.schools_share',
    'network.associations',
    'network.projects',
    'staffing.fully_staffed_schools_share',
    'staffing.vacancies',
  ],
  cyclogram: [
    {
      id: 'deficits',
      direction: 'deficits',
      title: {
        ru: 'По выявлению профессиональных дефицитов педагогических работников',
        en: "Teachers' professional deficits",
      },
      schedule: { kind: 'during_year' },
      indicators: ['deficits.diagnosed_share'],
      use: {
        ru: 'Аналитическая справка о профессиональных дефицитах педагогических работников.',
        en: "Analytical note on teachers' professional deficits.",
      },
    },
    {
      id: 'routes',
      direction: 'routes',
      title: {
        ru: 'По учёту индивидуальных образовательных маршрутов, разработанных на основе диагностики дефицитов',
        en: 'Individual routes built on the deficits diagnostics',
      },
      schedule: { kind: 'during_year' },
      indicators: ['routes.deficit_routes_share', 'routes.federal_register_pd_share'],
      use: {
        ru: 'Информационная справка о наличии ИОМ, разработанных на основе диагностики дефицитов.',
        en: 'Note on the individual routes built on the deficits diagnostics.',
      },
    },
    {
      id: 'retraining',
      direction: 'retraining',
      title: {
        ru: 'По осуществлению профессиональной переподготовки и повышения квалификации',
        en: 'Retraining and PD courses',
      },
      schedule: { kind: 'during_year' },
      indicators: [
        'retraining.pedagogical_share',
        'retraining.retrained_share',
        'retraining.pd_share',
        'retraining.ict_pd_share',
        'retraining.listener_categories',
      ],
      use: {
        ru: 'Аналитическая справка по прохождению переподготовки и повышению квалификации.',
        en: 'Analytical note on retraining and PD.',
      },
    },
    {
      id: 'staffing',
      direction: 'staffing',
      title: { ru: 'По выявлению кадровых потребностей в образовательных организациях', en: 'Staffing needs' },
      schedule: { kind: 'per_plan' },
      indicators: ['staffing.fully_staffed_schools_share', 'staffing.vacancies'],
      use: { ru: 'Аналитическая справка.', en: 'Analytical note.' },
    },
    {
      id: 'expert',
      direction: 'expert',
      title: { ru: 'По вовлечению педагогов в экспертную деятельность', en: 'Expert activity' },
      schedule: { kind: 'range', from: 6, to: 9 },
      indicators: ['expert.experts_count', 'expert.experts_share'],
      use: {
        ru: 'Анализ ресурсно-информационного сектора управления образования.',
        en: 'Analysis by the resource and information sector of the education department.',
      },
    },
    {
      id: 'mentoring',
      direction: 'mentoring',
      title: {
        ru: 'По поддержке молодых педагогов / реализации программ наставничества',
        en: 'Young teacher support and mentoring',
      },
      schedule: { kind: 'during_year' },
      indicators: ['mentoring.regulation_schools_share', 'mentoring.under_35_share', 'mentoring.young_mentees'],
      use: {
        ru: 'Анализ работы ресурсно-информационного сектора управления образования.',
        en: 'Analysis by the resource and information sector of the education department.',
      },
    },
    {
      id: 'network',
      direction: 'network',
      title: {
        ru: 'По реализации сетевого взаимодействия педагогов (методических объединений, профессиональных сообществ)',
        en: 'Network interaction of teachers (methodical associations, professional communities)',
      },
      schedule: { kind: 'during_year' },
      indicators: ['network.schools_interaction', 'network.schools_count', 'network.schools_share', 'network.associations', 'network.projects'],
      use: {
        ru: 'Анализ работы ресурсно-информационного сектора управления образования.',
        en: 'Analysis by the resource and information sector of the education department.',
      },
    },
  ],
  rubric: {
    goals: {
      mentoring: {
        ru: 'Поддержка молодых педагогов / реализация программ наставничества педагогических работников',
        en: 'Supporting young teachers / mentoring programmes',
      },
      associations: {
        ru: 'Организация сетевого взаимодействия педагогов (методических объединений, профессиональных сообществ педагогов) на муниципальном уровне',
        en: 'Network interaction of teachers (methodical associations, professional communities) at district level',
      },
      network: {
        ru: 'Организация сетевого взаимодействия педагогов (методических объединений, профессиональных сообществ педагогов) на муниципальном уровне',
        en: 'Network interaction of teachers (methodical associations, professional communities) at district level',
      },
      support: {
        ru: 'Осуществление научно-методического сопровождения педагогических работников',
        en: 'Scientific and methodical support of teachers',
      },
    },
  },
};
