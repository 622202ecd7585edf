/**
 * Kabardino-Balkaria (regional ЦНППМ), seed 002: fourteen indicators in eight criteria,
 * monitored yearly "в сроки, установленные приказом Министерства".
 */
import { Localized } from '../text/i18n';
import { indicatorsFromCyclogram, Preset, Schedule } from './types';

const YEARLY_BY_ORDER: Schedule = { kind: 'yearly' };

const USE: Localized = {
  ru: 'Аналитические материалы и адресные рекомендации по выявлению и устранению профессиональных дефицитов для муниципальных органов управления образованием; меры и управленческие решения (п. 3.4–3.5 Порядка).',
  en: 'Analytical reports and addressed recommendations on deficits for district education authorities; measures and management decisions (items 3.4–3.5).',
};

// Its indicators are those of its monitorings, in cyclogram order.
export const KBR: Preset = indicatorsFromCyclogram({
  id: 'kbr',
  title: { ru: 'Кабардино-Балкарская Республика', en: 'Kabardino-Balkaria' },
  seeds: ['002_kbr'],
  reportingPeriod: 'school_year',
  cyclogram: [
    {
      id: 'deficits',
      direction: 'deficits',
      title: {
        ru: 'Выявление профессиональных дефицитов педагогических работников региона',
        en: "Teachers' professional deficits",
      },
      schedule: YEARLY_BY_ORDER,
      indicators: [
        'deficits.diagnosed_share',
        'deficits.diagnosed_type_subject',
        'deficits.diagnosed_type_methodological',
        'deficits.diagnosed_type_psycho_pedagogical',
        'deficits.diagnosed_type_digital',
        'deficits.diagnosed_type_assessment',
        'deficits.diagnosed_type_communicative',
        'deficits.diagnosed_type_burnout',
        'deficits.type_subject',
        'deficits.type_methodological',
        'deficits.type_psycho_pedagogical',
        'deficits.type_digital',
        'deficits.type_assessment',
        'deficits.type_communicative',
        'burnout.formed_any_share',
        'routes.deficit_routes_share',
        'retraining.targeted_pd_share',
      ],
      use: USE,
    },
    {
      id: 'retraining',
      direction: 'retraining',
      title: {
        ru: 'Осуществление профессиональной переподготовки по программам педагогической направленности',
        en: 'Retraining in pedagogical programmes',
      },
      schedule: YEARLY_BY_ORDER,
      indicators: ['retraining.pedagogical_share'],
      use: USE,
    },
    {
      id: 'digital',
      direction: 'digital',
      title: {
        ru: 'Развитие цифровой образовательной среды дополнительного профессионального образования',
        en: 'Digital environment of further professional education',
      },
      schedule: YEARLY_BY_ORDER,
      indicators: ['digital.distance_pd_share', 'digital.elearning_programmes_share'],
      use: USE,
    },
    {
      id: 'expert',
      direction: 'expert',
      title: { ru: 'Вовлечение педагогов в экспертную деятельность', en: 'Expert activity of teachers' },
      schedule: YEARLY_BY_ORDER,
      indicators: ['expert.gia_experts'],
      use: USE,
    },
    {
      id: 'methodical_active',
      direction: 'methodical_active',
      title: { ru: 'Формирование методического актива', en: 'The methodical active' },
      schedule: YEARLY_BY_ORDER,
      indicators: ['active.members_share', 'active.cnppm_share'],
      use: USE,
    },
    {
      id: 'mentoring',
      direction: 'mentoring',
      title: {
        ru: 'Поддержка молодых педагогов в рамках реализации программ наставничества',
        en: 'Young teacher support through mentoring programmes',
      },
      schedule: YEARLY_BY_ORDER,
      indicators: ['mentoring.participants_share', 'mentoring.methodist_supported_share'],
      use: USE,
    },
    {
      id: 'network',
      direction: 'network',
      title: {
        ru: 'Реализация сетевого взаимодействия педагогов (методических объединений, профессиональных сообществ)',
        en: 'Network interaction of teachers (methodical associations, professional communities)',
      },
      schedule: YEARLY_BY_ORDER,
      indicators: ['network.teachers_share', 'network.dpo_involvement_share'],
      use: USE,
    },
  ],
  rubric: {
    goals: {
      mentoring: {
        ru: 'Задача 2.2.6. Поддержка молодых педагогов посредством реализации программ наставничества',
        en: 'Task 2.2.6. Supporting young teachers through mentoring programmes',
      },
      associations: {
        ru: 'Задача 2.2.5. Вовлечение педагогов в экспертную деятельность по формированию методического актива',
        en: 'Task 2.2.5. Involving teachers in expert activity to form the methodical active',
      },
      network: {
        ru: 'Задача 2.2.7. Реализация сетевого взаимодействия педагогов (методических объединений, профессиональных сообществ)',
        en: 'Task 2.2.7. Network interaction of teachers',
      },
      support: {
        ru: 'Цель 2.1.1. Определение наиболее эффективных путей профессионального развития на основе выявленных дефицитов',
        en: 'Aim 2.1.1. The most effective PD paths based on the deficits found',
      },
    },
  },
});
