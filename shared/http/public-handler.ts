// The handler of the public hot routes (verify, health): the shared base stack (handler-core.ts)
// and the verification services only. No composition root, no full request schemas: these are
// the functions whose cold start and bundle size matter most (issue 17). A body, when the route
// takes one, is read with the same size limit and problem answers as every other route.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { RequestOrigin } from '../domain/audit';
import { validationError, type FieldError } from '../domain/errors';
import type { HandlerName } from '../routes';
import type { Config } from '../config';
import { baseStack, bounded, originOf } from './handler-core';
import { observability } from './observability';
import { readJsonBody } from './request-parsing';
import type { ApiResult } from './responses';

/** Judges a parsed JSON body: its value, or the fields that are wrong. */
type BodyJudge<B> = (input: unknown) => { success: true; data: B } | { success: false; errors: FieldError[] };

export interface PublicRequest<B, S> {
  event: APIGatewayProxyEventV2;
  body: B;
  origin: RequestOrigin;
  services: S;
}

/**
 * `services` says what the route needs built (verify: the verification services; health: only the
 * configuration), so no function builds, or even imports, a client its route does not use.
 */
export function publicHandler<S extends { config: Pick<Config, 'MAX_BODY_BYTES'> }, B = undefined>(
  name: HandlerName,
  services: () => S,
  body: BodyJudge<B> | undefined,
  handle: (request: PublicRequest<B, S>) => Promise<ApiResult>,
) {
  const stack = baseStack(observability({ handler: name, auth: 'none' })).handler(async (event, context) => {
    const built = services();
    let parsed = undefined as B;
    if (body) {
      const raw = readJsonBody(event.body, event.isBase64Encoded, built.config.MAX_BODY_BYTES);
      const result = body(raw);
      if (!result.success) throw validationError('The body is not valid.', result.errors);
      parsed = result.data;
    }
    context.api!.body = parsed;
    return handle({ event, body: parsed, origin: originOf(event), services: built });
  });
  // Verification and health change nothing a client asked for (lastUsedAt is bookkeeping): no
  // request budget, so no promise hooks on the hottest path.
  return bounded(stack, { writes: false });
}
