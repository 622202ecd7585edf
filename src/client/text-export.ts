/** Texts of the export and print controls every panel carries. */
import type { Catalog } from '../core/text/i18n';

export const EXPORT_TEXT = {
  exportCsv: { ru: 'Скачать CSV', en: 'Download CSV' },
  exportCsvOf: { ru: 'Скачать таблицы раздела «{title}» в CSV для Excel', en: 'Download the tables of "{title}" as CSV for Excel' },
  exportPrint: { ru: 'Печать', en: 'Print' },
  exportPrintOf: { ru: 'Напечатать раздел «{title}»', en: 'Print "{title}"' },
  exportDone: { ru: 'Файл {file} скачан.', en: 'The file {file} is downloaded.' },
  exportFilters: { ru: 'Отбор — {filters}', en: 'Filters — {filters}' },
} satisfies Catalog<string>;
