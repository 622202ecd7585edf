/**
 * Overview: the preset's key indicators as cards (value, numerator/denominator, coverage,
 * change against the previous period) and the alerts a coordinator should act on.
 */
import type { Fresh } from '../core/views/snapshot';
import { freshnessLine } from './freshness';
import type { HealthView, OverviewView } from '../shared/api';
import type { IndicatorCard } from '../core/views/overview';
import type { App, Panel } from './app';
import { h, replace } from './dom';
import { num, pick, t } from './i18n';
import { call, withStatus } from './rpc';
import { alertItem, button, section, statusLine } from './ui';

/** The overview and the health status, fetched together: the alerts show both. */
let data: { view: Fresh<OverviewView>; health: HealthView } | null = null;
let loadedFor = -1;

function valueText(card: IndicatorCard): string {
  if (card.value === null) return t('noData');
  switch (card.unit) {
    case '%': return `${num(card.value)} %`;
    case 'yes/no': return card.value >= 1 ? t('yes') : t('no');
    default: return num(card.value);
  }
}

function changeText(card: IndicatorCard): string | null {
  if (!card.change) return null;
  const { delta } = card.change;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const amount = `${sign}${num(Math.abs(delta))}${card.unit === '%' ? ` ${t('pp')}` : ''}`;
  return t('changeAgainst', { delta: amount, period: pick(card.change.previousPeriod) });
}

function coverageText(card: IndicatorCard): string {
  if (card.coverage.kind === 'district') return t('coverageDistrict');
  return card.coverage.kind === 'schools'
    ? t('coverageSchools', { reported: card.coverage.reported, total: card.coverage.total })
    : card.coverage.teachers === null
      ? t('coverageRespondents', { respondents: card.coverage.respondents })
      : t('coverageRespondentsOf', { respondents: card.coverage.respondents, teachers: card.coverage.teachers });
}

function cardView(card: IndicatorCard, threshold: number): HTMLElement {
  const change = changeText(card);
  return h('li', { class: 'card', 'data-indicator': card.id }, [
    h('h3', {}, pick(card.title)),
    card.suppressed
      ? h('p', { class: 'value suppressed' }, t('suppressed', { k: threshold }))
      : h('p', { class: 'value' }, valueText(card)),
    // A mean's numerator is a sum of scores, meaningless to read; its respondents are in the coverage line.
    !card.suppressed && card.numerator !== null && card.denominator !== null && card.kind === 'share'
      ? h('p', { class: 'fraction' }, t('fraction', { numerator: num(card.numerator, 2), denominator: num(card.denominator, 2) }))
      : null,
    h('p', { class: 'coverage' }, coverageText(card)),
    change ? h('p', { class: 'change' }, change) : null,
  ]);
}

const LEVEL_TEXT = { error: 'levelError', warning: 'levelWarning', info: 'levelInfo' } as const;

function draw(root: HTMLElement, app: App, { view, health }: { view: Fresh<OverviewView>; health: HealthView }, reload: () => void): void {
  const status = statusLine();
  const refresh = button(t('recomputeIndicators'), async () => {
    const done = await withStatus(status, () => call('refreshIndicators'), [refresh]);
    if (done) { app.invalidate(); reload(); }
  });
  replace(root, [
    h('h2', {}, t('tabOverview')),
    freshnessLine(view.freshness, app, reload, false),
    h('p', { class: 'context' }, [
      h('strong', {}, view.districtName), ' · ', pick(view.preset),
      h('br'),
      view.currentPeriod ? t('periodIs', { period: pick(view.currentPeriod.label) }) : t('noPeriod'),
      ' · ', t('coverageSchools', { reported: view.schools.reported, total: view.schools.total }),
    ]),
    section(t('alertsTitle'), [
      view.alerts.length + health.problems.length === 0
        ? h('p', { class: 'ok' }, t('noAlerts'))
        : h('ul', { class: 'alerts' }, [
          // The health problems (triggers, authorization, waiting responses) come in the workbook's language.
          ...health.problems.map((problem) => alertItem(problem.level, t(LEVEL_TEXT[problem.level]), problem.message, { 'data-alert': problem.id, lang: health.lang })),
          ...view.alerts.map((alert) => alertItem(alert.level, t(LEVEL_TEXT[alert.level]), alert.text, { 'data-alert': alert.id })),
        ]),
    ]),
    section(t('keyIndicators'), [h('ul', { class: 'cards' }, view.cards.map((card) => cardView(card, view.privacyThreshold)))]),
    h('div', { class: 'actions' }, [refresh]),
    status,
  ]);
}

export const overviewPanel: Panel = {
  id: 'overview',
  title: 'tabOverview',
  needsSetup: true,
  show(root, app) {
    const reload = () => { if (app.current() === 'overview') overviewPanel.show(root, app); };
    if (data && loadedFor === app.generation) {
      draw(root, app, data, reload);
      return;
    }
    const status = statusLine();
    replace(root, [h('h2', {}, t('tabOverview')), status]);
    const generation = app.generation;
    void withStatus(status, async () => {
      const [view, health] = await Promise.all([call('getOverview'), call('getHealth')]);
      return { view, health };
    }).then((loaded) => {
      if (!loaded) return;
      data = loaded;
      loadedFor = generation;
      if (app.current() === 'overview') draw(root, app, loaded, reload);
    });
  },
};
