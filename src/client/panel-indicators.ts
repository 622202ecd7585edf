/**
 * Indicators: the preset's full list grouped by direction, for a period and for the
 * district, one school or one subject. Each shows its value (a share with its numerator
 * and denominator), its coverage and its like-for-like change; opening it shows its
 * definition, the school ranking beside the district's value and the district's dynamics
 * over every period. Changing the period asks the server; the school or subject is picked
 * from what arrived.
 */
import type { Fresh } from '../core/views/snapshot';
import { freshnessLine } from './freshness';
import type { IndicatorsPanelView, PanelIndicator, PanelValue } from '../core/views/indicators-panel';
import type { Localized } from '../core/text/i18n';
import type { App, Panel } from './app';
import { lines, stackedBars } from './charts';
import type { Cell, TableData } from './csv';
import { h, replace, uid } from './dom';
import { exportBar, filterText } from './export';
import { num, pick, t } from './i18n';
import { call, withStatus } from './rpc';
import { field, section, statusLine } from './ui';

let data: Fresh<IndicatorsPanelView> | null = null;
let loadedFor = -1;
/** '' the district, 's:<index>' a school, 'j:<index>' a subject. */
let scope = '';

function valueText(value: number | null, unit: PanelIndicator['unit']): string {
  if (value === null) return t('noData');
  if (unit === '%') return `${num(value)} %`;
  if (unit === 'yes/no') return value >= 1 ? t('yes') : t('no');
  return num(value);
}

function shown(indicator: PanelIndicator): PanelValue | null {
  if (scope.startsWith('s:')) return indicator.bySchool[Number(scope.slice(2))] ?? null;
  if (scope.startsWith('j:')) return indicator.bySubject[Number(scope.slice(2))] ?? null;
  return indicator.overall;
}

function scopeName(view: IndicatorsPanelView): string {
  if (scope.startsWith('s:')) return view.schools[Number(scope.slice(2))] ?? t('indDistrict');
  if (scope.startsWith('j:')) return view.subjects[Number(scope.slice(2))] ?? t('indDistrict');
  return t('indDistrict');
}

/** The value as one text: a suppressed value says so and nothing else. */
function valueCell(view: IndicatorsPanelView, indicator: PanelIndicator, value: PanelValue | null): string {
  if (value?.suppressed) return t('suppressed', { k: view.privacyThreshold });
  return valueText(value?.value ?? null, indicator.unit);
}

function fractionText(indicator: PanelIndicator, value: PanelValue | null): string | null {
  if (!value || value.suppressed || value.numerator === null || value.denominator === null) return null;
  // Only a share reads as "x of y": a mean's numerator is a sum of scores, and its respondents are in the coverage line.
  if (indicator.kind !== 'share') return null;
  return t('fraction', { numerator: num(value.numerator, 2), denominator: num(value.denominator, 2) });
}

function coverageText(value: PanelValue | null): string | null {
  const coverage = value?.coverage;
  if (!coverage) return null;
  if (coverage.schools === null) return t('coverageDistrict');
  const parts = [t('coverageSchools', { reported: coverage.schools, total: coverage.of })];
  // A group under the privacy threshold carries no number of its people either.
  if (value.suppressed) return parts[0];
  if (coverage.respondents !== null) parts.push(t('coverageRespondents', { respondents: coverage.respondents }));
  else if (coverage.teachers !== null) parts.push(t('indTeachers', { teachers: num(coverage.teachers, 2) }));
  return parts.join(' · ');
}

function changeText(indicator: PanelIndicator, value: PanelValue | null): string | null {
  const change = value?.change;
  if (!change) return null;
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '±';
  const delta = `${sign}${num(Math.abs(change.delta))}${indicator.unit === '%' ? ` ${t('pp')}` : ''}`;
  if (change.schools === null) return t('changeAgainst', { delta, period: pick(change.previousPeriod) });
  return t('indChangeSame', { delta, period: pick(change.previousPeriod), schools: change.schools });
}

function definitionView(indicator: PanelIndicator): HTMLElement {
  const d = indicator.definition;
  const row = (term: string, text: Localized | Localized[] | null) => {
    if (text === null || (Array.isArray(text) && text.length === 0)) return [];
    return [h('dt', {}, term), ...(Array.isArray(text) ? text : [text]).map((item) => h('dd', {}, pick(item)))];
  };
  return h('div', { class: 'definition' }, [
    h('h5', {}, t('indDefinition')),
    h('dl', {}, [
      ...row(d.denominator ? t('indNumerator') : t('indCounted'), d.numerator),
      ...row(t('indDenominator'), d.denominator),
      ...row(t('indSource'), d.source),
      ...row(t('indFields'), d.fields),
      ...row(t('indDocuments'), d.documents),
      ...row(t('indNote'), d.note),
    ]),
  ]);
}

/** The schools with a value, best first, under the district's; suppressed ones last, saying so. */
function ranking(view: IndicatorsPanelView, indicator: PanelIndicator): HTMLElement[] {
  const schools = view.schools.map((name, i) => ({ name, value: indicator.bySchool[i] }));
  const withData = schools.filter((s) => s.value && (s.value.suppressed || s.value.value !== null));
  const missing = schools.filter((s) => !withData.includes(s)).map((s) => s.name);
  if (withData.length === 0) return missing.length ? [h('p', { class: 'muted' }, t('indNoSchoolData', { schools: missing.join('; ') }))] : [];
  withData.sort((a, b) => (a.value!.suppressed ? 1 : 0) - (b.value!.suppressed ? 1 : 0) || (b.value!.value ?? 0) - (a.value!.value ?? 0));
  const categories = [t('indDistrict'), ...withData.map((s) => s.name)];
  const values = [indicator.overall.suppressed ? null : indicator.overall.value, ...withData.map((s) => (s.value!.suppressed ? null : s.value!.value))];
  const percent = indicator.unit === '%';
  return [
    stackedBars({
      title: t('indRanking', { title: pick(indicator.title), period: view.period ? pick(view.period.label) : '' }),
      categories, series: [{ label: t('indValue'), values }],
      unit: percent ? '%' : undefined, max: percent ? 100 : undefined,
      missing: t('suppressed', { k: view.privacyThreshold }), categoryTitle: t('colSchool'),
    }),
    missing.length ? h('p', { class: 'muted' }, t('indNoSchoolData', { schools: missing.join('; ') })) : null,
  ].filter((node): node is HTMLElement => node !== null);
}

function dynamics(view: IndicatorsPanelView, indicator: PanelIndicator): HTMLElement | null {
  if (view.periods.length < 2 || indicator.history.every((v) => v === null)) return null;
  return lines({
    title: t('indDynamics', { title: pick(indicator.title) }),
    categories: view.periods.map((p) => pick(p.label)),
    series: [{ label: t('indValue'), values: indicator.history }],
    unit: indicator.unit === '%' ? '%' : undefined, min: 0, max: indicator.unit === '%' ? 100 : undefined,
    missing: t('noData'), categoryTitle: t('indPeriodCol'),
  });
}

function indicatorCard(view: IndicatorsPanelView, indicator: PanelIndicator): HTMLElement {
  const value = shown(indicator);
  const headingId = uid('ind');
  return h('li', { class: 'card', 'data-indicator': indicator.id, 'aria-labelledby': headingId }, [
    h('h4', { id: headingId }, pick(indicator.title)),
    h('p', { class: value?.suppressed ? 'value suppressed' : 'value' }, valueCell(view, indicator, value)),
    ...[fractionText(indicator, value), coverageText(value), changeText(indicator, value)]
      .map((text, i) => (text ? h('p', { class: ['fraction', 'coverage', 'change'][i] }, text) : null)),
    h('details', { class: 'more' }, [
      h('summary', {}, t('indMore')),
      definitionView(indicator),
      ...ranking(view, indicator),
      dynamics(view, indicator),
    ]),
  ]);
}

/**
 * A value's parts, each in the column that says what it is: a share's numerator and
 * denominator; a mean's number of answers (a survey's) or of teachers (the schools'
 * reports) it is taken over, as the monthly email writes "59,7 — 41 ответ". A mean's
 * numerator, a sum of scores, is no figure to read. A suppressed group has none of them.
 */
function partsOf(indicator: PanelIndicator, value: PanelValue | null): [Cell, Cell, Cell, Cell] {
  if (!value || value.suppressed || value.denominator === null) return [null, null, null, null];
  if (indicator.kind === 'share') return [value.numerator, value.denominator, null, null];
  if (indicator.kind !== 'mean') return [null, null, null, null];
  // A survey's value carries its respondents in the coverage; a report's, the teachers.
  const survey = value.coverage !== null && value.coverage.respondents !== null;
  return survey ? [null, null, value.denominator, null] : [null, null, null, value.denominator];
}

/** What the CSV holds: the list as shown (scope and period), then every school's values. */
function tables(view: IndicatorsPanelView): TableData[] {
  const period = view.period ? pick(view.period.label) : '';
  const all = view.directions.flatMap((direction) => direction.indicators.map((indicator) => ({ direction, indicator })));
  const numberOrText = (value: PanelValue | null): Cell =>
    value?.suppressed ? t('suppressed', { k: view.privacyThreshold }) : value?.value ?? null;
  return [
    {
      title: t('indTableTitle', { scope: scopeName(view), period }),
      headers: [t('indIndicator'), t('indDirection'), t('indValue'), t('indShareNumerator'), t('indShareDenominator'),
        t('indMeanAnswers'), t('indMeanTeachers'), t('indCoverage'), t('indChange')],
      numeric: [2, 3, 4, 5, 6],
      rows: all.map(({ direction, indicator }) => {
        const value = shown(indicator);
        return [pick(indicator.title), pick(direction.title), numberOrText(value), ...partsOf(indicator, value),
          coverageText(value), changeText(indicator, value)];
      }),
    },
    {
      title: t('indBySchoolTitle', { period }),
      headers: [t('indIndicator'), t('indDistrict'), ...view.schools],
      rows: all.map(({ indicator }) => [pick(indicator.title), numberOrText(indicator.overall), ...indicator.bySchool.map((value) => numberOrText(value))]),
    },
  ];
}

function filters(view: IndicatorsPanelView, onPeriod: (id: string) => void, onScope: () => void): HTMLElement {
  const period = h('select', { onchange: (event: Event) => onPeriod((event.target as HTMLSelectElement).value) },
    [...view.periods].reverse().map((p) => h('option', { value: p.id, selected: p.id === view.period?.id }, pick(p.label))));
  const scopeSelect = h('select', {
    onchange: (event: Event) => { scope = (event.target as HTMLSelectElement).value; onScope(); },
  }, [
    h('option', { value: '', selected: scope === '' }, t('indDistrict')),
    view.schools.length ? h('optgroup', { label: t('indSchools') }, view.schools.map((name, i) => h('option', { value: `s:${i}`, selected: scope === `s:${i}` }, name))) : null,
    view.subjects.length ? h('optgroup', { label: t('indSubjects') }, view.subjects.map((name, i) => h('option', { value: `j:${i}`, selected: scope === `j:${i}` }, name))) : null,
  ]);
  period.id = 'ind-period';
  scopeSelect.id = 'ind-scope';
  return h('div', { class: 'filters filters-stack' }, [field(t('indPeriod'), period).wrap, field(t('indScope'), scopeSelect, t('indScopeHint')).wrap]);
}

function draw(root: HTMLElement, app: App, view: Fresh<IndicatorsPanelView>, status: HTMLElement): void {
  const fresh = freshnessLine(view.freshness, app, () => { if (app.current() === 'indicators') indicatorsPanel.show(root, app); });
  if (!view.period) {
    replace(root, [h('h2', {}, t('tabIndicators')), fresh, h('p', {}, t('indNoPeriods')), status]);
    return;
  }
  const list = h('div', { class: 'indicator-list' });
  const context = h('p', { class: 'context', 'aria-live': 'polite' });
  const printed = h('p', { class: 'print-only print-filters' });
  const drawList = () => {
    context.textContent = t('indShowing', { preset: pick(view.preset), period: pick(view.period!.label), scope: scopeName(view) });
    printed.textContent = filterText([[t('indPeriod'), pick(view.period!.label)], [t('indScope'), scopeName(view)]]);
    replace(list, view.directions.map((direction) => section(pick(direction.title), [
      h('ul', { class: 'cards' }, direction.indicators.map((indicator) => indicatorCard(view, indicator))),
    ], { 'data-direction': direction.id })));
  };
  const onPeriod = (id: string) => void load(root, app, id, status);
  replace(root, [
    h('h2', {}, t('tabIndicators')),
    fresh,
    filters(view, onPeriod, drawList),
    printed,
    context,
    exportBar(t('tabIndicators'), () => tables(view)),
    status,
    list,
  ]);
  drawList();
}

async function load(root: HTMLElement, app: App, period: string | null, status: HTMLElement): Promise<void> {
  const generation = app.generation;
  const loaded = await withStatus(status, () => call('getIndicatorsPanel', period));
  if (!loaded) return;
  data = loaded;
  loadedFor = generation;
  if (app.current() === 'indicators') {
    draw(root, app, loaded, status);
    (root.querySelector('#ind-period') as HTMLElement | null)?.focus();
  }
}

export const indicatorsPanel: Panel = {
  id: 'indicators',
  title: 'tabIndicators',
  needsSetup: true,
  show(root, app) {
    const status = statusLine();
    if (data && loadedFor === app.generation) {
      draw(root, app, data, status);
      return;
    }
    replace(root, [h('h2', {}, t('tabIndicators')), status]);
    const generation = app.generation;
    void withStatus(status, () => call('getIndicatorsPanel', null)).then((loaded) => {
      if (!loaded) return;
      data = loaded;
      loadedFor = generation;
      if (app.current() === 'indicators') draw(root, app, loaded, status);
    });
  },
};
