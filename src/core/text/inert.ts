/**
 * Text written to sheets must read back exactly as written. Sheets parses a written
 * string as if typed in the spreadsheet's locale: a leading = + - @ makes a formula,
 * "007" becomes 7, "12,5" a number, "12.03" a date, "50%" a fraction, "ИСТИНА" a boolean.
 * A leading apostrophe makes Sheets keep the text literally and is not part of the
 * stored value, so every non-empty string a sheet gets is written behind one (a string
 * that itself starts with an apostrophe keeps it: only the first one is taken). Numbers,
 * booleans and dates are written as values and stay what they are.
 */
export function sheetText(value: unknown): unknown {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

/** A row for setValues/appendRow whose text reads back exactly (see sheetText). */
export function inertRow(row: readonly unknown[]): unknown[] {
  return row.map(sheetText);
}

/**
 * Text for files other spreadsheet programs open (CSV): a leading = + - @ (or a tab/CR
 * that some programs skip before one) would turn a cell into a formula there, so such
 * text gets an apostrophe; other text is left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function inert(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}
