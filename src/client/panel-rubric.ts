/**
 * The self-assessment rubric: the total and each block's points against its computed and
 * declared maxima; blocks open to positions and parameters, each with the suggestion and
 * its reason, what the sheet holds and the points. A parameter's value and evidence are
 * edited here and written to the rubric sheet; the server refuses when the sheet changed
 * since the panel read it, and the panel then reloads to show what the sheet holds.
 * Last, every parameter at 0 with what would prove it.
 */
import type { RubricPanelView, RubricParameterView, ValueCode } from '../core/views/rubric-panel';
import type { Panel } from './app';
import type { TableData } from './csv';
import { h, replace } from './dom';
import { exportBar } from './export';
import { num, pick, t } from './i18n';
import { call, withStatus } from './rpc';
import { button, field, section, statusLine } from './ui';

let data: { view: RubricPanelView; generation: number } | null = null;
/** Blocks the user opened, and the parameter being edited: kept across redraws. */
const open = new Set<string>();
let editing: string | null = null;
/** A message to show beside a parameter after the redraw (saved, or refused and reloaded). */
let notice: { key: string; text: string; error: boolean } | null = null;

const SOURCE = { coordinator: 'sourceCoordinator', suggestion: 'sourceSuggestion', none: 'sourceNone' } as const;
const CHOICES: Record<'point' | 'penalty', { code: ValueCode; text: 'valueYes' | 'valueNo' | 'valueNone' | 'valueSome' | 'valueAll' }[]> = {
  point: [{ code: 'yes', text: 'valueYes' }, { code: 'no', text: 'valueNo' }],
  penalty: [{ code: 'none', text: 'valueNone' }, { code: 'some', text: 'valueSome' }, { code: 'all', text: 'valueAll' }],
};

function points(value: number): string {
  return value < 0 ? `−${num(-value)}` : num(value);
}

function editor(parameter: RubricParameterView, save: (value: string, evidence: string, busy: HTMLButtonElement[]) => void): HTMLElement {
  const select = h('select', {}, [
    h('option', { value: '' }, t('rubricBlank')),
    ...CHOICES[parameter.kind].map((choice) => h('option', { value: choice.code }, t(choice.text))),
  ]);
  select.value = parameter.typed.code ?? '';
  const evidence = h('input', { type: 'text', value: parameter.typed.evidence, maxlength: 2000 });
  const cancel = button(t('cancel'), () => { editing = null; rerender(parameter.key); });
  const saveButton = button(t('rubricSave'), () => save(select.value, evidence.value, [saveButton, cancel]), { class: 'primary' });
  return h('div', { class: 'rubric-editor', role: 'group', 'aria-label': t('rubricEditOf', { parameter: pick(parameter.title) }) }, [
    field(t('rubricValue'), select).wrap,
    field(t('rubricEvidence'), evidence).wrap,
    h('div', { class: 'actions' }, [saveButton, cancel]),
  ]);
}

/** A parameter's value in the sheet as the panel shows it, an unreadable one marked. */
function typedText(parameter: RubricParameterView): string | null {
  if (parameter.typed.value === '') return null;
  return `${parameter.typed.value}${parameter.typed.code === null ? ` ${t('rubricUnreadable')}` : ''}`;
}

/**
 * The rubric as the CSV holds it: points per block against both maxima and the total, every
 * parameter with its suggestion, the coordinator's value and evidence and its points, and
 * what would gain the missing points.
 */
function tables(view: RubricPanelView): TableData[] {
  return [
    {
      title: t('rubricTitle'),
      headers: [t('rubricColBlock'), t('rubricColPoints'), t('rubricColComputedMax'), t('rubricColDeclaredMax')],
      numeric: [1, 2, 3],
      rows: [
        ...view.blocks.map((block) => [pick(block.title), block.points, block.computedMax, block.declaredMax]),
        [t('rubricColTotal'), view.total, view.totalComputedMax, view.totalDeclaredMax],
      ],
    },
    {
      title: t('rubricParametersTitle'),
      headers: [t('rubricColBlock'), t('rubricColPosition'), t('rubricColParameter'), t('rubricColSuggested'), t('rubricColReason'),
        t('rubricColSuggestedEvidence'), t('rubricValue'), t('rubricColEvidence'), t('rubricColUsed'), t('rubricColPoints')],
      numeric: [9],
      rows: view.blocks.flatMap((block) => block.positions.flatMap((position) => position.parameters.map((parameter) => [
        pick(block.title), pick(position.title), pick(parameter.title),
        parameter.suggested ? pick(parameter.suggested.value) : t('rubricNoSuggestion'),
        parameter.suggested ? pick(parameter.suggested.reason) : null,
        parameter.suggested?.evidence ?? null,
        typedText(parameter), parameter.typed.evidence || null,
        `${pick(parameter.used)} (${t(SOURCE[parameter.source])})`, parameter.points,
      ]))),
    },
    {
      title: t('rubricMissingTitle'),
      headers: [t('rubricColBlock'), t('rubricColPosition'), t('rubricColParameter'), t('rubricColProof')],
      rows: view.missing.map((item) => [pick(item.block), pick(item.position), pick(item.parameter), pick(item.proof)]),
    },
  ];
}

let rerender: (focusKey: string | null) => void = () => undefined;

function parameterItem(parameter: RubricParameterView, save: (p: RubricParameterView, value: string, evidence: string, busy: HTMLButtonElement[]) => void): HTMLElement {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  if (notice?.key === parameter.key) {
    status.className = notice.error ? 'status error' : 'status ok';
    status.textContent = notice.text;
  }
  const typedValue = typedText(parameter);
  return h('li', { class: `rubric-parameter points-${parameter.points === 0 ? 'zero' : 'some'}`, 'data-key': parameter.key }, [
    h('h4', {}, [pick(parameter.title), ' ', h('span', { class: 'rubric-points' }, t('rubricPoints', { points: points(parameter.points) }))]),
    h('p', { class: 'muted' }, parameter.suggested
      ? [t('rubricSuggested', { value: pick(parameter.suggested.value) }), '. ', pick(parameter.suggested.reason)]
      : t('rubricNoSuggestion')),
    parameter.suggested?.evidence ? h('p', { class: 'muted evidence' }, t('rubricSuggestedEvidence', { evidence: parameter.suggested.evidence })) : null,
    h('p', {}, t('rubricUsed', { value: pick(parameter.used), source: t(SOURCE[parameter.source]) })),
    typedValue ? h('p', { class: 'typed' }, t('rubricTyped', { value: typedValue })) : null,
    parameter.typed.evidence ? h('p', { class: 'typed evidence' }, t('rubricTypedEvidence', { evidence: parameter.typed.evidence })) : null,
    parameter.note ? h('p', { class: 'muted' }, pick(parameter.note)) : null,
    editing === parameter.key
      ? editor(parameter, (value, evidence, busy) => save(parameter, value, evidence, busy))
      : button(t('rubricEdit'), () => { editing = parameter.key; notice = null; rerender(parameter.key); },
        { class: 'rubric-edit', 'aria-label': t('rubricEditOf', { parameter: pick(parameter.title) }) }),
    status,
  ]);
}

function draw(root: HTMLElement, view: RubricPanelView, save: (p: RubricParameterView, value: string, evidence: string, busy: HTMLButtonElement[]) => void): void {
  const declared = view.totalDeclaredMax !== view.totalComputedMax ? ` (${t('rubricTotalDeclared', { max: view.totalDeclaredMax })})` : '';
  const blocks = view.blocks.map((block) => {
    const details = h('details', { class: 'rubric-block', 'data-block': block.id, open: open.has(block.id) }, [
      h('summary', {}, [
        h('span', { class: 'rubric-block-title' }, pick(block.title)), ' ',
        h('span', { class: 'rubric-points' }, t('rubricBlockPoints', { points: points(block.points), max: block.computedMax })),
      ]),
      h('p', { class: 'muted' }, block.declaredMax === null ? t('rubricBlockNoDeclared') : t('rubricBlockDeclared', { max: block.declaredMax })),
      ...block.positions.map((position) => h('section', { class: 'rubric-position' }, [
        h('h3', {}, [pick(position.title), ' ', h('span', { class: 'rubric-points' }, t('rubricBlockPoints', { points: points(position.points), max: position.computedMax }))]),
        h('ul', { class: 'rubric-parameters' }, position.parameters.map((parameter) => parameterItem(parameter, save))),
      ])),
    ]);
    details.addEventListener('toggle', () => { if (details.open) open.add(block.id); else open.delete(block.id); });
    return details;
  });
  replace(root, [
    h('h2', {}, t('rubricTitle')),
    h('p', { class: 'muted' }, t('rubricIntro')),
    h('p', { class: 'rubric-total' }, t('rubricTotal', { points: points(view.total), max: view.totalComputedMax }) + declared),
    exportBar(t('rubricTitle'), () => tables(view)),
    ...blocks,
    section(t('rubricMissingTitle'), [
      view.missing.length === 0 ? h('p', { class: 'ok' }, t('rubricMissingNone')) : h('p', {}, t('rubricMissingCount', { count: view.missing.length })),
      h('ul', { class: 'rubric-missing' }, view.missing.map((item) => h('li', { 'data-key': item.key }, [
        h('strong', {}, `${pick(item.block)} — ${pick(item.parameter)}`), h('br'),
        h('span', { class: 'muted' }, pick(item.position)), h('br'),
        pick(item.proof),
      ]))),
    ], { 'data-section': 'missing' }),
  ]);
}

export const rubricPanel: Panel = {
  id: 'rubric',
  title: 'tabRubric',
  needsSetup: true,
  show(root, app) {
    const shown = (view: RubricPanelView, focusKey: string | null) => {
      if (app.current() !== 'rubric') return;
      rerender = (key) => shown(data!.view, key);
      draw(root, view, save);
      if (focusKey) {
        const item = root.querySelector(`[data-key="${CSS.escape(focusKey)}"]`);
        (item?.querySelector(editing === focusKey ? 'select' : 'button') as HTMLElement | null)?.focus();
      }
    };
    const load = (focusKey: string | null) => {
      const status = statusLine();
      if (!data) replace(root, [h('h2', {}, t('rubricTitle')), status]);
      const generation = app.generation;
      return withStatus(status, () => call('getRubricPanel')).then((view) => {
        if (!view) {
          if (data) root.prepend(status);
          return;
        }
        data = { view, generation };
        shown(view, focusKey);
      });
    };
    const save = (parameter: RubricParameterView, value: string, evidence: string, busy: HTMLButtonElement[]) => {
      const item = root.querySelector(`[data-key="${CSS.escape(parameter.key)}"]`);
      const status = (item?.querySelector('.status') as HTMLElement | null) ?? statusLine();
      void withStatus(status, () => call('setRubricValue', {
        key: parameter.key, value, evidence, seen: { value: parameter.typed.value, evidence: parameter.typed.evidence },
      }), busy).then((view) => {
        if (view) {
          editing = null;
          notice = { key: parameter.key, text: t('rubricSaved'), error: false };
          data = { view, generation: app.generation };
          app.invalidate();
          data.generation = app.generation;
          shown(view, parameter.key);
          return;
        }
        // Refused (the sheet changed, or a bad value): show what the sheet holds now, keep the message.
        notice = { key: parameter.key, text: `${status.textContent ?? ''} ${t('rubricReloaded')}`, error: true };
        void load(parameter.key);
      });
    };
    if (data && data.generation === app.generation) shown(data.view, null);
    else void load(null);
  },
};
