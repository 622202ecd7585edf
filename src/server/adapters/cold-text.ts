/**
 * Texts kept out of Code.js: Apps Script parses every script file of the project on every
 * execution (each trigger run, each sidebar call) but reads an HTML file only when code
 * asks for it. scripts/cold-text.mjs moves the ru/en pairs that the frequent executions
 * never read (the forms, the indicators' titles, the presets, the rubric, the monthly
 * mail) to the project file Data.html and leaves `coldText(n)` in their place. The
 * sidebar's endpoints hand their results over as plain data (server/endpoints.ts), so a
 * text is read while the execution runs.
 *
 * The file is read on the first text used, with the documented way of reading a project
 * file's content (HtmlService.createHtmlOutputFromFile(name).getContent(), the "include"
 * of the HTML service's best practices): two service calls, no OAuth scope, once per
 * execution. The pairs are kept in a global, which Apps Script discards with the rest of
 * the script's globals when the execution ends.
 */
import type { Localized } from '../../core/text/i18n';

/** The project file (build/Data.html), named as HtmlService names it. */
export const COLD_TEXT_FILE = 'Data';
/** The global holding the parsed pairs for the rest of the execution. */
export const COLD_TEXT_GLOBAL = '__pdMonitorColdText';

type Pairs = readonly (readonly [ru: string, en: string])[];

function pairs(): Pairs {
  const scope = globalThis as unknown as Record<string, Pairs | undefined>;
  let loaded = scope[COLD_TEXT_GLOBAL];
  if (!loaded) {
    loaded = JSON.parse(HtmlService.createHtmlOutputFromFile(COLD_TEXT_FILE).getContent()) as Pairs;
    scope[COLD_TEXT_GLOBAL] = loaded;
  }
  return loaded;
}

/** Pair n of Data.html as a Localized whose texts are read when first used. */
export function coldText(n: number): Localized {
  return {
    get ru() {
      return pairs()[n][0];
    },
    get en() {
      return pairs()[n][1];
    },
  };
}
