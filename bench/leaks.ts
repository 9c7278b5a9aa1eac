// A leak report of 100 live tokens (issue 16: under 2 s locally): the signature check of the
// raw body, then for each token its MAC, its lookup, its key read and one TransactWriteItems that
// deactivates the key with its audit entry, as POST /v1/leaks does. Fresh keys in an account of
// their own, on the real adapters and DynamoDB Local.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { NO_ORIGIN } from '../shared/domain/audit';
import { logger } from '../shared/logger';
import { bootstrapAccount } from '../shared/use-cases/bootstrap';
import { ReporterSignatures } from '../shared/use-cases/leaks/reporter-signatures';
import type { BenchServices } from './setup';

export const LEAK_REPORT_ITEMS = 100;

export async function measureLeakReport(bench: BenchServices): Promise<number> {
  const { services } = bench;
  const account = `leakbench${Date.now().toString(36)}`;
  await bootstrapAccount(services, account);
  const tokens: string[] = [];
  for (let i = 0; i < LEAK_REPORT_ITEMS; i++)
    tokens.push((await services.keyCreation.issue(account, { name: `leaked ${i}`, roles: [] })).token);
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signatures = new ReporterSignatures({
    bench: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  });
  const items = tokens.map((token) => ({
    token,
    type: 'apikeys',
    url: 'https://example.test/x',
    source: 'content',
  }));
  const raw = Buffer.from(JSON.stringify(items));
  const signature = createSign('SHA256').update(raw).sign(pair.privateKey, 'base64');

  // Each cut leak logs one WARN line: keep them off the bench's machine-readable stdout.
  const level = logger.getLevelName();
  logger.setLogLevel('ERROR');
  const started = performance.now();
  let labels;
  try {
    signatures.check(raw, 'bench', signature);
    labels = await services.leaks.report(JSON.parse(raw.toString()), NO_ORIGIN);
  } finally {
    logger.setLogLevel(level);
  }
  const elapsed = performance.now() - started;
  if (labels.some((l) => l.label !== 'true_positive')) throw new Error('a live token was not cut');
  return elapsed;
}
