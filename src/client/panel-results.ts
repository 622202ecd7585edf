/**
 * Survey results: mentoring (mentees and mentors side by side, per question, per school),
 * network interaction (participation, satisfaction, per question, per school) and
 * professional deficits (share per type, for all subjects or one). One period at a time.
 * A group under the privacy threshold arrives without numbers and is shown as
 * "fewer than k answers — hidden" in the cards, the tables and the charts alike.
 */
import type { Figure, SurveyResultsView } from '../core/views/survey-results';
import type { App, Panel } from './app';
import { stackedBars } from './charts';
import { h, replace, uid } from './dom';
import { num, pick, t } from './i18n';
import { call, withStatus } from './rpc';
import { field, section, statusLine, table } from './ui';

/** The view last loaded, with the period it was asked for (null: the latest). */
let data: { view: SurveyResultsView; asked: string | null; generation: number } | null = null;
let subject = '';

/** A figure for a table cell: a number as text, a phrase (hidden, no data, not asked) in a wrapping span. */
function figureCell(figure: Figure | null, k: number, unit = ''): string | Node {
  const text = figureText(figure, k, unit);
  return figure !== null && !figure.hidden && figure.value !== null ? text : h('span', { class: 'figure-text' }, text);
}

function figureText(figure: Figure | null, k: number, unit = ''): string {
  if (figure === null) return t('notAsked');
  if (figure.hidden) return t('suppressed', { k });
  if (figure.value === null) return t('noData');
  return `${num(figure.value)}${unit}`;
}

/** A chart value: hidden and empty groups draw nothing (the chart's table says which). */
function chartValue(figure: Figure): number | null {
  return figure.hidden ? null : figure.value;
}

function groupName(name: string | null): string {
  return name ?? t('notGiven');
}

function card(title: string, figure: Figure, k: number, unit = ''): HTMLElement {
  return h('li', { class: 'card' }, [
    h('h3', {}, title),
    h('p', { class: figure.hidden ? 'value suppressed' : 'value' }, figureText(figure, k, unit)),
    figure.hidden ? null : h('p', { class: 'coverage' }, t('respondentsN', { n: figure.n })),
  ]);
}

function mentoring(view: SurveyResultsView): HTMLElement {
  const k = view.privacyThreshold;
  const m = view.mentoring;
  const both = [m.mentee, m.mentor];
  return section(t('mentoringTitle'), [
    h('ul', { class: 'cards cards-2' }, [card(t('mentees'), m.mentee, k), card(t('mentors'), m.mentor, k)]),
    stackedBars({
      title: t('mentoringChart'), categories: [t('mentees'), t('mentors')],
      series: [{ label: t('mentoringIndex'), values: both.map(chartValue) }],
      max: 100, missing: t('suppressed', { k }), categoryTitle: t('mentoringIndex'),
    }),
    table(t('mentoringItems'), [t('colQuestion'), t('mentees'), t('mentors')],
      m.items.map((item) => [pick(item.title), figureCell(item.mentee, k), figureCell(item.mentor, k)]), { numeric: [1, 2] }),
    table(t('mentoringSchools'), [t('colSchool'), t('mentees'), t('mentors')],
      m.schools.map((row) => [groupName(row.school), figureCell(row.mentee, k), figureCell(row.mentor, k)]), { numeric: [1, 2] }),
  ], { 'data-section': 'mentoring' });
}

function network(view: SurveyResultsView): HTMLElement {
  const k = view.privacyThreshold;
  const n = view.network;
  return section(t('networkTitle'), [
    h('ul', { class: 'cards cards-2' }, [card(t('networkParticipation'), n.participation, k, ' %'), card(t('networkIndex'), n.index, k)]),
    table(t('networkItems'), [t('colQuestion'), t('colIndex')],
      n.items.map((item) => [pick(item.title), figureCell(item.mean, k)]), { numeric: [1] }),
    n.schools.length === 0 ? null : stackedBars({
      title: t('networkChart'), categories: n.schools.map((row) => groupName(row.school)),
      series: [{ label: t('colParticipation'), values: n.schools.map((row) => chartValue(row.participation)) }],
      unit: '%', max: 100, missing: t('suppressed', { k }), categoryTitle: t('colSchool'),
    }),
    table(t('networkSchools'), [t('colSchool'), t('colParticipation'), t('colIndex')],
      n.schools.map((row) => [groupName(row.school), figureCell(row.participation, k, ' %'), figureCell(row.index, k)]), { numeric: [1, 2] }),
  ], { 'data-section': 'network' });
}

function deficits(view: SurveyResultsView, redraw: () => void): HTMLElement {
  const k = view.privacyThreshold;
  const d = view.deficits;
  const at = d.subjects.findIndex((row) => String(row.subject ?? '') === subject);
  const chosen = subject !== '' && at >= 0 ? d.subjects[at] : null;
  const shares = chosen ? chosen.shares : d.types.map((type) => type.share);
  const subjectName = chosen ? groupName(chosen.subject) : t('deficitsAllSubjects');
  const select = h('select', { onchange: (event: Event) => { subject = (event.target as HTMLSelectElement).value; redraw(); } }, [
    h('option', { value: '' }, t('deficitsAllSubjects')),
    ...d.subjects.map((row) => h('option', { value: row.subject ?? '' }, groupName(row.subject))),
  ]);
  select.value = chosen ? String(chosen.subject ?? '') : '';
  return section(t('deficitsTitle'), [
    h('ul', { class: 'cards' }, [card(t('deficitsAny'), d.any, k, ' %')]),
    field(t('deficitsSubject'), select).wrap,
    stackedBars({
      title: t('deficitsChart', { subject: subjectName }), categories: d.types.map((type) => pick(type.title)),
      series: [{ label: t('colShare'), values: shares.map(chartValue) }],
      unit: '%', max: 100, missing: t('suppressed', { k }), categoryTitle: t('colDeficit'),
    }),
    table(t('deficitsChart', { subject: subjectName }), [t('colDeficit'), t('colShare')],
      d.types.map((type, i) => [pick(type.title), figureCell(shares[i], k)]), { numeric: [1], hideCaption: true }),
  ], { 'data-section': 'deficits' });
}

function draw(root: HTMLElement, app: App, view: SurveyResultsView, load: (period: string | null) => void): void {
  const status = statusLine();
  const periodSelect = h('select', {
    id: uid('period'),
    onchange: (event: Event) => load((event.target as HTMLSelectElement).value),
  }, view.periods.map((period) => h('option', { value: period.id }, pick(period.label))));
  if (view.period) periodSelect.value = view.period.id;
  const body = h('div');
  const redraw = () => {
    const focused = document.activeElement;
    const wasSubject = focused instanceof HTMLSelectElement && focused.closest('[data-section="deficits"]') !== null;
    replace(body, view.period ? [mentoring(view), network(view), deficits(view, redraw)] : [h('p', {}, t('resultsNone'))]);
    if (wasSubject) (body.querySelector('[data-section="deficits"] select') as HTMLElement | null)?.focus();
  };
  redraw();
  replace(root, [
    h('h2', {}, t('resultsTitle')),
    view.periods.length > 0 ? field(t('resultsPeriod'), periodSelect).wrap : null,
    h('p', { class: 'muted' }, t('resultsPrivacy', { k: view.privacyThreshold })),
    status,
    body,
  ]);
  void app;
}

export const resultsPanel: Panel = {
  id: 'results',
  title: 'tabResults',
  needsSetup: true,
  show(root, app) {
    const load = (period: string | null) => {
      const status = statusLine();
      if (!data) replace(root, [h('h2', {}, t('resultsTitle')), status]);
      else root.querySelector('.status')?.replaceWith(status);
      const generation = app.generation;
      void withStatus(status, () => call('getSurveyResults', period)).then((view) => {
        if (!view) return;
        data = { view, asked: period, generation };
        if (app.current() !== 'results') return;
        draw(root, app, view, load);
        if (period !== null) (root.querySelector('select') as HTMLElement | null)?.focus();
      });
    };
    if (data && data.generation === app.generation) draw(root, app, data.view, load);
    else load(data?.asked ?? null);
  },
};
