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

const NUMBER_TEXT = /^[+-]?\d+(?:[.,]\d+)?$/;

/** Numbers hash alike whether the sheet holds 7 or the event says "7", "07" or "3,5". */
function canonical(cell: unknown): string {
  const text = String(cell ?? '').trim();
  // Only a text starting with a digit or a sign can be a number: the rest skip the pattern.
  const first = text.charCodeAt(0);
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45)) return text;
  return NUMBER_TEXT.test(text) ? String(Number(text.replace(',', '.'))) : text;
}

/**
 * cyrb53, a fast 53-bit string hash (ample to tell a sheet's responses apart), of the
 * texts joined by U+001F — fed text by text, so the joined string is never built: a
 * catch-up keys every row of a sheet.
 */
function hashTexts(texts: readonly string[], count: number): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let k = 0; k < count; k++) {
    if (k > 0) {
      h1 = Math.imul(h1 ^ 0x1f, 2654435761);
      h2 = Math.imul(h2 ^ 0x1f, 1597334677);
    }
    const text = texts[k];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** cyrb53 of one text. */
export function hash53(text: string): string {
  return hashTexts([text], 1);
}

/** The key of the first response with this content; see keysOfRows for later ones. */
export function contentKey(sheetId: number, row: KeyedRow): string {
  const texts = row.cells.map(canonical);
  let count = texts.length;
  while (count > 0 && texts[count - 1] === '') count--;
  return `s${sheetId}t${row.submittedAt.replace(/\D/g, '')}h${hashTexts(texts, count)}`;
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
