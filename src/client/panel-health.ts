/**
 * Health and log: Recalculate all with its progress, and the latest log entries in plain
 * language, filterable by kind and text. The recalculation keeps its place in the
 * workbook (a cursor in document properties), so closing the sidebar loses nothing: on
 * the next open this panel finds it, shows where it is and carries it on.
 */
import type { HealthView, LogView, RecalculationProgress, RecalculationStatus } from '../shared/api';
import type { LogLevel } from '../core/views/log';
import type { App, Panel } from './app';
import { h, replace } from './dom';
import { pick, t } from './i18n';
import { call, CallError, withStatus } from './rpc';
import { alertItem, button, field, section, statusLine } from './ui';

/** Each call works this long and returns, so the progress moves and no call nears the 6-minute limit. */
const CHUNK_BUDGET_MS = 20_000;

let log: LogView | null = null;
let health: HealthView | null = null;
let loadedFor = -1;
const filter: { level: LogLevel | 'all'; text: string } = { level: 'all', text: '' };

interface RecalcState {
  running: boolean;
  status: RecalculationStatus | null;
  last: RecalculationProgress | null;
  error: string | null;
  /** A recalculation found on open that an earlier session (or the hourly job) left paused. */
  resumed: boolean;
}
const recalc: RecalcState = { running: false, status: null, last: null, error: null, resumed: false };
let redraw: () => void = () => undefined;

async function runRecalculation(app: App, start: 'recalculateAll' | 'continueRecalculation'): Promise<void> {
  if (recalc.running) return;
  Object.assign(recalc, { running: true, error: null, last: null });
  redraw();
  try {
    let progress = await call(start, { budgetMs: CHUNK_BUDGET_MS });
    for (;;) {
      recalc.last = progress;
      recalc.status = progress.done ? null : await call('getRecalculationStatus');
      redraw();
      if (progress.done) break;
      progress = await call('continueRecalculation', { budgetMs: CHUNK_BUDGET_MS });
    }
    app.invalidate();
  } catch (error) {
    recalc.error = error instanceof CallError ? error.message : String(error);
  } finally {
    recalc.running = false;
    recalc.resumed = false;
    redraw();
  }
}

function recalcSection(app: App): HTMLElement {
  const start = button(t('recalculateAll'), () => void runRecalculation(app, 'recalculateAll'), { class: 'primary' });
  start.disabled = recalc.running;
  const where = recalc.status
    ? t('recalcWhere', { processed: recalc.status.processed, sheet: recalc.status.sheet, sheets: recalc.status.sheets })
    : recalc.last ? t('recalcProcessed', { processed: recalc.last.processed }) : null;
  const sheets = recalc.status?.sheets ?? 0;
  const done = recalc.status ? recalc.status.sheet - 1 : sheets;
  return section(t('recalcTitle'), [
    h('p', { class: 'hint' }, t('recalcHint')),
    h('div', { class: 'actions' }, [start]),
    h('div', { class: 'recalc-progress', role: 'status', 'aria-live': 'polite' }, [
      recalc.resumed && recalc.running ? h('p', {}, t('recalcResumed')) : null,
      recalc.running ? h('p', {}, [h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('recalcRunning')]) : null,
      recalc.running && sheets > 0 ? h('progress', { max: sheets, value: done, 'aria-label': t('recalcTitle') }) : null,
      where ? h('p', {}, where) : null,
      !recalc.running && recalc.last?.done ? h('p', { class: 'ok' }, t('recalcDone', { processed: recalc.last.processed, incomplete: recalc.last.incomplete })) : null,
      recalc.error ? h('p', { class: 'error' }, [t('failed'), ' ', recalc.error]) : null,
    ]),
  ]);
}

function healthSection(view: HealthView): HTMLElement {
  const facts = [
    view.trigger.present ? t('healthTrigger', { owner: view.trigger.owner }) : t('healthNoTrigger'),
    view.lastScheduledRun ? t('healthLastRun', { at: view.lastScheduledRun.replace('T', ' ').slice(0, 16) }) : t('healthNeverRun'),
    t('healthWaiting', { count: view.waiting }),
  ];
  return section(t('healthTitle'), [
    view.problems.length === 0
      ? h('p', { class: 'ok' }, t('healthOk'))
      : h('ul', { class: 'alerts' }, view.problems.map((problem) =>
        alertItem(problem.level, t(problem.level === 'error' ? 'levelError' : 'levelWarning'), problem.message, { 'data-problem': problem.id, lang: view.lang }))),
    h('ul', { class: 'facts' }, facts.map((fact) => h('li', {}, fact))),
  ]);
}

const LEVELS: Array<LogLevel | 'all'> = ['all', 'error', 'warning', 'info'];
const LEVEL_TEXT = { all: 'levelAll', error: 'levelError', warning: 'levelWarning', info: 'levelInfo' } as const;

function logSection(view: LogView, app: App, reload: () => void): HTMLElement {
  const list = h('ul', { class: 'log' });
  const count = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const apply = () => {
    const needle = filter.text.trim().toLocaleLowerCase();
    const shown = view.entries.filter((entry) => (filter.level === 'all' || entry.level === filter.level)
      && (needle === '' || `${pick(entry.text)} ${entry.sheet}`.toLocaleLowerCase().includes(needle)));
    replace(list, shown.map((entry) => alertItem(entry.level, t(LEVEL_TEXT[entry.level]), '', { 'data-code': entry.code })));
    // Each item: the level word, then time and place, then the reason.
    list.querySelectorAll('li').forEach((item, i) => {
      const entry = shown[i];
      item.append(
        h('span', { class: 'log-when' }, [entry.at.replace('T', ' ').slice(0, 16), entry.sheet ? ` · ${entry.sheet}${entry.row !== null ? `, ${t('row')} ${entry.row}` : ''}` : '']),
        h('span', { class: 'log-text' }, pick(entry.text)),
      );
    });
    count.textContent = t('logShown', { shown: shown.length, total: view.total });
  };
  const levelSelect = h('select', { onchange: (e: Event) => { filter.level = (e.target as HTMLSelectElement).value as LogLevel | 'all'; apply(); } },
    LEVELS.map((level) => h('option', { value: level, selected: filter.level === level },
      level === 'all' ? t('levelAll') : `${t(LEVEL_TEXT[level])} (${view.counts[level]})`)));
  const search = h('input', { type: 'search', value: filter.text, oninput: (e: Event) => { filter.text = (e.target as HTMLInputElement).value; apply(); } });
  apply();
  return section(t('logTitle'), [
    h('div', { class: 'filters' }, [field(t('logLevel'), levelSelect).wrap, field(t('logSearch'), search).wrap]),
    count,
    view.total === 0 ? h('p', { class: 'ok' }, t('logEmpty')) : list,
    h('div', { class: 'actions' }, [button(t('refresh'), () => { app.invalidate(); reload(); })]),
  ]);
}

/**
 * On opening the sidebar: a recalculation left paused (the sidebar was closed, or the
 * time budget ran out) is found, shown and carried on.
 */
export async function resumeRecalculation(app: App): Promise<void> {
  let found: RecalculationStatus | null = null;
  try {
    found = await call('getRecalculationStatus');
  } catch (error) {
    recalc.error = error instanceof CallError ? error.message : String(error);
    redraw();
    return;
  }
  if (!found || recalc.running) return;
  recalc.status = found;
  recalc.resumed = true;
  await runRecalculation(app, 'continueRecalculation');
}

export const healthPanel: Panel = {
  id: 'health',
  title: 'tabHealth',
  needsSetup: true,
  show(root, app) {
    const reload = () => { if (app.current() === 'health') healthPanel.show(root, app); };
    const status = statusLine();
    const healthSlot = h('div');
    const recalcSlot = h('div');
    const logSlot = h('div');
    redraw = () => { if (app.current() === 'health') replace(recalcSlot, recalcSection(app)); };
    replace(root, [h('h2', {}, t('tabHealth')), healthSlot, recalcSlot, logSlot, status]);
    redraw();
    if (log && health && loadedFor === app.generation) {
      replace(healthSlot, healthSection(health));
      replace(logSlot, logSection(log, app, reload));
      return;
    }
    const generation = app.generation;
    void withStatus(status, () => Promise.all([call('getHealth'), call('getLogView')])).then((loaded) => {
      if (!loaded) return;
      [health, log] = loaded;
      loadedFor = generation;
      if (app.current() !== 'health') return;
      replace(healthSlot, healthSection(loaded[0]));
      replace(logSlot, logSection(loaded[1], app, reload));
    });
  },
};
