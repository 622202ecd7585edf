/**
 * What the sidebar needs to draw its frame and the setup form before anything else loads:
 * the workbook's language, whether it is set up, and the presets to choose from, each
 * with a one-line description derived from its data.
 */
import { Lang, Localized } from '../text/i18n';
import { PERIOD_KIND_TITLES } from '../periods';
import { PRESETS } from '../presets';

export interface PresetOption {
  id: string;
  title: Localized;
  /** One line: how many indicators and monitorings, and the reporting period. */
  description: Localized;
}

export interface SidebarInfo {
  lang: Lang;
  title: string;
  /** Whether the workbook's settings were saved: the sidebar opens on Setup until they are. */
  setUp: boolean;
  presets: PresetOption[];
  defaultPrivacyThreshold: number;
}

export function presetOptions(): PresetOption[] {
  return PRESETS.map((preset) => ({
    id: preset.id,
    title: preset.title,
    description: {
      ru: `Показателей: ${preset.indicators.length} · мониторингов в циклограмме: ${preset.cyclogram.length} · отчёт школ за ${PERIOD_KIND_TITLES[preset.reportingPeriod].ru}`,
      en: `${preset.indicators.length} indicators · ${preset.cyclogram.length} monitorings in the cyclogram · schools report per ${PERIOD_KIND_TITLES[preset.reportingPeriod].en}`,
    },
  }));
}
