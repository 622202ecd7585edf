/**
 * The Indicators and Burnout panels in Chromium on the preview, on the demo district grown
 * to 10,000 teachers, measured by bench/browser.ts's measurePanel: for each,
 * sidebar_<panel>_render_ms_10000_teachers (target < 1 s) and
 * sidebar_<panel>_payload_bytes_10000_teachers (target < 200 KB).
 */
import { measurePanel, PanelProbe, withSidebar } from './browser';
import type { Metric } from './metric';

const PANELS: PanelProbe[] = [
  { id: 'indicators', ready: '.indicator-list .card' },
  { id: 'burnout', ready: '[data-section=groups]' },
];

export async function measureIndicatorsBurnout(teachers: number): Promise<Metric[]> {
  return withSidebar(teachers, async (bench) => {
    const metrics: Metric[] = [];
    for (const panel of PANELS) metrics.push(...await measurePanel(bench, panel, teachers));
    return metrics;
  });
}

export async function run(): Promise<Metric[]> {
  return measureIndicatorsBurnout(10_000);
}
