/**
 * Session: who runs the code (runtime.user), their locale and the script's time zone.
 */
import { createHash } from 'node:crypto';
import { canReadEmail } from './auth';
import { instrument, Runtime } from './kernel';

type SessionApi = Pick<
  GoogleAppsScript.Base.Session,
  'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'
>;

export function createSession(runtime: Runtime, scopes: readonly string[] = []): GoogleAppsScript.Base.Session {
  // Documented (User.getEmail): a blank string where security policies withhold the
  // address, e.g. in a simple onOpen; reading it needs the userinfo.email scope.
  const user = (email: string): GoogleAppsScript.Base.User => {
    const visible = canReadEmail(scopes, runtime.authMode) ? email : '';
    return instrument({ getEmail: () => visible }, 'User', runtime.counter) as GoogleAppsScript.Base.User;
  };

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
