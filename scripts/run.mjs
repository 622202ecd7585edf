// Runs a TypeScript script (demo, bench, preview) by bundling it with esbuild first,
// so the scripts share src/ and the emulator without a second TypeScript runtime.
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run.mjs <script.ts> [args…]');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Two levels below the root, like tools/emulator/, so paths built from __dirname agree.
// One file per process: two runs at once (parallel tests) must not load each other's half-written bundle.
const outfile = join(root, 'out', 'run', `${basename(entry, '.ts')}.${process.pid}.cjs`);
process.on('exit', () => rmSync(outfile, { force: true }));
mkdirSync(dirname(outfile), { recursive: true });
await esbuild.build({
  entryPoints: [resolve(entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  outfile, packages: 'external', sourcemap: 'inline', logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...args];
createRequire(import.meta.url)(outfile);
