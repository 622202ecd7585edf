/**
 * Browser tests on the local preview (tools/preview): the built bundle in the emulator
 * with a demo district, served in-process on a free port, driven by Debian's Chromium
 * through playwright-core.
 *
 *   const s = await openPreview({ teachers: 20, schools: 4 });  // any PreviewOptions
 *   const s = await openPreview({ empty: true });  // a new spreadsheet: the sidebar opens on Setup
 *   s.page                     host page (sheet tabs and rows, controls, sidebar iframe)
 *   await s.sidebar()          the sidebar's Frame once its document has loaded
 *   s.preview                  the server: s.preview.demo.{emulator, bundle}, url, calls
 *   s.calls                    every bridged google.script.run call, in order: {name, args}
 *   s.consoleErrors            console errors and uncaught page errors (host and sidebar)
 *   s.externalRequests         requests to any host but localhost/127.0.0.1 (all aborted)
 *   s.dialogs                  alert/confirm/prompt texts (each dismissed)
 *   await s.axe()              serious and critical axe violations, sidebar frame included
 *   await s.axe({ sidebarOnly: true })  the same for the sidebar's frame alone (faster)
 *   await s.screenshot('name') saves out/screenshots/name.png (git-ignored), the whole sidebar, returns the path
 *   await s.screenshot('name', { sidebarOnly: true })  the sidebar alone, 300 px wide
 *   await s.click(locator)     a real mouse click on an element, in the sidebar too (see below)
 *   s.expectClean()            fails on any console error, external request or dialog
 *   await s.close()            closes the browser and the server
 *
 * Click sidebar elements with s.click(locator), not locator.click(): the sidebar is on
 * its own origin (an out-of-process frame), where playwright-core's click with this
 * Chromium scrolls the element into view and then retries until it times out (and
 * locator.boundingBox() fails with "Object not disposable"). s.click scrolls the element
 * into view itself and clicks the mouse at its centre on the page, so hit-testing is
 * still the browser's: a covered element is not clicked.
 *
 * Jest runs test files one at a time on this 2-core machine; each browser test file opens
 * one session in beforeAll and closes it in afterAll. Give its tests BROWSER_TIMEOUT.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Frame, Locator, Page } from 'playwright-core';
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
  axe(options?: { sidebarOnly?: boolean }): Promise<AxeViolation[]>;
  screenshot(name: string, options?: { sidebarOnly?: boolean }): Promise<string>;
  click(target: Locator): Promise<void>;
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
    async axe(options = {}) {
      await sidebar();
      const builder = new AxeBuilder({ page });
      // The sidebar's frame alone: much faster than the host page's grid of up to 200 rows.
      if (options.sidebarOnly) builder.include('#sidebar');
      const results = await builder.analyze();
      return results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
    },
    async screenshot(name, options = {}) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${name}.png`);
      // A full-page screenshot does not scroll the sidebar's frame: the window is made tall
      // enough for the whole sidebar, from the top, for the picture and then set back.
      const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
      const box = await page.locator('#sidebar').boundingBox();
      const frame = box ? page.frames().find((f) => f.url().startsWith(`${preview.sidebarOrigin}/sidebar`)) : undefined;
      const height = frame ? await frame.evaluate(() => { window.scrollTo(0, 0); return document.documentElement.scrollHeight; }) : 0;
      if (box && height > box.height) await page.setViewportSize({ width: viewport.width, height: Math.ceil(viewport.height + height - box.height) });
      try {
        // The sidebar's frame paints in its own process: two frames there, so the grown part is drawn.
        await frame?.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        // A frame inside it (the mail preview's sandboxed document, no script to wait on) paints
        // in yet another process, after the sidebar's: taken sooner, the picture shows the whole
        // sidebar blank below its first screen. Its load, then a moment to composite.
        const inner = frame?.childFrames() ?? [];
        for (const child of inner) await child.waitForLoadState('load');
        if (inner.length > 0) await page.waitForTimeout(500);
        if (options.sidebarOnly) await page.locator('#sidebar-panel').screenshot({ path });
        else await page.screenshot({ path, fullPage: true });
      } finally {
        await page.setViewportSize(viewport);
      }
      return path;
    },
    async click(target) {
      await target.waitFor({ state: 'visible' });
      const at = await target.evaluate((element) => {
        element.scrollIntoView({ block: 'center', inline: 'nearest' });
        const box = element.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2, origin: location.origin };
      });
      // Inside the sidebar the point is relative to its frame, which sits in the host page at #sidebar.
      const frame = at.origin === preview.sidebarOrigin ? await page.locator('#sidebar').boundingBox() : { x: 0, y: 0 };
      if (!frame) throw new Error('the sidebar frame is not shown');
      await page.mouse.click(frame.x + at.x, frame.y + at.y);
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

/**
 * The panel shown, under print media: no control has a box (tabs, buttons, dropdowns,
 * fields: paper cannot use them), `content` has one, and the printed filter line says
 * each of `chosen` (every line when `chosen` is empty, none then). Photographed as
 * `name` before the media goes back to screen.
 */
export async function expectPrintView(s: PreviewSession, frame: Frame, options: { content: string; chosen: string[]; name: string }): Promise<string[]> {
  await s.page.emulateMedia({ media: 'print' });
  let seen: { controls: string[]; content: boolean; filters: string[] };
  try {
    seen = await frame.evaluate(`(() => {
      const boxed = (el) => el.getClientRects().length > 0;
      return {
        controls: [...document.querySelectorAll('button, select, input, textarea, [role=tab]')].filter(boxed).map((el) => el.outerHTML.slice(0, 80)),
        content: [...document.querySelectorAll(${JSON.stringify(options.content)})].some(boxed),
        filters: [...document.querySelectorAll('.print-filters')].filter(boxed).map((el) => el.textContent),
      };
    })()`) as typeof seen;
    expect(seen.controls).toEqual([]);
    expect(seen.content).toBe(true);
    if (options.chosen.length === 0) expect(seen.filters).toEqual([]);
    for (const value of options.chosen) expect(seen.filters.join('\n')).toContain(value);
    await s.screenshot(options.name, { sidebarOnly: true });
  } finally {
    await s.page.emulateMedia({ media: 'screen' });
  }
  // On screen the printed filter line has no box: the dropdowns say it there.
  expect(await frame.evaluate("[...document.querySelectorAll('.print-filters')].filter((el) => el.getClientRects().length > 0).length")).toBe(0);
  return seen.filters;
}
