/**
 * Survey results: mentoring (mentees and mentors side by side, per question, per school),
 * network interaction (participation, satisfaction, per question, per school) and
 * professional deficits (share per type, for all subjects or one). One period at a time.
 * A group under the privacy threshold arrives without numbers and is shown as
 * "fewer than k answers — hidden" in the cards, the tables and the charts alike.
 */
import type { Fresh } from '../core/views/snapshot';
import { freshnessLine } from './freshness';
import type { Figure, SurveyResultsView } from '../core/views/survey-results';
import type { App, Panel } from './app';
import { stackedBars } from './charts';
import type { Cell, TableData } from './csv';
import { h, replace, uid } from './dom';
import { dataTable, exportBar, filterSummary } from './export';
import { num, pick, t } from './i18n';
import { call, withStatus } from './rpc';
import { field, section, statusLine } from './ui';

/** The view last loaded, with the period it was asked for (null: the latest). */
let data: { view: Fresh<SurveyResultsView>; asked: string | null; generation: number } | null = null;
let subject = '';

/**
 * A figure as a table cell, on screen and in the CSV alike: its number, or the phrase that
 * stands for it (hidden, no data, not asked) — a hidden group never carries a number.
 */
function figureCell(figure: Figure | null, k: number): Cell {
  if (figure === null || figure.hidden || figure.value === null) return figureText(figure, k);
  return figure.value;
}

/** Respondents beside a figure; none for a hidden group, whose size is not told either. */
function respondents(figure: Figure): Cell {
  return figure.hidden ? null : figure.n;
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

/** The shares per deficit type of the subject chosen ('' all subjects), with its name. */
function deficitShares(view: SurveyResultsView): { chosen: boolean; name: string; shares: Figure[] } {
  const d = view.deficits;
  const chosen = subject === '' ? undefined : d.subjects.find((row) => String(row.subject ?? '') === subject);
  return chosen
    ? { chosen: true, name: groupName(chosen.subject), shares: chosen.shares }
    : { chosen: false, name: t('deficitsAllSubjects'), shares: d.types.map((type) => type.share) };
}

/** Every table of the panel, described once: drawn by dataTable and written to the CSV as they are. */
function tables(view: SurveyResultsView) {
  const k = view.privacyThreshold;
  const { mentoring: m, network: n, deficits: d } = view;
  const deficitsShown = deficitShares(view);
  const summary = (title: string, figure: Figure) => [title, figureCell(figure, k), respondents(figure)];
  return {
    summary: {
      title: t('resultsSummary', { period: view.period ? pick(view.period.label) : '' }),
      headers: [t('colMeasure'), t('colValue'), t('colRespondents')],
      rows: [
        summary(`${t('mentoringIndex')}: ${t('mentees')}`, m.mentee),
        summary(`${t('mentoringIndex')}: ${t('mentors')}`, m.mentor),
        summary(t('networkParticipationPct'), n.participation),
        summary(t('networkIndex'), n.index),
        summary(t('deficitsAnyPct'), d.any),
      ],
      numeric: [1, 2],
    },
    mentoringItems: {
      title: t('mentoringItems'), headers: [t('colQuestion'), t('mentees'), t('mentors')], numeric: [1, 2],
      rows: m.items.map((item) => [pick(item.title), figureCell(item.mentee, k), figureCell(item.mentor, k)]),
    },
    mentoringSchools: {
      title: t('mentoringSchools'), headers: [t('colSchool'), t('mentees'), t('mentors')], numeric: [1, 2],
      rows: m.schools.map((row) => [groupName(row.school), figureCell(row.mentee, k), figureCell(row.mentor, k)]),
    },
    networkItems: {
      title: t('networkItems'), headers: [t('colQuestion'), t('colIndex')], numeric: [1],
      rows: n.items.map((item) => [pick(item.title), figureCell(item.mean, k)]),
    },
    networkSchools: {
      title: t('networkSchools'), headers: [t('colSchool'), t('colParticipationPct'), t('colIndex')], numeric: [1, 2],
      rows: n.schools.map((row) => [groupName(row.school), figureCell(row.participation, k), figureCell(row.index, k)]),
    },
    deficitTypes: {
      title: t('deficitsChart', { subject: deficitsShown.name }), headers: [t('colDeficit'), t('colShare')], numeric: [1],
      rows: d.types.map((type, i) => [pick(type.title), figureCell(deficitsShown.shares[i], k)]),
    },
    deficitSubjects: {
      title: t('deficitsBySubject'), headers: [t('colDeficit'), ...d.subjects.map((row) => groupName(row.subject))],
      numeric: d.subjects.map((_, i) => i + 1),
      rows: d.types.map((type, i) => [pick(type.title), ...d.subjects.map((row) => figureCell(row.shares[i], k))]),
    },
  } satisfies Record<string, TableData>;
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
    dataTable(tables(view).mentoringItems),
    dataTable(tables(view).mentoringSchools),
  ], { 'data-section': 'mentoring' });
}

function network(view: SurveyResultsView): HTMLElement {
  const k = view.privacyThreshold;
  const n = view.network;
  return section(t('networkTitle'), [
    h('ul', { class: 'cards cards-2' }, [card(t('networkParticipation'), n.participation, k, ' %'), card(t('networkIndex'), n.index, k)]),
    dataTable(tables(view).networkItems),
    n.schools.length === 0 ? null : stackedBars({
      title: t('networkChart'), categories: n.schools.map((row) => groupName(row.school)),
      series: [{ label: t('colParticipation'), values: n.schools.map((row) => chartValue(row.participation)) }],
      unit: '%', max: 100, missing: t('suppressed', { k }), categoryTitle: t('colSchool'),
    }),
    dataTable(tables(view).networkSchools),
  ], { 'data-section': 'network' });
}

function deficits(view: SurveyResultsView, redraw: () => void): HTMLElement {
  const k = view.privacyThreshold;
  const d = view.deficits;
  const { chosen, name: subjectName, shares } = deficitShares(view);
  const select = h('select', { onchange: (event: Event) => { subject = (event.target as HTMLSelectElement).value; redraw(); } }, [
    h('option', { value: '' }, t('deficitsAllSubjects')),
    ...d.subjects.map((row) => h('option', { value: row.subject ?? '' }, groupName(row.subject))),
  ]);
  select.value = chosen ? subject : '';
  return section(t('deficitsTitle'), [
    h('ul', { class: 'cards' }, [card(t('deficitsAny'), d.any, k, ' %')]),
    field(t('deficitsSubject'), select).wrap,
    filterSummary([[t('deficitsSubject'), subjectName]]),
    stackedBars({
      title: t('deficitsChart', { subject: subjectName }), categories: d.types.map((type) => pick(type.title)),
      series: [{ label: t('colShare'), values: shares.map(chartValue) }],
      unit: '%', max: 100, missing: t('suppressed', { k }), categoryTitle: t('colDeficit'),
    }),
    dataTable(tables(view).deficitTypes, { hideCaption: true }),
  ], { 'data-section': 'deficits' });
}

function draw(root: HTMLElement, app: App, view: Fresh<SurveyResultsView>, load: (period: string | null) => void): void {
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
    freshnessLine(view.freshness, app, () => { if (app.current() === 'results') resultsPanel.show(root, app); }),
    view.periods.length > 0 ? field(t('resultsPeriod'), periodSelect).wrap : null,
    view.period ? filterSummary([[t('resultsPeriod'), pick(view.period.label)]]) : null,
    h('p', { class: 'muted' }, t('resultsPrivacy', { k: view.privacyThreshold })),
    view.period ? exportBar(t('resultsTitle'), () => Object.values(tables(view))) : null,
    status,
    body,
  ]);
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
