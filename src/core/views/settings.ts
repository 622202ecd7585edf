/** The settings as the sidebar's setup panel shows them, and the result of saving them. */
import { Settings } from '../settings';

/** Every field of the settings sheet; the model is already plain data, so the view is the model. */
export type SettingsView = Settings;

/**
 * Saved: the names of the sheets this save added and the handlers whose trigger it
 * installed, so the sidebar can say what it did. Refused: errors in the language the
 * settings asked for.
 */
export type SaveSettingsResult =
  | { ok: true; createdSheets: string[]; triggersCreated: string[] }
  | { ok: false; errors: string[] };
