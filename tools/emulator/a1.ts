/**
 * A1 notation and grid rectangles for the emulated SpreadsheetApp.
 * Rows and columns are 1-based, as in the Apps Script API.
 */

export interface GridRect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnToLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

export function rectA1(rect: GridRect): string {
  const start = cellA1(rect.row, rect.col);
  if (rect.numRows === 1 && rect.numCols === 1) return start;
  return `${start}:${cellA1(rect.row + rect.numRows - 1, rect.col + rect.numCols - 1)}`;
}

/** One side of a reference: "B7", "B" (whole column) or "7" (whole row). */
interface RefPart {
  row: number | null;
  col: number | null;
}

/** A parsed reference before it is bounded by a sheet; null ends are open ("A:A", "A2:C"). */
export interface ParsedA1 {
  sheetName: string | null;
  r1: number | null;
  c1: number | null;
  r2: number | null;
  c2: number | null;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parsePart(text: string): RefPart | null {
  const m = PART.exec(text.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const row = m[2] === '' ? null : Number(m[2]);
  if (row === 0) return null;
  return { col: m[1] === '' ? null : lettersToColumn(m[1]), row };
}

/** Splits "Sheet!A1:B2" / "'My sheet'!A1" / "A1"; null when the text is no A1 reference. */
export function parseA1(text: string): ParsedA1 | null {
  let sheetName: string | null = null;
  let ref = text.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    let name = ref.slice(0, bang);
    if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) {
      name = name.slice(1, -1).replace(/''/g, "'");
    }
    sheetName = name;
    ref = ref.slice(bang + 1);
  }
  const pieces = ref.split(':');
  if (pieces.length === 1) {
    const p = parsePart(pieces[0]);
    // A lone "A" or "7" is not a cell (Sheets would look for a named range).
    if (!p || p.row === null || p.col === null) return null;
    return { sheetName, r1: p.row, c1: p.col, r2: p.row, c2: p.col };
  }
  if (pieces.length !== 2) return null;
  const a = parsePart(pieces[0]);
  const b = parsePart(pieces[1]);
  if (!a || !b) return null;
  // "A:7" mixes a column-only and a row-only side: not a reference.
  if ((a.col === null && b.row === null) || (a.row === null && b.col === null)) return null;
  return { sheetName, r1: a.row, c1: a.col, r2: b.row, c2: b.col };
}

/** Bounds a parsed reference by the sheet's grid; null when it reaches outside it. */
export function resolveA1(parsed: ParsedA1, maxRows: number, maxCols: number): GridRect | null {
  let r1 = parsed.r1 ?? 1;
  let r2 = parsed.r2 ?? maxRows;
  let c1 = parsed.c1 ?? 1;
  let c2 = parsed.c2 ?? maxCols;
  if (r1 > r2) [r1, r2] = [r2, r1];
  if (c1 > c2) [c1, c2] = [c2, c1];
  if (r2 > maxRows || c2 > maxCols) return null;
  return { row: r1, col: c1, numRows: r2 - r1 + 1, numCols: c2 - c1 + 1 };
}

export function intersection(a: GridRect, b: GridRect): GridRect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.numRows, b.row + b.numRows);
  const colEnd = Math.min(a.col + a.numCols, b.col + b.numCols);
  if (rowEnd <= row || colEnd <= col) return null;
  return { row, col, numRows: rowEnd - row, numCols: colEnd - col };
}

/** The parts of `a` not covered by `b` (at most four rectangles). */
export function subtract(a: GridRect, b: GridRect): GridRect[] {
  const cut = intersection(a, b);
  if (!cut) return [a];
  const out: GridRect[] = [];
  const aRowEnd = a.row + a.numRows;
  const cutRowEnd = cut.row + cut.numRows;
  if (cut.row > a.row) out.push({ row: a.row, col: a.col, numRows: cut.row - a.row, numCols: a.numCols });
  if (cutRowEnd < aRowEnd) out.push({ row: cutRowEnd, col: a.col, numRows: aRowEnd - cutRowEnd, numCols: a.numCols });
  if (cut.col > a.col) out.push({ row: cut.row, col: a.col, numRows: cut.numRows, numCols: cut.col - a.col });
  const aColEnd = a.col + a.numCols;
  const cutColEnd = cut.col + cut.numCols;
  if (cutColEnd < aColEnd) out.push({ row: cut.row, col: cutColEnd, numRows: cut.numRows, numCols: aColEnd - cutColEnd });
  return out;
}

/** True when the union of `covers` contains every cell of `target`. */
export function coveredBy(target: GridRect, covers: GridRect[]): boolean {
  let rest: GridRect[] = [target];
  for (const cover of covers) {
    rest = rest.flatMap((piece) => subtract(piece, cover));
    if (rest.length === 0) return true;
  }
  return rest.length === 0;
}

/**
 * Moves a rectangle for rows (or columns) inserted before index `at` (count > 0) or
 * deleted from `at` on (count < 0), the way protected ranges follow structural edits.
 * Returns null when every cell of the rectangle was deleted.
 */
export function shiftRect(rect: GridRect, dim: 'row' | 'col', at: number, count: number): GridRect | null {
  const start = dim === 'row' ? rect.row : rect.col;
  const size = dim === 'row' ? rect.numRows : rect.numCols;
  const end = start + size - 1;
  let newStart = start;
  let newEnd = end;
  if (count > 0) {
    if (at <= start) {
      newStart += count;
      newEnd += count;
    } else if (at <= end) {
      newEnd += count;
    }
  } else {
    const d1 = at;
    const d2 = at - count - 1;
    const deletedBefore = (x: number): number => Math.max(0, Math.min(d2, x - 1) - d1 + 1);
    newStart = start - deletedBefore(start);
    newEnd = end - deletedBefore(end + 1);
    if (newEnd < newStart) return null;
  }
  return dim === 'row'
    ? { ...rect, row: newStart, numRows: newEnd - newStart + 1 }
    : { ...rect, col: newStart, numCols: newEnd - newStart + 1 };
}
