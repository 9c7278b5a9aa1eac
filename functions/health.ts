// GET /health. In AWS: liveness only; it touches no dependency and builds no client, so it cannot
// leak anything, a DynamoDB hiccup does not turn into failed health checks, and its cold start is
// the smallest of all. In the local runtime (HEALTH_CHECKS_STORAGE), DynamoDB Local is a child
// process that can die while this server lives on, so there it also reads one item (through the
// services the runtime put in place), and says 503 when storage does not answer within 1 s.
import { loadConfig, type Config } from '../shared/config';
import { publicHandler } from '../shared/http/public-handler';
import { json, ok } from '../shared/http/responses';
import type { AccountRepository } from '../shared/ports';
import { servicesInPlace } from '../shared/service-registry';

const STORAGE_DEADLINE_MS = 800;
/** No account can have this name (accounts match ^[a-z][a-z0-9]{2,29}$): a read that finds nothing. */
const PROBE_ACCOUNT = '-health-probe-';

interface HealthServices {
  config: Config;
  accounts?: AccountRepository;
}

let configOnly: HealthServices | undefined;
/** The local runtime's services when it put them in place; in AWS the configuration alone. */
const healthServices = (): HealthServices =>
  servicesInPlace<HealthServices>() ?? (configOnly ??= { config: loadConfig() });

async function storageAnswers(accounts: AccountRepository): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((done) => (timer = setTimeout(() => done(false), STORAGE_DEADLINE_MS)));
  const read = accounts.getAccount(PROBE_ACCOUNT).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([read, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export const handler = publicHandler('health', healthServices, undefined, async ({ services }) => {
  const { config, accounts } = services;
  if (!config.HEALTH_CHECKS_STORAGE || !accounts || (await storageAnswers(accounts))) {
    return ok({ status: 'ok' });
  }
  return json(503, { status: 'unavailable', storage: 'unavailable' }, { 'retry-after': '1' });
});
