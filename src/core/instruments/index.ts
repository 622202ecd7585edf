/** The survey instruments: definitions and the lookups built on them. */
import { Localized } from '../text/i18n';
import { BOYKO, BOYKO_DESCRIPTION, BoykoInstrument } from './boyko';
import { DEFICITS, DEFICITS_DESCRIPTION, DeficitsInstrument } from './deficits';
import { MENTORING, MENTORING_DESCRIPTION, MentoringInstrument } from './mentoring';
import { NETWORK, NETWORK_DESCRIPTION, NetworkInstrument } from './network';
import { PROFILE_SECTION } from './profile';
import { InstrumentId, INSTRUMENT_IDS, Item } from './types';

export * from './types';
export * from './common';
export * from './profile';
export * from './boyko';
export * from './mentoring';
export * from './network';
export * from './deficits';
export * from './columns';

export type Instrument = BoykoInstrument | MentoringInstrument | NetworkInstrument | DeficitsInstrument;

export const INSTRUMENTS: Readonly<Record<InstrumentId, Instrument>> = {
  boyko: BOYKO,
  mentoring: MENTORING,
  network: NETWORK,
  deficits: DEFICITS,
};

export function isInstrumentId(value: string): value is InstrumentId {
  return (INSTRUMENT_IDS as readonly string[]).includes(value);
}

export function getInstrument(id: InstrumentId): Instrument {
  return INSTRUMENTS[id];
}

/**
 * What each instrument measures and where it comes from, for coordinators. Nothing the
 * add-on draws shows it, so it is kept apart from the instruments and stays out of the
 * Apps Script bundle until something does.
 */
export const INSTRUMENT_DESCRIPTIONS: Readonly<Record<InstrumentId, Localized>> = {
  boyko: BOYKO_DESCRIPTION,
  mentoring: MENTORING_DESCRIPTION,
  network: NETWORK_DESCRIPTION,
  deficits: DEFICITS_DESCRIPTION,
};

/** Every item of an instrument in form order. */
export function instrumentItems(instrument: Instrument): Item[] {
  return instrument.sections.flatMap((section) => section.items);
}

/** Whether an item belongs to the shared profile section. */
export function isProfileItem(item: Item): boolean {
  return PROFILE_SECTION.items.includes(item);
}
