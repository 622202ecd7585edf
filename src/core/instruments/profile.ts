/**
 * The profile section every teacher instrument starts with: school, subject, age band,
 * experience band. It feeds the breakdowns the indicators need (per school, per subject,
 * "teachers under 35", "young specialists with 0–3 years") and never identifies anyone:
 * no name, no e-mail, bands instead of exact age and experience.
 */
import { Choice, Section } from './types';

export type AgeBand = 'under25' | '25_34' | '35_44' | '45_54' | '55_64' | '65plus';
export type ExperienceBand = '0_3' | '4_10' | '11_20' | '21_30' | '31plus';

export const AGE_BANDS: readonly (Choice & { value: AgeBand })[] = [
  { value: 'under25', label: { ru: 'до 25 лет', en: 'under 25' } },
  { value: '25_34', label: { ru: '25–34 года', en: '25–34' } },
  { value: '35_44', label: { ru: '35–44 года', en: '35–44' } },
  { value: '45_54', label: { ru: '45–54 года', en: '45–54' } },
  { value: '55_64', label: { ru: '55–64 года', en: '55–64' } },
  { value: '65plus', label: { ru: '65 лет и старше', en: '65 and over' } },
];

export const EXPERIENCE_BANDS: readonly (Choice & { value: ExperienceBand })[] = [
  { value: '0_3', label: { ru: '0–3 года', en: '0–3 years' } },
  { value: '4_10', label: { ru: '4–10 лет', en: '4–10 years' } },
  { value: '11_20', label: { ru: '11–20 лет', en: '11–20 years' } },
  { value: '21_30', label: { ru: '21–30 лет', en: '21–30 years' } },
  { value: '31plus', label: { ru: 'более 30 лет', en: 'over 30 years' } },
];

/** "Teachers under 35" (direction 7) = these age bands. */
export const AGE_UNDER_35: readonly AgeBand[] = ['under25', '25_34'];
/** Young specialists, 0–3 years of teaching (direction 7) = this experience band. */
export const YOUNG_SPECIALIST_EXPERIENCE: readonly ExperienceBand[] = ['0_3'];

export const PROFILE_KEYS = {
  school: 'profile.school',
  subject: 'profile.subject',
  ageBand: 'profile.ageBand',
  experienceBand: 'profile.experienceBand',
} as const;
export type ProfileField = keyof typeof PROFILE_KEYS;
export type ProfileKey = (typeof PROFILE_KEYS)[ProfileField];

/** The profile codes a scored response carries. Never a name, never an e-mail. */
export interface Profile {
  /** The school as chosen from the workbook's list (its text). */
  school: string | null;
  /** The subject as chosen from the workbook's list (its text). */
  subject: string | null;
  ageBand: AgeBand | null;
  experienceBand: ExperienceBand | null;
}

export const PROFILE_SECTION: Section = {
  id: 'profile',
  title: { ru: 'О вас', en: 'About you' },
  help: {
    ru: 'Эти сведения нужны только для сводных данных по школам, предметам и группам педагогов. Имя и адрес электронной почты не запрашиваются.',
    en: 'This is used only for summaries by school, subject and group of teachers. We do not ask for your name or e-mail address.',
  },
  items: [
    {
      key: PROFILE_KEYS.school,
      kind: 'choice',
      title: { ru: 'Образовательная организация', en: 'School' },
      required: true,
      choicesFrom: 'schools',
    },
    {
      key: PROFILE_KEYS.subject,
      kind: 'choice',
      title: { ru: 'Преподаваемый предмет (основной)', en: 'Subject taught (main)' },
      required: true,
      choicesFrom: 'subjects',
    },
    {
      key: PROFILE_KEYS.ageBand,
      kind: 'choice',
      title: { ru: 'Ваш возраст', en: 'Your age' },
      required: true,
      choices: AGE_BANDS,
    },
    {
      key: PROFILE_KEYS.experienceBand,
      kind: 'choice',
      title: { ru: 'Педагогический стаж', en: 'Teaching experience' },
      help: { ru: 'Полных лет педагогической работы.', en: 'Completed years of teaching.' },
      required: true,
      choices: EXPERIENCE_BANDS,
    },
  ],
};
