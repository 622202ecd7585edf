/**
 * Every key under which the add-on keeps its state (developer metadata, script, user or
 * document properties), in one place: a key spelled twice can drift, and the demo and the
 * tests read the same names from here. Plain data in the sheet layer, so the server, its
 * adapters and the tools share it without importing each other.
 */
export const PROPERTY_KEYS = {
  /** The developer-metadata entry holding every workbook key but those with entries of their own. */
  state: 'pdm.state',
  /** What a submission needs of the registry's scored survey forms (see core/workbook/registry, CompactRegistry). */
  forms: 'pdm.forms',
  /** When the next daily run is due (epoch ms): an hourly run decides without the time zone. */
  nextDaily: 'pdm.nextDaily',
  /** Where the workbook's sheets are (WorkbookLayout). */
  layout: 'pdm.layout',
  /** A paused recalculation's cursor. */
  recalc: 'pdm.recalc',
  /** Set when a submission could not be scored on arrival; the scheduled job catches up. */
  catchUp: 'pdm.catchUp',
  triggerOwner: 'pdm.triggerOwner',
  /** The owner's form-submit and clock triggers as last seen: {owner, uid}. */
  submitTrigger: 'pdm.submitTrigger',
  scheduleTrigger: 'pdm.scheduleTrigger',
  /** Survey rows less scores rows per instrument at the last complete catch-up: the daily check's baseline. */
  unscoredBaseline: 'pdm.unscoredBaseline',
  /** School reports filed since the indicators were last computed: they are due, and these keys are taken. */
  indicatorsDue: 'pdm.indicatorsDue',
  /** What the daily run last saw (scores rows per instrument) and when it last recomputed the indicators. */
  dailySeen: 'pdm.dailySeen',
  /** Mail the last run could not finish (quota, busy): the next hourly run tries again. */
  mailPending: 'pdm.mailPending',
  /** The first day the mail step has work, as its last look at the mail sheet found (MailQuiet, server/mail). */
  mailQuiet: 'pdm.mailQuiet',
  /** The scheduled job's heartbeat: when its daily run last started (local ISO). */
  lastRun: 'pdm.lastRun',
  dailyDone: 'pdm.dailyDone',
  settingsLogged: 'pdm.settingsLogged',
  authLogged: 'pdm.authLogged',
  missingLogged: 'pdm.missingLogged',
  authWarned: 'pdm.authWarned',
  /** The workbooks the scheduled job opens by id. */
  workbooks: 'pdm.workbooks',
} as const;

/**
 * The workbook key written outside the lock by any execution (the catch-up flag a failed
 * or busy submission leaves behind) has a developer-metadata entry of its own, so that
 * writing it never rewrites, and so never undoes, a key another execution has just
 * changed. Only while it is set does a submission read two entries instead of one.
 */
export function ownEntryKey(key: string): boolean {
  return key === PROPERTY_KEYS.catchUp;
}

/**
 * A developer-metadata value names its own key, so reading the workbook's state needs
 * no getKey per entry.
 */
export interface StateEntry {
  pdmKey: string;
  value: unknown;
}

/** The stored text of a key's entry (its key first: unwrapStateEntry looks for it there). */
export function stateEntryText(key: string, value: unknown): string {
  const entry: StateEntry = { pdmKey: key, value };
  return JSON.stringify(entry);
}

/** The key and value of a stored entry; null for any other text. */
export function unwrapStateEntry(raw: string | null): { key: string; value: unknown } | null {
  if (!raw || !raw.startsWith('{"pdmKey":')) return null;
  try {
    const entry = JSON.parse(raw) as Partial<StateEntry>;
    return typeof entry.pdmKey === 'string' ? { key: entry.pdmKey, value: entry.value ?? null } : null;
  } catch {
    return null;
  }
}

/** A workbook key's value from its developer-metadata entries (as the tools see them), or null. */
export function storedValue(entries: ReadonlyArray<{ key: string; value: string | null }>, key: string): unknown {
  for (const entry of entries) {
    const unwrapped = unwrapStateEntry(entry.value);
    if (unwrapped?.key === key) return unwrapped.value;
    if (unwrapped?.key === PROPERTY_KEYS.state && unwrapped.value && typeof unwrapped.value === 'object' && key in unwrapped.value) {
      return (unwrapped.value as Record<string, unknown>)[key];
    }
  }
  const legacy = entries.find((entry) => entry.key === key)?.value;
  try {
    return legacy ? (JSON.parse(legacy) as unknown) : null;
  } catch {
    return null;
  }
}
