/** Texts of the line saying when a panel's figures were computed, in Russian and English. */
import type { Catalog } from '../core/text/i18n';

export const FRESHNESS_TEXT = {
  computedAt: { ru: 'Рассчитано {date} в {time}.', en: 'Computed on {date} at {time}.' },
  staleSince: { ru: 'С тех пор {reasons}: пересчитайте, чтобы это учесть.', en: 'Since then {reasons}: recompute to include it.' },
  staleAnswers: { ru: 'поступили новые ответы', en: 'new answers have arrived' },
  staleReports: { ru: 'поступили отчёты школ', en: 'school reports have arrived' },
  staleDistrict: { ru: 'изменён лист «Данные муниципалитета»', en: 'the district data sheet has been edited' },
  stalePeriod: { ru: 'закончился текущий период', en: 'the current period has ended' },
  recomputeNow: { ru: 'Пересчитать', en: 'Recompute' },
} satisfies Catalog<string>;
