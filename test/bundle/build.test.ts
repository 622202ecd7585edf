/** scripts/build.mjs refuses to produce a Code.js Apps Script would misread. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { BOYKO, DEFICITS, INSTRUMENT_DESCRIPTIONS, INSTRUMENT_IDS, instrumentItems, NETWORK } from '../../src/core/instruments';
import { BOYKO_ALIASES } from '../../src/core/instruments/boyko-aliases';
import { BLOCKS } from '../../src/core/rubric/definition';
import { createEmulator } from '../../tools/emulator';
import { loadBundle, triggerSimpleOnOpen } from '../../tools/emulator/bundle';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { demoFiling } from '../../tools/demo-district/district-reports';
import { periodOf } from '../../src/core/periods';
import { presetById, PRESETS } from '../../src/core/presets';
import { Harness, SETTINGS, setUpWorkbook, sheetValues } from './harness';

const ROOT = join(__dirname, '..', '..');
/** scripts/build.mjs's budget for Code.js. */
const BUDGET = Number(/const CODE_MAX_BYTES = ([\d_]+);/.exec(readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8'))![1].replace(/_/g, ''));

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
    const data = readFileSync(join(BUILD, 'Data.html'), 'utf8');
    expect(forms.every((title) => data.includes(title.replace(/^\d+\. /, '')))).toBe(true);
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
    expect([...status.filesToPush].sort()).toEqual(['build/Code.js', 'build/Data.html', 'build/Sidebar.html', 'build/appsscript.json']);
    expect(status.untrackedFiles).toContain('build/Code.js.map');
  }, 60_000);
});

describe('the cold texts (build/Data.html)', () => {
  const BUILD = join(ROOT, 'build');
  const code = readFileSync(join(BUILD, 'Code.js'), 'utf8');
  const data = readFileSync(join(BUILD, 'Data.html'), 'utf8');
  const pairs = JSON.parse(data) as [string, string][];
  const DATA_READ = 'HtmlService.createHtmlOutputFromFile';

  test('Code.js stays within its budget; Data.html is plain JSON text without markup', () => {
    expect(Buffer.byteLength(code, 'utf8')).toBeLessThanOrEqual(BUDGET);
    expect(data).not.toMatch(/[<>&]/);
    expect(pairs.length).toBeGreaterThan(300);
    expect(pairs.every((pair) => pair.length === 2 && pair.every((text) => typeof text === 'string' && text !== ''))).toBe(true);
    expect(new Set(pairs.map((pair) => JSON.stringify(pair))).size).toBe(pairs.length);
  });

  test('the texts that moved are in Data.html and not in Code.js; the scoring texts stayed', () => {
    const moved = [
      BOYKO.instruction, NETWORK.instruction, DEFICITS.instruction, ...instrumentItems(DEFICITS).filter((item) => item.kind === 'scale').map((item) => item.title),
      ...PRESETS.flatMap((preset) => preset.cyclogram.flatMap((entry) => (entry.use ? [entry.use] : []))), ...BLOCKS.map((block) => block.title),
    ];
    for (const text of moved) expect(pairs).toContainEqual([text.ru, text.en]);
    // Texts no code shares: gone from Code.js (a short title may also be another module's).
    const unique = [BOYKO.instruction, NETWORK.instruction, ...instrumentItems(BOYKO).filter((item) => item.number !== undefined).map((item) => item.title)];
    expect(unique.filter((text) => code.includes(text.ru.replace(/^\d+\. /, '')) || code.includes(text.en.replace(/^\d+\. /, '')))).toEqual([]);
    // Boyko's statements move without their numbers, which the bundle adds when they are read.
    const statement = instrumentItems(BOYKO).find((item) => item.number === 28)!.title;
    expect(pairs).toContainEqual([statement.ru.replace(/^28\. /, ''), statement.en.replace(/^28\. /, '')]);
    // Answers are read by their choice texts on every submission: those stay in Code.js.
    const choices = instrumentItems(NETWORK).flatMap((item) => ('choices' in item && item.choices ? item.choices : []));
    expect(choices.length).toBeGreaterThan(5);
    expect(['Да', ...choices.map((choice) => choice.label.ru)].filter((label) => !code.includes(label))).toEqual([]);
  });

  /** Data reads of one execution run on a freshly loaded bundle, as Apps Script runs every execution. */
  function freshReads(h: Harness, what: string, run: () => void): string {
    loadBundle(h.emulator);
    const before = h.emulator.counter.snapshot();
    run();
    return `${what}: ${h.emulator.counter.since(before)[DATA_READ] ?? 0}`;
  }

  test('loading the bundle and opening the document read no file', () => {
    const emulator = createEmulator();
    const bundle = loadBundle(emulator);
    triggerSimpleOnOpen(bundle, 'LIMITED');
    triggerSimpleOnOpen(bundle, 'FULL');
    expect(emulator.counter.snapshot()[DATA_READ]).toBeUndefined();
  });

  test('survey submissions, accepted reports and idle hours never read it; a rejected report, a refresh and a day that recomputes read it once', () => {
    const h = setUpWorkbook();
    const runs: string[] = [];
    // Every instrument, with enough responses for its results to show past the privacy threshold.
    for (const id of INSTRUMENT_IDS) {
      const survey = h.call<{ formId: string }>('createSurveyForm', id).formId;
      const surveyForm = h.emulator.forms.describe(survey);
      for (let seed = 1; seed <= 6; seed++) runs.push(freshReads(h, id, () => h.emulator.forms.submit(survey, answerForm(surveyForm, seededRandom(seed)))));
    }
    const report = h.call<{ formId: string }>('createSurveyForm', 'school_report').formId;
    const reportForm = h.emulator.forms.describe(report);
    const preset = presetById(SETTINGS.presetId)!;
    const period = periodOf(new h.emulator.Date().toISOString().slice(0, 10), preset.reportingPeriod);
    // Consistent filings, then inconsistent ones: a rejected filing's log line names its fields.
    for (let seed = 1; seed <= 2; seed++) {
      runs.push(freshReads(h, 'accepted report', () => h.emulator.forms.submit(report, demoFiling(preset, SETTINGS.schools[seed], period, SETTINGS.subjects, seededRandom(seed)))));
    }
    const rejections = () => sheetValues(h, 'Журнал').filter((row) => row[4] === 'reportRejected').length;
    expect(rejections()).toBe(0);
    for (let seed = 1; seed <= 2; seed++) runs.push(freshReads(h, 'rejected report', () => h.emulator.forms.submit(report, answerForm(reportForm, seededRandom(seed)))));
    expect(rejections()).toBeGreaterThanOrEqual(2);
    // The indicators' titles are read when they are computed.
    runs.push(freshReads(h, 'refreshIndicators', () => h.call('refreshIndicators')));
    // A day of scheduled runs: the daily one (catching up, computing) and the idle hours.
    for (let hour = 0; hour < 26; hour++) runs.push(freshReads(h, `hour ${hour}`, () => h.emulator.clock.advance(3_600_000)));
    expect(runs.filter((run) => !run.endsWith(': 0'))).toEqual(['rejected report: 1', 'rejected report: 1', 'refreshIndicators: 1', 'hour 0: 1']);
    expect(runs.filter((run) => run.startsWith('accepted report'))).toEqual(['accepted report: 0', 'accepted report: 0']);
  });

  test('opening the sidebar reads it once, for the indicators\' titles; the other panels only for a rare text', () => {
    const h = setUpWorkbook();
    const survey = h.call<{ formId: string }>('createSurveyForm', 'network').formId;
    const surveyForm = h.emulator.forms.describe(survey);
    for (let seed = 1; seed <= 6; seed++) h.emulator.forms.submit(survey, answerForm(surveyForm, seededRandom(seed)));
    h.call('refreshIndicators');
    // A recalculation logs its end with a reason Data.html holds: the log panel reads it,
    // the overview only counts the log's entries.
    h.call('recalculateAll');
    expect(sheetValues(h, 'Журнал').map((row) => row[4])).toContain('recalculated');
    const calls = ['getSidebarInfo', 'getOverview', 'getSurveysStatus', 'getIndicatorsPanel', 'getBurnout', 'getSurveyResults', 'getHealth', 'getLogView', 'getSettings', 'getMailSettings', 'getRubricPanel', 'previewSummary']
      .map((name) => freshReads(h, name, () => h.call(name, null)));
    expect(calls).toEqual([
      'getSidebarInfo: 0', 'getOverview: 1', 'getSurveysStatus: 0', 'getIndicatorsPanel: 1', 'getBurnout: 0', 'getSurveyResults: 0',
      'getHealth: 0', 'getLogView: 1', 'getSettings: 0', 'getMailSettings: 0', 'getRubricPanel: 1', 'previewSummary: 1',
    ]);
  });

  test('an operation that needs them reads the file once per execution, and the forms carry the source texts', () => {
    const h = setUpWorkbook();
    for (const id of ['boyko', 'network'] as const) {
      const before = h.emulator.counter.snapshot();
      const { formId } = h.call<{ formId: string }>('createSurveyForm', id);
      const calls = h.emulator.counter.since(before);
      expect([calls[DATA_READ], calls['HtmlOutput.getContent']]).toEqual([1, 1]);
      const instrument = id === 'boyko' ? BOYKO : NETWORK;
      const titles = JSON.stringify(h.emulator.forms.describe(formId));
      for (const item of instrumentItems(instrument)) expect(titles).toContain(JSON.stringify(item.title.ru).slice(1, -1));
    }
  });

  test('without its data file the operation fails loudly instead of writing empty texts', () => {
    const h = setUpWorkbook();
    h.emulator.files.delete('Data');
    expect(() => h.call('createSurveyForm', 'network')).toThrow('No HTML file named Data was found.');
  });
});
