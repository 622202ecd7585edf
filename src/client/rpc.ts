import type { ServerApi } from '../shared/api';

/** The subset of google.script.run the sidebar uses. */
interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [endpoint: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

/** One typed promise wrapper around google.script.run; every server call goes through it. */
export function call<K extends keyof ServerApi>(
  endpoint: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler(reject);
    (runner[endpoint] as (...a: unknown[]) => void)(...args);
  });
}
