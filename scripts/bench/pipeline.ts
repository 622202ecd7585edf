/** The add-on's own costs in the emulator: service calls per submission, the demo build. */
import { callsForOneSubmission } from './cost';
import { buildDemoDistrict } from '../../tools/demo-district/district';
import type { Metric } from './metric';

const total = (calls: Record<string, number>) => Object.values(calls).reduce((sum, n) => sum + n, 0);

export async function run(): Promise<Metric[]> {
  const started = process.hrtime.bigint();
  buildDemoDistrict({ teachers: 100, schools: 8, seed: 1 });
  const demoMs = Number(process.hrtime.bigint() - started) / 1e6;
  return [
    { metric: 'service_calls_per_submission_10_rows', value: total(callsForOneSubmission(10)), unit: 'calls' },
    { metric: 'service_calls_per_submission_10000_rows', value: total(callsForOneSubmission(10_000)), unit: 'calls' },
    { metric: 'demo_district_400_submissions_ms', value: Number(demoMs.toFixed(1)), unit: 'ms' },
  ];
}
