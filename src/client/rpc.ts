import type { ServerApi } from '../shared/api';
import { h, replace } from './dom';
import { t } from './i18n';

/** The subset of google.script.run the sidebar uses. */
interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
  [endpoint: string]: unknown;
}

declare const google: { script: { run: ScriptRun } } | undefined;

/** A failure the user reads: the server's message (already in the workbook's language) or ours. */
export class CallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallError';
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  // Apps Script prefixes thrown errors with their type; the user needs only the sentence.
  const clean = text.replace(/^(Exception|Error|UserError):\s*/, '').trim();
  return clean || t('callFailedUnknown');
}

/** One typed promise wrapper around google.script.run; every server call goes through it. */
export function call<K extends keyof ServerApi>(
  endpoint: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google?.script?.run) {
      reject(new CallError(t('noServer')));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(new CallError(messageOf(error))));
    const method = runner[endpoint];
    if (typeof method !== 'function') {
      reject(new CallError(t('noServer')));
      return;
    }
    (method as (...a: unknown[]) => void).apply(runner, args);
  });
}

/**
 * A call with its state shown in `status` (a polite live region): "loading…" while it
 * runs, the failure in the user's language when it fails. Buttons in `busy` are
 * disabled meanwhile so a second click cannot start a second call. Resolves to null on
 * failure, after showing it.
 */
export async function withStatus<T>(status: HTMLElement, work: () => Promise<T>, busy: HTMLButtonElement[] = []): Promise<T | null> {
  status.className = 'status';
  replace(status, h('span', { class: 'spinner', 'aria-hidden': 'true' }));
  status.append(t('loading'));
  status.setAttribute('aria-busy', 'true');
  for (const button of busy) button.disabled = true;
  try {
    const value = await work();
    replace(status, []);
    return value;
  } catch (error) {
    status.className = 'status error';
    replace(status, [t('failed'), ' ', error instanceof Error ? error.message : String(error)]);
    return null;
  } finally {
    status.removeAttribute('aria-busy');
    for (const button of busy) button.disabled = false;
  }
}
