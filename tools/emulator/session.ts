/**
 * Session: who runs the code (runtime.user), their locale and the script's time zone.
 */
import { createHash } from 'node:crypto';
import { instrument, Runtime } from './kernel';

type SessionApi = Pick<
  GoogleAppsScript.Base.Session,
  'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'
>;

export function createSession(runtime: Runtime): GoogleAppsScript.Base.Session {
  const user = (email: string): GoogleAppsScript.Base.User =>
    instrument({ getEmail: () => email }, 'User', runtime.counter) as GoogleAppsScript.Base.User;

  const session: SessionApi = {
    getActiveUser: () => user(runtime.user),
    getEffectiveUser: () => user(runtime.user),
    getActiveUserLocale: () => runtime.locale,
    getScriptTimeZone: () => runtime.timeZone,
    // Opaque and stable per user and script, never the email itself.
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`pd-monitor-emulator:${runtime.user}`).digest('base64').replace(/[+/=]/g, '').slice(0, 43),
  };
  return instrument(session, 'Session', runtime.counter) as unknown as GoogleAppsScript.Base.Session;
}
