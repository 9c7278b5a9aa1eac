// The audit log's cost (issue 11):
// - a change's latency before and after it carries its audit entry: "before" is what a rename cost
//   until then (read the key, one conditional UpdateItem), "after" is the rename as the service does
//   it now (read, one TransactWriteItems of the key and its entry); goal after/before <= 1.3;
// - the first page of GET /v1/audit in accounts holding 1,000 and 100,000 entries: one Query with a
//   Limit, so it must not grow with the log.
import { auditEntry, SYSTEM, NO_ORIGIN, type AuditAction } from '../shared/domain/audit';
import { editKey } from '../shared/domain/key';
import { toAuditItems } from '../shared/adapters/dynamodb/audit-item';
import type { BenchServices } from './setup';
import type { Credentials } from './micro';
import { callerOf } from './accounts';
import type { Plan } from './plan';
import { writeItems } from './seed';
import { latencyUs, median } from './timing';

export async function measureChange(
  warm: BenchServices,
  owner: Credentials,
  plan: Plan,
): Promise<{ change_us_before: number; change_us_after: number }> {
  const { services } = warm;
  const caller = await callerOf(warm, owner);
  const account = owner.appKey.split('-')[1]!;
  const { key } = await services.keyCreation.issue(account, {
    name: 'renamed often',
    roles: ['orders-read'],
  });
  let flip = 0;
  const nextName = (): string => `renamed ${flip++ % 2}`;
  const samples = await latencyUs(
    {
      before: async () => {
        const current = (await services.keys.getKey(key.appKey))!;
        await services.settings.get(account);
        const next = editKey(current, { name: nextName() }, Date.now());
        await services.keys.saveKey(next, current.version, current.renewalFlag);
      },
      after: () => services.keyEditing.edit(caller, key.appKey, { name: nextName() }),
    },
    plan.latency,
  );
  return { change_us_before: median(samples.before), change_us_after: median(samples.after) };
}

const ACTIONS: AuditAction[] = [
  'key.created',
  'key.updated',
  'key.deactivated',
  'key.activated',
  'token.renewed',
];

/** Median first-page latency (ms) of the audit log in accounts of each size, sizes interleaved. */
export async function measureAuditList(
  bench: BenchServices,
  owner: Credentials,
  sizes: readonly number[],
  plan: Plan,
): Promise<Record<string, number>> {
  const { services } = bench;
  const caller = await callerOf(bench, owner);
  const now = Date.now();
  const ops: Record<string, () => Promise<unknown>> = {};
  for (const size of sizes) {
    const account = `audit${size}`;
    function* entries(): Generator<Record<string, unknown>> {
      for (let i = 0; i < size; i++) {
        const entry = auditEntry({
          account,
          action: ACTIONS[i % ACTIONS.length]!,
          actor: SYSTEM,
          target: { type: 'key', id: `apk-${account}-01KB${String(i % 1000).padStart(22, '0')}` },
          changes: { name: { from: `old ${i}`, to: `new ${i}` } },
          origin: NO_ORIGIN,
          nowMs: now - (size - i) * 1_000,
        });
        yield* toAuditItems(entry, 400);
      }
    }
    await writeItems(bench.seeder, bench.tableName, entries());
    // The same caller, pointed at the seeded account: the audit query takes the account from it.
    const reader = { ...caller, account };
    ops[String(size)] = async () => {
      const page = await services.audit.list(reader, { limit: 50, after: null });
      if (page.items.length !== Math.min(50, size)) throw new Error('short audit page');
    };
  }
  const samples = await latencyUs(ops, plan.latency);
  return Object.fromEntries(Object.entries(samples).map(([size, us]) => [size, median(us) / 1000]));
}
