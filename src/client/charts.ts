/**
 * Inline SVG charts drawn by hand: horizontal stacked bars and lines. Each chart is an
 * image with a text alternative (role="img", aria-label) followed by the same data as a
 * table behind a <details>, so a screen reader, a keyboard user and a greyscale printout
 * lose nothing. The image itself takes keyboard focus, so its text alternative is reached
 * by Tab like any control. Colours differ in lightness, and each bar series after the first
 * is hatched in its own pattern, lines differ in dash pattern: a greyscale printout still
 * tells the series apart.
 * A null value (no data, or a group hidden by the privacy threshold) is drawn as nothing
 * and shown in the table as `missing`.
 */
import { h, s, uid } from './dom';
import type { TableData } from './csv';
import { num, t } from './i18n';

/** Dark to light: distinguishable without colour. Each has AA contrast against white where text sits on it. */
export const PALETTE = ['#174ea6', '#d56e0c', '#6a9a23', '#a142f4', '#5f6368', '#c5221f'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];

export interface Series {
  label: string;
  values: ReadonlyArray<number | null>;
}

export interface ChartSpec {
  /** What the chart shows; its accessible name starts with it. */
  title: string;
  /** Bar rows or the x axis points. */
  categories: readonly string[];
  series: readonly Series[];
  /** Appended to values in the table and the labels: '%', ''. */
  unit?: string;
  /** The text for a null value in the table. */
  missing?: string;
  /** The header of the table's first column: 'School', 'Period'. */
  categoryTitle?: string;
}

/** Characters of a bar's label that fit the chart's width at 12 px; the full text is in its tooltip, the label and the table. */
const LABEL_CHARS = 44;

function barLabel(x: number, y: number, text: string): SVGElement {
  const short = text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
  return s('text', { x, y, class: 'chart-label' }, [short, short === text ? null : s('title', {}, text)]);
}

const WIDTH = 276;

function fmt(value: number | null, spec: ChartSpec): string {
  return value === null ? (spec.missing ?? '—') : `${num(value)}${spec.unit ? ` ${spec.unit}` : ''}`;
}

/** The chart's data as a table for the panel's CSV export, with the same texts as the chart's own table. */
export function chartTable(spec: ChartSpec): TableData {
  return {
    title: spec.title,
    headers: [spec.categoryTitle ?? t('chartCategory'), ...spec.series.map((series) => series.label)],
    rows: spec.categories.map((category, row) => [category, ...spec.series.map((series) => {
      const value = series.values[row] ?? null;
      return value === null ? (spec.missing ?? null) : value;
    })]),
  };
}

/**
 * Fills for bar series: the first solid, the next hatched in different directions and
 * densities over their colour, so they differ without colour.
 */
const HATCHES: ReadonlyArray<{ angle: number; gap: number } | null> = [
  null, { angle: 45, gap: 4 }, { angle: -45, gap: 4 }, { angle: 0, gap: 3 }, { angle: 90, gap: 3 }, { angle: 45, gap: 2 },
];

function patterns(prefix: string, count: number): SVGElement {
  return s('defs', {}, Array.from({ length: count }, (_, i) => {
    const hatch = HATCHES[i % HATCHES.length];
    if (!hatch) return null;
    return s('pattern', {
      id: `${prefix}-${i}`, patternUnits: 'userSpaceOnUse', width: hatch.gap * 2, height: hatch.gap * 2,
      patternTransform: `rotate(${hatch.angle})`,
    }, [
      s('rect', { width: hatch.gap * 2, height: hatch.gap * 2, fill: PALETTE[i % PALETTE.length] }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: hatch.gap * 2, stroke: '#fff', 'stroke-width': hatch.gap * 0.6 }),
    ]);
  }));
}

function barFill(prefix: string, i: number): string {
  return HATCHES[i % HATCHES.length] ? `url(#${prefix}-${i})` : PALETTE[i % PALETTE.length];
}

function dataTable(spec: ChartSpec, categoryHeader: string): HTMLElement {
  return h('details', { class: 'chart-data' }, [
    h('summary', {}, t('chartTable')),
    h('table', {}, [
      h('thead', {}, h('tr', {}, [h('th', { scope: 'col' }, categoryHeader), ...spec.series.map((series) => h('th', { scope: 'col' }, series.label))])),
      h('tbody', {}, spec.categories.map((category, row) =>
        h('tr', {}, [h('th', { scope: 'row' }, category), ...spec.series.map((series) => h('td', {}, fmt(series.values[row] ?? null, spec)))]))),
    ]),
  ]);
}

function legend(spec: ChartSpec, line: boolean, prefix = ''): HTMLElement | null {
  if (spec.series.length < 2) return null;
  return h('ul', { class: 'legend', 'aria-hidden': 'true' }, spec.series.map((series, i) =>
    h('li', {}, [
      s('svg', { width: 18, height: 10, viewBox: '0 0 18 10' }, line
        ? s('line', { x1: 0, y1: 5, x2: 18, y2: 5, stroke: PALETTE[i % PALETTE.length], 'stroke-width': 2, 'stroke-dasharray': DASHES[i % DASHES.length] })
        : s('rect', { width: 18, height: 10, fill: barFill(prefix, i), stroke: '#5f6368', 'stroke-width': 0.5 })),
      ' ', series.label,
    ])));
}

/** The accessible summary: title, then each category's values. */
function summary(spec: ChartSpec): string {
  const rows = spec.categories.map((category, row) =>
    `${category}: ${spec.series.map((series) => `${spec.series.length > 1 ? `${series.label} ` : ''}${fmt(series.values[row] ?? null, spec)}`).join(', ')}`);
  return `${spec.title}. ${rows.join('; ')}`;
}

/**
 * Horizontal bars, one row per category, the series stacked left to right. `max` is the
 * full width (100 for shares); by default the largest row total.
 */
export function stackedBars(spec: ChartSpec & { max?: number; totals?: boolean }): HTMLElement {
  const rowHeight = 22;
  const labelHeight = 14;
  const totals = spec.categories.map((_, row) => spec.series.reduce((sum, series) => sum + (series.values[row] ?? 0), 0));
  const max = spec.max ?? Math.max(1, ...totals);
  const prefix = uid('hatch');
  const height = spec.categories.length * (rowHeight + labelHeight) + 4;
  const bars = spec.categories.flatMap((category, row) => {
    const y = row * (rowHeight + labelHeight);
    let x = 0;
    const parts = spec.series.map((series, i) => {
      const value = series.values[row];
      if (value === null || value === undefined || value <= 0) return null;
      const width = (value / max) * (WIDTH - 40);
      const rect = s('rect', { x, y: y + labelHeight, width: Math.max(1, width), height: rowHeight - 6, fill: barFill(prefix, i) });
      x += width;
      return rect;
    });
    const allMissing = spec.series.every((series) => series.values[row] === null || series.values[row] === undefined);
    return [
      barLabel(0, y + labelHeight - 3, category),
      ...parts,
      // Parts of a whole (shares adding up to 100) need no total; a missing row says why.
      allMissing || spec.totals !== false ? s('text', { x: x + 4, y: y + labelHeight + rowHeight - 10, class: 'chart-value' },
        allMissing ? (spec.missing ?? '—') : spec.series.length === 1 ? fmt(spec.series[0].values[row] ?? null, spec) : num(totals[row])) : null,
    ];
  });
  return h('figure', { class: 'chart' }, [
    h('figcaption', { class: 'chart-title', 'aria-hidden': 'true' }, spec.title),
    s('svg', { role: 'img', tabindex: 0, 'aria-label': summary(spec), viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height }, [patterns(prefix, spec.series.length), ...bars]),
    legend(spec, false, prefix),
    dataTable(spec, spec.categoryTitle ?? t('chartCategory')),
  ]);
}

/** Lines over the categories (periods, oldest first); a null breaks the line. */
export function lines(spec: ChartSpec & { min?: number; max?: number }): HTMLElement {
  const height = 140;
  const left = 30;
  const bottom = 20;
  const values = spec.series.flatMap((series) => series.values.filter((v): v is number => v !== null));
  const min = spec.min ?? Math.min(0, ...values);
  const max = spec.max ?? Math.max(1, ...values);
  const xOf = (i: number) => left + (spec.categories.length < 2 ? (WIDTH - left) / 2 : (i * (WIDTH - left - 10)) / (spec.categories.length - 1));
  const yOf = (v: number) => 8 + (1 - (v - min) / (max - min || 1)) * (height - bottom - 8);
  const paths = spec.series.flatMap((series, i) => {
    const segments: string[] = [];
    let open = false;
    series.values.forEach((value, x) => {
      if (value === null) { open = false; return; }
      segments.push(`${open ? 'L' : 'M'}${xOf(x).toFixed(1)} ${yOf(value).toFixed(1)}`);
      open = true;
    });
    const color = PALETTE[i % PALETTE.length];
    return [
      s('path', { d: segments.join(' '), fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-dasharray': DASHES[i % DASHES.length] }),
      ...series.values.map((value, x) => value === null ? null : s('circle', { cx: xOf(x), cy: yOf(value), r: 3, fill: color })),
    ];
  });
  const axis = [
    s('line', { x1: left, y1: height - bottom, x2: WIDTH, y2: height - bottom, stroke: '#5f6368' }),
    s('text', { x: left - 4, y: yOf(max) + 4, class: 'chart-axis', 'text-anchor': 'end' }, num(max)),
    s('text', { x: left - 4, y: yOf(min) + 4, class: 'chart-axis', 'text-anchor': 'end' }, num(min)),
    // At most four period labels fit 276 px; the first and last are anchored inside the edges.
    ...spec.categories.map((category, i) => {
      const last = spec.categories.length - 1;
      const step = Math.ceil(spec.categories.length / 4);
      if (i !== 0 && i !== last && i % step !== 0) return null;
      const anchor = last === 0 ? 'middle' : i === 0 ? 'start' : i === last ? 'end' : 'middle';
      return s('text', { x: xOf(i), y: height - 4, class: 'chart-axis', 'text-anchor': anchor }, category);
    }),
  ];
  return h('figure', { class: 'chart' }, [
    h('figcaption', { class: 'chart-title', 'aria-hidden': 'true' }, spec.title),
    s('svg', { role: 'img', tabindex: 0, 'aria-label': summary(spec), viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height }, [...axis, ...paths]),
    legend(spec, true),
    dataTable(spec, spec.categoryTitle ?? t('chartCategory')),
  ]);
}
