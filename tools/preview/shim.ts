/**
 * The client half of the preview's google.script.run bridge, injected into the served
 * sidebar before its own scripts (as HtmlService provides `google.script` in the iframe).
 * It knows no DOM types on purpose: the same code runs in the browser and in unit tests.
 *
 * - `google.script.run` has one method per callable server function and nothing else (an
 *   unknown name is `undefined`, as on Apps Script);
 * - `withSuccessHandler`, `withFailureHandler`, `withUserObject` return a new runner, so a
 *   handler set for one call never leaks to the next; handlers get (value, userObject);
 * - a Date, a function or a DOM element other than a lone form in the arguments throws
 *   synchronously, before anything is sent; cycles throw too; undefined in arrays → null;
 * - at most `maxConcurrent` calls are in flight, later ones wait their turn;
 * - `google.script.host`: close() asks the host page to close the sidebar, setHeight,
 *   setWidth and editor.focus() are accepted and do nothing in a sidebar, origin is the host's.
 */

export interface BridgeConfig {
  functions: string[];
  rpcUrl: string;
  hostOrigin: string;
  maxConcurrent: number;
}

interface ResponseLike {
  json(): Promise<unknown>;
}

export interface ShimWindow {
  fetch(url: string, init: { method: string; headers: Record<string, string>; body: string }): Promise<ResponseLike>;
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  console: { error(...args: unknown[]): void };
  google?: unknown;
}

type Handler = ((value: unknown, userObject: unknown) => void) | null;

interface Runner {
  withSuccessHandler(handler: Handler): Runner;
  withFailureHandler(handler: Handler): Runner;
  withUserObject(userObject: unknown): Runner;
  [name: string]: unknown;
}

interface FormLike {
  nodeName: string;
  elements: ArrayLike<{ name?: string; value?: string; type?: string; checked?: boolean }>;
}

function isNode(value: object): boolean {
  return typeof (value as { nodeType?: unknown }).nodeType === 'number' && typeof (value as { nodeName?: unknown }).nodeName === 'string';
}

/** A form's named fields as an object, the way Apps Script passes a lone form argument. */
function formValues(form: FormLike): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const element of Array.from(form.elements)) {
    if (!element.name || element.type === 'file' || element.type === 'submit' || element.type === 'button') continue;
    if ((element.type === 'checkbox' || element.type === 'radio') && !element.checked) continue;
    const value = element.value ?? '';
    const previous = values[element.name];
    values[element.name] = previous === undefined ? value : ([] as string[]).concat(previous, value);
  }
  return values;
}

/** Throws as Apps Script does when an argument cannot cross: names the offending property. */
function checkLegal(value: unknown, path: string, seen: object[]): void {
  const fail = () => {
    throw new Error(`Failed due to illegal value in property: ${path}`);
  };
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') fail();
  if (value === null || typeof value !== 'object') return;
  if (Object.prototype.toString.call(value) === '[object Date]' || isNode(value)) fail();
  if (seen.includes(value)) fail();
  seen.push(value);
  for (const key of Object.keys(value)) checkLegal((value as Record<string, unknown>)[key], key, seen);
  seen.pop();
}

export function installGoogleScript(config: BridgeConfig, win: ShimWindow): void {
  const queue: Array<() => void> = [];
  let running = 0;
  const notifyHost = (message: Record<string, unknown>) => {
    try {
      win.parent.postMessage({ source: 'pdm-preview', ...message }, config.hostOrigin);
    } catch {
      // A sidebar opened on its own has no host page to tell.
    }
  };
  const pump = () => {
    while (running < config.maxConcurrent && queue.length > 0) {
      running++;
      (queue.shift() as () => void)();
    }
  };

  const send = (name: string, args: unknown[], success: Handler, failure: Handler, userObject: unknown) => {
    queue.push(() => {
      const done = () => {
        running--;
        notifyHost({ type: 'callDone', name });
        pump();
      };
      const fail = (error: Error) => {
        if (failure) failure(error, userObject);
        else win.console.error(`google.script.run.${name}: ${error.message}`);
      };
      win.fetch(config.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, args }) })
        .then((response) => response.json())
        .then(
          (result) => {
            done();
            const r = result as { ok: boolean; value?: unknown; error?: { name: string; message: string } };
            if (r.ok) {
              if (success) success(r.value === undefined ? null : r.value, userObject);
            } else {
              const error = new Error(r.error?.message ?? 'unknown error');
              error.name = r.error?.name ?? 'ScriptError';
              fail(error);
            }
          },
          (error: unknown) => {
            done();
            fail(new Error(`NetworkError: ${error instanceof Error ? error.message : String(error)}`));
          },
        );
    });
    pump();
  };

  const runner = (success: Handler, failure: Handler, userObject: unknown): Runner => {
    const r: Runner = {
      withSuccessHandler: (handler: Handler) => runner(handler, failure, userObject),
      withFailureHandler: (handler: Handler) => runner(success, handler, userObject),
      withUserObject: (object: unknown) => runner(success, failure, object),
    };
    for (const name of config.functions) {
      r[name] = (...given: unknown[]) => {
        let args: unknown[] = given;
        const lone = given.length === 1 ? given[0] : null;
        if (lone && typeof lone === 'object' && (lone as FormLike).nodeName === 'FORM' && isNode(lone)) args = [formValues(lone as FormLike)];
        else args.forEach((arg, index) => checkLegal(arg, String(index), []));
        send(name, args, success, failure, userObject);
      };
    }
    return r;
  };

  const host = {
    origin: config.hostOrigin,
    close: () => notifyHost({ type: 'close' }),
    setHeight: () => undefined,
    setWidth: () => undefined,
    editor: { focus: () => notifyHost({ type: 'focusEditor' }) },
  };
  win.google = { script: { run: runner(null, null, undefined), host } };
}
