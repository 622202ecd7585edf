/** The reminder to a school that has not filed its report: subject, HTML and text from one view. */
import { Catalog, Lang, tr } from '../text/i18n';
import { formatPeriod } from '../periods';
import { html, safeUrl } from './html';
import { document, EMAIL_STYLES as S } from './summary-email';

export const REMINDER_TEXTS = {
  subject: { ru: 'Напоминание: отчёт школы за {period}', en: 'Reminder: the school report for {period}' },
  greeting: { ru: 'Здравствуйте!', en: 'Hello,' },
  body: {
    ru: 'От школы «{school}» ещё не поступил отчёт для мониторинга профессионального развития педагогов ({district}) за {period}.',
    en: 'The school "{school}" has not yet filed its report for the teachers’ professional development monitoring ({district}) for {period}.',
  },
  repeat: { ru: 'Это повторное напоминание.', en: 'This is a repeated reminder.' },
  deadline: { ru: 'Срок: до {date} включительно.', en: 'Deadline: {date}.' },
  form: { ru: 'Заполнить отчёт', en: 'Fill in the report' },
  noForm: { ru: 'Ссылку на форму отчёта пришлёт координатор.', en: 'The coordinator will send the link to the report form.' },
  footer: { ru: 'Письмо отправлено надстройкой PD Monitor по поручению координатора мониторинга.', en: 'Sent by the PD Monitor add-on on behalf of the monitoring coordinator.' },
} satisfies Catalog<string>;

export interface ReminderView {
  lang: Lang;
  school: string;
  district: string;
  period: string;
  /** ISO date. */
  deadline: string;
  formUrl: string;
  round: 1 | 2;
}

function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-');
  return lang === 'ru' ? `${d}.${m}.${y}` : iso;
}

export function reminderSubject(view: ReminderView): string {
  return tr(REMINDER_TEXTS.subject, view.lang, { period: formatPeriod(view.period, view.lang) });
}

function parts(view: ReminderView) {
  const t = (key: keyof typeof REMINDER_TEXTS, params: Record<string, string | number> = {}) => tr(REMINDER_TEXTS[key], view.lang, params);
  return {
    t,
    body: t('body', { school: view.school, district: view.district, period: formatPeriod(view.period, view.lang) }),
    deadline: t('deadline', { date: formatDate(view.deadline, view.lang) }),
    link: safeUrl(view.formUrl),
  };
}

export function reminderHtml(view: ReminderView): string {
  const { t, body, deadline, link } = parts(view);
  return document(view.lang, reminderSubject(view), [
    html`<p style="${S.p}">${t('greeting')}</p>`,
    html`<p style="${S.p}">${body}</p>`,
    view.round === 2 ? html`<p style="${S.p}">${t('repeat')}</p>` : '',
    html`<p style="${S.p}"><b>${deadline}</b></p>`,
    link ? html`<p style="margin:16px 0;"><a href="${link}" style="${S.button}">${t('form')}</a></p>` : html`<p style="${S.p}">${t('noForm')}</p>`,
    html`<p style="${S.note}">${t('footer')}</p>`,
  ]);
}

export function reminderText(view: ReminderView): string {
  const { t, body, deadline, link } = parts(view);
  return [t('greeting'), '', body, ...(view.round === 2 ? [t('repeat')] : []), deadline, '',
    link ? `${t('form')}: ${link}` : t('noForm'), '', t('footer'), ''].join('\n');
}
