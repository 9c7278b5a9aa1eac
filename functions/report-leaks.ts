// POST /v1/leaks: a secret scanner reports strings of our token format found in public code. The
// signature over the raw body is checked first: an unsigned or badly signed report is 401 before
// anything is parsed or read. Then the body is judged (LeakReportBody) and each string handled.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';
import { parseWith, readJsonBody } from '../shared/http/request-parsing';
import { LeakReportBody } from '../shared/http/schemas';

/**
 * Room for the largest report the schema allows (100 items at their field limits: about 540 KB,
 * with JSON escaping more), far below Lambda's 6 MB and API Gateway's 10 MB.
 */
export const LEAK_REPORT_MAX_BYTES = 1_048_576;

export const handler = httpHandler('report-leaks', async ({ event, headers, services }) => {
  const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  services.reporterSignatures.check(
    raw,
    headers['github-public-key-identifier'],
    headers['github-public-key-signature'],
  );
  const items = parseWith(
    LeakReportBody,
    readJsonBody(raw.toString('utf8'), false, LEAK_REPORT_MAX_BYTES),
    'body',
  );
  const feedback = await services.leaks.report(items, {
    requestId: event.requestContext?.requestId ?? null,
    sourceIp: event.requestContext?.http?.sourceIp || null,
    userAgent: event.requestContext?.http?.userAgent || null,
  });
  return ok(feedback);
});
