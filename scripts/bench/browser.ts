/**
 * The one way the benchmark measures the sidebar in Chromium: the preview on the demo
 * district grown to N teachers (bench/sidebar.ts grows it), a page that counts the
 * bridge's calls and their result bytes, and the time from choosing a panel's tab until
 * its content is in the document and the next frame is painted.
 */
import { chromium, Page } from 'playwright-core';
import { DemoDistrict, DEMO_INSTRUMENTS } from '../../tools/demo-district/district';
import { Preview, startPreview } from '../../tools/preview/server';
import { growRaw } from './operations';
import type { Metric } from './metric';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
/** Each panel is opened this many times, the sidebar reloaded before each (nothing cached); the median is reported. */
export const OPENINGS = 5;

/**
 * The demo district grown to `teachers` the way bench/operations.ts grows it: its raw
 * responses copied down, then scored by recalculateAll run after run as Apps Script would
 * (which also computes the indicators).
 */
export function growDistrict(demo: DemoDistrict, teachers: number): void {
  const { emulator, bundle, forms } = demo;
  for (const instrument of DEMO_INSTRUMENTS) {
    const raw = emulator.spreadsheet.getSheets().find((sheet) => sheet.getFormUrl()?.includes(`/${forms[instrument].formId}/`));
    if (!raw) throw new Error(`no response sheet for ${instrument}`);
    growRaw(raw, teachers);
  }
  let progress = { done: false };
  for (let name = 'recalculateAll', runs = 0; !progress.done; name = 'continueRecalculation', runs++) {
    if (runs > 500) throw new Error('recalculateAll does not finish');
    progress = bundle.call(name) as { done: boolean };
  }
  bundle.call('refreshIndicators');
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Installed before any of the sidebar's scripts: counts the bridge's calls and their
 * result bytes by endpoint, and notes when the Overview's cards appear and are painted.
 */
const WATCH = `(() => {
  const original = window.fetch.bind(window);
  const state = { started: 0, done: 0, bytes: {}, paintedAt: 0 };
  window.__bench = state;
  window.fetch = (url, init) => {
    if (!String(url).endsWith('/rpc')) return original(url, init);
    state.started++;
    const name = JSON.parse(init.body).name;
    return original(url, init).then((response) => response.clone().text().then((text) => {
      state.bytes[name] = (state.bytes[name] || 0) + new TextEncoder().encode(text).length;
      state.done++;
      return response;
    }));
  };
  new MutationObserver((records, observer) => {
    if (!document.querySelector('#panel .cards')) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => { state.paintedAt = performance.now(); }));
  }).observe(document, { childList: true, subtree: true });
})();`;

export interface BenchSidebar {
  preview: Preview;
  page: Page;
}

/** Runs `measure` on a 300-px sidebar page of the preview grown to `teachers`; nothing leaves localhost. */
export async function withSidebar<T>(teachers: number, measure: (bench: BenchSidebar) => Promise<T>): Promise<T> {
  const preview = await startPreview({ port: 0, teachers: 40, schools: 6, seed: 7, prepare: (demo) => growDistrict(demo, teachers) });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 300, height: 800 } });
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient');
    });
    await context.addInitScript(WATCH);
    return await measure({ preview, page: await context.newPage() });
  } finally {
    await browser.close();
    await preview.close();
  }
}

/** Every call the page has made so far is back. */
export const CALLS_SETTLED = 'window.__bench.done === window.__bench.started';

export interface PanelProbe {
  /** The panel's id: its tab is #tab-<id>. */
  id: string;
  /** A selector present once the panel's content is drawn. */
  ready: string;
}

/**
 * sidebar_<panel>_render_ms_<N>_teachers: from choosing the tab until `ready` is in the
 * document and the next frame is painted, the calls included (median of OPENINGS fresh
 * openings, target < 1 s); sidebar_<panel>_payload_bytes_<N>_teachers: the bytes of every
 * call the opening made (target < 200 KB).
 */
export async function measurePanel({ preview, page }: BenchSidebar, panel: PanelProbe, teachers: number): Promise<Metric[]> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < OPENINGS; i++) {
    await page.goto(`${preview.sidebarOrigin}/sidebar`);
    await page.waitForSelector(`#tab-${panel.id}`, { timeout: 120_000 });
    // The first panel's own calls settle first, so they do not share the measured time.
    await page.waitForFunction(`window.__bench.paintedAt > 0 && ${CALLS_SETTLED}`, undefined, { polling: 10, timeout: 120_000 });
    times.push(await page.evaluate(`new Promise((resolve) => {
      window.__bench.bytes = {};
      const t = performance.now();
      document.getElementById('tab-${panel.id}').click();
      const poll = () => document.querySelector(${JSON.stringify(panel.ready)})
        ? requestAnimationFrame(() => resolve(performance.now() - t))
        : setTimeout(poll, 2);
      poll();
    })`) as number);
    await page.waitForFunction(CALLS_SETTLED, undefined, { polling: 10, timeout: 120_000 });
    bytes = await page.evaluate('Object.values(window.__bench.bytes).reduce((a, b) => a + b, 0)') as number;
  }
  return [
    { metric: `sidebar_${panel.id}_render_ms_${teachers}_teachers`, value: Number(median(times).toFixed(1)), unit: 'ms' },
    { metric: `sidebar_${panel.id}_payload_bytes_${teachers}_teachers`, value: bytes, unit: 'bytes' },
  ];
}
