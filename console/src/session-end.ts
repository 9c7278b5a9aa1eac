// Why a signed-in session stopped working. A 401 on any call means the API no longer accepts the
// key and token, but not why; POST /v1/verify (public) says whether the key was deactivated, its
// token expired, or the pair is simply no longer valid (key deleted, token renewed "now" or cut
// after a leak), so the sign-in screen can say precisely what happened.
import type { ApiClient, Credentials } from './api/api-client';
import type { SignInOutcome } from './sign-in';

export type SessionEnd = Extract<SignInOutcome, { ok: false }>;

/** The reason to show on the sign-in screen, or null when the credential still verifies. */
export async function whySessionEnded(
  anonymous: ApiClient,
  credentials: Credentials,
): Promise<SessionEnd | null> {
  try {
    const result = await anonymous.verify(credentials);
    if (result.valid) return null;
    const message =
      result.reason === 'inactive'
        ? 'sessionEndedInactive'
        : result.reason === 'expired'
          ? 'sessionEndedExpired'
          : 'sessionEndedInvalid';
    return { ok: false, field: 'form', message };
  } catch {
    // The API refused the credential a moment ago and cannot be asked why: say what we know.
    return { ok: false, field: 'form', message: 'sessionEndedInvalid' };
  }
}
