/** The settings as the sidebar's setup panel shows them, and the result of saving them. */
import { Settings } from '../settings';

/** Every field of the settings sheet; the model is already plain data, so the view is the model. */
export type SettingsView = Settings;

/** Errors are in the language the settings asked for. */
export type SaveSettingsResult = { ok: true } | { ok: false; errors: string[] };
