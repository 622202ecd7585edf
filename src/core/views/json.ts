/**
 * What may cross google.script.run (and be printed as JSON): strings, finite numbers,
 * booleans, null, arrays of those and plain objects of those. Apps Script serialises a
 * result much like JSON.stringify, so a Date, a function or an `undefined` in an array
 * would arrive changed or lost; a view type must pass `JsonSafe` to be returned.
 *
 * `JsonSafe<T>` is T itself when T is JSON-safe, and otherwise T with every offending
 * part replaced by `never`, so `T extends JsonSafe<T>` fails to compile and the error
 * points at the offending property. Optional properties are allowed (JSON leaves them
 * out); `undefined` inside arrays is not (JSON turns it into null).
 */
type Primitive = string | number | boolean | null;
type Unsafe = Date | ((...args: never[]) => unknown) | symbol | bigint | undefined;

export type JsonSafe<T> = unknown extends T
  ? T // untyped input (validated by its handler) passes as it is
  : T extends Primitive
    ? T
    : T extends Unsafe
      ? never
      : T extends readonly (infer E)[]
        ? undefined extends E ? never : readonly JsonSafe<E>[]
        : T extends object
          ? { [K in keyof T]: K extends string ? JsonSafe<T[K]> : never }
          : never;

/** true when T may cross as JSON; used by the contract's compile-time check. */
export type IsJsonSafe<T> = [T] extends [JsonSafe<T>] ? true : false;

/**
 * A copy of a result's plain objects and arrays with every property's value read: a
 * text kept out of the script file (server/adapters/cold-text) is a getter that reads
 * its file on first use, and must be read while the execution runs, not by the
 * serialisation Apps Script makes after the function has returned. Anything else (a
 * Date, which the contract forbids anyway) is kept as it is, so a wrong type still shows.
 */
export function plainData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainData) as T;
  if (value === null || typeof value !== 'object') return value;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = plainData((value as Record<string, unknown>)[key]);
  return copy as T;
}
