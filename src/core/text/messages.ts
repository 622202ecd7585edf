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
  rubricChanged: {
    ru: 'В листе рубрики «{parameter}» изменили, пока панель была открыта: там теперь «{now}». Ничего не записано; панель показывает новое значение — проверьте и сохраните снова.',
    en: '"{parameter}" was changed in the rubric sheet while the sidebar was open: it now holds "{now}". Nothing was written; the sidebar shows the new value — check it and save again.',
  },
  rubricValueInvalid: {
    ru: 'Значение «{value}» для «{parameter}» не подходит: нужно {expected}. Ничего не записано.',
    en: 'Value "{value}" does not fit "{parameter}": expected {expected}. Nothing was written.',
  },
  rubricUnknownParameter: {
    ru: 'В рубрике нет параметра с кодом «{key}». Обновите панель.',
    en: 'The rubric has no parameter with code "{key}". Refresh the sidebar.',
  },
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
