/** Size of the artifacts Apps Script loads (Code.js on every execution), and how long the bundle takes to load. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator } from '../../tools/emulator';
import { loadBundle } from '../../tools/emulator/bundle';
import type { Metric } from './metric';

const BUILD = join(__dirname, '..', '..', 'build');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<Metric[]> {
  const loads: number[] = [];
  for (let i = 0; i < 21; i++) {
    const emulator = createEmulator();
    const started = process.hrtime.bigint();
    loadBundle(emulator, BUILD);
    loads.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return [
    { metric: 'code_js_bytes', value: statSync(join(BUILD, 'Code.js')).size, unit: 'bytes' },
    // Read only by the operations that use its texts (form creation, preset, rubric, mail…),
    // two service calls once per such execution; never parsed by the others.
    { metric: 'data_html_bytes', value: statSync(join(BUILD, 'Data.html')).size, unit: 'bytes' },
    { metric: 'sidebar_html_bytes', value: statSync(join(BUILD, 'Sidebar.html')).size, unit: 'bytes' },
    { metric: 'bundle_load_ms_median', value: Number(median(loads).toFixed(2)), unit: 'ms' },
  ];
}
