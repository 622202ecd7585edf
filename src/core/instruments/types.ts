/**
 * The shape of a survey instrument. Each instrument is one typed constant from which the
 * Google Form, the response sheets, the scoring and the sidebar are generated, so the
 * definition carries everything a respondent sees (titles, help texts, page structure,
 * required flags, choice texts) and everything scoring needs (stable keys and codes).
 */
import { Localized } from '../text/i18n';

export type InstrumentId = 'boyko' | 'mentoring' | 'network' | 'deficits';
export const INSTRUMENT_IDS: readonly InstrumentId[] = ['boyko', 'mentoring', 'network', 'deficits'];

export type ItemKind = 'yesno' | 'choice' | 'multi' | 'scale' | 'text' | 'paragraph' | 'number';

/** Ends the form: the `goTo`/`next` target meaning "submit" (FormApp PageNavigationType.SUBMIT). */
export const SUBMIT = 'submit';
/** A section id of the same instrument, or SUBMIT. */
export type SectionTarget = string;

export interface Choice {
  /** Stable code stored in scored data; never shown, never translated. */
  value: string;
  /** The option's text as the respondent sees it; exports carry this text. */
  label: Localized;
  /** Branching: the section to continue with when this option is chosen. */
  goTo?: SectionTarget;
}

/** Lists that come from the workbook's settings rather than from the instrument. */
export type SettingsList = 'schools' | 'subjects';

interface ItemBase {
  /** Stable key, e.g. 'b12' or 'profile.school': the link between form, sheet and score. */
  key: string;
  /** The question as shown to respondents; exports use it as the column title. */
  title: Localized;
  help?: Localized;
  required: boolean;
  /** Boyko: the item number of the published method, which also starts the title. */
  number?: number;
}

/** Да/Нет. Choices are spelt out (with optional branching) so a form needs nothing else. */
export interface YesNoItem extends ItemBase {
  kind: 'yesno';
  choices: readonly Choice[];
}

export interface StaticChoiceItem extends ItemBase {
  kind: 'choice';
  choices: readonly Choice[];
  choicesFrom?: undefined;
}

/** A single choice whose options are the workbook's schools or subjects. */
export interface SettingsChoiceItem extends ItemBase {
  kind: 'choice';
  choicesFrom: SettingsList;
  choices?: undefined;
}

/** Checkboxes. Option texts contain no comma: Google Forms joins chosen options with ", ". */
export interface MultiItem extends ItemBase {
  kind: 'multi';
  choices: readonly Choice[];
}

/** Linear scale of integers min..max with labels at both ends. */
export interface ScaleItem extends ItemBase {
  kind: 'scale';
  min: number;
  max: number;
  minLabel: Localized;
  maxLabel: Localized;
}

/** Free text. Never scored, never aggregated; it stays in the raw responses only. */
export interface TextItem extends ItemBase {
  kind: 'text' | 'paragraph';
}

export interface NumberItem extends ItemBase {
  kind: 'number';
  min?: number;
  max?: number;
  integer: boolean;
}

export type ChoiceItem = StaticChoiceItem | SettingsChoiceItem;
export type Item = YesNoItem | ChoiceItem | MultiItem | ScaleItem | TextItem | NumberItem;

/** A page of the form. The first section is the form's first page. */
export interface Section {
  id: string;
  title: Localized;
  help?: Localized;
  items: readonly Item[];
  /** Where to go after this page; the next section when absent. */
  next?: SectionTarget;
}

/**
 * An interpretation band: a value belongs to the last band whose `min` it reaches, so
 * bands work for integer scores and for indices with decimals alike. `max` is the upper
 * bound as published, for display (null = open-ended).
 */
export interface Band<Code extends string = string> {
  code: Code;
  label: Localized;
  min: number;
  max: number | null;
}

export interface InstrumentBase {
  id: InstrumentId;
  /** Recorded with every form so answers given to an older version stay interpretable. */
  version: string;
  title: Localized;
  /** What respondents read at the top of the form. */
  instruction: Localized;
  /** No e-mail collection, no sign-in; only the profile section describes the respondent. */
  anonymous: boolean;
  audience: 'teachers';
  sections: readonly Section[];
}
