/**
 * The preview's google.script.run bridge without a browser: which functions are callable,
 * how a call's result crosses, the 10-call limit and the handlers' semantics.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { callableFunctions, illegalValuePath, MAX_CONCURRENT_CALLS, parseRpcRequest } from '../../tools/preview/bridge';
import { installGoogleScript, ShimWindow } from '../../tools/preview/shim';

type Runner = Record<string, (...args: unknown[]) => Runner>;

function fakeWindow() {
  const pending: Array<{ body: { name: string; args: unknown[] }; answer(value: unknown): void }> = [];
  const messages: unknown[] = [];
  const errors: unknown[][] = [];
  const win: ShimWindow = {
    fetch: (_url, init) => new Promise((resolve) => {
      pending.push({ body: JSON.parse(init.body), answer: (value) => resolve({ json: async () => value }) });
    }),
    parent: { postMessage: (message) => messages.push(message) },
    console: { error: (...args) => errors.push(args) },
  };
  installGoogleScript({ functions: ['echo', 'fail'], rpcUrl: '/rpc', hostOrigin: 'http://localhost:1', maxConcurrent: MAX_CONCURRENT_CALLS }, win);
  const run = (win.google as { script: { run: Runner } }).script.run;
  return { win, run, pending, messages, errors };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('callableFunctions', () => {
  test('the built bundle exposes exactly the exports of src/server/index.ts', () => {
    const code = readFileSync(join(__dirname, '..', '..', 'build', 'Code.js'), 'utf8');
    const names = callableFunctions(code);
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'showSidebar', 'getSidebarInfo', 'saveSettings', 'createSurveyForm']));
    expect(names).not.toContain('__pdMonitor');
  });

  test('private functions (name ending in _) and nested ones are not callable', () => {
    expect(callableFunctions('function a(){}\nfunction b_(){}\n  function c(){}\nvar d = function(){}')).toEqual(['a']);
  });
});

describe('the client bridge', () => {
  test(`at most ${MAX_CONCURRENT_CALLS} calls are in flight; the rest wait their turn, in order`, async () => {
    const { run, pending } = fakeWindow();
    const done: number[] = [];
    for (let i = 0; i < 25; i++) run.withSuccessHandler((value: unknown) => { done.push(value as number); }).echo(i);
    expect(pending).toHaveLength(MAX_CONCURRENT_CALLS);
    pending[0].answer({ ok: true, value: 0 });
    await flush();
    expect(pending).toHaveLength(MAX_CONCURRENT_CALLS + 1);
    expect(pending[MAX_CONCURRENT_CALLS].body).toEqual({ name: 'echo', args: [MAX_CONCURRENT_CALLS] });
    for (let i = 1; i < 25; i++) {
      pending[i].answer({ ok: true, value: i });
      await flush();
    }
    expect(done).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  test('handlers belong to one runner: success and failure get the user object', async () => {
    const { run, pending, errors } = fakeWindow();
    const seen: unknown[] = [];
    const withHandlers = run.withSuccessHandler((v: unknown, u: unknown) => { seen.push(['ok', v, u]); })
      .withFailureHandler((e: unknown, u: unknown) => { seen.push(['fail', (e as Error).message, u]); });
    withHandlers.withUserObject('a').echo(1);
    withHandlers.withUserObject('b').fail();
    run.echo(2); // no handlers: nothing is called
    pending[0].answer({ ok: true, value: { x: [1, null] } });
    pending[1].answer({ ok: false, error: { name: 'Error', message: 'Нет доступа' } });
    pending[2].answer({ ok: false, error: { name: 'Error', message: 'unhandled' } });
    await flush();
    expect(seen).toEqual([['ok', { x: [1, null] }, 'a'], ['fail', 'Нет доступа', 'b']]);
    expect(errors).toEqual([['google.script.run.echo: unhandled']]);
    expect(run.notExported).toBeUndefined();
  });

  test('any argument holding a Date, a function or a cycle is refused; plain JSON is sent as is', () => {
    const { run, pending } = fakeWindow();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [new Date(), () => 1, { a: [new Date()] }, cyclic]) {
      expect(() => run.echo(bad)).toThrow(/^Failed due to illegal value in property: /);
    }
    expect(pending).toHaveLength(0);
    fc.assert(fc.property(fc.array(fc.jsonValue(), { maxLength: 4 }), (args) => {
      const fresh = fakeWindow();
      fresh.run.echo(...args);
      expect(fresh.pending[0].body).toEqual({ name: 'echo', args: JSON.parse(JSON.stringify(args)) });
    }), { numRuns: 50 });
  });
});

describe('the server bridge', () => {
  test('requests must name a function and give an argument array', () => {
    expect(parseRpcRequest('{"name":"a","args":[1]}')).toEqual({ name: 'a', args: [1] });
    for (const bad of ['', 'null', '[]', '{"name":1,"args":[]}', '{"name":"a"}', '{"name":"a","args":{}}']) expect(parseRpcRequest(bad)).toBeNull();
  });

  test('a result holding a Date or a function is not legal', () => {
    expect(illegalValuePath({ a: [1, { b: new Date() }] })).toBe('a.1.b');
    expect(illegalValuePath({ a: () => 1 })).toBe('a');
    expect(illegalValuePath({ a: [1, 'x', null, { b: true }] })).toBeNull();
  });
});
