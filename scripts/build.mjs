// Builds the three artifacts Apps Script and the CLI need:
//   build/Code.js          one minified IIFE plus a top-level `function NAME(...args)` per
//                          export of src/server/index.ts (Apps Script only sees top-level
//                          declarations, and parses the whole file on every execution)
//   build/Code.js.map      its source map, for reading stack traces; .claspignore keeps it
//                          out of the pushed project
//   build/appsscript.json  the manifest, copied
//   build/Sidebar.html     the sidebar with its CSS and JS inlined (HtmlService serves one file)
//   build/Data.html        the cold texts (scripts/cold-text.mjs): ru/en pairs only rare
//                          operations read, which Code.js reads from this file when needed
//   dist/cli.js            the offline command-line tool (node)
// It fails loudly when an entry point is missing or a module token survives in Code.js.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, chmodSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coldTextPlugin, coldTexts, dataFile } from './cold-text.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => join(root, ...p);
const SERVER_ENTRY = at('src/server/index.ts');
const CLIENT_ENTRY = at('src/client/main.ts');
const CLIENT_HTML = at('src/client/sidebar.html');
const CLIENT_CSS = at('src/client/sidebar.css');
const CLI_ENTRY = at('src/cli/main.ts');
/** Apps Script calls these by name: triggers, menu items and the add-on's entry points. */
const REQUIRED_GLOBALS = ['onOpen', 'onInstall', 'onFormSubmit'];
const GLOBAL_NAME = '__pdMonitor';
const SIDEBAR_MAX_BYTES = 150 * 1024;
/**
 * Apps Script parses Code.js on every execution: a budget, so growth is a decision. Data
 * that only rare operations need goes to build/Data.html instead (scripts/cold-text.mjs).
 */
const CODE_MAX_BYTES = 250_000;
const COLD_TEXT_ADAPTER = at('src/server/adapters/cold-text.ts');

function fail(message) {
  console.error(`build failed: ${message}`);
  process.exit(1);
}

for (const file of [SERVER_ENTRY, CLIENT_ENTRY, CLIENT_HTML, CLIENT_CSS, CLI_ENTRY, at('appsscript.json')]) {
  if (!existsSync(file)) fail(`missing entry point ${file}`);
}

/** The IIFE's metafile lists no exports, so an ESM pass names them. */
async function serverExportNames() {
  const result = await esbuild.build({
    entryPoints: [SERVER_ENTRY], bundle: true, format: 'esm', write: false, metafile: true,
    outfile: 'names.js', logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs)[0].exports;
}

/** Module syntax that would make Apps Script refuse or misread the file (Apps Script has no modules). */
const FORBIDDEN = [
  [/^\s*export\s/m, 'export'],
  [/^\s*import[\s{*'"]/m, 'import'],
  [/\bimport\s*\(/, 'import()'],
  // esbuild turns a dynamic require into a __require shim that still needs `require`.
  [/\brequire\b/, 'require'],
];

async function buildServer() {
  const names = await serverExportNames();
  for (const name of REQUIRED_GLOBALS) {
    if (!names.includes(name)) fail(`src/server/index.ts does not export ${name}`);
  }
  // Minified without keepNames: the names Apps Script calls are the wrappers below, written
  // outside esbuild, and the IIFE's exports stay properties of GLOBAL_NAME. The map is
  // 'external' so Code.js carries no sourceMappingURL to a file Apps Script never has; the
  // wrappers are appended after the body, so the map's line numbers stay right.
  const cold = coldTexts(root, COLD_TEXT_ADAPTER);
  const result = await esbuild.build({
    entryPoints: [SERVER_ENTRY], bundle: true, format: 'iife', globalName: GLOBAL_NAME,
    plugins: [coldTextPlugin(cold.sources)],
    target: 'es2020', platform: 'neutral', write: false, charset: 'utf8', legalComments: 'none',
    minify: true, sourcemap: 'external', outfile: at('build/Code.js'), logLevel: 'warning',
  });
  const body = result.outputFiles.find((file) => file.path.endsWith('.js')).text;
  const map = result.outputFiles.find((file) => file.path.endsWith('.js.map')).text;
  // Each wrapper forwards every argument: a wrapper that drops them loses the trigger event `e`.
  const wrappers = names
    .map((name) => `function ${name}(...args) { return ${GLOBAL_NAME}.${name}(...args); }`)
    .join('\n');
  const code = `${body}\n${wrappers}\n`;
  for (const [pattern, token] of FORBIDDEN) {
    if (pattern.test(code)) fail(`build/Code.js contains a forbidden module token: ${token}`);
  }
  const bytes = Buffer.byteLength(code, 'utf8');
  if (bytes > CODE_MAX_BYTES) fail(`build/Code.js is ${bytes} bytes, over the ${CODE_MAX_BYTES}-byte budget`);
  writeFileSync(at('build/Code.js'), code);
  writeFileSync(at('build/Code.js.map'), map);
  writeFileSync(at('build/Data.html'), dataFile(cold.pairs));
  copyFileSync(at('appsscript.json'), at('build/appsscript.json'));
  return names;
}

async function buildSidebar() {
  // Minified like Code.js: HtmlService serves the whole file on every sidebar open.
  const result = await esbuild.build({
    entryPoints: [CLIENT_ENTRY], bundle: true, format: 'iife', target: 'es2020', write: false,
    charset: 'utf8', legalComments: 'none', minify: true, tsconfig: at('src/client/tsconfig.json'),
    logLevel: 'warning',
  });
  // `</script` inside the inlined code would end the script element early.
  const js = result.outputFiles[0].text.trimEnd().replace(/<\/script/gi, '<\\/script');
  const css = (await esbuild.transform(readFileSync(CLIENT_CSS, 'utf8'), {
    loader: 'css', minify: true, charset: 'utf8', logLevel: 'warning',
  })).code.trimEnd();
  // Likewise `</style` inside the CSS would end the style element early.
  if (/<\/style/i.test(css)) fail('src/client/sidebar.css must not contain </style');
  const template = readFileSync(CLIENT_HTML, 'utf8');
  if (!template.includes('/*INLINE_CSS*/') || !template.includes('/*INLINE_JS*/')) {
    fail('src/client/sidebar.html must hold /*INLINE_CSS*/ and /*INLINE_JS*/ placeholders');
  }
  const html = template.replace('/*INLINE_CSS*/', () => css).replace('/*INLINE_JS*/', () => js);
  if (/<(script|link)[^>]+(src|href)\s*=\s*["']?(https?:)?\/\//i.test(html)) {
    fail('build/Sidebar.html must not load anything from another host');
  }
  // HtmlService serves the sidebar as one file on every open: it must stay small.
  const bytes = Buffer.byteLength(html, 'utf8');
  if (bytes > SIDEBAR_MAX_BYTES) fail(`build/Sidebar.html is ${bytes} bytes, over the ${SIDEBAR_MAX_BYTES}-byte budget`);
  writeFileSync(at('build/Sidebar.html'), html);
}

async function buildCli() {
  await esbuild.build({
    entryPoints: [CLI_ENTRY], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    outfile: at('dist/cli.js'), banner: { js: '#!/usr/bin/env node' }, charset: 'utf8',
    logLevel: 'warning',
  });
  chmodSync(at('dist/cli.js'), 0o755);
}

mkdirSync(at('build'), { recursive: true });
mkdirSync(at('dist'), { recursive: true });
const names = await buildServer();
await buildSidebar();
await buildCli();
console.log(`built build/Code.js (${names.length} globals), build/Sidebar.html, dist/cli.js`);
