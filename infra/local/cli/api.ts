// The CLI's one way to the service: the public HTTP API, typed by the types generated from the
// OpenAPI document (console/src/api/generated.ts). Refusals become exit code 1, outages and
// unreachable servers exit code 3.
import createClient from 'openapi-fetch';
import type { components, paths } from '../../../console/src/api/generated';
import { CliError, EXIT } from './errors';
import type { Profile } from './profiles';

export type Key = components['schemas']['Key'];
export type Role = components['schemas']['Role'];
export type ExternalKey = components['schemas']['ExternalKey'];
export type Problem = components['schemas']['Problem'];
export type ApiClient = ReturnType<typeof createClient<paths>>;

/** The service answers within 5 s (API.md 1.1); allow for the network on top (APIKEYS_TIMEOUT_SECONDS). */
const REQUEST_TIMEOUT_MS = Math.max(1, Number(process.env.APIKEYS_TIMEOUT_SECONDS) || 10) * 1000;

export function apiClient(profile: Pick<Profile, 'url'> & Partial<Profile>): ApiClient {
  const client = createClient<paths>({
    baseUrl: profile.url.replace(/\/+$/, ''),
    fetch: async (request) => {
      let response: Response;
      try {
        // Bounded like the service itself: a server that never answers is "unavailable", not a hang.
        response = await fetch(request, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        throw new CliError(
          timedOut
            ? `${profile.url} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`
            : `Cannot reach ${profile.url}: ${(error as Error).cause ?? (error as Error).message}`,
          EXIT.unavailable,
        );
      }
      const type = response.headers.get('content-type') ?? '';
      // A download (the export) announces itself as an attachment; any other success must be JSON.
      const download = /^attachment/.test(response.headers.get('content-disposition') ?? '');
      if (response.ok && response.status !== 204 && !download && !/json/.test(type))
        throw new CliError(
          `${profile.url} is not an API key service (it answered ${type || 'no content type'}).`,
          EXIT.unavailable,
        );
      return response;
    },
  });
  // The two credentials, set once for every call (the document's apiKey security schemes).
  if (profile.appKey && profile.token) {
    const { appKey, token } = profile;
    client.use({
      onRequest({ request }) {
        request.headers.set('X-API-AppKey', appKey);
        request.headers.set('X-API-AppToken', token);
        return request;
      },
    });
  }
  return client;
}

/** The body of a success, or a CliError saying what the service refused (or that it is down). */
export async function answer<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const problem = (error ?? {}) as Partial<Problem> & { message?: string };
  const text = problem.detail ?? problem.message ?? response.statusText;
  const code = problem.type?.split('/').pop() ?? String(response.status);
  const unavailable = response.status >= 500;
  const retry = response.headers.get('retry-after');
  throw new CliError(
    `${code}: ${text}${unavailable && retry ? ` (retry after ${retry} s)` : ''}` +
      (problem.errors?.length
        ? '\n' + problem.errors.map((e) => `  ${e.path || '(body)'}: ${e.message}`).join('\n')
        : ''),
    unavailable ? EXIT.unavailable : EXIT.refused,
    error,
  );
}
