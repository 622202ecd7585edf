/**
 * MailApp: the only file that sends mail. The recipient quota is per day and per account
 * (consumer 100, Workspace 1,500 recipients; each To/Cc/Bcc address counts), so callers
 * count recipients against getRemainingDailyQuota before sending.
 */
export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** The error MailApp throws once the day's recipients are used up (quotas page). */
const QUOTA_ERROR = /too many times for one day: email|Limit Exceeded: Email Recipients Per Day/i;

export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** Sends one message; throws what MailApp throws (nothing is sent then). */
export function sendMail(mail: OutgoingMail): void {
  MailApp.sendEmail({ to: mail.to.join(','), subject: mail.subject, body: mail.text, htmlBody: mail.html, name: 'PD Monitor' });
}

export function isQuotaError(error: unknown): boolean {
  return QUOTA_ERROR.test(error instanceof Error ? error.message : String(error));
}
