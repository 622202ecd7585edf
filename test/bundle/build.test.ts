/** scripts/build.mjs refuses to produce a Code.js Apps Script would misread. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { BOYKO, INSTRUMENT_DESCRIPTIONS, instrumentItems } from '../../src/core/instruments';
import { BOYKO_ALIASES } from '../../src/core/instruments/boyko-aliases';

const ROOT = join(__dirname, '..', '..');

/** A copy of the sources in a temporary folder, changed by `edit`, then built. */
function buildCopy(edit: (dir: string) => void): { status: number | null; stderr: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pd-build-'));
  for (const path of ['src', 'scripts', 'appsscript.json', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  edit(dir);
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr, dir };
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

  test('fails loudly when the sidebar would load anything from another host', () => {
    const result = buildCopy((dir) => {
      const html = join(dir, 'src/client/sidebar.html');
      writeFileSync(html, readFileSync(html, 'utf8').replace('</head>', '<script src="https://cdn.example.com/x.js"></script></head>'));
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('must not load anything from another host');
  });

  test('escapes `</script` inside the sidebar code so the script element ends where it should', () => {
    const result = buildCopy((dir) => {
      const main = join(dir, 'src/client/main.ts');
      writeFileSync(main, `${readFileSync(main, 'utf8')}\ndocument.title = '</SCRIPT><img src=x onerror=alert(1)>';\n`);
    });
    expect(result.status).toBe(0);
    const html = readFileSync(join(result.dir, 'build/Sidebar.html'), 'utf8');
    expect(html).toContain('<\\/SCRIPT><img src=x onerror=alert(1)>');
    expect(html.match(/<\/script/gi)).toHaveLength(1);
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

  test('sidebar: minified script and style, and no `</script` inside the inlined code', () => {
    const html = readFileSync(join(BUILD, 'Sidebar.html'), 'utf8');
    const script = /<script>([\s\S]*)<\/script>\s*<\/body>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(script.length).toBeGreaterThan(10_000);
    expect(style.length).toBeGreaterThan(1_000);
    // One `</script` in the file: the tag that closes the inlined code.
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.match(/<\/style/gi)).toHaveLength(1);
    // Minified: a handful of lines (template literals keep theirs), not thousands.
    expect(script.split('\n').length).toBeLessThan(50);
    expect(style).not.toMatch(/\n/);
  });

  test('leaves out the texts only the command-line tool reads or nothing shows', () => {
    // Boyko's other published wordings serve only to recognise export columns (the CLI);
    // the instruments' descriptions are shown nowhere. The form texts stay, of course.
    const forms = instrumentItems(BOYKO).map((item) => item.title.ru);
    expect(forms.every((title) => code.includes(title.replace(/^\d+\. /, '')))).toBe(true);
    const aliases = Object.values(BOYKO_ALIASES).flat().filter((alias) => !forms.some((title) => title.includes(alias)));
    expect(aliases.length).toBeGreaterThan(30);
    expect(aliases.filter((alias) => code.includes(alias))).toEqual([]);
    for (const description of Object.values(INSTRUMENT_DESCRIPTIONS)) {
      expect(code).not.toContain(description.ru);
      expect(code).not.toContain(description.en);
    }
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
