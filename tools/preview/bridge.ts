/**
 * The server half of the preview's google.script.run bridge: which functions a sidebar
 * may call, and one call run in the emulator with its result made what the browser would
 * receive. The client half is page/shim.js.
 *
 * Apps Script's rules (developers.google.com/apps-script/guides/html/communication and
 * …/reference/run): only a project's top-level functions are callable, and not those whose
 * name ends in `_`; parameters are primitives, objects and arrays of them (or one form),
 * never Date or Function; at most 10 calls run at once, the 11th waits.
 */
import type { LoadedBundle } from '../emulator/bundle';

export const MAX_CONCURRENT_CALLS = 10;

/**
 * The functions google.script.run can reach: the file's top-level function declarations
 * (build.mjs writes one wrapper per export of src/server/index.ts), minus private ones.
 */
export function callableFunctions(code: string): string[] {
  const names = new Set<string>();
  for (const match of code.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)) {
    if (!match[1].endsWith('_')) names.add(match[1]);
  }
  return [...names].sort();
}

export interface RpcRequest {
  name: string;
  args: unknown[];
}

export type RpcResult = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

/** The path of the first value JSON cannot carry as Apps Script would (a Date, a function), or null. */
export function illegalValuePath(value: unknown, path = ''): string | null {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return path || '(value)';
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return path || '(value)';
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = illegalValuePath(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

function failure(name: string, message: string): RpcResult {
  return { ok: false, error: { name, message } };
}

/** Reads a request body; anything but {name: string, args: array} is refused. */
export function parseRpcRequest(body: string): RpcRequest | null {
  try {
    const parsed = JSON.parse(body) as Partial<RpcRequest>;
    if (typeof parsed?.name !== 'string' || !Array.isArray(parsed.args)) return null;
    return { name: parsed.name, args: parsed.args };
  } catch {
    return null;
  }
}

/**
 * Runs one call as one execution of the bundle. A thrown error reaches the failure handler
 * with its message. A returned value that holds a Date or a function is not legal either:
 * the success handler then gets null, which is what people see on Apps Script.
 */
export function runRpc(bundle: LoadedBundle, callable: ReadonlySet<string>, request: RpcRequest): RpcResult {
  if (!callable.has(request.name)) return failure('ScriptError', `Script function not found: ${request.name}`);
  let value: unknown;
  try {
    value = bundle.call(request.name, ...request.args);
  } catch (error) {
    const e = error as { name?: unknown; message?: unknown };
    return failure(typeof e?.name === 'string' ? e.name : 'Error', typeof e?.message === 'string' ? e.message : String(error));
  }
  if (value === undefined || illegalValuePath(value) !== null) return { ok: true, value: null };
  return { ok: true, value: JSON.parse(JSON.stringify(value)) as unknown };
}
