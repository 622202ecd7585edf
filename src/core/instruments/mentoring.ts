/**
 * Satisfaction with the mentoring programme (direction 7): one form, a mentee branch and
 * a mentor branch.
 *
 * The wording is our own default, modelled on the structure of the Ministry's recommended
 * questionnaires for the target mentoring model (Минпросвещения России, распоряжение
 * № Р-145 of 25.12.2019, letter № МР-42/02 of 23.01.2020): screening Да/Нет questions,
 * ratings from 1 (lowest) to 10 (highest), open questions, Да/Нет on continuing. It has
 * not been checked against the official PDF (reference/mentoring.json) and is meant to be
 * edited. Questions both roles answer are asked once, after the branch, so mentees and
 * mentors can be compared item by item and every column title of the export is unique.
 * As in the Ministry's questionnaires, a mentee rates 5 aspects (1 + 4 common) and a
 * mentor 9 (5 + 4 common).
 */
import { SATISFACTION_BANDS, SatisfactionBand, scaleItem, yesNoItem } from './common';
import { PROFILE_SECTION } from './profile';
import { Band, InstrumentBase, ScaleItem, SUBMIT, TextItem } from './types';
import { Localized } from '../text/i18n';

export type MentoringRole = 'mentee' | 'mentor';

export interface MentoringInstrument extends InstrumentBase {
  id: 'mentoring';
  /** The 1–10 ratings that make up each role's satisfaction index, in form order. */
  ratingKeys: Readonly<Record<MentoringRole, readonly string[]>>;
  /** Да/Нет questions reported as facts, per role. */
  factKeys: Readonly<Record<MentoringRole, readonly string[]>>;
  bands: readonly Band<SatisfactionBand>[];
}

export const MENTORING_KEYS = {
  role: 'mentoring.role',
  seenBefore: 'mentoring.seenBefore',
  seenWhere: 'mentoring.seenWhere',
} as const;

const RATING_HELP: Localized = {
  ru: 'Оцените в баллах от 1 до 10, где 1 — самый низший балл, а 10 — самый высокий.',
  en: 'Rate from 1 to 10, where 1 is the lowest and 10 the highest.',
};

const RATING_BOUNDS = { min: 1, max: 10, minLabel: { ru: 'самый низкий балл', en: 'lowest' }, maxLabel: { ru: 'самый высокий балл', en: 'highest' } };

function rating(key: string, title: Localized): ScaleItem {
  return scaleItem(key, title, RATING_BOUNDS);
}

function openQuestion(key: string, title: Localized): TextItem {
  return { key, kind: 'paragraph', title, required: false };
}

const MENTEE_RATINGS = [
  rating('mentee.comfort', { ru: 'Насколько комфортно было общение с наставником?', en: 'How comfortable was communicating with your mentor?' }),
];

const MENTOR_RATINGS = [
  rating('mentor.comfort', { ru: 'Насколько комфортно было общение с наставляемым?', en: 'How comfortable was communicating with your mentee?' }),
  rating('mentor.planning', { ru: 'Насколько удалось спланировать работу?', en: 'How well did you manage to plan the work?' }),
  rating('mentor.planDone', { ru: 'Насколько удалось осуществить свой план?', en: 'How well did you manage to carry out your plan?' }),
  rating('mentor.menteeExpectations', { ru: 'Насколько оправдались Ваши ожидания от наставляемого?', en: 'How far were your expectations of your mentee met?' }),
  rating('mentor.roleSatisfaction', { ru: 'Насколько Вы довольны своей ролью наставника?', en: 'How satisfied are you with your role as a mentor?' }),
];

const COMMON_RATINGS = [
  rating('mentoring.groupMeetings', { ru: 'Насколько полезными/интересными были групповые встречи?', en: 'How useful/interesting were the group meetings?' }),
  rating('mentoring.personalMeetings', { ru: 'Насколько полезными/интересными были личные встречи?', en: 'How useful/interesting were the one-to-one meetings?' }),
  rating('mentoring.jointWork', { ru: 'Насколько Вы довольны вашей совместной работой?', en: 'How satisfied are you with your work together?' }),
  rating('mentoring.expectations', { ru: 'Насколько оправдались Ваши ожидания от участия в программе наставничества?', en: 'How far were your expectations of the mentoring programme met?' }),
];

const COMMON_FACTS = [
  yesNoItem('mentoring.liked', { ru: 'Оглядываясь назад, понравилось ли Вам участвовать в программе?', en: 'Looking back, did you enjoy taking part in the programme?' }),
  yesNoItem('mentoring.continue', { ru: 'Хотели бы Вы продолжить работу в программе наставничества?', en: 'Would you like to continue in the mentoring programme?' }),
];

const BECOME_MENTOR = yesNoItem('mentee.becomeMentor', {
  ru: 'Планируете ли Вы стать наставником в будущем?',
  en: 'Do you plan to become a mentor in the future?',
});

/** What the method measures and where it comes from: for coordinators, never on the form. */
export const MENTORING_DESCRIPTION: Localized = {
  ru: 'Анкета для наставляемых и наставников (направление «Молодые педагоги и наставничество»). Формулировки — собственная редакция по образцу анкет, рекомендованных Минпросвещения России для целевой модели наставничества; с официальным текстом не сверены.',
  en: 'A questionnaire for mentees and mentors (direction "Young teachers and mentoring"). Our own wording modelled on the questionnaires the Ministry of Education recommends for the target mentoring model; not checked against the official text.',
};

export const MENTORING: MentoringInstrument = {
  id: 'mentoring',
  version: '1',
  title: { ru: 'Удовлетворенность участием в программе наставничества', en: 'Satisfaction with the mentoring programme' },
  instruction: {
    ru: 'Анкета помогает оценить, насколько программа наставничества полезна ее участникам. Ответы обрабатываются только в обобщенном виде.',
    en: 'This questionnaire helps to see how useful the mentoring programme is to its participants. Answers are only used in summarised form.',
  },
  anonymous: true,
  audience: 'teachers',
  sections: [
    PROFILE_SECTION,
    {
      id: 'role',
      title: { ru: 'Участие в программе', en: 'Your part in the programme' },
      items: [
        yesNoItem(MENTORING_KEYS.seenBefore, {
          ru: 'Сталкивались ли Вы раньше с программой наставничества?',
          en: 'Had you come across a mentoring programme before?',
        }),
        {
          key: MENTORING_KEYS.seenWhere,
          kind: 'text',
          title: { ru: 'Если да, то где?', en: 'If so, where?' },
          required: false,
        },
        {
          key: MENTORING_KEYS.role,
          kind: 'choice',
          title: { ru: 'Ваша роль в программе наставничества', en: 'Your role in the mentoring programme' },
          required: true,
          choices: [
            { value: 'mentee', label: { ru: 'Наставляемый', en: 'Mentee' }, goTo: 'mentee' },
            { value: 'mentor', label: { ru: 'Наставник', en: 'Mentor' }, goTo: 'mentor' },
          ],
        },
      ],
    },
    {
      id: 'mentee',
      title: { ru: 'Для наставляемого', en: 'For mentees' },
      help: RATING_HELP,
      items: [...MENTEE_RATINGS, BECOME_MENTOR],
      next: 'common',
    },
    {
      id: 'mentor',
      title: { ru: 'Для наставника', en: 'For mentors' },
      help: RATING_HELP,
      items: MENTOR_RATINGS,
      next: 'common',
    },
    {
      id: 'common',
      title: { ru: 'О программе в целом', en: 'About the programme as a whole' },
      help: RATING_HELP,
      items: [
        ...COMMON_RATINGS,
        openQuestion('mentoring.expected', { ru: 'Что Вы ожидали от программы и своей роли?', en: 'What did you expect from the programme and from your role?' }),
        openQuestion('mentoring.valuable', { ru: 'Что особенно ценно для Вас было в программе?', en: 'What was especially valuable to you in the programme?' }),
        openQuestion('mentoring.missing', { ru: 'Чего Вам не хватило в программе и/или что хотелось бы изменить?', en: 'What did the programme lack and/or what would you change?' }),
        ...COMMON_FACTS,
      ],
      next: SUBMIT,
    },
  ],
  ratingKeys: {
    mentee: [...MENTEE_RATINGS, ...COMMON_RATINGS].map((item) => item.key),
    mentor: [...MENTOR_RATINGS, ...COMMON_RATINGS].map((item) => item.key),
  },
  factKeys: {
    mentee: [MENTORING_KEYS.seenBefore, BECOME_MENTOR.key, ...COMMON_FACTS.map((item) => item.key)],
    mentor: [MENTORING_KEYS.seenBefore, ...COMMON_FACTS.map((item) => item.key)],
  },
  bands: SATISFACTION_BANDS,
};
