/**
 * The sheets the add-on keeps in a monitoring workbook, as data: their role, their
 * title in each language and who may edit them. Raw response sheets are made by Google
 * Forms itself and are only registered, never written.
 */
import { Lang, Localized, tr } from '../text/i18n';
import { InstrumentId } from '../instruments';
import { RegisterId } from '../rubric';

export type SheetRole = 'settings' | 'registry' | 'log' | 'scores' | 'responses' | 'reports' | 'indicators' | 'district' | 'register' | 'rubric' | 'mail';

export interface SheetDef {
  role: SheetRole;
  title: Localized;
}

/** A sheet of the management cycle: a register, or the rubric itself. */
export interface RubricSheetDef extends SheetDef {
  /** The layout key the sheet's id is kept under: 'register:measures', 'rubric'. */
  key: string;
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

/** Where the add-on finds its sheets: ids survive a coordinator renaming a tab. */
export interface WorkbookLayout {
  lang: Lang;
  /** Sheet ids by layout key: 'settings', 'registry', 'log', 'scores:boyko', … */
  sheets: Record<string, number>;
}

export function scoresKey(instrument: InstrumentId): string {
  return `scores:${instrument}`;
}

