import { Catalog } from './i18n';

/** Texts of the add-on's menu and sidebar chrome. */
export const MENU = {
  setup: { ru: 'Настройки и формы', en: 'Settings and forms' },
  recalculate: { ru: 'Пересчитать всё', en: 'Recalculate all' },
  recalculated: {
    ru: 'Пересчёт завершён: ответов — {processed}, неполных — {incomplete}.',
    en: 'Recalculation finished: {processed} responses, {incomplete} incomplete.',
  },
  recalculationPaused: {
    ru: 'Пересчитано ответов: {processed}. Остальные будут пересчитаны автоматически в течение часа.',
    en: '{processed} responses recalculated so far; the rest follow automatically within the hour.',
  },
  open: { ru: 'Открыть панель', en: 'Open sidebar' },
  sidebarTitle: { ru: 'Мониторинг профразвития', en: 'PD Monitor' },
} satisfies Catalog<string>;

/** Errors the coordinator sees in the sidebar or a dialog. */
export const ERRORS = {
  notSetUp: {
    ru: 'Книга мониторинга ещё не настроена: откройте панель PD Monitor и заполните настройки.',
    en: 'The monitoring workbook is not set up yet: open the PD Monitor sidebar and fill in the settings.',
  },
  settingsUnreadable: {
    ru: 'Лист настроек содержит ошибки: {errors}',
    en: 'The settings sheet has errors: {errors}',
  },
  unknownInstrument: { ru: 'Неизвестный инструмент «{id}».', en: 'Unknown instrument "{id}".' },
  busy: {
    ru: 'Книга занята другим процессом (обработка ответов или пересчёт). Повторите через минуту.',
    en: 'The workbook is busy (processing responses or recalculating). Try again in a minute.',
  },
  notCoordinator: {
    ru: 'Это действие доступно только координаторам, указанным в настройках книги. Ничего не изменено.',
    en: 'Only the coordinators listed in the workbook settings may do this. Nothing was changed.',
  },
  authorizationRequired: {
    ru: 'Доступ PD Monitor к книге отозван. Откройте Расширения → PD Monitor и разрешите доступ снова.',
    en: 'PD Monitor has lost its authorization. Open Extensions → PD Monitor and authorize it again.',
  },
} satisfies Catalog<string>;

/** The description every protection the add-on sets carries. */
export const PROTECTION_DESCRIPTION = { ru: 'PD Monitor: изменяют только координаторы', en: 'PD Monitor: coordinators only' };
