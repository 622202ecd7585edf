/** Who may change the workbook: its coordinators, as the protected settings sheet lists them. */
import { tr } from '../core/text/i18n';
import { ERRORS } from '../core/text/messages';
import { Settings } from '../core/settings';
import { myEmail } from './adapters/triggers';
import { Context, readSettings, UserError } from './context';

export function isCoordinator(settings: Settings, email: string = myEmail()): boolean {
  return email !== '' && settings.coordinators.includes(email.toLowerCase());
}

/**
 * Refuses anyone else before anything is created (a form, a trigger, a sheet), so a
 * refused call leaves nothing behind. Result: the settings, for the caller's use.
 */
export function requireCoordinator(context: Context): Settings {
  const settings = readSettings(context);
  if (!isCoordinator(settings)) throw new UserError(tr(ERRORS.notCoordinator, context.lang));
  return settings;
}

/** The settings, or null with the reason (in the workbook's language) when the sheet is damaged. */
export function settingsOrProblem(context: Context): { settings: Settings | null; problem: string } {
  try {
    return { settings: readSettings(context), problem: '' };
  } catch (error) {
    if (error instanceof UserError) return { settings: null, problem: error.message };
    throw error;
  }
}
