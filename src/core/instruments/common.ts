/** Building blocks shared by the instrument definitions. */
import { Localized } from '../text/i18n';
import { Band, Choice, ScaleItem, SectionTarget, YesNoItem } from './types';

export const YES = 'yes';
export const NO = 'no';
export type YesNo = typeof YES | typeof NO;

export const YES_LABEL: Localized = { ru: 'Да', en: 'Yes' };
export const NO_LABEL: Localized = { ru: 'Нет', en: 'No' };

export const YES_NO_CHOICES: readonly Choice[] = [
  { value: YES, label: YES_LABEL },
  { value: NO, label: NO_LABEL },
];

/** A required Да/Нет item, optionally branching on the answer. */
export function yesNoItem(
  key: string,
  title: Localized,
  options: { help?: Localized; required?: boolean; goTo?: { yes: SectionTarget; no: SectionTarget } } = {},
): YesNoItem {
  const choices = options.goTo
    ? [
        { value: YES, label: YES_LABEL, goTo: options.goTo.yes },
        { value: NO, label: NO_LABEL, goTo: options.goTo.no },
      ]
    : YES_NO_CHOICES;
  return {
    key,
    kind: 'yesno',
    title,
    ...(options.help ? { help: options.help } : {}),
    required: options.required ?? true,
    choices,
  };
}

/** A required linear scale min..max, its ends labelled: every rating item of the instruments. */
export function scaleItem(
  key: string,
  title: Localized,
  bounds: { min: number; max: number; minLabel: Localized; maxLabel: Localized },
): ScaleItem {
  return { key, kind: 'scale', title, required: true, ...bounds };
}

export type SatisfactionBand = 'low' | 'medium' | 'high';

/**
 * Bands of a 0–100 satisfaction index (our own convention, shared by the mentoring and
 * network instruments so their results read alike): below half of the scale is low,
 * from three quarters up is high.
 */
export const SATISFACTION_BANDS: readonly Band<SatisfactionBand>[] = [
  { code: 'low', label: { ru: 'низкая', en: 'low' }, min: 0, max: 49.99 },
  { code: 'medium', label: { ru: 'средняя', en: 'medium' }, min: 50, max: 74.99 },
  { code: 'high', label: { ru: 'высокая', en: 'high' }, min: 75, max: 100 },
];

/** The band a value falls in: the last whose `min` it reaches; null below the first. */
export function bandOf<C extends string>(value: number, bands: readonly Band<C>[]): C | null {
  let found: C | null = null;
  for (const band of bands) {
    if (value >= band.min) found = band.code;
  }
  return found;
}
