/**
 * The indicators sheet and the school reports sheet as rows: what computeIndicators
 * found, laid out for coordinators, with numerator and denominator beside every value (a
 * mean: what it is taken over) and suppressed groups said to be suppressed, never shown.
 */
import { Catalog, Lang, tr } from '../text/i18n';
import { indicatorById } from '../indicators/catalog';
import { getInstrument, isInstrumentId } from '../instruments';
import { IndicatorsResult } from '../indicators/compute';
import { renderMessage } from '../text/message';
import { formatPeriod } from '../periods';
import { AcceptedReports } from '../reports/school-report';

const TEXTS = {
  overall: { ru: 'Муниципалитет в целом', en: 'District overall' },
  school: { ru: 'Школа', en: 'School' },
  subject: { ru: 'Предмет', en: 'Subject' },
  suppressed: { ru: 'скрыто: меньше {k} респондентов', en: 'suppressed: fewer than {k} respondents' },
  accepted: { ru: 'принят', en: 'accepted' },
  rejected: { ru: 'отклонён', en: 'rejected' },
  superseded: { ru: 'заменён более поздним', en: 'replaced by a later one' },
  missing: { ru: 'нет отчёта', en: 'no report' },
  coverage: { ru: '{n} из {m}', en: '{n} of {m}' },
  district: { ru: 'муниципалитет', en: 'district' },
  responseRate: { ru: 'Охват опроса «{survey}» (ответивших от числа педагогов по отчётам)', en: 'Response rate of "{survey}" (respondents of the teachers reported)' },
  meanOfAnswers: { ru: 'среднее: знаменатель — число ответивших', en: 'a mean: the denominator is the respondents' },
  meanOfTeachers: { ru: 'среднее: знаменатель — число педагогов по отчётам школ', en: "a mean: the denominator is the teachers in the schools' reports" },
} satisfies Catalog<string>;

const INDICATOR_HEADER: Record<Lang, string[]> = {
  ru: [
    'Период', 'Код показателя', 'Показатель', 'Единица', 'Срез', 'Значение среза', 'Числитель', 'Знаменатель', 'Значение',
    'Школ в расчёте', 'Педагогов в этих школах', 'Прошлый период', 'Значение прошлого периода', 'Изменение (те же школы)',
    'Школ в сравнении', 'Примечание',
  ],
  en: [
    'Period', 'Indicator id', 'Indicator', 'Unit', 'Scope', 'Scope value', 'Numerator', 'Denominator', 'Value',
    'Schools counted', 'Teachers in those schools', 'Previous period', 'Previous value', 'Change (same schools)',
    'Schools compared', 'Note',
  ],
};

const REPORT_HEADER: Record<Lang, string[]> = {
  ru: ['Ключ ответа', 'Лист ответов', 'Строка', 'Период', 'Школа', 'Предмет', 'Статус', 'Причины'],
  en: ['Response key', 'Response sheet', 'Row', 'Period', 'School', 'Subject', 'Status', 'Reasons'],
};

/** Where a filing came from; report rows carry an index into a list of these as their `row`. */
export interface FilingOrigin {
  key: string;
  sheet: string;
  row: number;
}

type Cell = string | number;

export function indicatorsHeader(lang: Lang): string[] {
  return INDICATOR_HEADER[lang];
}

export function indicatorRows(result: IndicatorsResult, lang: Lang): Cell[][] {
  const values = result.values.map((value) => {
    const def = indicatorById(value.id);
    const scope = value.scope.kind === 'overall' ? TEXTS.overall : value.scope.kind === 'school' ? TEXTS.school : TEXTS.subject;
    // A mean's numerator is a sum (of scores, of ages), which means nothing to a reader: it
    // is left out, and the note says what the mean is taken over.
    const mean = def?.kind === 'mean';
    const meanOver = def?.source.startsWith('survey:') ? TEXTS.meanOfAnswers : TEXTS.meanOfTeachers;
    const note = value.suppressed ? tr(TEXTS.suppressed, lang, { k: result.privacyThreshold }) : mean ? tr(meanOver, lang) : '';
    const { coverage, change } = value;
    return [
      formatPeriod(value.period, lang), value.id, def ? tr(def.title, lang) : value.id, def?.unit ?? '',
      tr(scope, lang), value.scope.kind === 'overall' ? '' : value.scope.key,
      mean ? '' : value.numerator ?? '', value.denominator ?? '', value.value ?? '',
      // Coverage beside every value: a share of 3 schools out of 6 must say so.
      coverage.schools === null ? tr(TEXTS.district, lang) : tr(TEXTS.coverage, lang, { n: coverage.schools, m: coverage.of }),
      coverage.teachers ?? '',
      change ? formatPeriod(change.previousPeriod, lang) : '', change?.previous ?? '', change?.delta ?? '',
      change?.schools ?? '', note,
    ];
  });
  // Response rates follow: respondents against the teachers the schools reported.
  const rates = result.responseRates.map((rate) => {
    const instrument = isInstrumentId(rate.instrument) ? getInstrument(rate.instrument) : null;
    const scope = rate.scope.kind === 'overall' ? TEXTS.overall : TEXTS.school;
    return [
      formatPeriod(rate.period, lang), `response_rate.${rate.instrument}`,
      tr(TEXTS.responseRate, lang, { survey: instrument ? tr(instrument.title, lang) : rate.instrument }), '%',
      tr(scope, lang), rate.scope.kind === 'overall' ? '' : rate.scope.key,
      rate.respondents, rate.teachers ?? '', rate.rate ?? '', '', '', '', '', '', '', '',
    ];
  });
  return [...values, ...rates];
}

export function reportsHeader(lang: Lang): string[] {
  return REPORT_HEADER[lang];
}

/**
 * Every filing with what became of it (the key first, so a repeated event finds it),
 * then the schools with no report for the current period.
 */
export function reportStatusRows(
  reports: AcceptedReports, origins: readonly FilingOrigin[], missing: readonly string[], currentPeriod: string | null, lang: Lang,
): Cell[][] {
  const rows: Cell[][] = [];
  const add = (at: number | undefined, period: string, school: string, subject: string | null, status: string, reasons: string) => {
    const origin = at === undefined ? undefined : origins[at];
    rows.push([origin?.key ?? '', origin?.sheet ?? '', origin?.row ?? '', period, school, subject ?? '', status, reasons]);
  };
  for (const r of reports.accepted) add(r.row, r.period, r.school, r.subject, tr(TEXTS.accepted, lang), '');
  for (const r of reports.rejected) add(r.row, r.period, r.school, r.subject, tr(TEXTS.rejected, lang), r.reasons.map((m) => renderMessage(m, lang)).join(' '));
  for (const r of reports.superseded) add(r.row, r.period, r.school, r.subject, tr(TEXTS.superseded, lang), '');
  for (const school of missing) add(undefined, currentPeriod ?? '', school, null, tr(TEXTS.missing, lang), '');
  return rows;
}
