// The standalone Lambda REQUEST authorizer (HTTP API, payload 2.0, simple responses) that other
// APIs can attach. Same verification core as /v1/verify; the context carries the caller's identity.
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { getVerificationServices } from '../shared/verification-services';
import { logger } from '../shared/logger';
import { authenticate } from '../shared/use-cases/authenticate';
import { toAuthorizerContext, type AuthorizerContext } from '../shared/http/authorizer-context';
import { DomainError } from '../shared/domain/errors';
import { REQUEST_DEADLINE_MS, withDeadline } from '../shared/http/deadline';
import { observed } from '../shared/invocation';

export interface AuthorizerResult {
  isAuthorized: boolean;
  context?: AuthorizerContext;
}

const header = (event: APIGatewayRequestAuthorizerEventV2, name: string): string | undefined => {
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
};

export const handler = observed(authorize, (event) => event.requestContext?.requestId);

async function authorize(event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> {
  try {
    // Bounded like every HTTP handler: a stalled storage denies in time instead of hanging. It
    // writes nothing a client asked for (lastUsedAt is bookkeeping), so, like verify, it runs
    // without the request budget and the promise hooks its AsyncLocalStorage turns on.
    const caller = await withDeadline(
      REQUEST_DEADLINE_MS,
      () =>
        authenticate(
          getVerificationServices().identities,
          header(event, 'x-api-appkey'),
          header(event, 'x-api-apptoken'),
          // API.md 1.1: an external key names the account it acts in; absent means its own.
          header(event, 'x-api-account'),
        ),
      { writes: false },
    );
    return { isAuthorized: true, context: toAuthorizerContext(caller) };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'unauthorized') return { isAuthorized: false };
    // Storage or KMS down: fail closed, and say why in the log (never the credentials).
    logger.error('authorizer failed', { error: (error as Error).name, route: event.routeKey });
    return { isAuthorized: false };
  }
}
