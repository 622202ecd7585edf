/**
 * A Sheets cell holds at most 50,000 characters and a longer write fails the whole call.
 * Derived sheets (scores, log) keep the first part of an over-long text, one character
 * less for the apostrophe that keeps text literal; the raw response sheet, which Google
 * writes, keeps it whole.
 */
export const MAX_CELL_TEXT = 49_999;

export function fitCells<T>(row: readonly T[]): { row: (T | string)[]; truncated: boolean } {
  let truncated = false;
  const out = row.map((cell) => {
    if (typeof cell !== 'string' || cell.length <= MAX_CELL_TEXT) return cell;
    truncated = true;
    return cell.slice(0, MAX_CELL_TEXT);
  });
  return { row: out, truncated };
}
