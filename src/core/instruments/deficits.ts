/**
 * Professional deficits self-check (direction 1, with the route questions direction 2
 * needs). Our own design: a short self-assessment, not a test of knowledge, so it shows
 * where a teacher feels difficulty and lets the district count teachers per deficit type.
 *
 * Six deficit types as the seeds name them (subject, methodological, psycho-pedagogical,
 * digital, assessment, communicative), three typical professional actions each, rated
 * 1–4 (1 = serious difficulty … 4 = confident; an even scale has no non-committal middle).
 * Rule: a deficit of a type is identified when at least 2 of its 3 actions are rated 1
 * or 2 — the teacher reports difficulty with most of that area, not with one task.
 * Burnout, which the seeds also list as a deficit type, comes from the Boyko survey.
 */
import { scaleItem, yesNoItem } from './common';
import { PROFILE_SECTION } from './profile';
import { InstrumentBase, ScaleItem, Section } from './types';
import { Localized } from '../text/i18n';

export type DeficitType = 'subject' | 'methodological' | 'psycho_pedagogical' | 'digital' | 'assessment' | 'communicative';
export const DEFICIT_TYPES: readonly DeficitType[] = [
  'subject', 'methodological', 'psycho_pedagogical', 'digital', 'assessment', 'communicative',
];

export interface DeficitArea {
  type: DeficitType;
  name: Localized;
  /** Keys of the area's scale items. */
  itemKeys: readonly string[];
}

export interface DeficitsInstrument extends InstrumentBase {
  id: 'deficits';
  areas: readonly DeficitArea[];
  rule: {
    /** A rating at or below this is a reported difficulty. */
    difficultyMax: number;
    /** This many difficulties within an area identify the deficit. */
    minDifficulties: number;
  };
}

export const DEFICITS_KEYS = {
  diagnosed: 'deficits.diagnosedThisYear',
  hasRoute: 'deficits.hasRoute',
  routeFromDiagnostics: 'deficits.routeFromDiagnostics',
  routeActivities: 'deficits.routeActivities',
} as const;

const SCALE_HELP: Localized = {
  ru: 'Оцените, насколько уверенно Вы выполняете каждое действие: 1 — испытываю серьезные затруднения, 2 — скорее испытываю затруднения, 3 — скорее справляюсь, 4 — справляюсь уверенно.',
  en: 'Rate how confidently you carry out each action: 1 — serious difficulty, 2 — some difficulty, 3 — mostly manage, 4 — confident.',
};

const ACTION_BOUNDS = { min: 1, max: 4, minLabel: { ru: 'серьезные затруднения', en: 'serious difficulty' }, maxLabel: { ru: 'справляюсь уверенно', en: 'confident' } };

function action(key: string, title: Localized): ScaleItem {
  return scaleItem(key, title, ACTION_BOUNDS);
}

interface AreaDefinition {
  type: DeficitType;
  name: Localized;
  actions: readonly ScaleItem[];
}

const AREAS: readonly AreaDefinition[] = [
  {
    type: 'subject',
    name: { ru: 'Предметные компетенции', en: 'Subject competence' },
    actions: [
      action('deficits.subject.tasks', { ru: 'Решение заданий повышенной сложности по своему предмету (олимпиадного уровня, второй части ОГЭ/ЕГЭ)', en: 'Solving advanced problems in your subject (olympiad level, part two of the state exams)' }),
      action('deficits.subject.content', { ru: 'Знание современного содержания своего предмета и его связей с наукой и практикой', en: 'Knowing the current content of your subject and its links to science and practice' }),
      action('deficits.subject.standards', { ru: 'Знание требований ФГОС и федеральной рабочей программы по своему предмету', en: 'Knowing the federal standard and the federal syllabus for your subject' }),
    ],
  },
  {
    type: 'methodological',
    name: { ru: 'Методические компетенции', en: 'Methodological competence' },
    actions: [
      action('deficits.methodological.lesson', { ru: 'Проектирование урока по требованиям обновленных ФГОС (деятельностный подход, планируемые результаты)', en: 'Designing lessons to the updated federal standards (activity approach, planned outcomes)' }),
      action('deficits.methodological.technologies', { ru: 'Применение современных образовательных технологий (проектных, исследовательских, проблемного обучения)', en: 'Using modern teaching technologies (project, research, problem-based learning)' }),
      action('deficits.methodological.literacy', { ru: 'Формирование функциональной грамотности обучающихся', en: 'Developing students\' functional literacy' }),
    ],
  },
  {
    type: 'psycho_pedagogical',
    name: { ru: 'Психолого-педагогические компетенции', en: 'Psycho-pedagogical competence' },
    actions: [
      action('deficits.psycho_pedagogical.specialNeeds', { ru: 'Работа с обучающимися с особыми образовательными потребностями (ОВЗ, одаренные, с трудностями в обучении)', en: 'Working with students with special educational needs (disabilities, gifted, learning difficulties)' }),
      action('deficits.psycho_pedagogical.individual', { ru: 'Учет возрастных и индивидуальных особенностей обучающихся', en: 'Taking students\' age and individual characteristics into account' }),
      action('deficits.psycho_pedagogical.climate', { ru: 'Поддержание дисциплины и мотивации, предупреждение и разрешение конфликтов в классе', en: 'Keeping discipline and motivation, preventing and resolving conflicts in class' }),
    ],
  },
  {
    type: 'digital',
    name: { ru: 'Цифровые компетенции', en: 'Digital competence' },
    actions: [
      action('deficits.digital.platforms', { ru: 'Использование цифровых образовательных платформ и ресурсов на уроках', en: 'Using digital learning platforms and resources in lessons' }),
      action('deficits.digital.materials', { ru: 'Создание собственных цифровых учебных материалов (интерактивные задания, онлайн-тесты)', en: 'Creating your own digital learning materials (interactive tasks, online tests)' }),
      action('deficits.digital.distance', { ru: 'Организация дистанционного и смешанного обучения', en: 'Organising distance and blended learning' }),
    ],
  },
  {
    type: 'assessment',
    name: { ru: 'Оценочные компетенции', en: 'Assessment competence' },
    actions: [
      action('deficits.assessment.tools', { ru: 'Разработка контрольно-измерительных материалов и критериев оценивания', en: 'Developing assessment materials and marking criteria' }),
      action('deficits.assessment.analysis', { ru: 'Анализ результатов оценочных процедур (ВПР, ОГЭ, ЕГЭ) и коррекция обучения по ним', en: 'Analysing results of assessments (national tests, state exams) and adjusting teaching to them' }),
      action('deficits.assessment.formative', { ru: 'Применение формирующего оценивания, самооценки и взаимооценки обучающихся', en: 'Using formative assessment, self-assessment and peer assessment' }),
    ],
  },
  {
    type: 'communicative',
    name: { ru: 'Коммуникативные компетенции', en: 'Communicative competence' },
    actions: [
      action('deficits.communicative.parents', { ru: 'Взаимодействие с родителями (законными представителями) обучающихся, в том числе в трудных ситуациях', en: 'Working with students\' parents (legal guardians), including in difficult situations' }),
      action('deficits.communicative.cooperation', { ru: 'Организация учебного сотрудничества и групповой работы обучающихся', en: 'Organising cooperative and group work of students' }),
      action('deficits.communicative.colleagues', { ru: 'Профессиональное взаимодействие с коллегами: обмен опытом, совместные проекты, выступления', en: 'Working with colleagues: sharing experience, joint projects, presentations' }),
    ],
  },
];

/** One page per area: three questions under the area's name read well on a phone. */
const AREA_SECTIONS: Section[] = AREAS.map((area, index) => ({
  id: `area.${area.type}`,
  title: { ru: `${area.name.ru} (${index + 1} из 6)`, en: `${area.name.en} (${index + 1} of 6)` },
  help: SCALE_HELP,
  items: area.actions,
}));

/** What the method measures and where it comes from: for coordinators, never on the form. */
export const DEFICITS_DESCRIPTION: Localized = {
  ru: 'Собственная анкета для направлений «Выявление профессиональных дефицитов» и «Индивидуальные образовательные маршруты»: участие в диагностике в этом году, наличие ИОМ и самооценка по шести видам компетенций; дефицит вида выявлен, если не менее 2 из 3 действий оценены на 1 или 2.',
  en: 'Our own questionnaire for the directions "Professional deficits" and "Individual educational routes": taking part in a diagnostic this year, having a route, and a self-assessment in six areas; a deficit of a type is identified when at least 2 of its 3 actions are rated 1 or 2.',
};

export const DEFICITS: DeficitsInstrument = {
  id: 'deficits',
  version: '1',
  title: { ru: 'Самодиагностика профессиональных дефицитов', en: 'Professional deficits self-check' },
  instruction: {
    ru: 'Самодиагностика помогает увидеть, в каких областях работы нужна методическая поддержка. Это не проверка знаний: отвечайте так, как есть. Ответы обрабатываются только в обобщенном виде.',
    en: 'This self-check helps to see in which areas of work methodical support is needed. It is not a test: answer as things are. Answers are only used in summarised form.',
  },
  anonymous: true,
  audience: 'teachers',
  sections: [
    PROFILE_SECTION,
    {
      id: 'diagnostics',
      title: { ru: 'Диагностика и маршрут', en: 'Diagnostics and route' },
      items: [
        yesNoItem(DEFICITS_KEYS.diagnosed, {
          ru: 'Участвовали ли Вы в этом учебном году в диагностике профессиональных дефицитов (например, в центре непрерывного повышения профессионального мастерства или в школе)?',
          en: 'Have you taken part in a professional deficits diagnostic this school year (for example at the regional professional development centre or at school)?',
        }),
        yesNoItem(
          DEFICITS_KEYS.hasRoute,
          {
            ru: 'Есть ли у Вас индивидуальный образовательный маршрут (ИОМ) на этот учебный год?',
            en: 'Do you have an individual educational route for this school year?',
          },
          { goTo: { yes: 'route', no: AREA_SECTIONS[0].id } },
        ),
      ],
    },
    {
      id: 'route',
      title: { ru: 'Ваш образовательный маршрут', en: 'Your educational route' },
      items: [
        yesNoItem(DEFICITS_KEYS.routeFromDiagnostics, {
          ru: 'Составлен ли маршрут по результатам диагностики профессиональных дефицитов?',
          en: 'Was the route built on the results of a professional deficits diagnostic?',
        }),
        yesNoItem(DEFICITS_KEYS.routeActivities, {
          ru: 'Участвовали ли Вы в этом учебном году в мероприятиях своего маршрута?',
          en: 'Have you taken part in the activities of your route this school year?',
        }),
      ],
    },
    ...AREA_SECTIONS,
  ],
  areas: AREAS.map((area) => ({ type: area.type, name: area.name, itemKeys: area.actions.map((a) => a.key) })),
  rule: { difficultyMax: 2, minDifficulties: 2 },
};
