/**
 * The coordinator-visible log: every rejected or odd input, with time, sheet, row and
 * the reason in the workbook's language. Reasons are a catalog so they read the same
 * wherever they are raised.
 */
import { Catalog, Lang, Localized, tr } from '../text/i18n';
import { fitRow } from '../text/cells';

export const LOG_REASONS = {
  unregisteredSheet: {
    ru: 'Ответ пришёл на лист, которого нет в реестре форм; ответ не обработан. Привяжите форму заново.',
    en: 'A response arrived on a sheet that is not in the form registry; it was not processed. Relink the form.',
  },
  blankEvent: {
    ru: 'Пустое событие отправки формы (без ответов) пропущено.',
    en: 'A blank form-submit event (no answers) was skipped.',
  },
  duplicateEvent: {
    ru: 'Повторное событие для уже обработанного ответа пропущено.',
    en: 'A repeated event for a response already processed was skipped.',
  },
  incomplete: {
    ru: 'Ответ неполный: нет ответа или ответ не распознан — вопросы {items}. Ответ сохранён и помечен как неполный.',
    en: 'Incomplete response: no answer or an unreadable answer to items {items}. It is kept and flagged incomplete.',
  },
  unmapped: {
    ru: 'Ответы на вопросы, которых нет в реестре формы, не учтены: {titles}.',
    en: 'Answers to questions the form registry does not know were not used: {titles}.',
  },
  lockBusy: {
    ru: 'Книга занята другим процессом; ответ будет обработан при следующем пересчёте.',
    en: 'The workbook was busy; the response will be processed by the next recalculation.',
  },
  unreadableRegistry: {
    ru: 'Строка {row} реестра форм не читается; исправьте или удалите её.',
    en: 'Row {row} of the form registry cannot be read; fix or delete it.',
  },
  triggerRecreated: {
    ru: 'Триггер обработки ответов отсутствовал и был создан заново. Ответы, пришедшие без него, учтены пересчётом.',
    en: 'The response trigger was missing and has been re-created. Responses that arrived without it are picked up by recalculation.',
  },
  triggerMissing: {
    ru: 'Триггер обработки ответов не найден: новые ответы обрабатываются только плановым запуском раз в час. Откройте панель PD Monitor координатором — триггер будет создан заново.',
    en: 'The response trigger is missing: new responses are scored only by the hourly scheduled run. Open the PD Monitor sidebar as a coordinator and it is re-created.',
  },
  triggerHandedOver: {
    ru: 'Триггер обработки ответов передан от {from} к {to}: прежний владелец больше не координатор или его плановая обработка остановилась.',
    en: 'The response trigger passed from {from} to {to}: the former owner is no longer a coordinator or their scheduled job stopped.',
  },
  authorizationRequired: {
    ru: 'PD Monitor нужно заново разрешение {owner}, владельца триггеров книги. До этого плановая обработка книги стоит: необработанные ответы не догружаются, показатели не пересчитываются, ежемесячная рассылка не уходит. Ответы сохраняются в листах ответов; новые обрабатываются, если выданных прав для этого хватает, остальные будут учтены в течение часа после разрешения. Что сделать: {owner} открывает Расширения → PD Monitor → Открыть панель и разрешает доступ; если это невозможно, после 28 часов без плановой обработки её примет другой координатор, открыв панель.',
    en: 'PD Monitor needs {owner}, who owns the workbook\'s triggers, to authorize it again. Until then the workbook\'s scheduled job stands still: unscored responses are not caught up, the indicators are not recomputed, the monthly mail is not sent. Responses are kept in their response sheets; new ones are still scored when the granted permissions suffice, the rest within the hour after the grant. What to do: {owner} opens Extensions → PD Monitor → Open sidebar and grants access; if that cannot be, once the scheduled job has not run for 28 hours another coordinator takes it over by opening the sidebar.',
  },
  settingsDamaged: {
    ru: 'Плановая обработка: лист настроек не читается — {reason}',
    en: 'Scheduled job: the settings sheet cannot be read — {reason}',
  },
  scheduledRunFailed: {
    ru: 'Плановая обработка прервана ошибкой: {error}. Она повторится через час.',
    en: 'The scheduled job stopped on an error: {error}. It runs again within the hour.',
  },
  recalculated: {
    ru: 'Пересчёт завершён: {responses} ответов, из них неполных — {incomplete}.',
    en: 'Recalculation finished: {responses} responses, {incomplete} of them incomplete.',
  },
  recalculationPaused: {
    ru: 'Пересчёт приостановлен по лимиту времени после {done} ответов и будет продолжен.',
    en: 'Recalculation paused at the time limit after {done} responses; it will continue.',
  },
  formRelinked: {
    ru: 'Форма «{title}» перепривязана; ответы старого листа сохранены и учитываются.',
    en: 'Form "{title}" was relinked; the old sheet\'s answers are kept and counted.',
  },
  formCreationUndone: {
    ru: 'Форма «{title}» не создана: {error}. Всё созданное отменено: форма снята с публикации и отвязана от книги, её пустой лист ответов удалён. Файл формы остался на вашем Google Диске, его можно удалить: {url}',
    en: 'Form "{title}" was not created: {error}. Everything made was undone: the form is unpublished and unlinked from the workbook, and its empty response sheet deleted. The form file stays in your Google Drive; you may delete it: {url}',
  },
  formCreationLeftover: {
    ru: 'Форма «{title}» не создана: {error}. Отменить созданное полностью не удалось: перепривяжите формы — привязанная к книге форма будет опознана и зарегистрирована. Файл формы: {url}',
    en: 'Form "{title}" was not created: {error}. What was made could not all be undone: relink the forms, and a form linked to the workbook is identified and registered. The form file: {url}',
  },
  registryTitlesCut: {
    ru: 'Формулировки вопросов формы с листа «{sheet}» не помещаются в ячейку реестра ({max} символов): прежние формулировки не сохранены, слишком длинные обрезаны. Ответ на вопрос с обрезанной формулировкой не распознаётся и записывается в журнал; исходный ответ остаётся на листе ответов.',
    en: 'The question titles of the form of sheet "{sheet}" do not fit a registry cell ({max} characters): earlier titles were dropped and over-long ones cut. An answer to a question whose title was cut is not recognised and is logged; the original stays in the response sheet.',
  },
  formAdopted: {
    ru: 'Форма «{title}» была привязана к книге, но не записана в реестр. По её вопросам она опознана как «{kind}», зарегистрирована, её лист ответов защищён; ответы, пришедшие раньше, будут оценены плановой обработкой.',
    en: 'Form "{title}" was linked to the workbook but not in the registry. Its questions identify it as "{kind}": it is registered and its response sheet protected; answers that came earlier are scored by the scheduled job.',
  },
  formNotIdentified: {
    ru: 'Форма «{title}» привязана к книге, но её вопросы не совпадают ни с одной анкетой PD Monitor; она не зарегистрирована и оставлена как есть.',
    en: 'Form "{title}" is linked to the workbook, but its questions match no PD Monitor survey; it is not registered and is left as it is.',
  },
  reportRejected: {
    ru: 'Отчёт школы «{school}» за период {period} не принят и не учитывается в показателях, пока школа не подаст исправленный: {reasons}',
    en: 'The report of "{school}" for {period} was rejected and stays out of the indicators until the school files a corrected one: {reasons}',
  },
  formItemsChanged: {
    ru: 'Вопросы формы «{title}» изменились: {changes}.',
    en: 'The questions of form "{title}" changed: {changes}.',
  },
  registerRowInvalid: {
    ru: 'Запись реестра не учтена в рубрике: {reason}',
    en: 'A register row is not used by the rubric: {reason}',
  },
  rubricValueInvalid: {
    ru: 'Рубрика, «{block}» — «{position}» — «{parameter}»: значение «{value}» не распознано (нужно {expected}); параметр оценён так, как если бы значение не было введено.',
    en: 'Rubric, "{block}" — "{position}" — "{parameter}": value "{value}" is not understood (expected {expected}); the parameter is scored as if nothing were entered.',
  },
  rubricRowUnknown: {
    ru: 'Рубрика: строка с кодом «{key}» не относится ни к одному параметру или повторяет другую строку; введённое в ней («{value}», «{evidence}») не учтено и при обновлении рубрики не сохраняется.',
    en: 'Rubric: the row with code "{key}" is no parameter\'s or repeats another row; what was entered there ("{value}", "{evidence}") is not used and is not kept when the rubric is updated.',
  },
  rubricEditConflict: {
    ru: 'Рубрика, параметр «{key}»: изменение из панели не записано — в листе уже стоит «{now}» (панель видела «{seen}»). Панель показала новое значение.',
    en: 'Rubric, parameter "{key}": the change from the sidebar was not written — the sheet already holds "{now}" (the sidebar saw "{seen}"). The sidebar now shows it.',
  },
  rubricEditInvalid: {
    ru: 'Рубрика, параметр «{key}»: значение «{value}» из панели не распознано (нужно {expected}) и не записано.',
    en: 'Rubric, parameter "{key}": value "{value}" from the sidebar is not understood (expected {expected}) and was not written.',
  },
  registrySheetMismatch: {
    ru: 'Строка {row} реестра форм указывает на лист, который не получает ответы этой формы; баллы формы не пересчитаны и сохранены. Привяжите формы заново.',
    en: 'Row {row} of the form registry points to a sheet that does not receive this form\'s responses; the form\'s scores were kept, not recalculated. Relink the forms.',
  },
  settingsUnreadable: {
    ru: 'Лист настроек не читается, ответы всё равно оценены; показатели будут пересчитаны после исправления. {errors}',
    en: 'The settings sheet cannot be read; responses were scored anyway, and the indicators will be recomputed once it is fixed. {errors}',
  },
  reportWaitsForSettings: {
    ru: 'Отчёт школы сохранён на листе ответов, но не проверен: лист настроек не читается. Показатели будут пересчитаны после его исправления. {errors}',
    en: 'The school report is kept in its response sheet but not checked: the settings sheet cannot be read. The indicators are recomputed once it is fixed. {errors}',
  },
  cellTruncated: {
    ru: 'Ответ длиннее {max} символов: в лист баллов записаны первые {max}, полный текст остаётся на листе ответов.',
    en: 'An answer is longer than {max} characters: the scores sheet holds the first {max}; the full text stays in the response sheet.',
  },
  staleScoresRemoved: {
    ru: 'Удалено баллов ответов, которых больше нет на листе ответов (строка удалена или изменена): {count}.',
    en: 'Scores of responses no longer in the response sheet (row deleted or changed) removed: {count}.',
  },
  mailSent: {
    ru: 'Отправлено письмо «{subject}», получателей: {count}.',
    en: 'Sent "{subject}" to {count} recipients.',
  },
  mailQuotaWait: {
    ru: 'Письмо «{subject}» ждёт: дневная квота писем исчерпана (осталось {remaining}, нужно {needed}). Оно уйдёт, когда квота обновится.',
    en: '"{subject}" waits: the daily email quota is used up ({remaining} left, {needed} needed). It goes out when the quota renews.',
  },
  mailFailed: {
    ru: 'Письмо «{subject}» не отправлено: {error}. Повтор при следующем запуске.',
    en: '"{subject}" was not sent: {error}. It is retried on the next run.',
  },
  mailUncertain: {
    ru: 'Отправка письма «{subject}» была прервана, и неизвестно, ушло ли оно. Чтобы не отправить его дважды, повтора не будет.',
    en: 'Sending "{subject}" was interrupted and it is unknown whether it went out. So as never to send it twice, it is not retried.',
  },
  mailCancelled: {
    ru: 'Напоминание школе «{school}» отменено: отчёт подан или адрес удалён.',
    en: 'The reminder to "{school}" was cancelled: the report was filed or the address removed.',
  },
  mailSettingsInvalid: {
    ru: 'Настройки рассылки не читаются, письма не отправляются: {errors}',
    en: 'The mail settings cannot be read, so no mail is sent: {errors}',
  },
} satisfies Catalog<string>;

export type LogReason = keyof typeof LOG_REASONS;

export interface LogEntry {
  /** ISO timestamp. */
  at: string;
  sheet: string;
  /** Row in that sheet, or '' when the entry is about no single row. */
  row: number | '';
  reason: LogReason;
  params?: Record<string, string | number>;
}

const HEADER: Localized[] = [
  { ru: 'Время', en: 'Time' }, { ru: 'Лист', en: 'Sheet' }, { ru: 'Строка', en: 'Row' }, { ru: 'Причина', en: 'Reason' }, { ru: 'Код', en: 'Code' },
];

export function logHeader(lang: Lang): string[] {
  return HEADER.map((title) => tr(title, lang));
}

/** A log row; a message quoting over-long text is cut to fit its cell, with a marker. */
export function logRow(entry: LogEntry, lang: Lang): (string | number)[] {
  return fitRow([entry.at, entry.sheet, entry.row, tr(LOG_REASONS[entry.reason], lang, entry.params), entry.reason], lang);
}
