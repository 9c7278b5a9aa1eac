// Checks a pasted key and token: first their format (so a token pasted into the key field is
// named as such), then POST /v1/verify, which, unlike an authenticated call, says whether a
// correct credential is inactive or expired.
import type { ApiClient, Credentials } from './api/api-client';
import type { Messages } from './i18n/messages-en';
import type { Identity } from './session-context';

export const APP_KEY = /^apk-[a-z][a-z0-9]{2,29}-[0-9A-HJKMNP-TV-Z]{26}$/;
const APP_TOKEN = /^apt_[0-9A-Za-z]{49}$/;

/** The texts sign-in can answer with: all plain strings of Messages. */
export type SignInMessage = keyof Pick<
  Messages,
  | 'required'
  | 'appKeyFormat'
  | 'tokenFormat'
  | 'signInInvalid'
  | 'signInInactive'
  | 'signInExpired'
  | 'signInNoView'
  | 'sessionEndedInactive'
  | 'sessionEndedExpired'
  | 'sessionEndedInvalid'
>;

export type SignInOutcome =
  | { ok: true; identity: Identity }
  | { ok: false; field: 'appKey' | 'token' | 'form'; message: SignInMessage };

export async function signIn(api: ApiClient, credentials: Credentials): Promise<SignInOutcome> {
  if (!credentials.appKey) return { ok: false, field: 'appKey', message: 'required' };
  if (!APP_KEY.test(credentials.appKey)) return { ok: false, field: 'appKey', message: 'appKeyFormat' };
  if (!credentials.token) return { ok: false, field: 'token', message: 'required' };
  if (!APP_TOKEN.test(credentials.token)) return { ok: false, field: 'token', message: 'tokenFormat' };
  const result = await api.verify(credentials);
  if (!result.valid) {
    const message =
      result.reason === 'inactive'
        ? 'signInInactive'
        : result.reason === 'expired'
          ? 'signInExpired'
          : 'signInInvalid';
    return { ok: false, field: 'form', message };
  }
  if (!result.permissions.includes('keys:view')) return { ok: false, field: 'form', message: 'signInNoView' };
  const { account, appKey, name, permissions } = result;
  return { ok: true, identity: { account, appKey, name, permissions } };
}
