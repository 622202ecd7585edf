/**
 * The school report as a Google Form, generated from the preset: the school, the
 * reporting period, and exactly the counts the preset's indicators read (per subject
 * where an indicator is broken down by subject). Item keys are the field ids, so a
 * response maps back to a SchoolReportRow whatever the titles become.
 */
import { FormSpec, ItemSpec, MAX_RADIO_CHOICES } from './form-spec';
import { Lang, Localized, tr } from '../text/i18n';
import { FieldDef } from '../indicators/types';
import { formatPeriod, normalizePeriodId, recentPeriods } from '../periods';
import { Preset } from '../presets/types';
import { REPORT_HEADER_FIELDS, SCHOOL_REPORT, schoolReportFields, SchoolReportRow, subjectReportFields } from '../reports/school-report';
import { Settings } from '../settings';

export const REPORT_KEYS = { school: 'report.school', period: 'report.period' } as const;
/** How many periods, newest first, the period question offers. */
const PERIOD_CHOICES = 3;

const TEXTS = {
  title: { ru: 'Отчёт образовательной организации', en: 'School report' },
  description: {
    ru: 'Заполняет администрация школы. Укажите численность педагогических работников на конец отчётного периода. Повторная отправка за тот же период заменяет прежний отчёт.',
    en: 'Filled in by the school administration. Give the numbers of teaching staff at the end of the reporting period. Filing again for the same period replaces the earlier report.',
  },
  confirmation: { ru: 'Спасибо! Отчёт принят.', en: 'Thank you! The report has been received.' },
  schoolPage: { ru: 'Школа и период', en: 'School and period' },
  countsPage: { ru: 'Показатели школы', en: 'School figures' },
  countsHelp: { ru: 'Только целые числа не меньше 0; часть не может быть больше целого.', en: 'Whole numbers of at least 0 only; a part cannot exceed its whole.' },
  subjectsPage: { ru: 'По предметам', en: 'By subject' },
  subjectsHelp: { ru: 'Заполните для предметов, которые преподаются в школе.', en: 'Fill in for the subjects taught at the school.' },
  wholeNumber: { ru: 'Введите целое число не меньше 0.', en: 'Enter a whole number of at least 0.' },
  amount: { ru: 'Введите число не меньше 0.', en: 'Enter a number of at least 0.' },
  yes: { ru: 'Да', en: 'Yes' },
  no: { ru: 'Нет', en: 'No' },
} satisfies Record<string, Localized>;

const SUBJECT_KEY = /^subject\|(.*)\|([^|]+)$/;

function subjectKey(subject: string, field: string): string {
  return `subject|${subject}|${field}`;
}

/** A period as the form offers it: the id first, so it reads back whatever the language. */
export function periodLabel(id: string, lang: Lang): string {
  const readable = formatPeriod(id, lang);
  return readable.startsWith(id) ? readable : `${id} (${readable})`;
}

function fieldItem(field: FieldDef, key: string, title: string, required: boolean, lang: Lang): ItemSpec {
  const help = field.hint ? tr(field.hint, lang) : '';
  if (field.kind === 'yesno') {
    return { key, type: 'multipleChoice', title, help, required, choices: [{ label: tr(TEXTS.yes, lang) }, { label: tr(TEXTS.no, lang) }] };
  }
  const integer = field.kind === 'count';
  return {
    key, type: 'text', title, help, required,
    number: { min: 0, integer, message: tr(integer ? TEXTS.wholeNumber : TEXTS.amount, lang) },
  };
}

export function buildSchoolReportSpec(preset: Preset, settings: Settings, todayIso: string): FormSpec {
  const lang = settings.lang;
  const schoolLabels = settings.schools.map((label) => ({ label }));
  const periods = recentPeriods(preset.reportingPeriod, todayIso, PERIOD_CHOICES).map((id) => ({ label: periodLabel(id, lang) }));
  const pages: FormSpec['pages'] = [
    {
      id: 'school', title: tr(TEXTS.schoolPage, lang), help: '',
      items: [
        { key: REPORT_KEYS.school, type: schoolLabels.length > MAX_RADIO_CHOICES ? 'list' : 'multipleChoice', title: tr(REPORT_HEADER_FIELDS.school, lang), help: '', required: true, choices: schoolLabels },
        { key: REPORT_KEYS.period, type: 'multipleChoice', title: tr(REPORT_HEADER_FIELDS.period, lang), help: '', required: true, choices: periods },
      ],
    },
    {
      id: 'counts', title: tr(TEXTS.countsPage, lang), help: tr(TEXTS.countsHelp, lang),
      items: schoolReportFields(preset).map((field) => fieldItem(field, field.id, tr(field.title, lang), true, lang)),
    },
  ];
  const perSubject = subjectReportFields(preset);
  if (perSubject.length > 0 && settings.subjects.length > 0) {
    pages.push({
      id: 'subjects', title: tr(TEXTS.subjectsPage, lang), help: tr(TEXTS.subjectsHelp, lang),
      items: settings.subjects.flatMap((subject) =>
        perSubject.map((field) => fieldItem(field, subjectKey(subject, field.id), `${subject}: ${tr(field.title, lang)}`, false, lang))),
    });
  }
  return {
    instrument: SCHOOL_REPORT,
    version: preset.id,
    title: `${tr(TEXTS.title, lang)}${settings.districtName ? ` — ${settings.districtName}` : ''}`,
    description: tr(TEXTS.description, lang),
    confirmation: tr(TEXTS.confirmation, lang),
    // The school named in the report is what counts; the filer's address is not needed.
    collectEmail: false,
    pages,
  };
}

/**
 * A report response (answers by item key) as school report rows: the school's own row
 * and one row per subject with any figure given.
 */
export function reportRows(answers: Readonly<Record<string, string>>, submittedAt: string, row: number): SchoolReportRow[] {
  const school = answers[REPORT_KEYS.school] ?? '';
  const periodText = (answers[REPORT_KEYS.period] ?? '').trim();
  const period = normalizePeriodId(periodText) ?? normalizePeriodId(periodText.split(/\s/)[0] ?? '') ?? periodText;
  const own: Record<string, string> = {};
  const bySubject = new Map<string, Record<string, string>>();
  for (const [key, value] of Object.entries(answers)) {
    if (key === REPORT_KEYS.school || key === REPORT_KEYS.period) continue;
    const match = SUBJECT_KEY.exec(key);
    if (!match) {
      own[key] = value;
    } else if (value.trim() !== '') {
      const values = bySubject.get(match[1]) ?? {};
      values[match[2]] = value;
      bySubject.set(match[1], values);
    }
  }
  return [
    { school, period, subject: null, submittedAt, values: own, row },
    ...[...bySubject].map(([subject, values]) => ({ school, period, subject, submittedAt, values, row })),
  ];
}
