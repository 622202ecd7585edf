/**
 * The sheets the add-on keeps in a monitoring workbook, as data: their role, their
 * title in each language and who may edit them. Raw response sheets are made by Google
 * Forms itself and are only registered, never written.
 */
import { Lang, Localized, tr } from '../text/i18n';
import { InstrumentId, isInstrumentId } from '../instruments';
import { registerById, RegisterId } from '../rubric';

export type SheetRole = 'settings' | 'registry' | 'log' | 'scores' | 'responses' | 'reports' | 'indicators' | 'district' | 'register' | 'rubric' | 'mail' | 'panels' | 'counts';

export interface SheetDef {
  role: SheetRole;
  title: Localized;
}

/** A sheet of the management cycle: a register, or the rubric itself. */
export interface RubricSheetDef extends SheetDef {
  /** The layout key the sheet's id is kept under. */
  key: LayoutKey;
  role: 'register' | 'rubric';
  register?: RegisterId;
}

export const SETTINGS_SHEET: SheetDef = { role: 'settings', title: { ru: 'Настройки', en: 'Settings' } };
export const REGISTRY_SHEET: SheetDef = { role: 'registry', title: { ru: 'Реестр форм', en: 'Form registry' } };
export const LOG_SHEET: SheetDef = { role: 'log', title: { ru: 'Журнал', en: 'Log' } };
export const REPORTS_SHEET: SheetDef = { role: 'reports', title: { ru: 'Отчёты школ', en: 'School reports' } };
export const INDICATORS_SHEET: SheetDef = { role: 'indicators', title: { ru: 'Показатели', en: 'Indicators' } };
/** The district's own facts per period, entered by the coordinators. */
export const DISTRICT_SHEET: SheetDef = { role: 'district', title: { ru: 'Данные муниципалитета', en: 'District data' } };

/** What the add-on mailed and what waits: the exactly-once markers of the mail. */
export const MAIL_SHEET: SheetDef = { role: 'mail', title: { ru: 'Рассылка', en: 'Mail' } };

/**
 * What the sidebar's panels show, computed with the indicators and kept so a panel opens
 * without reading every scores sheet (core/views/snapshot). Derived and rebuildable:
 * hidden, protected, recomputed when deleted.
 */
export const PANELS_SHEET: SheetDef = { role: 'panels', title: { ru: 'Сводки для панелей', en: 'Panel summaries' } };

/**
 * The rows of the sheets the daily run counts, kept current by Sheets itself (see
 * core/workbook/row-counts). Derived and rebuildable: hidden, protected, rewritten when
 * it no longer lists the sheets counted.
 */
export const COUNTS_SHEET: SheetDef = { role: 'counts', title: { ru: 'Счётчики строк', en: 'Row counts' } };

export function scoresSheet(instrument: InstrumentId): SheetDef {
  const prefix: Localized = { ru: 'Баллы', en: 'Scores' };
  const short: Record<InstrumentId, Localized> = {
    boyko: { ru: 'Бойко', en: 'Boyko' },
    mentoring: { ru: 'наставничество', en: 'mentoring' },
    network: { ru: 'сетевое взаимодействие', en: 'network' },
    deficits: { ru: 'дефициты', en: 'deficits' },
  };
  return {
    role: 'scores',
    title: { ru: `${prefix.ru}: ${short[instrument].ru}`, en: `${prefix.en}: ${short[instrument].en}` },
  };
}

export function sheetTitle(def: SheetDef, lang: Lang): string {
  return tr(def.title, lang);
}

/** The sheets a workbook has one of, by the key their id is kept under. */
export type SingleSheetKey = 'settings' | 'registry' | 'log' | 'reports' | 'indicators' | 'district' | 'rubric' | 'mail' | 'panels' | 'counts';

/**
 * The key a sheet's id is kept under in the layout. Workbooks already set up store these
 * texts, so their form is fixed: a sheet there is one of by its name, a scores sheet as
 * `scores:<instrument>`, a register sheet as `register:<register>`. Written only by
 * layoutKey and read back only by parseLayoutKey.
 */
export type LayoutKey = SingleSheetKey | `scores:${InstrumentId}` | `register:${RegisterId}`;

/** A layout key taken apart: which sheet, and whose for the sheets there are several of. */
export type LayoutSheet =
  | { kind: SingleSheetKey }
  | { kind: 'scores'; instrument: InstrumentId }
  | { kind: 'register'; register: RegisterId };

const SINGLE_SHEET_KEYS: readonly string[] = ['settings', 'registry', 'log', 'reports', 'indicators', 'district', 'rubric', 'mail', 'panels', 'counts'] satisfies SingleSheetKey[];

export function layoutKey(sheet: LayoutSheet): LayoutKey {
  if (sheet.kind === 'scores') return `scores:${sheet.instrument}`;
  if (sheet.kind === 'register') return `register:${sheet.register}`;
  return sheet.kind;
}

/** What a stored key names; null for a key this version does not know (it is left alone). */
export function parseLayoutKey(key: string): LayoutSheet | null {
  if (SINGLE_SHEET_KEYS.includes(key)) return { kind: key as SingleSheetKey };
  const [kind, which, ...rest] = key.split(':');
  if (which === undefined || rest.length > 0) return null;
  if (kind === 'scores' && isInstrumentId(which)) return { kind, instrument: which };
  const register = kind === 'register' ? registerById(which) : undefined;
  if (register) return { kind: 'register', register: register.id };
  return null;
}

/** Where the add-on finds its sheets: ids survive a coordinator renaming a tab. */
export interface WorkbookLayout {
  lang: Lang;
  /** Sheet ids by layout key. */
  sheets: Partial<Record<LayoutKey, number>>;
}

export function scoresKey(instrument: InstrumentId): LayoutKey {
  return layoutKey({ kind: 'scores', instrument });
}

export function registerKey(register: RegisterId): LayoutKey {
  return layoutKey({ kind: 'register', register });
}

/** The layout's scores sheets, in the order they were made. */
export function scoresSheets(layout: WorkbookLayout): { key: LayoutKey; instrument: InstrumentId }[] {
  return Object.keys(layout.sheets).flatMap((key) => {
    const sheet = parseLayoutKey(key);
    return sheet?.kind === 'scores' ? [{ key: key as LayoutKey, instrument: sheet.instrument }] : [];
  });
}
