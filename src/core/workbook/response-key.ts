/**
 * The key of a survey response in its scores sheet, and of a school report filing in the
 * reports sheet. Rows of a raw response sheet move: a coordinator deletes one, later rows
 * shift up and the next response takes the freed row number. So the key is not the row
 * but what the response is: its sheet, its submission second and a hash of its answers.
 * The form-submit event (display texts) and a recalculation (cell values) give the same
 * key for the same response. Identical responses in the same second are told apart by
 * their order in the sheet (n2, n3, …). A row edited in place gets a new key, so it is scored again and its old score dropped.
 */

/** One response as the key sees it: submission time and answers in column order. */
export interface KeyedRow {
  /** Local ISO submission time, to the second. */
  submittedAt: string;
  /** The answer cells after the timestamp, as text or values. */
  cells: readonly unknown[];
}

/** Numbers hash alike whether the sheet holds 7 or the event says "7", "07" or "3,5". */
function canonical(cell: unknown): string {
  const text = String(cell ?? '').trim();
  return /^[+-]?\d+(?:[.,]\d+)?$/.test(text) ? String(Number(text.replace(',', '.'))) : text;
}

/** cyrb53: a fast 53-bit string hash, ample to tell a sheet's responses apart. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The key of the first response with this content; see keysOfRows for later ones. */
export function contentKey(sheetId: number, row: KeyedRow): string {
  const cells = row.cells.map(canonical);
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return `s${sheetId}t${row.submittedAt.replace(/\D/g, '')}h${hash53(cells.join('\u001f'))}`;
}

/** Keys of a raw sheet's rows in order: a repeated content key gets its occurrence number. */
export function keysOfRows(sheetId: number, rows: readonly KeyedRow[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const base = contentKey(sheetId, row);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}n${n}`;
  });
}

/** The sheet id a key was made for (null for a key of another form). */
export function keySheetId(key: string): number | null {
  const match = /^s(\d+)t/.exec(key);
  return match ? Number(match[1]) : null;
}
