/**
 * The survey results and rubric panels on the demo district grown to 10,000 teachers
 * (40,000 responses), in Chromium on the local preview:
 * - sidebar_<panel>_payload_bytes_10000_teachers: the bytes of the panel's endpoint result,
 *   what it downloads when opened (target < 200 KB);
 * - sidebar_<panel>_render_ms_10000_teachers: from pressing the panel's tab until its
 *   content is drawn and painted, the call included (median of 5 fresh openings, target < 1 s).
 */
import { chromium } from 'playwright-core';
import { startPreview } from '../../tools/preview/server';
import { growDistrict } from './sidebar';
import type { Metric } from './metric';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const OPENINGS = 5;
const PANELS = [
  { id: 'results', endpoint: 'getSurveyResults', drawn: '[data-section=deficits]' },
  { id: 'rubric', endpoint: 'getRubricPanel', drawn: '[data-section=missing]' },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function measurePanels(teachers: number): Promise<Metric[]> {
  const preview = await startPreview({ port: 0, teachers: 40, schools: 6, seed: 7, prepare: (demo) => growDistrict(demo, teachers) });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const metrics: Metric[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
    await page.route('**/*', (route) => (/^(localhost|127\.0\.0\.1)$/.test(new URL(route.request().url()).hostname) ? route.continue() : route.abort()));
    for (const panel of PANELS) {
      const payload = JSON.stringify(preview.demo.bundle.call(panel.endpoint));
      metrics.push({ metric: `sidebar_${panel.id}_payload_bytes_${teachers}_teachers`, value: Buffer.byteLength(payload), unit: 'bytes' });
      const times: number[] = [];
      for (let i = 0; i < OPENINGS; i++) {
        await page.goto(`${preview.sidebarOrigin}/sidebar`);
        await page.locator(`#tab-${panel.id}`).waitFor();
        // The first panel's own calls settle first, so they do not share the measured time.
        await page.waitForFunction("!document.querySelector('main .spinner') && document.querySelector('main').textContent.length > 80");
        const started = Date.now();
        await page.locator(`#tab-${panel.id}`).press('Enter');
        await page.locator(panel.drawn).waitFor();
        await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
        times.push(Date.now() - started);
      }
      metrics.push({ metric: `sidebar_${panel.id}_render_ms_${teachers}_teachers`, value: median(times), unit: 'ms' });
    }
    return metrics;
  } finally {
    await browser.close();
    await preview.close();
  }
}

export async function run(): Promise<Metric[]> {
  return measurePanels(10_000);
}
