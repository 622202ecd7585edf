/** scripts/build.mjs refuses to produce a Code.js Apps Script would misread. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
