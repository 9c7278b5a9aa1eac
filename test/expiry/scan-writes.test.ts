// The expiry scan's IAM policy (infra/expiry-scan-permissions.ts) fences its writes by partition
// and attribute names; DynamoDB Local enforces no IAM, so this runs a real scan with due tokens and
// a re-expiry job and checks every write it sent against the same lists the policy is built from.
// A write that would be denied in AWS fails here first.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { SettingsService } from '../../shared/use-cases/manage-settings';
import { AUDIT_ITEM_ATTRIBUTES } from '../../shared/adapters/dynamodb/audit-item';
import {
  ACCOUNT_PARTITIONS,
  AUDIT_PARTITIONS,
  SCAN_JOB_WRITE_ATTRIBUTES,
  SCAN_KEY_WRITE_ATTRIBUTES,
} from '../../infra/expiry-scan-permissions';
import { JOBS_PK } from '../../shared/adapters/dynamodb/item-keys';
import { createTestServices, testEndpoint } from '../helpers/services';
import { seedKeys } from './seed';

const DAY = 86_400_000;
const KEYWORDS = new Set(['SET', 'REMOVE', 'ADD', 'DELETE', 'AND', 'OR', 'NOT', 'BETWEEN', 'IN']);
const FUNCTIONS = new Set([
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
  'size',
  'if_not_exists',
  'list_append',
]);

interface SentWrite {
  command: string;
  partition: string;
  attributes: string[];
}

/** The top-level attribute names an expression touches (what IAM's dynamodb:Attributes sees). */
function attributesOf(input: Record<string, any>): string[] {
  const names: Record<string, string> = input.ExpressionAttributeNames ?? {};
  const text = [input.UpdateExpression, input.ConditionExpression].filter(Boolean).join(' ');
  const found = new Set<string>(Object.keys(input.Key ?? {}));
  for (const token of text.match(/[#:]?[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
    if (token.startsWith(':')) continue;
    const name = token.startsWith('#') ? names[token]! : token;
    if (token.startsWith('#') || !(KEYWORDS.has(token.toUpperCase()) || FUNCTIONS.has(token)))
      found.add(name);
  }
  return [...found].sort();
}

/** The item writes a command sends: a transaction is judged by IAM item by item. */
function writesOf(command: string, input: Record<string, any>): SentWrite[] {
  if (command === 'TransactWriteCommand') {
    return (input.TransactItems as Array<Record<string, any>>).flatMap((item) => {
      const [kind, part] = Object.entries(item)[0]!;
      return writesOf(`${kind}Command`, part);
    });
  }
  if (command === 'PutCommand')
    return [
      { command, partition: String(input.Item?.PK ?? ''), attributes: Object.keys(input.Item ?? {}).sort() },
    ];
  return [{ command, partition: String(input.Key?.PK ?? ''), attributes: attributesOf(input) }];
}

describe('the writes of the expiry scan stay inside its IAM policy', () => {
  it('updates key attributes in account partitions and job attributes in the jobs partition, puts audit entries, nothing else', async () => {
    // Arrange: an account with 3 due tokens among 150, and a settings change left to the job.
    const services = await createTestServices();
    const { clock, events, tableName } = services;
    const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
    // Every document-client call of this process: the scan's store and index included.
    const sent: SentWrite[] = [];
    let capturing = false;
    const send = DynamoDBDocumentClient.prototype.send;
    jest.spyOn(DynamoDBDocumentClient.prototype, 'send').mockImplementation(function (
      this: DynamoDBDocumentClient,
      command: { input: Record<string, any> },
    ) {
      const name = command.constructor.name;
      if (capturing && !/^(Get|Query|BatchGet)/.test(name)) sent.push(...writesOf(name, command.input));
      return (send as (c: unknown) => Promise<unknown>).call(this, command);
    } as never);
    const now = clock.now();
    const seeded = await seedKeys(
      db,
      tableName,
      [
        {
          account: 'fenced',
          count: 150,
          createdAt: (i) => (i % 50 === 0 ? now - 80 * DAY : now - (i % 40) * DAY) - i,
        },
      ],
      now,
    );
    const owner = {
      account: 'fenced',
      appKey: [...seeded.keys()][1]!,
      roles: ['owner'],
      permissions: ['keys:view', 'settings:edit'],
    };
    const settings = new SettingsService(
      services.keys,
      services.work,
      services.index,
      events,
      services.settings,
      services.verifier,
      clock,
      0,
    );
    await settings.put(owner, { tokenDurationDays: 60, expiryWarningDays: 14, enforceExpiry: true });
    expect(await services.index.listReexpiryJobs()).toHaveLength(1);

    // Act: one complete scan run, as the Lambda would do it.
    capturing = true;
    const report = await services.expiryScan.run();
    capturing = false;

    // Assert: it flagged, re-expired and finished the job, with writes the policy allows.
    expect(report).toMatchObject({ complete: true, reexpired: 150 });
    expect(report.flagged.expiring).toBeGreaterThanOrEqual(3);
    expect(await services.index.listReexpiryJobs()).toEqual([]);
    const auditPrefix = AUDIT_PARTITIONS.replace(/\*$/, '');
    const kindOf = (w: SentWrite) =>
      w.partition === JOBS_PK ? 'job' : w.partition.startsWith(auditPrefix) ? 'audit' : 'key';
    expect(new Set(sent.map(kindOf))).toEqual(new Set(['job', 'key', 'audit']));
    const accountPrefix = ACCOUNT_PARTITIONS.replace(/\*$/, '');
    const denied = sent.filter((w) => {
      if (w.command === 'PutCommand')
        return (
          kindOf(w) !== 'audit' ||
          w.attributes.some((a) => !(AUDIT_ITEM_ATTRIBUTES as readonly string[]).includes(a))
        );
      if (w.command !== 'UpdateCommand') return true;
      if (w.partition === JOBS_PK) return w.attributes.some((a) => !SCAN_JOB_WRITE_ATTRIBUTES.includes(a));
      return (
        !w.partition.startsWith(accountPrefix) ||
        w.attributes.some((a) => !SCAN_KEY_WRITE_ATTRIBUTES.includes(a))
      );
    });
    expect(denied).toEqual([]);
    jest.restoreAllMocks();
  }, 60_000);
});
