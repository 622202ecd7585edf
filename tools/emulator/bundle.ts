/**
 * Loads build/Code.js into an emulator the way Apps Script runs a project: one global
 * scope (a `vm` context whose globals are the emulated services) in which the file's
 * top-level function declarations become the functions triggers and google.script.run
 * call by name. The built HTML files (the sidebar, the cold texts) are registered as the
 * project's HTML files "Sidebar" and "Data".
 *
 * Apps Script starts every execution with fresh globals; here one context serves them all,
 * so whatever global an execution adds (the cold texts read from Data, say) is removed
 * when it ends, and the next execution pays again for what it reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import * as gasLocal from 'gas-local';
import type { Emulator } from './index';
import { instrument } from './kernel';
import { AuthMode } from './script';


export const DEFAULT_BUILD_DIR = join(__dirname, '..', '..', 'build');

export interface LoadedBundle {
  /** The script's global object: its top-level functions and the emulated services. */
  context: Record<string, unknown>;
  /** The emulator the bundle runs in. */
  emulator: Emulator;
  /** Runs a global function as one execution (a menu click, a google.script.run call). */
  call(name: string, ...args: unknown[]): unknown;
}

export function loadBundle(emulator: Emulator, buildDir: string = DEFAULT_BUILD_DIR): LoadedBundle {
  const code = join(buildDir, 'Code.js');
  if (!existsSync(code)) throw new Error(`${code} not found: run npm run build first`);
  for (const name of ['Sidebar', 'Data']) {
    const file = join(buildDir, `${name}.html`);
    if (existsSync(file)) emulator.files.set(name, readFileSync(file, 'utf8'));
  }
  // Apps Script ships exactly one Code.js; nothing else in build/ is part of the project.
  const context = gasLocal.require(buildDir, emulator.globals, { filter: (f) => f === code || f.endsWith('/Code.js') });
  emulator.runtime.attachBundle(context);
  // Listed and removed from inside the context: a global the script sets through
  // `globalThis` need not show on the sandbox object.
  const globalNames = () => vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[];
  const loaded = new Set(globalNames());
  emulator.runtime.onExecutionEnd(() => {
    const added = globalNames().filter((name) => !loaded.has(name));
    if (added.length > 0) vm.runInContext(`for (const name of ${JSON.stringify(added)}) delete globalThis[name];`, context);
  });
  return {
    context,
    emulator,
    call: (name, ...args) => emulator.runtime.invoke(name, ...args),
  };
}

/**
 * Runs the simple trigger `onOpen` (or `onInstall`) as Apps Script does when the document
 * opens (or the add-on is installed), with the documented event object: `authMode`, and
 * for onOpen `source` and `user` — left out under AuthMode.NONE, where the add-on may not
 * touch the document or the user's data.
 */
export function triggerSimpleOnOpen(
  bundle: LoadedBundle,
  authMode: Exclude<keyof typeof AuthMode, 'CUSTOM_FUNCTION'> = 'LIMITED',
  functionName: 'onOpen' | 'onInstall' = 'onOpen',
): unknown {
  const { emulator } = bundle;
  const event: Record<string, unknown> = { authMode: AuthMode[authMode] };
  if (functionName === 'onOpen' && authMode !== 'NONE') {
    event.source = emulator.spreadsheet;
    // Documented (User.getEmail): no address in a simple onOpen that runs without the
    // user's authorization.
    const email = authMode === 'FULL' ? emulator.runtime.user : '';
    event.user = instrument({ getEmail: () => email }, 'User', emulator.counter);
  }
  // The execution itself runs in that mode: calls the mode forbids throw (see auth.ts).
  return emulator.runtime.invokeWith({ authMode }, undefined, functionName, event);
}
