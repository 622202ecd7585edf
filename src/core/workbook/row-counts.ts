/**
 * The row counts sheet (COUNTS_SHEET): one row per counted sheet under a header, its id
 * and then `=COUNTA('<name>'!A:A)`, the filled cells of the sheet's first column (a
 * response's timestamp, a score row's key). Sheets recomputes each formula as rows arrive,
 * follows a renamed sheet and turns a deleted one into #REF!, so the daily run reads every
 * count in one call where asking each sheet for its last row costs two calls per sheet.
 * A row that no longer names the sheet expected, or holds no count, sends the caller back
 * to asking the sheets, which is exact, and to rewriting these rows.
 */
import { Localized } from '../text/i18n';

export const COUNTS_HEADER: readonly Localized[] = [
  { ru: 'ID листа', en: 'Sheet ID' },
  { ru: 'Заполнено ячеек в столбце A (формула, не редактируйте)', en: 'Filled cells in column A (formula, do not edit)' },
];

/** A sheet name quoted as a formula's reference: inside quotes, an apostrophe is doubled. */
export function countFormula(sheetName: string): string {
  return `=COUNTA('${sheetName.replace(/'/g, "''")}'!A:A)`;
}

/**
 * The rows to write for the sheets counted, in order; a sheet that does not exist
 * (null name) is written as 0 filled cells, which is what asking for it gives.
 */
export function countRowsToWrite(sheets: readonly { id: number; name: string | null }[]): (string | number)[][] {
  return sheets.map(({ id, name }) => [id, name === null ? 0 : countFormula(name)]);
}

/**
 * The data rows (filled cells but the header) of each sheet in `ids`, read from the rows
 * below the header; null unless there is one row per sheet, in order, each naming its
 * sheet and holding a count.
 */
export function countsFromRows(rows: readonly (readonly unknown[])[], ids: readonly number[]): number[] | null {
  if (rows.length !== ids.length) return null;
  const counts: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const [id, filled] = rows[i];
    if (id !== ids[i] || typeof filled !== 'number' || !Number.isInteger(filled) || filled < 0) return null;
    counts.push(Math.max(0, filled - 1));
  }
  return counts;
}
