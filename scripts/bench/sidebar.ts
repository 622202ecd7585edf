/**
 * The sidebar's opening in Chromium on the local preview (bench/browser.ts): how long a
 * coordinator waits for the Overview, and how much it carries, on the demo district grown
 * to 10,000 teachers (40,000 responses).
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
import { CALLS_SETTLED, median, OPENINGS, withSidebar } from './browser';
import type { Metric } from './metric';

export { growDistrict } from './browser';

export async function measureSidebar(teachers: number): Promise<Metric[]> {
  return withSidebar(teachers, async ({ preview, page }) => {
    const times: number[] = [];
    let bytes: Record<string, number> = {};
    for (let i = 0; i < OPENINGS; i++) {
      await page.goto('about:blank');
      const started = Date.now();
      await page.goto(`${preview.sidebarOrigin}/sidebar`);
      // Painted, and every call of the opening back (the last one may come after the cards).
      await page.waitForFunction(`window.__bench.paintedAt > 0 && ${CALLS_SETTLED}`, undefined, { polling: 10, timeout: 120_000 });
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
  });
}

export async function run(): Promise<Metric[]> {
  return measureSidebar(10_000);
}
