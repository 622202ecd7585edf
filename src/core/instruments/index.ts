/** The survey instruments: definitions and the lookups built on them. */
import { BOYKO, BoykoInstrument } from './boyko';
import { DEFICITS, DeficitsInstrument } from './deficits';
import { MENTORING, MentoringInstrument } from './mentoring';
import { NETWORK, NetworkInstrument } from './network';
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

/** Every item of an instrument in form order. */
export function instrumentItems(instrument: Instrument): Item[] {
  return instrument.sections.flatMap((section) => section.items);
}

/** Whether an item belongs to the shared profile section. */
export function isProfileItem(item: Item): boolean {
  return PROFILE_SECTION.items.includes(item);
}
