/**
 * The registry of presets. Adding a district = one file exporting a Preset + one line here.
 */
import { indicatorsOf } from '../indicators/catalog';
import { IndicatorDef, SharedPositionId } from '../indicators/types';
import { AMUR } from './amur';
import { CUSTOM } from './custom';
import { KBR } from './kbr';
import { KRASNODAR } from './krasnodar';
import { KRYMSK } from './krymsk';
import { Preset } from './types';
import { VERKHNEKAMSK } from './verkhnekamsk';

export * from './types';

export const PRESETS: readonly Preset[] = [AMUR, KRYMSK, KBR, KRASNODAR, VERKHNEKAMSK, CUSTOM];

export const PRESET_IDS: readonly string[] = PRESETS.map((preset) => preset.id);

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/** The preset's indicator definitions, in the preset's order. */
export function presetIndicators(preset: Preset): IndicatorDef[] {
  return indicatorsOf(preset);
}

/** The preset's indicators serving a rubric position: the preset's own list, else the catalog's mapping. */
export function positionIndicators(preset: Preset, position: SharedPositionId): IndicatorDef[] {
  const own = preset.rubric.positions?.[position];
  if (own) return presetIndicators({ ...preset, indicators: own });
  return presetIndicators(preset).filter((indicator) => indicator.rubricPosition === position);
}
