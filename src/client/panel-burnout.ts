/**
 * Burnout (V.V. Boyko): the three phases and the 12 symptoms by level, the dominant
 * symptoms, the share with at least one formed phase per school, age band and experience
 * band, and the schools with a high share. A group below the privacy threshold arrives
 * with no numbers and is drawn as "fewer than k answers — hidden" in the chart, its table
 * and the CSV alike.
 */
import type { Fresh } from '../core/views/snapshot';
import { freshnessLine } from './freshness';
import type { BurnoutGroup, BurnoutView } from '../core/views/burnout';
import type { App, Panel } from './app';
import { chartTable, ChartSpec, stackedBars } from './charts';
import type { TableData } from './csv';
import { h, replace } from './dom';
import { exportBar, filterSummary } from './export';
import { num, pick, t } from './i18n';
import { call, withStatus } from './rpc';
import { field, section, statusLine } from './ui';

let data: Fresh<BurnoutView> | null = null;
let loadedFor = -1;

const LEVELS = [['not_formed', 'bNotFormed'], ['forming', 'bForming'], ['formed', 'bFormed']] as const;

function levelSpec(title: string, categoryTitle: string, rows: Array<{ name: string; levels: Record<string, number> }>): ChartSpec & { max: number; totals: boolean } {
  return {
    title, categoryTitle, unit: '%', max: 100, totals: false,
    categories: rows.map((row) => row.name),
    series: LEVELS.map(([level, text]) => ({ label: t(text), values: rows.map((row) => row.levels[level]) })),
  };
}

function groupLabel(group: BurnoutGroup): string {
  return group.label ? pick(group.label) : t('bNotStated');
}

function groupSpec(view: BurnoutView, title: string, groups: BurnoutGroup[]): ChartSpec & { max: number } {
  return {
    title, categoryTitle: t('bGroupCol'), unit: '%', max: 100,
    categories: groups.map(groupLabel),
    series: [{ label: t('bShareCol'), values: groups.map((group) => (group.suppressed ? null : group.formed?.percent ?? null)) }],
    missing: t('suppressed', { k: view.privacyThreshold }),
  };
}

/** A group table for the CSV: the share, its parts and whether it is high; a hidden group says so and nothing else. */
function groupTable(view: BurnoutView, title: string, groups: BurnoutGroup[], withHigh: boolean): TableData {
  return {
    title,
    headers: [t('bGroupCol'), t('bShareCol'), t('indNumerator'), t('indDenominator'), ...(withHigh ? [t('bHighCol')] : [])],
    rows: groups.map((group) => group.suppressed || !group.formed
      ? [groupLabel(group), t('suppressed', { k: view.privacyThreshold }), null, null, ...(withHigh ? [null] : [])]
      : [groupLabel(group), group.formed.percent, group.formed.numerator, group.formed.denominator, ...(withHigh ? [group.high ? t('yes') : t('no')] : [])]),
  };
}

function specs(view: BurnoutView) {
  const names = new Map(view.symptoms.map((symptom) => [symptom.id, pick(symptom.name)]));
  return {
    phases: levelSpec(t('bPhasesChart'), t('bPhase'), view.phases.map((phase) => ({ name: pick(phase.name), levels: phase.levels }))),
    symptoms: levelSpec(t('bSymptomsChart'), t('bSymptom'), view.symptoms.map((symptom) => ({ name: `${symptom.id}. ${names.get(symptom.id)}`, levels: symptom.levels }))),
    school: groupSpec(view, t('bBySchool'), view.bySchool),
    age: groupSpec(view, t('bByAge'), view.byAge),
    experience: groupSpec(view, t('bByExperience'), view.byExperience),
  };
}

function tables(view: BurnoutView): TableData[] {
  const s = specs(view);
  return [
    ...(view.suppressed ? [] : [chartTable(s.phases), chartTable(s.symptoms)]),
    groupTable(view, t('bBySchool'), view.bySchool, true),
    groupTable(view, t('bByAge'), view.byAge, false),
    groupTable(view, t('bByExperience'), view.byExperience, false),
  ];
}

function draw(root: HTMLElement, app: App, view: Fresh<BurnoutView>, status: HTMLElement): void {
  const period = h('select', { id: 'burnout-period', onchange: (event: Event) => void load(root, app, (event.target as HTMLSelectElement).value, status) },
    [...view.periods].reverse().map((p) => h('option', { value: p.id, selected: p.id === view.period?.id }, pick(p.label))));
  const head = [
    h('h2', {}, t('tabBurnout')),
    freshnessLine(view.freshness, app, () => { if (app.current() === 'burnout') burnoutPanel.show(root, app); }),
    view.periods.length > 1 ? h('div', { class: 'filters' }, [field(t('bPeriod'), period).wrap]) : null,
    view.period ? filterSummary([[t('bPeriod'), pick(view.period.label)]]) : null,
  ];
  if (!view.period || (view.respondents === null && !view.suppressed)) {
    replace(root, [...head, h('p', {}, t('bNone')), status]);
    return;
  }
  const s = specs(view);
  const periodText = pick(view.period.label);
  const names = new Map(view.symptoms.map((symptom) => [symptom.id, symptom]));
  replace(root, [
    ...head,
    view.suppressed
      ? h('p', { class: 'context suppressed-note' }, t('bHiddenAll', { k: view.privacyThreshold }))
      : h('p', { class: 'context' }, t('bIntro', { respondents: view.respondents ?? 0, period: periodText, incomplete: view.incomplete ?? 0 })),
    exportBar(t('tabBurnout'), () => tables(view)),
    status,
    view.suppressed ? null : section(t('bPhases'), [
      view.formedAny ? h('p', { class: 'formed-any' }, t('bFormedAny', { percent: num(view.formedAny.percent), numerator: view.formedAny.numerator, denominator: view.formedAny.denominator })) : null,
      stackedBars(s.phases),
    ], { 'data-section': 'phases' }),
    view.suppressed ? null : section(t('bSymptoms'), [stackedBars(s.symptoms)], { 'data-section': 'symptoms' }),
    view.suppressed ? null : section(t('bDominant'), [
      view.dominant.length === 0 ? h('p', {}, t('bNoDominant')) : h('ol', { class: 'dominant' }, view.dominant.map((id) => {
        const symptom = names.get(id)!;
        return h('li', {}, t('bDominantItem', { name: pick(symptom.name), percent: num(symptom.dominantPercent) }));
      })),
    ], { 'data-section': 'dominant' }),
    section(t('bGroups'), [
      // Each chart's caption names its breakdown.
      stackedBars(s.school), stackedBars(s.age), stackedBars(s.experience),
    ], { 'data-section': 'groups' }),
    section(t('bHigh', { percent: view.highBurnoutPercent }), [
      view.highSchools.length === 0 ? h('p', {}, t('bNoHigh')) : h('ul', { class: 'high-schools' }, view.highSchools.map((school) => h('li', {}, school))),
    ], { 'data-section': 'high' }),
  ]);
}

async function load(root: HTMLElement, app: App, period: string | null, status: HTMLElement): Promise<void> {
  const generation = app.generation;
  const loaded = await withStatus(status, () => call('getBurnout', period));
  if (!loaded) return;
  data = loaded;
  loadedFor = generation;
  if (app.current() !== 'burnout') return;
  draw(root, app, loaded, status);
  if (period !== null) (root.querySelector('#burnout-period') as HTMLElement | null)?.focus();
}

export const burnoutPanel: Panel = {
  id: 'burnout',
  title: 'tabBurnout',
  needsSetup: true,
  show(root, app) {
    const status = statusLine();
    if (data && loadedFor === app.generation) {
      draw(root, app, data, status);
      return;
    }
    replace(root, [h('h2', {}, t('tabBurnout')), status]);
    void load(root, app, null, status);
  },
};
