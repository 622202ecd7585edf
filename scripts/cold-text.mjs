// Cold texts: ru/en pairs of the data modules that the frequent executions (a survey
// submission, an accepted school report, an idle scheduled run) never read: the forms,
// the indicators' and the report fields' titles, the presets, the rubric, the monthly mail.
// Apps Script parses every script file of the project on every execution but reads an
// HTML file only when code asks for it, so these texts live in build/Data.html and
// Code.js keeps a number in their place. The source stays as written: this pass rewrites
// the listed modules for the Apps Script bundle only (the CLI and the tests use them as
// they are), deterministically, from the same files.
//
// In a listed module, every Localized object literal `{ ru: '…', en: '…' }` of plain
// strings whose property is listed becomes `__cold(n)`: an object whose `ru`/`en` getters
// read pair n from Data.html on first use (src/server/adapters/cold-text.ts). Any other
// Localized literal of the module that computes its text (a template) gets getters too,
// so a text built from a cold one is built when read, not when the bundle loads: loading
// the bundle reads no file.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * Module → where its Localized texts move from: a property's name (see contextOf) or
 * 'NAME.*' for every text of constant NAME, '*' for the whole module. Listed here: only
 * texts a survey submission, an accepted school report and an idle scheduled run never
 * read. test/bundle/build.test.ts lists the frequent operations that do read the file,
 * once each (a refresh, a day that recomputes the indicators, a rejected report, the
 * overview), and test/bundle/cost.test.ts pins their calls.
 */
const PRESET_TEXTS = ['title', 'use', '=USE', 'mentoring', 'associations', 'network', 'support'];

export const COLD_MODULES = {
  // The forms' texts; not the instrument's own title (the indicators sheet names it), nor
  // the choices' labels (answers are read by them) or the bands' (the views show them).
  'src/core/instruments/boyko.ts': ['[]', 'BOYKO.instruction', 'title', 'help'],
  'src/core/instruments/deficits.ts': ['DEFICITS.instruction', 'title', 'help', 'action()', '=SCALE_HELP', 'ACTION_BOUNDS.minLabel', 'ACTION_BOUNDS.maxLabel'],
  'src/core/instruments/network.ts': ['NETWORK.instruction', 'help', 'RATING_BOUNDS.minLabel', 'RATING_BOUNDS.maxLabel'],
  'src/core/instruments/mentoring.ts': ['MENTORING.instruction', 'help', 'openQuestion()', 'RATING_BOUNDS.minLabel', 'RATING_BOUNDS.maxLabel'],
  'src/core/instruments/profile.ts': ['title', 'help'],
  // The indicators' titles, read when they are computed and when a panel shows them; the
  // report fields' titles, read when a form is made and by a rejected report's log line.
  'src/core/indicators/catalog.ts': ['note', 'title'],
  'src/core/indicators/fields.ts': ['hint', 'title'],
  // A preset's texts but its own title, which the sidebar shows on opening. Its
  // cyclogram's titles are read by the overview in a month with a monitoring due.
  'src/core/presets/krymsk.ts': PRESET_TEXTS,
  'src/core/presets/verkhnekamsk.ts': PRESET_TEXTS,
  'src/core/presets/kbr.ts': PRESET_TEXTS,
  'src/core/presets/krasnodar.ts': PRESET_TEXTS,
  'src/core/presets/amur.ts': PRESET_TEXTS,
  'src/core/presets/custom.ts': PRESET_TEXTS,
  'src/core/rubric/definition.ts': ['*'],
  'src/core/rubric/suggestions.ts': ['*'],
  'src/core/rubric/registers.ts': ['*'],
  'src/core/rubric/proof.ts': ['*'],
  'src/core/rubric/input.ts': ['*'],
  'src/core/rubric/engine.ts': ['*'],
  'src/core/workbook/rubric-sheet.ts': ['*'],
  // The monthly summary and the reminders: composed once a month, or on a preview.
  'src/core/mail/summary-email.ts': ['*'],
  'src/core/mail/reminder-email.ts': ['*'],
  'src/core/views/monthly-summary.ts': ['*'],
  // The forms as FormApp makes them: read when a form is made.
  'src/core/forms/school-report-form.ts': ['*'],
  'src/core/forms/form-spec.ts': ['*'],
  // The seed documents' names: the indicators panel's definitions.
  'src/core/indicators/sources.ts': ['*'],
  // Log reasons only the rare operations raise (form creation and linking, the rubric's
  // edits, a recalculation, the monthly mail), and those of a repair the scheduled run
  // makes once (a trigger re-created or handed over, a damaged registry). The log panel
  // reads them when its newest entries have one; the overview only counts entries.
  'src/core/workbook/log.ts': [
    'recalculated', 'recalculationPaused', 'staleScoresRemoved', 'formRelinked', 'formCreationUndone', 'formCreationLeftover',
    'formAdopted', 'formNotIdentified', 'formItemsChanged', 'rubricEditConflict', 'rubricEditInvalid', 'rubricValueInvalid',
    'rubricRowUnknown', 'mailSent', 'mailQuotaWait', 'mailFailed', 'mailUncertain', 'mailCancelled', 'triggerRecreated',
    'triggerMissing', 'triggerHandedOver', 'unreadableRegistry', 'registrySheetMismatch', 'registryTitlesCut',
  ].map((reason) => `LOG_REASONS.${reason}`),
  // Errors of saving the settings or the mail settings, and of editing the rubric.
  'src/core/settings.ts': ['ERRORS.*'],
  'src/core/mail-settings.ts': ['MAIL_SETTINGS_ERRORS.*'],
  'src/core/text/messages.ts': ['ERRORS.rubricChanged', 'ERRORS.rubricValueInvalid', 'ERRORS.rubricUnknownParameter'],
  'src/server/mail.ts': ['TEST_TEXTS.*'],
};

const isText = (node) => ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

/** `{ ru: x, en: y }` exactly: its two initializers, ru first. */
function localized(node) {
  if (!ts.isObjectLiteralExpression(node) || node.properties.length !== 2) return null;
  const byName = {};
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property)) return null;
    const name = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : null;
    if (name !== 'ru' && name !== 'en') return null;
    byName[name] = property.initializer;
  }
  return byName.ru && byName.en ? [byName.ru, byName.en] : null;
}

/**
 * Where a Localized literal sits: its property's name ('C.NAME' for a property of the
 * object constant C is initialised with, directly or through one call, e.g. NETWORK.title,
 * the instrument's own title),
 * '=C' for the value of constant C, '[]' for an array element, 'f()' for an argument of a
 * call to f.
 */
function contextOf(node) {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent)) {
    const name = ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name) ? parent.name.text : '?';
    const unwrap = (node) => {
      while (node && (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node))) node = node.parent;
      return node;
    };
    let holder = unwrap(parent.parent.parent);
    // `const C = f({ … })`: the object C is made from, e.g. a preset built by a helper.
    if (holder && ts.isCallExpression(holder)) holder = unwrap(holder.parent);
    return holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) ? `${holder.name.text}.${name}` : name;
  }
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return `=${parent.name.text}`;
  if (ts.isArrayLiteralExpression(parent)) return '[]';
  if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression)) return `${parent.expression.text}()`;
  return '?';
}

/** The constant whose initialiser holds `node`, if any: 'ERRORS' for any text of `const ERRORS = {…}`. */
function enclosingConstant(node) {
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isVariableDeclaration(at) && ts.isIdentifier(at.name)) return at.name.text;
    if (ts.isFunctionLike(at)) return null;
  }
  return null;
}

/**
 * Rewrites the cold modules. Returns the pairs (Data.html's content, deduplicated) and
 * each module's new source, importing `coldText` from `adapter`.
 */
export function coldTexts(root, adapter) {
  const pairs = [];
  const indexOf = new Map();
  const sources = new Map();
  for (const file of Object.keys(COLD_MODULES).sort()) {
    const path = `${root}/${file}`;
    const allowed = new Set(COLD_MODULES[file]);
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
    const edits = [];
    const visit = (node) => {
      const pair = localized(node);
      if (pair) {
        if (pair.every(isText) && (allowed.has('*') || allowed.has(contextOf(node)) || allowed.has(`${enclosingConstant(node)}.*`))) {
          const key = JSON.stringify([pair[0].text, pair[1].text]);
          if (!indexOf.has(key)) {
            indexOf.set(key, pairs.length);
            pairs.push([pair[0].text, pair[1].text]);
          }
          edits.push([node.getStart(source), node.getEnd(), `__cold(${indexOf.get(key)})`]);
          return;
        }
        if (!pair.every(isText)) {
          const [ru, en] = pair.map((part) => part.getText(source));
          edits.push([node.getStart(source), node.getEnd(), `{ get ru() { return ${ru}; }, get en() { return ${en}; } }`]);
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    let out = text;
    for (const [start, end, replacement] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + replacement + out.slice(end);
    sources.set(path, `import { coldText as __cold } from ${JSON.stringify(adapter)};\n${out}`);
  }
  return { pairs, sources };
}

/**
 * Data.html: the pairs as JSON, with `<`, `>` and `&` escaped so the file holds no markup
 * at all (HtmlService parses it as HTML; JSON.parse reads the escapes back).
 */
export function dataFile(pairs) {
  return `${JSON.stringify(pairs).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')}\n`;
}

/** esbuild plugin: the Apps Script bundle reads the rewritten cold modules. */
export function coldTextPlugin(sources) {
  return {
    name: 'cold-text',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const contents = sources.get(args.path);
        return contents === undefined ? undefined : { contents, loader: 'ts' };
      });
    },
  };
}
