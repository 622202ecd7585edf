/**
 * A panel's tables as a CSV that Russian Excel opens as it is: UTF-8 with a BOM (without
 * one Excel reads the file as Windows-1251), `;` between cells (that Excel takes `,` as the
 * decimal mark), numbers with a decimal comma and no grouping so they stay numbers, and
 * formula-looking text made inert. No DOM here: export.ts draws and downloads.
 */
import { toCsv } from '../core/text/csv';
import { inert } from '../core/text/inert';

/** A cell: text as shown, a number (formatted on output), or null for an empty cell. */
export type Cell = string | number | null;

export interface TableData {
  title: string;
  headers: string[];
  rows: Cell[][];
  /** Columns (by index) holding numbers: right-aligned on screen. */
  numeric?: number[];
}

function cellText(cell: Cell, digits: number): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return cell.toLocaleString('ru-RU', { maximumFractionDigits: digits, useGrouping: false });
  return inert(cell) as string;
}

/** The tables as one file: each table's title on its own line, its header, its rows, a blank line between tables. */
export function excelCsv(tables: readonly TableData[], digits = 2): string {
  const rows: Cell[][] = [];
  tables.forEach((data, i) => {
    if (i > 0) rows.push([]);
    rows.push([data.title], data.headers);
    rows.push(...data.rows);
  });
  return `\uFEFF${toCsv(rows.map((row) => row.map((cell) => cellText(cell, digits))), ';')}`;
}

/** A file name safe on every system: letters of any script, digits, dashes. */
export function fileName(base: string): string {
  const clean = base.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${clean || 'export'}.csv`;
}
