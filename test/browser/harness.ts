/**
 * Browser tests on the local preview (tools/preview): the built bundle in the emulator
 * with a demo district, served in-process on a free port, driven by Debian's Chromium
 * through playwright-core.
 *
 *   const s = await openPreview({ teachers: 20, schools: 4 });  // any PreviewOptions
 *   s.page                     host page (sheet tabs and rows, controls, sidebar iframe)
 *   await s.sidebar()          the sidebar's Frame once its document has loaded
 *   s.preview                  the server: s.preview.demo.{emulator, bundle}, url, calls
 *   s.calls                    every bridged google.script.run call, in order: {name, args}
 *   s.consoleErrors            console errors and uncaught page errors (host and sidebar)
 *   s.externalRequests         requests to any host but localhost/127.0.0.1 (all aborted)
 *   s.dialogs                  alert/confirm/prompt texts (each dismissed)
 *   await s.axe()              serious and critical axe violations, sidebar frame included
 *   await s.screenshot('name') saves out/screenshots/name.png (git-ignored), returns the path
 *   s.expectClean()            fails on any console error, external request or dialog
 *   await s.close()            closes the browser and the server
 *
 * Jest runs test files one at a time on this 2-core machine; each browser test file opens
 * one session in beforeAll and closes it in afterAll. Give its tests BROWSER_TIMEOUT.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Frame, Page } from 'playwright-core';
import { Preview, PreviewOptions, startPreview } from '../../tools/preview/server';

export const BROWSER_TIMEOUT = 90_000;
const ROOT = join(__dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'out', 'screenshots');
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

export interface PreviewSession {
  page: Page;
  preview: Preview;
  browser: Browser;
  calls: Array<{ name: string; args: unknown[] }>;
  consoleErrors: string[];
  externalRequests: string[];
  dialogs: string[];
  sidebar(): Promise<Frame>;
  axe(): Promise<AxeViolation[]>;
  screenshot(name: string): Promise<string>;
  expectClean(): void;
  close(): Promise<void>;
}

/** Builds once per run if the bundle is missing (npm test builds before jest). */
function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'build', 'Code.js')) && existsSync(join(ROOT, 'build', 'Sidebar.html'))) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
}

export async function openPreview(options: PreviewOptions = {}): Promise<PreviewSession> {
  ensureBuilt();
  const calls: PreviewSession['calls'] = [];
  const preview = await startPreview({ port: 0, teachers: 20, schools: 4, ...options, onCall: (name, args) => {
    calls.push({ name, args });
    options.onCall?.(name, args);
  } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];
  const dialogs: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !LOCAL_HOSTS.has(url.hostname)) {
      externalRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.location().url}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(preview.url);

  const sidebar = async (): Promise<Frame> => {
    const handle = await page.waitForSelector('#sidebar[src*="/sidebar"]', { state: 'attached' });
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('the sidebar iframe has no frame');
    // The frame starts as about:blank, already "loaded": wait for the sidebar's own document.
    await frame.waitForURL(/\/sidebar/);
    await frame.waitForLoadState('load');
    return frame;
  };

  return {
    page, preview, browser, calls, consoleErrors, externalRequests, dialogs, sidebar,
    async axe() {
      await sidebar();
      const results = await new AxeBuilder({ page }).analyze();
      return results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    expectClean() {
      expect({ consoleErrors, externalRequests, dialogs }).toEqual({ consoleErrors: [], externalRequests: [], dialogs: [] });
    },
    async close() {
      await browser.close();
      await preview.close();
    },
  };
}
