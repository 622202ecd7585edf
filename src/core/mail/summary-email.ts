/**
 * The monthly summary as an email: subject, HTML and plain text, all from one view.
 * The HTML is for mail clients: layout tables with role="presentation", inline styles,
 * Arial, nothing that relies on a <style> element (Gmail and Outlook drop or rewrite it).
 */
import { Catalog, Lang, tr } from '../text/i18n';
import { Limited, MonthlySummaryView } from '../views/monthly-summary';
import { html, Html, HtmlValue, safeUrl } from './html';

export const SUMMARY_TEXTS = {
  subject: { ru: 'PD Monitor: итоги за {month} — {district}', en: 'PD Monitor: summary for {month} — {district}' },
  heading: { ru: 'Мониторинг профессионального развития педагогов', en: 'Teachers’ professional development monitoring' },
  intro: { ru: '{district}: итоги за {month}.', en: '{district}: summary for {month}.' },
  noNewData: { ru: 'За этот месяц новых данных нет: не поступило ни ответов на опросы, ни отчётов школ.', en: 'No new data this month: no survey responses and no school reports arrived.' },
  activity: { ru: 'За месяц поступило ответов на опросы: {responses}, отчётов школ: {reports}.', en: 'This month: {responses} survey responses and {reports} school reports arrived.' },
  indicators: { ru: 'Ключевые показатели ({period})', en: 'Key indicators ({period})' },
  noPeriod: { ru: 'Показателей пока нет: нет ни одного отчёта или ответа.', en: 'No indicators yet: there are no reports or responses.' },
  indicator: { ru: 'Показатель', en: 'Indicator' },
  value: { ru: 'Значение', en: 'Value' },
  alerts: { ru: 'Требует внимания', en: 'Needs attention' },
  noAlerts: { ru: 'Тревожных значений нет.', en: 'No alarming values.' },
  alertsNote: {
    ru: 'Выгорание отмечается, когда сформированная фаза есть у {percent} % ответивших или больше (ровно {percent} % — уже высокое), удовлетворённость — когда индекс ниже {index} из 100. Группы меньше {k} чел. не показываются.',
    en: 'Burnout is flagged when {percent} % of respondents or more have a formed phase (exactly {percent} % counts as high), satisfaction when its index is below {index} of 100. Groups smaller than {k} are not shown.',
  },
  burnout: { ru: 'выгорание', en: 'burnout' },
  satisfaction: { ru: 'удовлетворённость', en: 'satisfaction' },
  reports: { ru: 'Отчёты школ', en: 'School reports' },
  reported: { ru: 'Отчитались {reported} из {total} школ.', en: '{reported} of {total} schools have reported.' },
  notReported: { ru: 'Не отчитались:', en: 'Not reported:' },
  more: { ru: '…и ещё {n}', en: '…and {n} more' },
  rates: { ru: 'Охват опросов', en: 'Survey response rates' },
  survey: { ru: 'Опрос', en: 'Survey' },
  respondentsOf: { ru: 'ответили {respondents} из {teachers}', en: '{respondents} of {teachers} answered' },
  respondentsOnly: { ru: 'ответили {respondents}', en: '{respondents} answered' },
  rate: { ru: 'Охват', en: 'Rate' },
  monitorings: { ru: 'Мониторинги по циклограмме', en: 'Monitorings by the cyclogram' },
  due: { ru: 'В этом месяце ({month}):', en: 'Due this month ({month}):' },
  noneDue: { ru: 'В этом месяце ({month}) мониторингов по циклограмме нет.', en: 'No monitorings are due this month ({month}).' },
  overdue: { ru: 'Просрочены (срок прошёл, данных нет):', en: 'Overdue (the time has passed, no data):' },
  rubric: { ru: 'Самооценка по рубрике', en: 'Rubric self-assessment' },
  rubricTotal: { ru: 'Итого {total} из {max} баллов.', en: 'Total {total} of {max} points.' },
  rubricZero: { ru: 'Параметры с 0 баллов:', en: 'Parameters at 0 points:' },
  open: { ru: 'Открыть таблицу мониторинга', en: 'Open the monitoring workbook' },
  footer: { ru: 'Это письмо отправлено надстройкой PD Monitor. Рассылку настраивает координатор в боковой панели.', en: 'This email was sent by the PD Monitor add-on. A coordinator sets up the mailing in the sidebar.' },
} satisfies Catalog<string>;

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const S = {
  body: `margin:0;padding:0;background:#f4f5f7;${FONT}`,
  outer: 'width:100%;background:#f4f5f7;border-collapse:collapse;',
  card: 'width:100%;max-width:640px;background:#ffffff;border-collapse:collapse;',
  cell: `padding:16px 16px;${FONT}font-size:14px;line-height:20px;color:#202124;`,
  h1: `margin:0 0 4px 0;${FONT}font-size:20px;line-height:26px;color:#1a3d6d;`,
  h2: `margin:16px 0 8px 0;${FONT}font-size:16px;line-height:22px;color:#1a3d6d;`,
  p: `margin:0 0 8px 0;${FONT}font-size:14px;line-height:20px;color:#202124;`,
  small: `${FONT}font-size:12px;color:#5f6368;`,
  note: `margin:0 0 8px 0;${FONT}font-size:12px;line-height:16px;color:#5f6368;`,
  table: 'width:100%;border-collapse:collapse;',
  th: `padding:4px 4px;border-bottom:1px solid #dadce0;text-align:left;${FONT}font-size:12px;color:#5f6368;`,
  td: `padding:4px 4px;border-bottom:1px solid #f1f3f4;vertical-align:top;${FONT}font-size:13px;color:#202124;`,
  num: `padding:4px 4px;border-bottom:1px solid #f1f3f4;vertical-align:top;text-align:right;${FONT}font-size:13px;color:#202124;`,
  alert: `margin:0 0 4px 0;padding:6px 8px;background:#fce8e6;${FONT}font-size:13px;color:#a50e0e;`,
  button: `display:inline-block;padding:10px 16px;background:#1a73e8;color:#ffffff;text-decoration:none;border-radius:4px;${FONT}font-size:14px;`,
};

export function summarySubject(view: MonthlySummaryView): string {
  return tr(SUMMARY_TEXTS.subject, view.lang, { month: view.monthLabel, district: view.districtName });
}

const t = (view: MonthlySummaryView, key: keyof typeof SUMMARY_TEXTS, params: Record<string, string | number> = {}) =>
  tr(SUMMARY_TEXTS[key], view.lang, params);

function list(view: MonthlySummaryView, items: Limited<string>): Html {
  return html`<ul style="margin:0 0 8px 0;padding-left:20px;">${items.items.map((item) => html`<li style="${S.p}">${item}</li>`)}${
    items.more > 0 ? html`<li style="${S.note}">${t(view, 'more', { n: items.more })}</li>` : ''}</ul>`;
}

/**
 * A figure cell may wrap, but never between a number and what follows it ("39,5 %",
 * "41 ответ", "+5,8 п.п."): the table fits a phone's width, which one unbreakable line per
 * column did not.
 */
function figure(cell: HtmlValue): HtmlValue {
  return typeof cell === 'string' ? cell.replace(/(?<=\d) /g, '\u00a0') : cell;
}

function table(header: string[], rows: HtmlValue[][], numeric: boolean[]): Html {
  return html`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.table}"><tr>${
    header.map((title) => html`<td style="${S.th}">${title}</td>`)}</tr>${
    rows.map((row) => html`<tr>${row.map((cell, i) => html`<td style="${numeric[i] ? S.num : S.td}">${numeric[i] ? figure(cell) : cell}</td>`)}</tr>`)}</table>`;
}

function section(title: string, ...content: HtmlValue[]): Html {
  return html`<h2 style="${S.h2}">${title}</h2>${content}`;
}

/** The alert rules with the workbook's thresholds, under the alerts in both renderings. */
function alertsNote(view: MonthlySummaryView): string {
  return t(view, 'alertsNote', { percent: view.thresholds.highBurnoutPercent, index: view.thresholds.lowSatisfactionIndex, k: view.privacyThreshold });
}

export function summaryHtml(view: MonthlySummaryView): string {
  const link = safeUrl(view.workbookUrl);
  const body = [
    html`<h1 style="${S.h1}">${t(view, 'heading')}</h1>`,
    html`<p style="${S.p}">${t(view, 'intro', { district: view.districtName, month: view.monthLabel })}</p>`,
    view.noNewData
      ? html`<p style="${S.alert}">${t(view, 'noNewData')}</p>`
      : html`<p style="${S.p}">${t(view, 'activity', view.activity)}</p>`,
    view.period === null
      ? section(t(view, 'indicators', { period: '—' }), html`<p style="${S.p}">${t(view, 'noPeriod')}</p>`)
      : section(t(view, 'indicators', { period: view.periodLabel }), table(
        [t(view, 'indicator'), t(view, 'value')],
        // The change and the coverage under the value, not in columns of their own: four
        // columns do not fit a phone's width.
        view.indicators.map((row) => [row.title, [figure(row.value), ...[row.change, row.coverage].filter(Boolean).map((extra) => html`<br><span style="${S.small}">${figure(extra)}</span>`)]]),
        [false, true])),
    section(t(view, 'alerts'), [
      view.alerts.items.length === 0
        ? html`<p style="${S.p}">${t(view, 'noAlerts')}</p>`
        : view.alerts.items.map((alert) => html`<p style="${S.alert}">${alert.scope} — ${t(view, alert.kind)}: ${alert.indicator} — <b>${alert.value}</b></p>`),
      view.alerts.more > 0 ? html`<p style="${S.note}">${t(view, 'more', { n: view.alerts.more })}</p>` : '',
      html`<p style="${S.note}">${alertsNote(view)}</p>`,
    ]),
    section(t(view, 'reports'),
      html`<p style="${S.p}">${t(view, 'reported', { reported: view.schoolsReported, total: view.schoolsTotal })}</p>`,
      view.missingReports.items.length > 0 ? [html`<p style="${S.p}">${t(view, 'notReported')}</p>`, list(view, view.missingReports)] : ''),
    view.responseRates.length > 0
      ? section(t(view, 'rates'), table(
        [t(view, 'survey'), t(view, 'rate')],
        // Respondents of teachers under the rate, as under an indicator's value: it fits a phone.
        view.responseRates.map((rate) => [rate.survey, [figure(rate.rate), html`<br><span style="${S.small}">${
          figure(rate.teachers ? t(view, 'respondentsOf', { respondents: rate.respondents, teachers: rate.teachers }) : t(view, 'respondentsOnly', { respondents: rate.respondents }))}</span>`]]),
        [false, true]))
      : '',
    section(t(view, 'monitorings'),
      view.dueThisMonth.length === 0
        ? html`<p style="${S.p}">${t(view, 'noneDue', { month: view.dueMonthLabel })}</p>`
        : [html`<p style="${S.p}">${t(view, 'due', { month: view.dueMonthLabel })}</p>`,
          list(view, { items: view.dueThisMonth.map((m) => `${m.title} (${m.schedule})`), more: 0 })],
      view.overdue.length > 0
        ? [html`<p style="${S.p}">${t(view, 'overdue')}</p>`, list(view, { items: view.overdue.map((m) => `${m.title} (${m.schedule})`), more: 0 })]
        : ''),
    view.rubric === null ? '' : section(t(view, 'rubric'),
      html`<p style="${S.p}">${t(view, 'rubricTotal', { total: view.rubric.total, max: view.rubric.max })}</p>`,
      view.rubric.zeroParameters.items.length > 0 ? [html`<p style="${S.p}">${t(view, 'rubricZero')}</p>`, list(view, view.rubric.zeroParameters)] : ''),
    link ? html`<p style="margin:20px 0 8px 0;"><a href="${link}" style="${S.button}">${t(view, 'open')}</a></p>` : '',
    html`<p style="${S.note}">${t(view, 'footer')}</p>`,
  ];
  return document(view.lang, summarySubject(view), body);
}

/** The frame every email shares: one centred card of layout tables. */
export function document(lang: Lang, title: string, body: HtmlValue): string {
  return html`<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body style="${S.body}"><table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.outer}"><tr><td align="center" style="padding:16px 8px;"><table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${S.card}"><tr><td style="${S.cell}">${body}</td></tr></table></td></tr></table></body></html>`.markup;
}

/** Shared with the reminder email. */
export const EMAIL_STYLES = S;

function textList(view: MonthlySummaryView, items: Limited<string>): string[] {
  return [...items.items.map((item) => `  - ${item}`), ...(items.more > 0 ? [`  ${t(view, 'more', { n: items.more })}`] : [])];
}

export function summaryText(view: MonthlySummaryView): string {
  const lines: string[] = [
    t(view, 'heading'),
    t(view, 'intro', { district: view.districtName, month: view.monthLabel }),
    view.noNewData ? t(view, 'noNewData') : t(view, 'activity', view.activity),
    '',
    `== ${t(view, 'indicators', { period: view.period === null ? '—' : view.periodLabel })} ==`,
  ];
  if (view.period === null) lines.push(t(view, 'noPeriod'));
  for (const row of view.indicators) {
    const extra = [row.change, row.coverage].filter(Boolean).join('; ');
    lines.push(`- ${row.title}: ${row.value}${extra ? ` (${extra})` : ''}`);
  }
  lines.push('', `== ${t(view, 'alerts')} ==`);
  if (view.alerts.items.length === 0) lines.push(t(view, 'noAlerts'));
  for (const alert of view.alerts.items) lines.push(`! ${alert.scope} — ${t(view, alert.kind)}: ${alert.indicator} — ${alert.value}`);
  if (view.alerts.more > 0) lines.push(t(view, 'more', { n: view.alerts.more }));
  lines.push(alertsNote(view));
  lines.push('', `== ${t(view, 'reports')} ==`, t(view, 'reported', { reported: view.schoolsReported, total: view.schoolsTotal }));
  if (view.missingReports.items.length > 0) lines.push(t(view, 'notReported'), ...textList(view, view.missingReports));
  if (view.responseRates.length > 0) {
    lines.push('', `== ${t(view, 'rates')} ==`);
    for (const rate of view.responseRates) lines.push(`- ${rate.survey}: ${rate.respondents}${rate.teachers ? ` / ${rate.teachers}` : ''} (${rate.rate})`);
  }
  lines.push('', `== ${t(view, 'monitorings')} ==`);
  if (view.dueThisMonth.length === 0) lines.push(t(view, 'noneDue', { month: view.dueMonthLabel }));
  else lines.push(t(view, 'due', { month: view.dueMonthLabel }), ...view.dueThisMonth.map((m) => `  - ${m.title} (${m.schedule})`));
  if (view.overdue.length > 0) lines.push(t(view, 'overdue'), ...view.overdue.map((m) => `  - ${m.title} (${m.schedule})`));
  if (view.rubric) {
    lines.push('', `== ${t(view, 'rubric')} ==`, t(view, 'rubricTotal', { total: view.rubric.total, max: view.rubric.max }));
    if (view.rubric.zeroParameters.items.length > 0) lines.push(t(view, 'rubricZero'), ...textList(view, view.rubric.zeroParameters));
  }
  const link = safeUrl(view.workbookUrl);
  if (link) lines.push('', `${t(view, 'open')}: ${link}`);
  lines.push('', t(view, 'footer'));
  return `${lines.join('\n')}\n`;
}
