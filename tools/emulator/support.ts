/**
 * Small helpers shared by the emulated services: enums, argument checks that fail the way
 * Apps Script does, and cross-realm type tests (the bundle runs in a `vm` context, so its
 * arrays and dates are not `instanceof` ours).
 */

/** Apps Script reports service failures as `Exception: …`; the message is what scripts read. */
export class AppsScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** An Apps Script enum emulated as name → name strings (`String(ScriptApp.AuthMode.FULL)` is "FULL"). */
export function enumOf<const K extends string>(...names: K[]): { readonly [P in K]: P } {
  const out: Record<string, string> = {};
  for (const n of names) out[n] = n;
  return Object.freeze(out) as { readonly [P in K]: P };
}

export function isDate(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === '[object Date]';
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !isDate(x);
}

/** How Apps Script names an argument's type in "The parameters (…) don't match …". */
export function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (typeof x === 'string') return 'String';
  if (typeof x === 'number') return 'number';
  if (typeof x === 'boolean') return 'Boolean';
  if (typeof x === 'function') return 'Function';
  if (Array.isArray(x)) return x.length > 0 ? `${typeName(x[0])}[]` : 'Object[]';
  if (isDate(x)) return 'Date';
  return 'Object';
}

/**
 * The error Apps Script throws when no overload accepts the arguments, e.g.
 * "The parameters (String,String,String) don't match the method signature for Utilities.formatDate."
 * (the type names are the best-known rendering: String, number, Boolean, Date, Object, X[]).
 */
export function signatureMismatch(method: string, args: readonly unknown[]): Error {
  return new AppsScriptError(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}

/** Apps Script's generic refusal of a bad argument value ("Invalid argument: …"). */
export function invalidArgument(what: string): Error {
  return new AppsScriptError(`Invalid argument: ${what}`);
}

/** A Drive-like file id: fixed length, unique by its sequence number. */
export function makeId(prefix: string, n: number, length = 44): string {
  return `1${prefix}${n.toString(36)}`.padEnd(length, '_');
}

/** UTF-8 size in bytes, the unit of the storage limits (properties, cache). */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
