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
