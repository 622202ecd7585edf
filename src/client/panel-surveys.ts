/**
 * Surveys: every instrument's form and the school report form — create and publish,
 * re-create, relink; the respondent link to copy; the form to open; answers so far and
 * the response rate per school; the schools that have not filed their report.
 */
import type { Fresh } from '../core/views/snapshot';
import { freshnessLine } from './freshness';
import type { SurveysView } from '../shared/api';
import type { App, Panel } from './app';
import { h, replace } from './dom';
import { num, pick, t } from './i18n';
import { call, withStatus } from './rpc';
import { button, section, statusLine, table } from './ui';

let data: Fresh<SurveysView> | null = null;
let loadedFor = -1;
/** The kind whose re-create the user is asked to confirm. */
let confirming: string | null = null;
let notice = '';

function copyControl(link: string, label: string): HTMLElement {
  const input = h('input', { type: 'text', readonly: true, value: link, class: 'link', 'aria-label': label });
  const said = h('span', { class: 'copied', role: 'status', 'aria-live': 'polite' });
  const copy = button(t('copyLink'), () => {
    input.select();
    // The sandboxed frame may not be allowed the async clipboard (asking anyway logs a
    // permissions-policy error); then the selected text is copied the old way, or by hand.
    const done = () => { said.textContent = t('copied'); };
    const fallback = () => { said.textContent = document.execCommand('copy') ? t('copied') : t('copyByHand'); };
    const policy = (document as Document & { featurePolicy?: { allowsFeature(feature: string): boolean } }).featurePolicy;
    if (navigator.clipboard?.writeText && policy?.allowsFeature('clipboard-write') !== false) navigator.clipboard.writeText(link).then(done, fallback);
    else fallback();
  });
  return h('div', { class: 'copy-row' }, [input, copy, said]);
}

function formCard(form: SurveysView['forms'][number], app: App, reload: () => void, status: HTMLElement): HTMLElement {
  const title = pick(form.title);
  const create = async () => {
    confirming = null;
    const created = await withStatus(status, () => call('createSurveyForm', form.kind));
    if (created) {
      notice = t('formCreated', { title });
      app.invalidate();
      reload();
    }
  };
  const active = form.active;
  return h('li', { class: 'form-card', 'data-kind': form.kind }, [
    h('h3', {}, title),
    active
      ? h('div', {}, [
        h('p', {}, [t('responsesSoFar', { count: form.responses }), form.earlier > 0 ? ` ${t('earlierForms', { count: form.earlier })}` : '']),
        copyControl(active.publishedUrl, t('respondentLinkOf', { title })),
        h('p', { class: 'links' }, [
          h('a', { href: active.publishedUrl, target: '_blank', rel: 'noopener noreferrer' }, t('openRespondent')),
          ' · ',
          h('a', { href: active.editUrl, target: '_blank', rel: 'noopener noreferrer' }, t('openForm')),
        ]),
        confirming === form.kind
          ? h('div', { class: 'confirm', role: 'group', 'aria-label': t('recreateQuestion', { title }) }, [
            h('p', {}, t('recreateQuestion', { title })),
            button(t('recreateConfirm'), () => void create(), { class: 'primary' }),
            ' ',
            button(t('cancel'), () => { confirming = null; reload(); }),
          ])
          : button(t('recreate'), () => { confirming = form.kind; reload(); }),
      ])
      : h('div', {}, [h('p', { class: 'muted' }, t('notCreated')), button(t('createPublish'), () => void create(), { class: 'primary' })]),
  ]);
}

function rateText(rate: number | null): string {
  return rate === null ? t('noReport') : `${num(rate)} %`;
}

/** In the table, "no report" is a phrase that may wrap, so the school names keep their room at 300 px. */
function rateCell(rate: number | null): string | Node {
  return rate === null ? h('span', { class: 'figure-text' }, t('noReport')) : rateText(rate);
}

function draw(root: HTMLElement, app: App, view: Fresh<SurveysView>, reload: () => void): void {
  const status = statusLine();
  const relink = button(t('relink'), async () => {
    const done = await withStatus(status, () => call('relinkSurveyForms'), [relink]);
    if (done) { notice = t('relinked'); app.invalidate(); reload(); }
  });
  const refresh = button(t('refresh'), () => { app.invalidate(); reload(); });
  const period = view.currentPeriod ? pick(view.currentPeriod.label) : t('noPeriod');
  replace(root, [
    h('h2', {}, t('tabSurveys')),
    freshnessLine(view.freshness, app, reload),
    notice ? h('p', { class: 'ok', role: 'status' }, notice) : null,
    status,
    h('ul', { class: 'form-list' }, view.forms.map((form) => formCard(form, app, reload, status))),
    h('div', { class: 'actions' }, [relink, ' ', refresh]),
    section(t('ratesTitle', { period }), view.rates.filter((r) => view.forms.some((f) => f.kind === r.instrument && f.active)).map((rates) => {
      const title = pick(rates.title);
      return h('div', { class: 'rates' }, [
        h('h3', {}, title),
        h('p', {}, t('ratesOverall', { respondents: rates.overall.respondents, teachers: rates.overall.teachers ?? '—', rate: rateText(rates.overall.rate) })),
        table(t('ratesCaption', { title, period }), [t('colSchool'), t('colAnswers'), t('colTeachers'), t('colRate')],
          rates.schools.map((row) => [row.school, row.respondents, row.teachers ?? '—', rateCell(row.rate)]), { hideCaption: true, numeric: [1, 2, 3] }),
      ]);
    })),
    section(t('missingTitle', { period }), [
      view.missingReports.length === 0
        ? h('p', { class: 'ok' }, t('allReported'))
        : h('ul', { class: 'missing' }, view.missingReports.map((school) => h('li', {}, school))),
    ]),
  ]);
}

export const surveysPanel: Panel = {
  id: 'surveys',
  title: 'tabSurveys',
  needsSetup: true,
  show(root, app) {
    const reload = () => { if (app.current() === 'surveys') surveysPanel.show(root, app); };
    if (data && loadedFor === app.generation) {
      draw(root, app, data, reload);
      return;
    }
    const status = statusLine();
    replace(root, [h('h2', {}, t('tabSurveys')), status]);
    const generation = app.generation;
    void withStatus(status, () => call('getSurveysStatus')).then((view) => {
      if (!view) return;
      data = view;
      loadedFor = generation;
      if (app.current() === 'surveys') draw(root, app, view, reload);
    });
  },
};
