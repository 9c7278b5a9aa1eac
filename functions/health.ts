// GET /health. In AWS: liveness only; it touches no dependency, so it cannot leak anything and a
// DynamoDB hiccup does not turn into failed health checks. In the local runtime
// (HEALTH_CHECKS_STORAGE), DynamoDB Local is a child process that can die while this server lives
// on, so there it also reads one item, and says 503 when storage does not answer within 1 s.
import { httpHandler } from '../shared/http/middleware';
import { json, ok } from '../shared/http/responses';
import type { Services } from '../shared/composition';

const STORAGE_DEADLINE_MS = 800;
/** No account can have this name (accounts match ^[a-z][a-z0-9]{2,29}$): a read that finds nothing. */
const PROBE_ACCOUNT = '-health-probe-';

async function storageAnswers(services: Services): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((done) => (timer = setTimeout(() => done(false), STORAGE_DEADLINE_MS)));
  const read = services.accounts.getAccount(PROBE_ACCOUNT).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([read, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export const handler = httpHandler('health', async ({ services }) => {
  if (!services.config.HEALTH_CHECKS_STORAGE || (await storageAnswers(services))) {
    return ok({ status: 'ok' });
  }
  return json(503, { status: 'unavailable', storage: 'unavailable' }, { 'retry-after': '1' });
});
