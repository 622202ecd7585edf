/**
 * The sidebar in Chromium on the local preview (tools/preview): how long a coordinator
 * waits for the Overview, and how much it carries, on the demo district grown to 10,000
 * teachers (40,000 responses).
 *
 * - sidebar_overview_render_ms_10000_teachers: from navigating to the sidebar until the
 *   Overview's indicator cards are in the document and the next frame is painted (median
 *   of 5 openings), target < 1 s;
 * - sidebar_overview_payload_bytes_10000_teachers: the bytes of the Overview's own calls'
 *   results (getOverview and getHealth), target < 200 KB;
 * - sidebar_opening_rpc_bytes_10000_teachers: every call the sidebar makes on opening
 *   (also getSidebarInfo and getRecalculationStatus).
 * The sidebar's HTML size is sidebar_html_bytes (bench/bundle.ts), target < 150 KB.
 */
import { chromium } from 'playwright-core';
import { DemoDistrict, DEMO_INSTRUMENTS } from '../../tools/demo-district/district';
import { startPreview } from '../../tools/preview/server';
import { growRaw } from './operations';
import type { Metric } from './metric';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const OPENINGS = 5;

function median(values: number[]): number {
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

/**
 * The demo district grown to `teachers` the way bench/operations.ts grows it: its raw
 * responses copied down, then scored by recalculateAll run after run as Apps Script would.
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

export async function measureSidebar(teachers: number): Promise<Metric[]> {
  const preview = await startPreview({ port: 0, teachers: 40, schools: 6, seed: 7, prepare: (demo) => growDistrict(demo, teachers) });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient');
    });
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    const times: number[] = [];
    let bytes: Record<string, number> = {};
    for (let i = 0; i < OPENINGS; i++) {
      await page.goto('about:blank');
      const started = Date.now();
      await page.goto(`${preview.sidebarOrigin}/sidebar`);
      // Painted, and every call of the opening back (the last one may come after the cards).
      await page.waitForFunction('window.__bench.paintedAt > 0 && window.__bench.done === window.__bench.started', undefined, { polling: 10, timeout: 120_000 });
      const seen = await page.evaluate('({ paintedAt: window.__bench.paintedAt, bytes: window.__bench.bytes, origin: performance.timeOrigin })') as { paintedAt: number; bytes: Record<string, number>; origin: number };
      // performance.now() counts from this document's navigation start.
      times.push(seen.origin + seen.paintedAt - started);
      bytes = seen.bytes;
    }
    const sum = (names: string[]) => names.reduce((total, name) => total + (bytes[name] ?? 0), 0);
    return [
      { metric: `sidebar_overview_render_ms_${teachers}_teachers`, value: Number(median(times).toFixed(1)), unit: 'ms' },
      { metric: `sidebar_overview_payload_bytes_${teachers}_teachers`, value: sum(['getOverview', 'getHealth']), unit: 'bytes' },
      { metric: `sidebar_opening_rpc_bytes_${teachers}_teachers`, value: sum(Object.keys(bytes)), unit: 'bytes' },
    ];
  } finally {
    await browser.close();
    await preview.close();
  }
}

export async function run(): Promise<Metric[]> {
  return measureSidebar(10_000);
}
