/** Texts of the line saying when a panel's figures were computed, in Russian and English. */
import type { Catalog } from '../core/text/i18n';

export const FRESHNESS_TEXT = {
  computedAt: { ru: 'Рассчитано {date} в {time}.', en: 'Computed on {date} at {time}.' },
  staleSince: {
    ru: 'С тех пор поступили новые ответы или отчёты: пересчитайте, чтобы их учесть.',
    en: 'New answers or reports have arrived since: recompute to include them.',
  },
  recomputeNow: { ru: 'Пересчитать', en: 'Recompute' },
} satisfies Catalog<string>;
