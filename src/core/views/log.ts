/**
 * The health-and-log panel's log: the newest entries of the protected log sheet, each
 * with its kind so the coordinator can filter them. The sheet keeps the reason already
 * written in plain language; its code says what kind of entry it is.
 */
import { Lang, Localized, tr } from '../text/i18n';
import { LOG_REASONS, LogReason } from '../workbook/log';

/** error: input was rejected or lost until someone acts; warning: kept but needs a look; info: done. */
export type LogLevel = 'error' | 'warning' | 'info';

/** A reason not listed here (one added later) shows as a warning until it is classed. */
const LEVELS: Partial<Record<LogReason, LogLevel>> = {
  unregisteredSheet: 'error',
  reportRejected: 'error',
  unreadableRegistry: 'error',
  rubricRowUnknown: 'error',
  registrySheetMismatch: 'error',
  formCreationLeftover: 'error',
  formNotIdentified: 'warning',
  authorizationRequired: 'error',
  settingsDamaged: 'error',
  settingsUnreadable: 'error',
  reportWaitsForSettings: 'error',
  scheduledRunFailed: 'error',
  incomplete: 'warning',
  cellTruncated: 'warning',
  unmapped: 'warning',
  lockBusy: 'warning',
  formItemsChanged: 'warning',
  registryTitlesCut: 'warning',
  registerRowInvalid: 'warning',
  rubricValueInvalid: 'warning',
  triggerRecreated: 'warning',
  blankEvent: 'info',
  duplicateEvent: 'info',
  recalculated: 'info',
  recalculationPaused: 'info',
  formRelinked: 'info',
  formCreationUndone: 'warning',
  formAdopted: 'info',
  staleScoresRemoved: 'info',
  triggerHandedOver: 'info',
};

export function logLevel(code: string): LogLevel {
  return LEVELS[code as LogReason] ?? 'warning';
}

export interface LogEntryView {
  at: string;
  sheet: string;
  row: number | null;
  code: string;
  level: LogLevel;
  /**
   * The reason in both languages, so the sidebar's language switch reaches the log. The
   * sheet keeps one language (the workbook's when the entry was written); the other is
   * rebuilt from the reason's catalog text and the values read back out of the stored
   * one. A value that was itself a sentence (a rejected report's reasons, an error) stays
   * as written; an entry no catalog text matches shows as written in both.
   */
  text: Localized;
}

export interface LogView {
  /** Newest first, at most `limit`. */
  entries: LogEntryView[];
  /** All entries of the sheet, by level. */
  counts: Record<LogLevel, number>;
  total: number;
}

export const LOG_VIEW_LIMIT = 200;

const LANGS: readonly Lang[] = ['ru', 'en'];
const patterns = new Map<string, { regex: RegExp; names: string[] }>();

/**
 * A catalog text as a pattern whose placeholders match any text: "Строка {row} …" matches
 * "Строка 7 …" and gives back {row: '7'}. A placeholder used twice must match the same text.
 */
function patternOf(template: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template.split(/\{(\w+)\}/).map((part, i) => {
    if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const seen = names.indexOf(part);
    if (seen >= 0) return `\\${seen + 1}`;
    names.push(part);
    return '([\\s\\S]*?)';
  }).join('');
  return { regex: new RegExp(`^${source}$`), names };
}

/** The stored reason and its rendering in the other language, when a catalog text matches it. */
export function bothLanguages(code: string, text: string): Localized {
  const template = LOG_REASONS[code as LogReason];
  if (template) {
    for (const lang of LANGS) {
      const key = `${code}:${lang}`;
      const pattern = patterns.get(key) ?? patternOf(template[lang]);
      patterns.set(key, pattern);
      const match = pattern.regex.exec(text);
      if (!match) continue;
      const params = Object.fromEntries(pattern.names.map((name, i) => [name, match[i + 1]]));
      return lang === 'ru' ? { ru: text, en: tr(template, 'en', params) } : { ru: tr(template, 'ru', params), en: text };
    }
  }
  return { ru: text, en: text };
}

/**
 * Rows of the log sheet without its header: [time, sheet, row, reason text, code]. Only
 * the entries shown are rendered in both languages: counting (the overview's `limit` 0)
 * reads no catalog text, some of which Code.js reads from Data.html.
 */
export function logView(rows: readonly unknown[][], limit = LOG_VIEW_LIMIT): LogView {
  const counts: Record<LogLevel, number> = { error: 0, warning: 0, info: 0 };
  const kept: (readonly unknown[])[] = [];
  for (const cells of rows) {
    const [, , , text, code] = cells;
    if (String(text ?? '') === '' && String(code ?? '') === '') continue;
    counts[logLevel(String(code ?? ''))]++;
    kept.push(cells);
  }
  const entries = kept.slice(Math.max(0, kept.length - Math.max(0, limit))).reverse().map(([at, sheet, row, text, code]): LogEntryView => {
    const number = Number(row);
    return {
      at: at instanceof Date ? at.toISOString() : String(at ?? ''), sheet: String(sheet ?? ''), row: row === '' || !Number.isFinite(number) ? null : number,
      code: String(code ?? ''), level: logLevel(String(code ?? '')), text: bothLanguages(String(code ?? ''), String(text ?? '')),
    };
  });
  return { entries, counts, total: kept.length };
}
