/** Nested objects as dotted columns (profile.school, scores.index) and back: how scores become table columns. */

/** Every leaf of `value` under its dotted path; arrays are leaves. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** Dotted columns back into nested objects; `cell` turns each column's text into its value. */
export function unflatten(
  header: readonly string[],
  fields: readonly string[],
  cell: (column: string, text: string) => unknown,
): Record<string, unknown> {
  // Objects without a prototype: a column named "__proto__.x" (the header comes from a file)
  // is an ordinary key, never a way to write into Object.prototype.
  const out: Record<string, unknown> = Object.create(null);
  header.forEach((column, index) => {
    const path = column.trim().split('.');
    let node = out;
    for (const part of path.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = Object.create(null);
      node = node[part] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = cell(column.trim(), fields[index] ?? '');
  });
  return out;
}
