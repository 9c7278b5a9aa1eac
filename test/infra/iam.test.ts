// Least privilege, checked against the route table rather than against the code that implements
// it: for every function, the exact set of IAM actions its role holds is what the route's
// `access`, `writes` and `sealsSecrets` say, each on the one resource it concerns.
import { Template } from 'aws-cdk-lib/assertions';
import type { ApiStack } from '../../infra/api-stack';
import type { StatefulStack } from '../../infra/stateful-stack';
import type { RouteDefinition } from '../../shared/routes';
import { JOBS_PK } from '../../shared/adapters/dynamodb/item-keys';
import { REEXPIRY_JOB_ATTRIBUTES } from '../../shared/adapters/dynamodb/job-item';
import { EXPIRY_INDEX_ATTRIBUTES, LIFECYCLE_ATTRIBUTES } from '../../shared/adapters/dynamodb/key-item';
import type { IdempotencyRecords, SecretBox } from '../../shared/ports';
import { Idempotency } from '../../shared/use-cases/idempotency';
import { SEALED_SECRET_CONTEXTS } from '../../shared/use-cases/sealed-secrets';
import {
  ALL_ROUTES,
  AUTHORIZER_HANDLER,
  EXPIRY_SCAN_HANDLER,
  RefResolver,
  TEST_ENV,
  asArray,
  buildTestApp,
  constructPathOf,
  functionLogicalIds,
  logicalIdOf,
  resourcesOfType,
  useScratchDir,
} from './support';

const scratchDir = useScratchDir('iam');

/** What the route table says about a function's storage, KMS and event-bus access. */
interface Access {
  readonly access: RouteDefinition['access'];
  readonly writes?: readonly string[];
  readonly sealsSecrets?: boolean;
  readonly publishesEvents?: boolean;
  readonly batchReads?: boolean;
}

/**
 * The authorizer is not a route: it runs the verification core of POST /v1/verify (GetItem +
 * GenerateMac, recording lastUsedAt), so it gets what a `read` route gets.
 */
const EXPECTED_ACCESS: Record<string, Access> = {
  ...Object.fromEntries(ALL_ROUTES.map((r) => [r.handler, r])),
  [AUTHORIZER_HANDLER]: { access: 'read' },
};

const LOGS_AND_XRAY = [
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
];
const XRAY = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];
const LAST_USED_CONDITION = {
  'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['PK', 'SK', 'lastUsedAt'] },
};

/** The actions the route table grants a function, derived here independently of route-permissions.ts. */
function expectedActions(access: Access): string[] {
  const actions = new Set(LOGS_AND_XRAY);
  if (access.access === 'read' || access.access === 'write') {
    for (const a of ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'kms:GenerateMac'])
      actions.add(a);
    for (const w of access.writes ?? []) actions.add(`dynamodb:${w}`);
    if (access.batchReads) actions.add('dynamodb:BatchGetItem');
    if (access.sealsSecrets) {
      actions.add('kms:Encrypt');
      actions.add('kms:Decrypt');
    }
    if (access.publishesEvents) actions.add('events:PutEvents');
  }
  return [...actions].sort();
}

interface Statement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
interface IdentityStatement extends Statement {
  /** Where it comes from, for messages. */
  readonly source: string;
  readonly stack: string;
}

let api: ApiStack;
let stateful: StatefulStack;
let apiT: Template;
let statefulT: Template;
let refs: RefResolver;
let handlerOf: Map<string, string>;

beforeAll(() => {
  const built = buildTestApp({ scratchDir });
  api = built.api;
  stateful = built.stateful;
  apiT = Template.fromStack(api);
  statefulT = Template.fromStack(stateful);
  refs = new RefResolver({ [api.stackName]: apiT, [stateful.stackName]: statefulT });
  handlerOf = functionLogicalIds(api);
}, 180_000);

const templates = () => [
  { stack: api.stackName, template: apiT },
  { stack: stateful.stackName, template: statefulT },
];

/** Every identity-policy statement of a stack attached to `roleId` (or to any role if omitted). */
function identityStatements(stack: string, template: Template, roleId?: string): IdentityStatement[] {
  const statements: IdentityStatement[] = [];
  const attached = (roles: unknown) =>
    roleId === undefined || asArray(roles).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId }));
  for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
    for (const [id, policy] of resourcesOfType(template, type)) {
      if (!attached(policy.Properties.Roles)) continue;
      for (const s of asArray<Statement>(policy.Properties.PolicyDocument.Statement)) {
        statements.push({ ...s, source: `${stack}/${id}`, stack });
      }
    }
  }
  for (const [id, role] of resourcesOfType(template, 'AWS::IAM::Role')) {
    if (roleId !== undefined && id !== roleId) continue;
    for (const inline of asArray<any>(role.Properties?.Policies)) {
      for (const s of asArray<Statement>(inline.PolicyDocument.Statement)) {
        statements.push({ ...s, source: `${stack}/${id} inline ${inline.PolicyName}`, stack });
      }
    }
  }
  return statements;
}

const allIdentityStatements = () =>
  templates().flatMap(({ stack, template }) => identityStatements(stack, template));
const actionsOf = (s: Statement) => asArray(s.Action);
const resourcesOf = (s: Statement) => asArray(s.Resource);

function roleOfFunction(functionId: string): string {
  const role = refs.resolve(apiT.toJSON().Resources[functionId].Properties.Role, api.stackName);
  if (!role || role.attribute !== 'Arn') throw new Error(`function ${functionId} has no role of this stack`);
  return role.logicalId;
}

const statefulResource = (element: unknown) => ({
  stack: stateful.stackName,
  logicalId: logicalIdOf(stateful, element),
});

/** A statement reduced to what it grants: actions, what it is on, and its conditions. */
function grantOf(s: Statement) {
  const table = statefulResource(stateful.table.node.defaultChild);
  const on = resourcesOf(s).map((r) => {
    if (refs.is(r, api.stackName, table)) return 'table';
    const join = (r as { 'Fn::Join'?: [string, unknown[]] } | null)?.['Fn::Join'];
    if (join && refs.is(join[1][0], api.stackName, table)) return `table${String(join[1][1])}`;
    return JSON.stringify(r);
  });
  const sortedConditions = s.Condition
    ? Object.fromEntries(
        Object.entries(s.Condition).map(([op, keys]) => [
          op,
          Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v])),
        ]),
      )
    : undefined;
  return { actions: [...actionsOf(s)].sort(), on, condition: sortedConditions };
}

describe('the expiry scan holds exactly what the scan and its re-expiry jobs need', () => {
  const statements = () => {
    const functionId = [...handlerOf].find(([, h]) => h === EXPIRY_SCAN_HANDLER)![0];
    return identityStatements(api.stackName, apiT, roleOfFunction(functionId));
  };

  test('the exact set of actions: PutItem only for audit entries, no DeleteItem', () => {
    const actions = [...new Set(statements().flatMap(actionsOf))].sort();
    expect(actions).toEqual(
      [
        ...LOGS_AND_XRAY,
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
        'events:PutEvents',
        // The on-failure destination: failed invocations go to the dead-letter queue.
        'sqs:SendMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
      ].sort(),
    );
  });

  test('the exact DynamoDB statements: writes only to key attributes of account partitions and to the jobs partition', () => {
    const dynamo = statements()
      .filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')))
      .map(grantOf);
    const sortedCopy = (values: readonly string[]) => [...values].sort();
    expect(dynamo).toEqual([
      { actions: ['dynamodb:Query'], on: ['table/index/expiry'], condition: undefined },
      { actions: ['dynamodb:GetItem', 'dynamodb:Query'], on: ['table'], condition: undefined },
      {
        actions: ['dynamodb:UpdateItem'],
        on: ['table'],
        condition: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ACCOUNT#*'] },
          'ForAllValues:StringEquals': {
            'dynamodb:Attributes': sortedCopy([
              'PK',
              'SK',
              ...LIFECYCLE_ATTRIBUTES,
              ...EXPIRY_INDEX_ATTRIBUTES,
              // Named only in the lifecycle write's condition, for keys not yet in the search directory.
              'directoryShard',
            ]),
          },
        },
      },
      {
        actions: ['dynamodb:UpdateItem'],
        on: ['table'],
        condition: {
          'ForAllValues:StringEquals': {
            'dynamodb:LeadingKeys': [JOBS_PK],
            'dynamodb:Attributes': sortedCopy(['PK', 'SK', ...REEXPIRY_JOB_ATTRIBUTES]),
          },
        },
      },
      // The audit entries of the flags it raises, in the audit partitions only.
      {
        actions: ['dynamodb:PutItem'],
        on: ['table'],
        condition: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] },
          'ForAllValues:StringEquals': {
            'dynamodb:Attributes': sortedCopy([
              'PK',
              'SK',
              'type',
              'entry',
              'auditAction',
              'auditKey',
              'ttl',
            ]),
          },
        },
      },
    ]);
  });

  test("the key-item attributes leave out an account's settings and admin keys, and replay records", () => {
    const keyWrites = statements()
      .map(grantOf)
      .find((g) => g.condition?.['ForAllValues:StringLike'])!;
    const attributes = keyWrites.condition!['ForAllValues:StringEquals']!['dynamodb:Attributes'];
    for (const forbidden of ['settings', 'adminKeys', 'sealedResponse', 'lastUsedAt', 'ttl'])
      expect(attributes).not.toContain(forbidden);
  });

  test('no KMS, no Scan, and the index Query only on the expiry index', () => {
    const all = statements();
    expect(all.flatMap(actionsOf).filter((a) => a.startsWith('kms:') || a === 'dynamodb:Scan')).toEqual([]);
    const onIndex = all.filter((s) => JSON.stringify(s.Resource).includes('/index/'));
    expect(onIndex.flatMap(actionsOf)).toEqual(['dynamodb:Query']);
    expect(JSON.stringify(onIndex[0]!.Resource)).toContain('/index/expiry');
  });
});

describe('index reads: each route queries only the indexes it names', () => {
  const statementsOf = (handler: string) => {
    const functionId = [...handlerOf].find(([, h]) => h === handler)![0];
    return identityStatements(api.stackName, apiT, roleOfFunction(functionId)).map(grantOf);
  };

  test('GET /v1/audit: Query on exactly the two audit indexes, nothing else on an index', () => {
    const onIndexes = statementsOf('list-audit').filter((g) =>
      g.on.some((o) => o.startsWith('table/index/')),
    );
    expect(onIndexes).toEqual([
      {
        actions: ['dynamodb:Query'],
        on: ['table/index/audit-by-key', 'table/index/audit-by-action'],
        condition: undefined,
      },
    ]);
  });

  test('no other API function reads any index', () => {
    for (const handler of Object.keys(EXPECTED_ACCESS).filter((h) => h !== 'list-audit')) {
      const onIndexes = statementsOf(handler).filter((g) => g.on.some((o) => o.includes('/index/')));
      expect({ handler, onIndexes }).toEqual({ handler, onIndexes: [] });
    }
  });

  test('POST /v1/leaks: lookup and key reads, the key change with its audit entry and lookup deletes, the MAC, the event; nothing sealed', () => {
    const functionId = [...handlerOf].find(([, h]) => h === 'report-leaks')?.[0];
    const actions = [
      ...new Set(identityStatements(api.stackName, apiT, roleOfFunction(functionId!)).flatMap(actionsOf)),
    ].sort();
    expect(actions).toEqual(
      [
        ...LOGS_AND_XRAY,
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
        'dynamodb:PutItem',
        'dynamodb:DeleteItem',
        'kms:GenerateMac',
        'events:PutEvents',
      ].sort(),
    );
  });

  test('the table holds every index the routes and the scan query', () => {
    const indexes = statefulT
      .toJSON()
      .Resources[
        logicalIdOf(stateful, stateful.table.node.defaultChild)
      ].Properties.GlobalSecondaryIndexes.map((i: { IndexName: string }) => i.IndexName);
    expect(indexes.sort()).toEqual(['audit-by-action', 'audit-by-key', 'expiry']);
  });
});

describe('the secrets key opens and seals only under a known encryption context', () => {
  const sealing = Object.keys(EXPECTED_ACCESS).filter((h) => EXPECTED_ACCESS[h]!.sealsSecrets);
  const statementsOf = (handler: string) => {
    const functionId = [...handlerOf].find(([, h]) => h === handler)![0];
    return identityStatements(api.stackName, apiT, roleOfFunction(functionId));
  };

  test('some functions seal (create and renew)', () => {
    expect(sealing.sort()).toEqual(['create-key', 'renew-token']);
  });

  test.each(['create-key', 'renew-token'])(
    '%s: Encrypt/Decrypt only with purpose idempotent-replay and its keys',
    (handler) => {
      const secretsKey = statefulResource(stateful.secretsKey.node.defaultChild);
      const kms = statementsOf(handler).filter((s) =>
        actionsOf(s).some((a) => a !== 'kms:GenerateMac' && a.startsWith('kms:')),
      );
      expect(
        kms.map((s) => ({ ...grantOf(s), on: resourcesOf(s).map((r) => refs.is(r, s.stack, secretsKey)) })),
      ).toEqual([
        {
          actions: ['kms:Decrypt', 'kms:Encrypt'],
          on: [true],
          condition: {
            StringEquals: { 'kms:EncryptionContext:purpose': 'idempotent-replay' },
            'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['account', 'appKey', 'purpose'] },
            Null: {
              'kms:EncryptionContext:purpose': 'false',
              'kms:EncryptionContext:account': 'false',
              'kms:EncryptionContext:appKey': 'false',
            },
          },
        },
      ]);
    },
  );

  test('one statement per sealing purpose, derived from the one list of purposes', () => {
    for (const handler of sealing) {
      const purposes = statementsOf(handler)
        .filter((s) => actionsOf(s).includes('kms:Encrypt'))
        .map((s) => s.Condition?.StringEquals?.['kms:EncryptionContext:purpose']);
      expect(purposes).toEqual(Object.keys(SEALED_SECRET_CONTEXTS));
    }
  });

  test('the idempotent replay seals with exactly the context the policy allows', async () => {
    const contexts: Array<Record<string, string>> = [];
    const box: SecretBox = {
      seal: async (plaintext, context) => {
        contexts.push(context);
        return plaintext;
      },
      open: async (sealed) => sealed,
    };
    const idempotency = new Idempotency({} as IdempotencyRecords, box, { now: () => 0 });
    await idempotency.record(
      { account: 'acme', appKey: 'apk-acme-01M8CYQPJ0HHEG3QP5G8N0HJ3D', roles: [], permissions: [] },
      { key: 'k', fingerprint: {} },
      { ok: true },
    );
    expect(contexts).toHaveLength(1);
    const purpose = contexts[0]!.purpose as keyof typeof SEALED_SECRET_CONTEXTS;
    expect(Object.keys(SEALED_SECRET_CONTEXTS)).toContain(purpose);
    expect(Object.keys(contexts[0]!).sort()).toEqual([...SEALED_SECRET_CONTEXTS[purpose]].sort());
  });
});

describe('every function holds exactly what its route grants', () => {
  test('every Lambda function in the app belongs to a route of the route table or is the authorizer', () => {
    const problems: string[] = [];
    for (const { stack, template } of templates()) {
      for (const [id] of resourcesOfType(template, 'AWS::Lambda::Function')) {
        const handler = stack === api.stackName ? handlerOf.get(id) : undefined;
        if (!handler) {
          const where = constructPathOf(stack === api.stackName ? api : stateful, id);
          problems.push(
            `${where} is not the function of any route of shared/routes.ts nor the authorizer, so nothing derives its privileges: give it a route-table entry, or an explicit expected policy in test/infra/iam.test.ts`,
          );
        } else if (!(handler in EXPECTED_ACCESS) && handler !== EXPIRY_SCAN_HANDLER) {
          problems.push(
            `${stack}/${id} (handler '${handler}') has no route in shared/routes.ts, so its privileges are not derived from the route table`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  describe.each(Object.keys(EXPECTED_ACCESS))('%s', (handler) => {
    const statements = () => {
      const functionId = [...handlerOf].find(([, h]) => h === handler)?.[0];
      if (!functionId) throw new Error(`no Lambda function for handler '${handler}'`);
      return identityStatements(api.stackName, apiT, roleOfFunction(functionId));
    };

    test('the exact set of actions', () => {
      const actions = [...new Set(statements().flatMap(actionsOf))].sort();
      expect({ handler, actions }).toEqual({ handler, actions: expectedActions(EXPECTED_ACCESS[handler]!) });
    });

    test('only plain Allow statements (no Deny tricks, NotAction or NotResource)', () => {
      for (const s of statements()) {
        expect({ handler, Effect: s.Effect, NotAction: s.NotAction, NotResource: s.NotResource }).toEqual({
          handler,
          Effect: 'Allow',
          NotAction: undefined,
          NotResource: undefined,
        });
      }
    });

    test('UpdateItem limited to lastUsedAt unless the route writes with UpdateItem', () => {
      const access = EXPECTED_ACCESS[handler]!;
      const updates = statements().filter((s) => actionsOf(s).includes('dynamodb:UpdateItem'));
      if (access.access === 'none') {
        expect(updates).toEqual([]);
      } else if (access.writes?.includes('UpdateItem')) {
        expect(updates.some((s) => s.Condition === undefined)).toBe(true);
      } else {
        expect(updates).not.toHaveLength(0);
        for (const s of updates) {
          // The condition must hold the UpdateItem alone: anything sharing its statement would be limited too.
          expect(actionsOf(s)).toEqual(['dynamodb:UpdateItem']);
          const values = s.Condition?.['ForAllValues:StringEquals']?.['dynamodb:Attributes'];
          expect({
            ...s.Condition,
            'ForAllValues:StringEquals': { 'dynamodb:Attributes': asArray(values).sort() },
          }).toEqual(LAST_USED_CONDITION);
        }
      }
    });

    test('logs only to its own log group', () => {
      const functionId = [...handlerOf].find(([, h]) => h === handler)![0];
      const logGroup = refs.resolve(
        apiT.toJSON().Resources[functionId].Properties.LoggingConfig?.LogGroup,
        api.stackName,
      );
      expect(logGroup).toBeDefined();
      for (const s of statements().filter((st) => actionsOf(st).some((a) => a.startsWith('logs:')))) {
        for (const r of resourcesOf(s)) {
          // The log group's ARN, or that ARN joined with ':*' (its streams).
          const refsInResource = JSON.stringify(r).match(/"Fn::GetAtt":\["([^"]+)","Arn"\]/g) ?? [];
          expect({ handler, refsInResource }).toEqual({
            handler,
            refsInResource: [`"Fn::GetAtt":["${logGroup!.logicalId}","Arn"]`],
          });
          expect(JSON.stringify(r)).not.toMatch(/^"\*"$|"arn:[^"]*\*/);
        }
      }
    });
  });
});

describe('globally, in every identity policy of both stacks', () => {
  test('no wildcard action (dynamodb:*, kms:*, *) and no dynamodb:Scan', () => {
    const offending = allIdentityStatements().flatMap((s) =>
      actionsOf(s)
        .filter(
          (a) =>
            a === '*' || a.endsWith(':*') || a === 'dynamodb:Scan' || a === 'kms:*' || a === 'dynamodb:*',
        )
        .map((a) => `${a} in ${s.source}`),
    );
    expect(offending).toEqual([]);
  });

  test("Resource '*' only for the X-Ray actions, which have no resource-level permissions", () => {
    const offending = allIdentityStatements()
      .filter((s) => resourcesOf(s).includes('*') && !actionsOf(s).every((a) => XRAY.includes(a)))
      .map((s) => `${actionsOf(s).join(',')} on * in ${s.source}`);
    expect(offending).toEqual([]);
  });

  test('DynamoDB actions only on the table ARN (or one named index of it)', () => {
    const table = statefulResource(stateful.table.node.defaultChild);
    const tableOrIndex = (r: unknown, stack: string) => {
      if (refs.is(r, stack, table)) return true;
      // `${tableArn}/index/<name>`: a single named index, never a wildcard.
      const join = (r as { 'Fn::Join'?: [string, unknown[]] } | null)?.['Fn::Join'];
      return (
        join !== undefined &&
        join[0] === '' &&
        join[1].length === 2 &&
        refs.is(join[1][0], stack, table) &&
        typeof join[1][1] === 'string' &&
        /^\/index\/[A-Za-z0-9_.-]+$/.test(join[1][1])
      );
    };
    const offending = allIdentityStatements()
      .filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')))
      .filter((s) => resourcesOf(s).length === 0 || !resourcesOf(s).every((r) => tableOrIndex(r, s.stack)))
      .map((s) => `${actionsOf(s).join(',')} on ${JSON.stringify(s.Resource)} in ${s.source}`);
    expect(offending).toEqual([]);
  });

  test('kms:GenerateMac only on the HMAC key; kms:Encrypt/Decrypt only on the secrets key', () => {
    const hmacKey = statefulResource(stateful.tokenHmacKey.node.defaultChild);
    const secretsKey = statefulResource(stateful.secretsKey.node.defaultChild);
    const offending: string[] = [];
    for (const s of allIdentityStatements()) {
      for (const action of actionsOf(s).filter((a) => a.startsWith('kms:'))) {
        const key =
          action === 'kms:GenerateMac'
            ? hmacKey
            : ['kms:Encrypt', 'kms:Decrypt'].includes(action)
              ? secretsKey
              : undefined;
        const onlyThatKey =
          key !== undefined &&
          resourcesOf(s).length > 0 &&
          resourcesOf(s).every((r) => refs.is(r, s.stack, key));
        if (!onlyThatKey) offending.push(`${action} on ${JSON.stringify(s.Resource)} in ${s.source}`);
      }
    }
    expect(offending).toEqual([]);
  });

  test('events:PutEvents only on the service event bus', () => {
    const bus = statefulResource(stateful.eventBus.node.defaultChild);
    const offending = allIdentityStatements()
      .filter((s) => actionsOf(s).some((a) => a.startsWith('events:')))
      .filter(
        (s) =>
          !actionsOf(s).every((a) => a === 'events:PutEvents') ||
          resourcesOf(s).length === 0 ||
          !resourcesOf(s).every((r) => refs.is(r, s.stack, bus)),
      )
      .map((s) => `${actionsOf(s).join(',')} on ${JSON.stringify(s.Resource)} in ${s.source}`);
    expect(offending).toEqual([]);
  });

  test('no role carries a managed policy (no AWSLambdaBasicExecutionRole) and only Lambda can assume one', () => {
    const problems: string[] = [];
    for (const { stack, template } of templates()) {
      for (const [id, role] of resourcesOfType(template, 'AWS::IAM::Role')) {
        if (asArray(role.Properties?.ManagedPolicyArns).length > 0) {
          problems.push(
            `${stack}/${id} has ManagedPolicyArns ${JSON.stringify(role.Properties.ManagedPolicyArns)}`,
          );
        }
        for (const s of asArray<Statement>(role.Properties?.AssumeRolePolicyDocument?.Statement)) {
          if (JSON.stringify(s.Principal) !== JSON.stringify({ Service: 'lambda.amazonaws.com' })) {
            problems.push(`${stack}/${id} can be assumed by ${JSON.stringify(s.Principal)}`);
          }
        }
      }
      if (resourcesOfType(template, 'AWS::IAM::ManagedPolicy').length > 0) {
        problems.push(`${stack} defines customer managed policies`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('key policies: kms:* only for the account root (the default that delegates to IAM)', () => {
    // Key policies are resource policies: their Resource is always '*', and the root statement is
    // what lets the IAM policies above take effect at all. Nothing else may hold kms:*.
    const problems: string[] = [];
    for (const { stack, template } of templates()) {
      for (const [id, key] of resourcesOfType(template, 'AWS::KMS::Key')) {
        for (const s of asArray<Statement>(key.Properties.KeyPolicy?.Statement)) {
          const principal = JSON.stringify(s.Principal);
          if (principal === '"*"' || principal.includes('{"AWS":"*"}'))
            problems.push(`${stack}/${id} allows anyone`);
          const ownAccountRoot =
            principal.includes(`:iam::${TEST_ENV.account}:root"`) ||
            (principal.includes('{"Ref":"AWS::AccountId"}') && principal.includes(':root"'));
          if (actionsOf(s).includes('kms:*') && !ownAccountRoot) {
            problems.push(`${stack}/${id} grants kms:* to ${principal}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
