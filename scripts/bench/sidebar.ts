/**
 * The sidebar in Chromium on the local preview (tools/preview): how long a coordinator
 * waits for it, and how much it carries.
 *
 * - sidebar_first_render_ms_10000_teachers: from navigating to the sidebar until every
 *   google.script.run call it makes on opening has come back and the next frame is painted
 *   (median of 5 openings), on the demo district grown to 10,000 teachers (40,000
 *   responses). It is the first render of whatever the sidebar shows on opening (the
 *   Overview once it loads there), target < 1 s;
 * - sidebar_first_render_rpc_bytes_10000_teachers: the bytes of those calls' results — what
 *   the sidebar downloads from the bundle to show its first screen (the Overview payload
 *   once the Overview is the first screen), target < 200 KB.
 * The sidebar's HTML size is sidebar_html_bytes (bench/bundle.ts).
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
/** After the last call came back, this long without a new one means the sidebar has settled. */
const QUIET_MS = 150;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Counts the bridge's calls inside the page: installed before any of the sidebar's scripts. */
const COUNT_CALLS = `(() => {
  const original = window.fetch.bind(window);
  const state = { started: 0, done: 0, bytes: 0, lastDone: 0 };
  window.__benchCalls = state;
  window.fetch = (url, init) => {
    if (String(url).endsWith('/rpc')) {
      state.started++;
      return original(url, init).then((response) => response.clone().text().then((text) => {
        state.bytes += new TextEncoder().encode(text).length;
        state.done++;
        state.lastDone = performance.now();
        return response;
      }));
    }
    return original(url, init);
  };
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
    await context.addInitScript(COUNT_CALLS);
    const page = await context.newPage();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < OPENINGS; i++) {
      await page.goto('about:blank');
      const started = Date.now();
      await page.goto(`${preview.sidebarOrigin}/sidebar`);
      // Settled: at least one call, none in flight, none for QUIET_MS; then one painted frame.
      await page.waitForFunction(`(() => {
        const s = window.__benchCalls;
        return s.done > 0 && s.done === s.started && performance.now() - s.lastDone >= ${QUIET_MS};
      })()`, undefined, { polling: 10 });
      const settled = await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => {
        const s = window.__benchCalls;
        resolve({ lastDone: s.lastDone, bytes: s.bytes, origin: performance.timeOrigin });
      }))`) as { lastDone: number; bytes: number; origin: number };
      // performance.now() counts from this document's navigation start.
      times.push(settled.origin + settled.lastDone - started);
      bytes = settled.bytes;
    }
    return [
      { metric: `sidebar_first_render_ms_${teachers}_teachers`, value: Number(median(times).toFixed(1)), unit: 'ms' },
      { metric: `sidebar_first_render_rpc_bytes_${teachers}_teachers`, value: bytes, unit: 'bytes' },
    ];
  } finally {
    await browser.close();
    await preview.close();
  }
}

export async function run(): Promise<Metric[]> {
  return measureSidebar(10_000);
}
