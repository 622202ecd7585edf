/**
 * MailApp: sendEmail in its four documented forms, recorded in a test-side outbox, and the
 * daily recipient quota (quotas page: "Email recipients per day"; each To/Cc/Bcc address
 * counts once; the quota resets 24 hours after the first request).
 */
import { instrument, Runtime } from './kernel';
import { isPlainObject, signatureMismatch } from './support';

type MailApi = Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Quotas page: recipients per message and body size per message. */
const MAX_RECIPIENTS_PER_MESSAGE = 50;
const MAX_BODY_BYTES = 200 * 1024;
const QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply: boolean;
  attachments: unknown[];
  /** Sender: the user the execution runs as. */
  from: string;
  /** Emulated send time (ms). */
  at: number;
}

/** Test-side view of the mail service. */
export interface MailHandle {
  outbox: SentMail[];
  /** The next sendEmail throws `error` (a string becomes an Error) and sends nothing. */
  failNext(error: Error | string): void;
  /** Recipients counted against the quota in the current 24-hour window. */
  used(): number;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

function addresses(list: string | undefined): string[] {
  if (!list) return [];
  return String(list)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a.length > 0)
    // "Name <addr@x>" is accepted; the address inside the brackets counts.
    .map((a) => /<([^>]+)>\s*$/.exec(a)?.[1]?.trim() ?? a);
}

export function createMailService(runtime: Runtime): { MailApp: GoogleAppsScript.Mail.MailApp; mail: MailHandle } {
  const outbox: SentMail[] = [];
  let pendingFailure: Error | null = null;
  let windowStart: number | null = null;
  let windowUsed = 0;

  const used = (): number => {
    if (windowStart !== null && runtime.clock.now() - windowStart >= DAY_MS) {
      windowStart = null;
      windowUsed = 0;
    }
    return windowUsed;
  };

  const send = (m: GoogleAppsScript.Mail.MailAdvancedParameters): void => {
    if (pendingFailure) {
      const e = pendingFailure;
      pendingFailure = null;
      throw e;
    }
    const recipients = [...addresses(m.to), ...addresses(m.cc), ...addresses(m.bcc)];
    if (recipients.length === 0) throw new Error('Failed to send email: no recipient');
    for (const r of recipients) if (!EMAIL.test(r)) throw new Error(`Invalid email: ${r}`);
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) throw new Error('Limit Exceeded: Email Recipients Per Message.');
    const bodyBytes = Buffer.byteLength(String(m.body ?? ''), 'utf8') + Buffer.byteLength(String(m.htmlBody ?? ''), 'utf8');
    if (bodyBytes > MAX_BODY_BYTES) throw new Error('Limit Exceeded: Email Body Size.');
    if (used() + recipients.length > runtime.mailQuota) throw new Error(QUOTA_MESSAGE);
    if (windowStart === null) windowStart = runtime.clock.now();
    windowUsed += recipients.length;
    outbox.push({
      to: String(m.to ?? ''),
      cc: String(m.cc ?? ''),
      bcc: String(m.bcc ?? ''),
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      htmlBody: m.htmlBody === undefined ? undefined : String(m.htmlBody),
      name: m.name === undefined ? undefined : String(m.name),
      replyTo: m.replyTo === undefined ? undefined : String(m.replyTo),
      noReply: Boolean(m.noReply),
      attachments: Array.isArray(m.attachments) ? [...m.attachments] : [],
      from: runtime.user,
      at: runtime.clock.now(),
    });
  };

  const service: MailApi = {
    sendEmail(...args: unknown[]): void {
      const [a, b, c, d] = args;
      if (args.length === 1 && isPlainObject(a)) {
        send(a as GoogleAppsScript.Mail.MailAdvancedParameters);
      } else if (args.length === 3 && typeof a === 'string' && typeof b === 'string') {
        send({ to: a, subject: b, body: String(c ?? '') });
      } else if (args.length === 4 && typeof a === 'string' && typeof b === 'string' && isPlainObject(d)) {
        send({ ...(d as GoogleAppsScript.Mail.MailAdvancedParameters), to: a, subject: b, body: String(c ?? '') });
      } else if (args.length === 4 && [a, b, c, d].every((x) => typeof x === 'string')) {
        // sendEmail(to, replyTo, subject, body)
        send({ to: a as string, replyTo: b as string, subject: c as string, body: d as string });
      } else {
        throw signatureMismatch('MailApp.sendEmail', args);
      }
    },
    getRemainingDailyQuota(): number {
      return Math.max(0, runtime.mailQuota - used());
    },
  } as MailApi;

  const mail: MailHandle = {
    outbox,
    failNext(error) {
      pendingFailure = typeof error === 'string' ? new Error(error) : error;
    },
    used,
  };

  return { MailApp: instrument(service, 'MailApp', runtime.counter) as unknown as GoogleAppsScript.Mail.MailApp, mail };
}
