/**
 * Teachers' satisfaction with network forms of work (direction 8: "степень
 * удовлетворенности педагогов результатами работы через сетевые формы взаимодействия").
 * No standard questionnaire exists for it; this is our own design:
 * - one Да/Нет question on taking part this school year, which also yields the share of
 *   teachers in network communities;
 * - participants: the forms they took part in, how often, whether they presented their
 *   own experience, and six satisfaction ratings on a 1–5 scale (content, organisation,
 *   sharing experience, support, applying it in class, overall) — five points, with
 *   words at both ends, is the scale teachers know from school questionnaires — and one
 *   1–5 question on how far network work helped them master new educational
 *   technologies, which seed 001 lists as an indicator of its own (not part of the index);
 * - non-participants: why not, and whether they would like to join — what the
 *   district can act on.
 */
import { Localized } from '../text/i18n';
import { SATISFACTION_BANDS, SatisfactionBand, scaleItem, yesNoItem } from './common';
import { PROFILE_SECTION } from './profile';
import { Band, InstrumentBase, ScaleItem, SUBMIT } from './types';

export interface NetworkInstrument extends InstrumentBase {
  id: 'network';
  /** The 1–5 ratings whose mean, rescaled to 0–100, is a participant's satisfaction index. */
  ratingKeys: readonly string[];
  /** The 1–5 item rescaled to 0–100 as "mastery of new technologies through networks". */
  techMasteryKey: string;
  bands: readonly Band<SatisfactionBand>[];
}

export const NETWORK_KEYS = {
  member: 'network.member',
  forms: 'network.forms',
  frequency: 'network.frequency',
  shared: 'network.shared',
  techMastery: 'network.techMastery',
  suggestions: 'network.suggestions',
  barriers: 'network.barriers',
  wantsToJoin: 'network.wantsToJoin',
} as const;

const RATING_BOUNDS = { min: 1, max: 5, minLabel: { ru: 'совсем не удовлетворен(а)', en: 'not at all satisfied' }, maxLabel: { ru: 'полностью удовлетворен(а)', en: 'fully satisfied' } };

function rating(key: string, title: Localized): ScaleItem {
  return scaleItem(key, title, RATING_BOUNDS);
}

const RATINGS = [
  rating('network.content', { ru: 'Полезность содержания для Вашей работы', en: 'Usefulness of the content for your work' }),
  rating('network.organisation', { ru: 'Организация: расписание, формат, удобство участия', en: 'Organisation: schedule, format, ease of taking part' }),
  rating('network.sharing', { ru: 'Возможность поделиться своим опытом', en: 'The chance to share your own experience' }),
  rating('network.support', { ru: 'Поддержка коллег и методистов', en: 'Support from colleagues and methodologists' }),
  rating('network.application', { ru: 'Возможность применить полученное в своей работе', en: 'The chance to apply what you gained in your work' }),
  rating('network.overall', { ru: 'Удовлетворенность участием в сетевых формах работы в целом', en: 'Overall satisfaction with taking part in network forms of work' }),
];

/** What the method measures and where it comes from: for coordinators, never on the form. */
export const NETWORK_DESCRIPTION: Localized = {
  ru: 'Собственная анкета для направления «Сетевое взаимодействие»: участие педагогов в сетевых формах работы (методические объединения, сетевые сообщества и проекты) и удовлетворенность ими (индекс 0–100).',
  en: 'Our own questionnaire for the direction "Network interaction": teachers\' participation in network forms of work (methodical associations, network communities and projects) and their satisfaction with them (index 0–100).',
};

export const NETWORK: NetworkInstrument = {
  id: 'network',
  version: '1',
  title: { ru: 'Удовлетворенность сетевыми формами работы', en: 'Satisfaction with network forms of work' },
  instruction: {
    ru: 'Сетевые формы работы — это районные (межшкольные) методические объединения, сетевые профессиональные сообщества, в том числе онлайн, сетевые проекты, межшкольные семинары и мастер-классы. Ответы обрабатываются только в обобщенном виде.',
    en: 'Network forms of work are district (inter-school) methodical associations, professional network communities including online ones, network projects, inter-school seminars and master classes. Answers are only used in summarised form.',
  },
  anonymous: true,
  audience: 'teachers',
  sections: [
    PROFILE_SECTION,
    {
      id: 'participation',
      title: { ru: 'Участие', en: 'Taking part' },
      items: [
        yesNoItem(
          NETWORK_KEYS.member,
          {
            ru: 'Участвовали ли Вы в этом учебном году в сетевых формах работы педагогов?',
            en: 'Have you taken part in network forms of teachers\' work this school year?',
          },
          { goTo: { yes: 'forms', no: 'nonMember' } },
        ),
      ],
    },
    {
      id: 'forms',
      title: { ru: 'Ваше участие', en: 'How you took part' },
      items: [
        {
          key: NETWORK_KEYS.forms,
          kind: 'multi',
          title: { ru: 'В каких сетевых формах Вы участвовали?', en: 'Which network forms did you take part in?' },
          required: true,
          choices: [
            { value: 'association', label: { ru: 'Районное (межшкольное) методическое объединение', en: 'District (inter-school) methodical association' } },
            { value: 'community', label: { ru: 'Сетевое профессиональное сообщество (в том числе онлайн)', en: 'Professional network community (including online)' } },
            { value: 'project', label: { ru: 'Сетевой проект', en: 'Network project' } },
            { value: 'seminar', label: { ru: 'Межшкольный семинар или мастер-класс', en: 'Inter-school seminar or master class' } },
            { value: 'pair', label: { ru: 'Сетевая пара или стажировочная площадка', en: 'Network pair or training site' } },
          ],
        },
        {
          key: NETWORK_KEYS.frequency,
          kind: 'choice',
          title: { ru: 'Как часто Вы участвуете в сетевых формах работы?', en: 'How often do you take part in network forms of work?' },
          required: true,
          choices: [
            { value: 'monthly', label: { ru: 'Не реже раза в месяц', en: 'At least once a month' } },
            { value: 'quarterly', label: { ru: 'Примерно раз в четверть', en: 'About once a term' } },
            { value: 'rarely', label: { ru: 'Реже раза в четверть', en: 'Less than once a term' } },
          ],
        },
        yesNoItem(NETWORK_KEYS.shared, {
          ru: 'Представляли ли Вы свой опыт (выступление, открытый урок, мастер-класс) в сетевых формах работы?',
          en: 'Did you present your own experience (a talk, an open lesson, a master class) in network forms of work?',
        }),
      ],
      next: 'satisfaction',
    },
    {
      id: 'satisfaction',
      title: { ru: 'Удовлетворенность', en: 'Satisfaction' },
      help: {
        ru: 'Оцените от 1 до 5, где 1 — совсем не удовлетворен(а), 5 — полностью удовлетворен(а).',
        en: 'Rate from 1 to 5, where 1 is not at all satisfied and 5 fully satisfied.',
      },
      items: [
        ...RATINGS,
        {
          key: NETWORK_KEYS.techMastery,
          kind: 'scale',
          title: {
            ru: 'Насколько участие в сетевых формах работы помогло Вам освоить новые образовательные технологии?',
            en: 'How far has taking part in network forms of work helped you master new educational technologies?',
          },
          required: true,
          min: 1,
          max: 5,
          minLabel: { ru: 'совсем не помогло', en: 'not at all' },
          maxLabel: { ru: 'помогло в полной мере', en: 'fully' },
        },
        {
          key: NETWORK_KEYS.suggestions,
          kind: 'paragraph',
          title: { ru: 'Что стоило бы изменить или добавить?', en: 'What should be changed or added?' },
          required: false,
        },
      ],
      next: SUBMIT,
    },
    {
      id: 'nonMember',
      title: { ru: 'Если Вы не участвовали', en: 'If you did not take part' },
      items: [
        {
          key: NETWORK_KEYS.barriers,
          kind: 'multi',
          title: { ru: 'Что помешало участию?', en: 'What kept you from taking part?' },
          required: true,
          choices: [
            { value: 'noInfo', label: { ru: 'Не знал(а) о таких формах работы', en: 'I did not know about them' } },
            { value: 'noTime', label: { ru: 'Не хватает времени', en: 'Lack of time' } },
            { value: 'noOffer', label: { ru: 'Нет подходящих сообществ по моему предмету', en: 'No suitable community for my subject' } },
            { value: 'notUseful', label: { ru: 'Не вижу пользы для себя', en: 'I see no benefit for me' } },
            { value: 'other', label: { ru: 'Другая причина', en: 'Another reason' } },
          ],
        },
        yesNoItem(NETWORK_KEYS.wantsToJoin, {
          ru: 'Хотели бы Вы участвовать в сетевых формах работы?',
          en: 'Would you like to take part in network forms of work?',
        }),
      ],
      next: SUBMIT,
    },
  ],
  ratingKeys: RATINGS.map((item) => item.key),
  techMasteryKey: NETWORK_KEYS.techMastery,
  bands: SATISFACTION_BANDS,
};
