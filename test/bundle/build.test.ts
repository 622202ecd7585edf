/** scripts/build.mjs refuses to produce a Code.js Apps Script would misread. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as esbuild from 'esbuild';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A copy of the sources in a temporary folder, changed by `edit`, then built. */
function buildCopy(edit: (dir: string) => void): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pd-build-'));
  for (const path of ['src', 'scripts', 'appsscript.json', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  edit(dir);
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('the build', () => {
  test('fails loudly when an entry point Apps Script needs is not exported', () => {
    const result = buildCopy((dir) => {
      const index = join(dir, 'src/server/index.ts');
      writeFileSync(index, readFileSync(index, 'utf8').replace('onOpen, ', ''));
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('does not export onOpen');
  });

  test('fails loudly when a module token would survive in Code.js', () => {
    const result = buildCopy((dir) => {
      const menu = join(dir, 'src/server/menu.ts');
      writeFileSync(menu, `${readFileSync(menu, 'utf8')}\nexport function loadLater(name: string): unknown { return require(name); }\n`);
      const index = join(dir, 'src/server/index.ts');
      writeFileSync(index, `${readFileSync(index, 'utf8')}export { loadLater } from './menu';\n`);
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('forbidden module token: require');
  });

  test('fails loudly when the sidebar is missing', () => {
    const result = buildCopy((dir) => writeFileSync(join(dir, 'src/client/sidebar.html'), '<html></html>'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('placeholders');
  });
});

describe('the built bundle', () => {
  const BUILD = join(ROOT, 'build');
  const code = readFileSync(join(BUILD, 'Code.js'), 'utf8');

  test('is minified, with every entry point a readable top-level forwarding function', async () => {
    // The exports of src/server/index.ts, named the way the build names them.
    const esm = await esbuild.build({
      entryPoints: [join(ROOT, 'src/server/index.ts')], bundle: true, format: 'esm', write: false, metafile: true,
      outfile: 'names.js', logLevel: 'silent',
    });
    const names = Object.values(esm.metafile.outputs)[0].exports;
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'onFormSubmit', 'runScheduledJobs']));
    const lines = code.trimEnd().split('\n');
    const wrappers = lines.slice(-names.length);
    const body = lines.slice(0, -names.length);
    // Minified, the IIFE's only line breaks are those inside template literals (a handful;
    // unminified it has thousands of lines).
    expect(body[0]).toMatch(/^"use strict";var __pdMonitor=/);
    expect(body.length).toBeLessThan(50);
    expect([...wrappers].sort()).toEqual(
      names.map((name) => `function ${name}(...args) { return __pdMonitor.${name}(...args); }`).sort(),
    );
    expect(code).not.toContain('sourceMappingURL');
  });

  test('keeps its source map in build/, and clasp pushes only the project files', () => {
    const map = JSON.parse(readFileSync(join(BUILD, 'Code.js.map'), 'utf8')) as { sources: string[] };
    expect(map.sources).toEqual(expect.arrayContaining([expect.stringMatching(/src\/server\/index\.ts$/)]));
    const clasp = join(ROOT, 'node_modules/@google/clasp/build/src/index.js');
    expect(existsSync(clasp)).toBe(true);
    const result = spawnSync(process.execPath, [clasp, 'show-file-status', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const status = JSON.parse(result.stdout) as { filesToPush: string[]; untrackedFiles: string[] };
    expect([...status.filesToPush].sort()).toEqual(['build/Code.js', 'build/Sidebar.html', 'build/appsscript.json']);
    expect(status.untrackedFiles).toContain('build/Code.js.map');
  }, 60_000);
});
