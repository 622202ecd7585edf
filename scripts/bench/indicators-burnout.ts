/**
 * The Indicators and Burnout panels in Chromium on the preview, on the demo district grown
 * to 10,000 teachers (bench/sidebar.ts grows it): for each panel,
 * - sidebar_<panel>_render_ms_10000_teachers: from choosing its tab until its content is in
 *   the document and the next frame is painted (median of 5, the sidebar reloaded before
 *   each so nothing is cached), target < 1 s;
 * - sidebar_<panel>_payload_bytes_10000_teachers: the bytes of its endpoint's result,
 *   target < 200 KB.
 */
import { chromium } from 'playwright-core';
import { startPreview } from '../../tools/preview/server';
import { growDistrict } from './sidebar';
import type { Metric } from './metric';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const OPENINGS = 5;
const PANELS = [
  { id: 'indicators', endpoint: 'getIndicatorsPanel', ready: '.indicator-list .card' },
  { id: 'burnout', endpoint: 'getBurnout', ready: '[data-section=groups]' },
];

/** Installed before the sidebar's scripts: the bytes of each endpoint's results, and calls in flight. */
const WATCH = `(() => {
  const original = window.fetch.bind(window);
  const state = { started: 0, done: 0, bytes: {} };
  window.__panels = state;
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
})();`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function measureIndicatorsBurnout(teachers: number): Promise<Metric[]> {
  const preview = await startPreview({ port: 0, teachers: 40, schools: 6, seed: 7, prepare: (demo) => growDistrict(demo, teachers) });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 300, height: 800 } });
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient');
    });
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    const metrics: Metric[] = [];
    for (const panel of PANELS) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < OPENINGS; i++) {
        await page.goto(`${preview.sidebarOrigin}/sidebar`);
        await page.waitForSelector(`#tab-${panel.id}`, { timeout: 120_000 });
        await page.waitForFunction('window.__panels.done === window.__panels.started', undefined, { polling: 10, timeout: 120_000 });
        const took = await page.evaluate(`new Promise((resolve) => {
          const t = performance.now();
          document.getElementById('tab-${panel.id}').click();
          const poll = () => document.querySelector('${panel.ready}')
            ? requestAnimationFrame(() => resolve(performance.now() - t))
            : setTimeout(poll, 2);
          poll();
        })`) as number;
        times.push(took);
        bytes = await page.evaluate(`window.__panels.bytes['${panel.endpoint}'] || 0`) as number;
      }
      metrics.push(
        { metric: `sidebar_${panel.id}_render_ms_${teachers}_teachers`, value: Number(median(times).toFixed(1)), unit: 'ms' },
        { metric: `sidebar_${panel.id}_payload_bytes_${teachers}_teachers`, value: bytes, unit: 'bytes' },
      );
    }
    return metrics;
  } finally {
    await browser.close();
    await preview.close();
  }
}

export async function run(): Promise<Metric[]> {
  return measureIndicatorsBurnout(10_000);
}
