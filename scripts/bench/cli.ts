/**
 * The command-line tool on big exports: `pd-monitor score boyko` over a generated Google
 * Forms export of 200,000 rows (wall time, rows per second, peak memory of the process),
 * run as users run it (node dist/cli.js, output to a file). `--cli-bytes N` adds a run over
 * a generated file of about N bytes (the 2 GB check: `npm run bench -- --cli-bytes 2000000000`);
 * it is not part of the default bench.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { exportHeader, exportRow, syntheticCodes } from './scoring';
import type { Metric } from './metric';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

/** Writes an export of `rows` rows (or until `bytes` bytes) to `path`, a block at a time. */
export function writeExport(path: string, limit: { rows?: number; bytes?: number }): { rows: number; bytes: number } {
  const pool = syntheticCodes(4096);
  const fd = openSync(path, 'w');
  let bytes = writeSync(fd, exportHeader());
  let rows = 0;
  const more = () => (limit.rows !== undefined ? rows < limit.rows : bytes < (limit.bytes ?? 0));
  while (more()) {
    let block = '';
    for (let i = 0; i < 2000 && more(); i++, rows++) block += exportRow(rows, pool[rows & 4095]);
    bytes += writeSync(fd, block);
  }
  closeSync(fd);
  return { rows, bytes };
}

/** Runs the built CLI on `input`, output to a file; wall time and the child's peak RSS. */
export function runCli(input: string, output: string): { ms: number; cpuMs: number; peakRssMb: number } {
  // The preload reports the process's own peak resident set size when it exits.
  const preload = join(dirname(output), 'maxrss.cjs');
  writeFileSync(preload, `process.on('exit', () => require('fs').writeSync(2, '\\nmaxrss=' + process.resourceUsage().maxRSS + ' cpu=' + (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) + '\\n'));\n`);
  const out = openSync(output, 'w');
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', preload, CLI, 'score', 'boyko', input], {
    stdio: ['ignore', out, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  closeSync(out);
  if (result.status !== 0) throw new Error(`pd-monitor score failed: ${result.stderr}`);
  const kb = Number(/maxrss=(\d+)/.exec(result.stderr)?.[1]);
  const cpuMs = Number(/cpu=(\d+)/.exec(result.stderr)?.[1]) / 1000;
  if (!statSync(output).size || !Number.isFinite(kb)) throw new Error('pd-monitor score wrote nothing or did not report its memory');
  return { ms, cpuMs, peakRssMb: kb / 1024 };
}

export async function run(argv: string[] = process.argv.slice(2)): Promise<Metric[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pd-bench-cli-'));
  try {
    const metrics: Metric[] = [];
    const input = join(dir, 'boyko.csv');
    const { rows, bytes } = writeExport(input, { rows: 200_000 });
    const { ms, cpuMs, peakRssMb } = runCli(input, join(dir, 'out.jsonl'));
    metrics.push(
      { metric: 'cli_score_boyko_200000_rows_ms', value: Math.round(ms), unit: 'ms' },
      { metric: 'cli_score_boyko_200000_rows_cpu_ms', value: Math.round(cpuMs), unit: 'ms' },
      { metric: 'cli_score_boyko_200000_rows_peak_rss', value: Math.round(peakRssMb), unit: 'MB' },
      { metric: 'cli_score_boyko_throughput', value: Math.round((rows / ms) * 1000), unit: 'rows/s' },
      { metric: 'cli_score_boyko_200000_rows_input', value: Math.round(bytes / 2 ** 20), unit: 'MB' },
    );
    const big = argv.indexOf('--cli-bytes');
    if (big >= 0) {
      rmSync(input);
      const huge = writeExport(input, { bytes: Number(argv[big + 1]) });
      const result = runCli(input, join(dir, 'out.jsonl'));
      metrics.push(
        { metric: 'cli_score_boyko_big_file_input', value: Math.round(huge.bytes / 2 ** 20), unit: 'MB' },
        { metric: 'cli_score_boyko_big_file_rows', value: huge.rows, unit: 'rows' },
        { metric: 'cli_score_boyko_big_file_ms', value: Math.round(result.ms), unit: 'ms' },
        { metric: 'cli_score_boyko_big_file_cpu_ms', value: Math.round(result.cpuMs), unit: 'ms' },
        { metric: 'cli_score_boyko_big_file_peak_rss', value: Math.round(result.peakRssMb), unit: 'MB' },
      );
    }
    return metrics;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
