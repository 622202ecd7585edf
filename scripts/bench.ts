/**
 * `npm run bench`: prints one JSON object per line, {"metric", "value", "unit"}.
 * Each module under scripts/bench/ measures one area; none of them asserts, they report.
 */
import { run as runBundle } from './bench/bundle';
import { run as runCli } from './bench/cli';
import { run as runOperations } from './bench/operations';
import { run as runIndicatorsBurnout } from './bench/indicators-burnout';
import { run as runPanels } from './bench/panels';
import { run as runPipeline } from './bench/pipeline';
import { run as runScoring } from './bench/scoring';
import { run as runSidebar } from './bench/sidebar';

import type { Metric } from './bench/metric';
export type { Metric } from './bench/metric';

const AREAS: Array<() => Promise<Metric[]>> = [runBundle, runScoring, runPipeline, runOperations, () => runCli(), runSidebar, runPanels, runIndicatorsBurnout];

async function main(): Promise<void> {
  for (const area of AREAS) {
    for (const metric of await area()) process.stdout.write(`${JSON.stringify(metric)}\n`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
