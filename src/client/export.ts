/**
 * Export of a panel's tables: the CSV of csv.ts downloaded through a Blob link, and a
 * print-friendly view. A panel describes each table once as TableData and draws it with
 * `dataTable`, so what is exported is what is shown.
 */
import { excelCsv, fileName, TableData } from './csv';
import { h } from './dom';
import { num, t } from './i18n';
import { button, statusLine, table } from './ui';

/** Saves `csv` as a file: a Blob link clicked (the sidebar's sandbox allows downloads). */
export function downloadCsv(name: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  // The page's <base target="_top"> would send the link to the spreadsheet's window.
  const link = h('a', { href: url, download: name, target: '_self', hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A table drawn from its TableData: numbers in the sidebar's language, the first column as
 * row headers. Text in a number column (hidden, no data) is a phrase that may wrap.
 */
export function dataTable(data: TableData, options: { hideCaption?: boolean; digits?: number } = {}): HTMLElement {
  const digits = options.digits ?? 1;
  const numeric = new Set(data.numeric ?? []);
  return table(data.title, data.headers, data.rows.map((row) => row.map((cell, i) =>
    cell === null ? '—' : typeof cell === 'number' ? num(cell, digits)
      : i > 0 && numeric.has(i) ? h('span', { class: 'figure-text' }, cell) : cell)), { hideCaption: options.hideCaption, numeric: [...numeric] });
}

/** The chosen filters in words: "Отбор: Период: осень 2026 · Предмет: все предметы". */
export function filterText(filters: ReadonlyArray<readonly [label: string, value: string]>): string {
  return t('exportFilters', { filters: filters.map(([label, value]) => `${label}: ${value}`).join(' · ') });
}

/**
 * The chosen filters, printed only: the print CSS leaves the dropdowns out (paper cannot
 * use them), and this line says on the paper what it shows instead.
 */
export function filterSummary(filters: ReadonlyArray<readonly [label: string, value: string]>): HTMLElement {
  return h('p', { class: 'print-only print-filters' }, filterText(filters));
}

/**
 * Print: the browser prints only the sidebar's frame; the print CSS hides the tabs,
 * buttons and filter controls (each panel prints its chosen filters as text instead), and
 * every collapsed <details> (chart data, definitions) is opened for the printout and
 * closed again after it.
 */
export function printPanel(): void {
  const closed = [...document.querySelectorAll('details:not([open])')];
  for (const details of closed) details.setAttribute('open', '');
  try {
    window.print();
  } finally {
    for (const details of closed) details.removeAttribute('open');
  }
}

/**
 * The CSV and print buttons of a panel. `tables` is read when clicked, so the file holds
 * what the panel shows then (after filters).
 */
export function exportBar(title: string, tables: () => readonly TableData[]): HTMLElement {
  const status = statusLine();
  return h('div', { class: 'actions export-bar' }, [
    button(t('exportCsv'), () => {
      const name = fileName(title);
      downloadCsv(name, excelCsv(tables()));
      status.textContent = t('exportDone', { file: name });
    }, { 'aria-label': t('exportCsvOf', { title }) }),
    button(t('exportPrint'), printPanel, { 'aria-label': t('exportPrintOf', { title }) }),
    status,
  ]);
}
