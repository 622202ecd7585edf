/** build/Code.js as Apps Script loads it: one file, its globals, the menu and the sidebar. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { triggerSimpleOnOpen } from '../../tools/emulator/bundle';
import { startHarness } from './harness';

const BUILD = join(__dirname, '..', '..', 'build');
const code = readFileSync(join(BUILD, 'Code.js'), 'utf8');

/** The named exports of src/server/index.ts, read independently of the build script. */
async function serverExports(): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [join(__dirname, '..', '..', 'src', 'server', 'index.ts')],
    bundle: true, format: 'esm', write: false, metafile: true, outfile: 'x.js', logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs)[0].exports;
}

describe('build/Code.js', () => {
  test('declares the entry points Apps Script calls by name, and nothing modular survives', async () => {
    for (const name of ['onOpen', 'onInstall', 'onFormSubmit', 'runScheduledJobs', 'showSidebar']) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(\\.\\.\\.args\\) \\{`, 'm'));
    }
    expect(code).not.toMatch(/^\s*(export|import)\s/m);
    expect(code).not.toMatch(/\brequire\s*\(/);
    const declared = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort();
    expect(declared).toEqual((await serverExports()).sort());
  });

  test('every global forwards all its arguments to the bundle', async () => {
    const { bundle } = startHarness();
    const seen: Array<{ name: string; args: unknown[] }> = [];
    bundle.context.__pdMonitor = new Proxy({}, { get: (_, name) => (...args: unknown[]) => seen.push({ name: String(name), args }) });
    for (const name of await serverExports()) {
      (bundle.context[name] as (...a: unknown[]) => unknown)('a', 2, { e: true });
    }
    expect(seen.map((s) => s.name).sort()).toEqual((await serverExports()).sort());
    expect(seen.every((s) => JSON.stringify(s.args) === JSON.stringify(['a', 2, { e: true }]))).toBe(true);
  });

  test('the manifest: V8, Moscow time, explicit minimal scopes', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Moscow');
    // spreadsheets (not .currentonly): the scheduled job opens its workbooks by id;
    // userinfo.email: the workbook's trigger is owned by a recorded coordinator.
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/forms',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });

  test('the sidebar is one self-contained HTML file', () => {
    const html = readFileSync(join(BUILD, 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).toContain('google.script.run');
    expect(html).not.toContain('/*INLINE_JS*/');
  });
});

describe('add-on entry points', () => {
  test('onOpen under AuthMode.NONE builds the add-on menu and touches nothing else', () => {
    const h = startHarness();
    const before = h.emulator.counter.snapshot();
    triggerSimpleOnOpen(h.bundle, 'NONE');
    const calls = Object.keys(h.emulator.counter.since(before));
    expect(calls.every((call) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(call))).toBe(true);
    expect(h.emulator.ui.menus).toHaveLength(1);
    const menu = h.emulator.ui.menus[0];
    expect(menu.addOn).toBe(true);
    expect(menu.entries.map((entry) => (entry.kind === 'item' ? [entry.caption, entry.functionName] : entry.kind))).toEqual([
      ['Открыть панель', 'showSidebar'],
      ['Пересчитать всё', 'menuRecalculate'],
    ]);
  });

  test('onInstall builds the same menu', () => {
    const h = startHarness();
    triggerSimpleOnOpen(h.bundle, 'FULL', 'onInstall');
    const entries = h.emulator.ui.menus[0].entries;
    expect(entries.map((entry) => (entry.kind === 'item' ? entry.functionName : entry.kind))).toEqual(['showSidebar', 'menuRecalculate']);
  });

  test('onOpen under AuthMode.LIMITED builds the menu in the workbook language and touches no trigger', () => {
    const h = startHarness();
    h.call('saveSettings', { districtName: 'Район', presetId: 'custom', schools: ['Школа 1'], subjects: ['Физика'], coordinators: ['coordinator@district.example'], lang: 'en' });
    h.emulator.runtime.triggers.splice(0);
    const before = h.emulator.counter.snapshot();
    triggerSimpleOnOpen(h.bundle, 'LIMITED');
    expect(Object.keys(h.emulator.counter.since(before)).filter((call) => /^(ScriptApp|Trigger|FormApp|MailApp)/.test(call))).toEqual([]);
    expect(h.emulator.runtime.triggers).toEqual([]);
    expect(h.emulator.ui.menus.at(-1)?.entries.map((entry) => (entry.kind === 'item' ? entry.caption : entry.kind))).toEqual(['Open sidebar', 'Recalculate all']);
  });

  test('the sidebar opens with the built HTML', () => {
    const h = startHarness();
    h.call('showSidebar');
    const sidebar = h.emulator.ui.lastSidebar();
    expect(sidebar?.title).toBe('Мониторинг профразвития');
    expect(sidebar?.content).toBe(readFileSync(join(BUILD, 'Sidebar.html'), 'utf8'));
  });
});
