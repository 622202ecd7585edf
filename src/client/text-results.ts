/** Texts of the survey results panel (mentoring, network, deficits), in Russian and English. */
import type { Catalog } from '../core/text/i18n';

export const RESULTS_TEXT = {
  tabResults: { ru: 'Результаты', en: 'Results' },
  resultsTitle: { ru: 'Результаты опросов', en: 'Survey results' },
  resultsPeriod: { ru: 'Период', en: 'Period' },
  resultsNone: { ru: 'Ответов на опросы о наставничестве, сетевом взаимодействии и дефицитах пока нет.', en: 'No answers yet to the mentoring, network and deficits surveys.' },
  resultsPrivacy: {
    ru: 'Группы меньше {k} ответивших скрыты: их числа не показываются нигде.',
    en: 'Groups of fewer than {k} respondents are hidden: their figures are shown nowhere.',
  },
  notGiven: { ru: 'не указано', en: 'not given' },
  respondentsN: { ru: 'ответивших: {n}', en: 'respondents: {n}' },

  mentoringTitle: { ru: 'Наставничество', en: 'Mentoring' },
  mentees: { ru: 'Наставляемые', en: 'Mentees' },
  mentors: { ru: 'Наставники', en: 'Mentors' },
  mentoringIndex: { ru: 'Удовлетворённость (индекс 0–100)', en: 'Satisfaction (index 0–100)' },
  mentoringChart: { ru: 'Удовлетворённость наставляемых и наставников, индекс 0–100', en: 'Satisfaction of mentees and mentors, index 0–100' },
  mentoringItems: { ru: 'Средняя оценка по вопросам (1–10)', en: 'Mean rating per question (1–10)' },
  notAsked: { ru: 'не задаётся', en: 'not asked' },
  mentoringSchools: { ru: 'Удовлетворённость по школам (индекс 0–100)', en: 'Satisfaction per school (index 0–100)' },
  colQuestion: { ru: 'Вопрос', en: 'Question' },

  networkTitle: { ru: 'Сетевое взаимодействие', en: 'Network interaction' },
  networkParticipation: { ru: 'Участвуют в сетевых формах', en: 'Take part in network forms' },
  networkIndex: { ru: 'Удовлетворённость участников (индекс 0–100)', en: 'Participants’ satisfaction (index 0–100)' },
  networkItems: { ru: 'Средняя оценка участников по вопросам (1–5)', en: 'Participants’ mean rating per question (1–5)' },
  networkSchools: { ru: 'По школам', en: 'Per school' },
  networkChart: { ru: 'Доля участвующих в сетевых формах по школам, %', en: 'Share taking part in network forms per school, %' },
  colParticipation: { ru: 'Участвуют', en: 'Take part' },
  colIndex: { ru: 'Индекс', en: 'Index' },

  deficitsTitle: { ru: 'Профессиональные дефициты', en: 'Professional deficits' },
  deficitsAny: { ru: 'Выявлен хотя бы один дефицит', en: 'At least one deficit found' },
  deficitsSubject: { ru: 'Предмет', en: 'Subject' },
  deficitsAllSubjects: { ru: 'Все предметы', en: 'All subjects' },
  deficitsChart: { ru: 'Доля педагогов с дефицитом по видам, %: {subject}', en: 'Share of teachers with a deficit per type, %: {subject}' },
  colDeficit: { ru: 'Вид дефицита', en: 'Deficit type' },
  colShare: { ru: 'Доля, %', en: 'Share, %' },
} satisfies Catalog<string>;
