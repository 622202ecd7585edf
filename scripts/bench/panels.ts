/**
 * The other panels on the demo district grown to 10,000 teachers (40,000 responses), in
 * Chromium on the local preview, measured by bench/browser.ts's measurePanel: for each of
 * Surveys, Results, Rubric, Health (with the log) and Mail,
 * - sidebar_<panel>_payload_bytes_10000_teachers: the bytes of every call its opening
 *   makes (target < 200 KB);
 * - sidebar_<panel>_render_ms_10000_teachers: from choosing its tab until its content is
 *   drawn and painted, the calls included (median of 5 fresh openings, target < 1 s).
 */
import { measurePanel, PanelProbe, withSidebar } from './browser';
import type { Metric } from './metric';

const PANELS: PanelProbe[] = [
  { id: 'surveys', ready: '.form-list' },
  { id: 'results', ready: '[data-section=deficits]' },
  { id: 'rubric', ready: '[data-section=missing]' },
  { id: 'health', ready: 'ul.log' },
  { id: 'mail', ready: '#mail-summary-enabled' },
];

export async function measurePanels(teachers: number): Promise<Metric[]> {
  return withSidebar(teachers, async (bench) => {
    const metrics: Metric[] = [];
    for (const panel of PANELS) metrics.push(...await measurePanel(bench, panel, teachers));
    return metrics;
  });
}

export async function run(): Promise<Metric[]> {
  return measurePanels(10_000);
}
