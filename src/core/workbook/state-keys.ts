/**
 * Every key under which the add-on keeps its state (developer metadata, script, user or
 * document properties), in one place: a key spelled twice can drift, and the demo and the
 * tests read the same names from here. Plain data in the sheet layer, so the server, its
 * adapters and the tools share it without importing each other.
 */
export const PROPERTY_KEYS = {
  /** Where the workbook's sheets are (WorkbookLayout). */
  layout: 'pdm.layout',
  /** A paused recalculation's cursor. */
  recalc: 'pdm.recalc',
  /** Set when a submission could not be scored on arrival; the scheduled job catches up. */
  catchUp: 'pdm.catchUp',
  triggerOwner: 'pdm.triggerOwner',
  lastRun: 'pdm.lastRun',
  dailyDone: 'pdm.dailyDone',
  settingsLogged: 'pdm.settingsLogged',
  authLogged: 'pdm.authLogged',
  missingLogged: 'pdm.missingLogged',
  authWarned: 'pdm.authWarned',
  /** The workbooks the scheduled job opens by id. */
  workbooks: 'pdm.workbooks',
} as const;
