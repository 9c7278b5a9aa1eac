// Security headers on every API response, success or error. The API serves JSON only, so the
// content security policy forbids everything; responses carry secrets at times, so nothing is cached.
import type middy from '@middy/core';

const HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

type WithHeaders = { response?: { headers?: Record<string, string | number | boolean> } | unknown };

/** The same headers on a response built outside the middy stack (the request deadline's 503). */
export const withSecurityHeaders = <R extends { headers?: Record<string, string> }>(response: R): R => ({
  ...response,
  headers: { ...HEADERS, ...(response.headers ?? {}) },
});

export function securityHeaders(): middy.MiddlewareObj {
  const apply = async (request: WithHeaders): Promise<void> => {
    const response = request.response as { headers?: Record<string, string> } | undefined;
    if (!response || typeof response !== 'object') return;
    response.headers = { ...HEADERS, ...(response.headers ?? {}) };
  };
  return { after: apply, onError: apply };
}
