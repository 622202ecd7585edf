/**
 * Text that came from respondents is written to sheets inert: Sheets parses a written
 * string as if typed, so a leading = + - @ (or a tab/CR that some spreadsheet programs
 * skip before one) would turn an answer into a formula. A leading apostrophe makes
 * Sheets keep the text literally and is not part of the stored value.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function inert(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function inertRow(row: readonly unknown[]): unknown[] {
  return row.map(inert);
}
