// Lint, and the layer rules of docs/architecture.md: each rule below keeps one import
// direction, so a wrong-direction import fails `npm test` (test/lint/layers.test.ts proves
// each rule catches one, and checks that no two folders import each other in a circle).
import tseslint from 'typescript-eslint';

const APPS_SCRIPT = ['SpreadsheetApp', 'FormApp', 'ScriptApp', 'MailApp', 'GmailApp', 'LockService',
  'PropertiesService', 'HtmlService', 'CacheService', 'Session', 'Utilities', 'UrlFetchApp', 'DriveApp'];

/** An import whose path reaches `folder` (e.g. 'core/workbook'), however many ../ it takes. */
const into = (folder, message) => ({ regex: `(^|/)${folder.replace('/', '\\/')}(/|$)`, message });

const NO_TEST = into('test', 'Product code, scripts and tools never import tests.');
const NODE = { regex: '^(node:|fs$|path$|os$|child_process$)', message: 'Core is pure: no Node I/O.' };
const OUTSIDE_CORE = ['server', 'cli', 'client', 'shared', 'tools', 'scripts']
  .map((folder) => into(folder, 'Core imports nothing outside src/core.'));
const SHEET_LAYER = [
  into('workbook', 'Domain folders do not import the sheet layer (core/workbook): it is built on them.'),
  into('views', 'Domain folders do not import core/views: views are built from domain results.'),
  into('mail', 'Domain folders do not import core/mail.'),
];
const restrict = (...patterns) => ['error', { patterns: [NO_TEST, ...patterns] }];

/** The domain: everything in core except the sheet layer, the views and what renders views. */
const DOMAIN = ['src/core/*.ts', 'src/core/{text,instruments,scoring,indicators,presets,rubric,reports,forms}/**/*.ts'];

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'out/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'scripts/**/*.{ts,mjs}', 'tools/**/*.ts'],
    rules: { 'no-restricted-imports': restrict() },
  },
  {
    // Only src/server/adapters calls Apps Script (the emulator, the tests and the client's
    // google.script.run are not Apps Script services).
    files: ['src/**/*.ts'],
    ignores: ['src/server/adapters/**'],
    rules: { 'no-restricted-globals': ['error', ...APPS_SCRIPT] },
  },
  {
    // Core is pure: no Node I/O, no DOM, nothing from outside src/core.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...APPS_SCRIPT, 'process', 'document', 'window'],
      'no-restricted-imports': restrict(NODE, ...OUTSIDE_CORE),
    },
  },
  {
    files: DOMAIN,
    rules: { 'no-restricted-imports': restrict(NODE, ...OUTSIDE_CORE, ...SHEET_LAYER) },
  },
  {
    // The sheet layer is built on the domain; the views on both.
    files: ['src/core/workbook/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(NODE, ...OUTSIDE_CORE, ...SHEET_LAYER.slice(1)) },
  },
  {
    files: ['src/core/views/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(NODE, ...OUTSIDE_CORE, SHEET_LAYER[2]) },
  },
  {
    // The sidebar reaches the server only through the contract in src/shared (pure core,
    // such as the catalogs and normalisation, it may share).
    files: ['src/client/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(...['server', 'cli'].map((folder) =>
        into(folder, 'The client imports the server only through src/shared (the contract).'))),
    },
  },
);
