/** The mail panel's data: the mail settings with what to choose from, and one email as it goes out. */
import { MailFieldError, MailSettings } from '../mail-settings';

export interface MailSettingsView {
  settings: MailSettings;
  /** Problems with the stored mail settings (none after a save through the sidebar). */
  errors: string[];
  schools: string[];
  coordinators: string[];
  remainingQuota: number;
  /** Messages sent so far (summaries and reminders). */
  sent: number;
}

/** Errors are in the workbook's language, each with the field it belongs to. */
export type SaveMailSettingsResult = { ok: true } | { ok: false; errors: string[]; fields: MailFieldError[] };

/** One email as it is (or would be) sent. */
export interface MailMessageView {
  /** The month a summary covers. */
  month: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
}
