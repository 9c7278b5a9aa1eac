// Least privilege derived from the route table: what a route's `access`, `writes` and
// `sealsSecrets` say becomes the exact IAM statements of its function, and nothing else.
import * as iam from 'aws-cdk-lib/aws-iam';
import type { RouteDefinition } from '../shared/routes';
import { SEAL_PURPOSES, SEALED_SECRET_CONTEXTS } from '../shared/use-cases/sealed-secrets';

export interface ProtectedResources {
  tableArn: string;
  tokenHmacKeyArn: string;
  secretsKeyArn: string;
  eventBusArn: string;
}

/** Attributes an authentication may write on a key item: only its lastUsedAt (and the key). */
const LAST_USED_ATTRIBUTES = ['PK', 'SK', 'lastUsedAt'];

export function statementsFor(
  route: Pick<
    RouteDefinition,
    'access' | 'writes' | 'sealsSecrets' | 'publishesEvents' | 'queriesIndexes' | 'batchReads'
  >,
  resources: ProtectedResources,
): iam.PolicyStatement[] {
  if (route.access === 'none') return [];
  const statements = [
    new iam.PolicyStatement({
      actions: [
        'dynamodb:GetItem',
        'dynamodb:Query',
        ...(route.batchReads ? ['dynamodb:BatchGetItem'] : []),
        ...(route.writes ?? []).map((a) => `dynamodb:${a}`),
      ],
      resources: [resources.tableArn],
    }),
    new iam.PolicyStatement({ actions: ['kms:GenerateMac'], resources: [resources.tokenHmacKeyArn] }),
  ];
  if (route.queriesIndexes?.length) {
    statements.push(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: route.queriesIndexes.map((name) => `${resources.tableArn}/index/${name}`),
      }),
    );
  }
  if (!route.writes?.includes('UpdateItem')) {
    statements.push(
      new iam.PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [resources.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': LAST_USED_ATTRIBUTES } },
      }),
    );
  }
  if (route.publishesEvents) {
    statements.push(
      new iam.PolicyStatement({ actions: ['events:PutEvents'], resources: [resources.eventBusArn] }),
    );
  }
  if (route.sealsSecrets) statements.push(...sealingStatements(resources.secretsKeyArn));
  return statements;
}

/**
 * Encrypt/Decrypt on the secrets key only under the encryption context of a known purpose, with
 * exactly that purpose's keys: the key cannot seal or open anything else, even from this function.
 */
export function sealingStatements(secretsKeyArn: string): iam.PolicyStatement[] {
  return SEAL_PURPOSES.map((purpose) => {
    const keys: readonly string[] = SEALED_SECRET_CONTEXTS[purpose];
    return new iam.PolicyStatement({
      actions: ['kms:Encrypt', 'kms:Decrypt'],
      resources: [secretsKeyArn],
      conditions: {
        StringEquals: { 'kms:EncryptionContext:purpose': purpose },
        'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': [...keys] },
        // Every key present, not only no other key.
        Null: Object.fromEntries(keys.map((k) => [`kms:EncryptionContext:${k}`, 'false'])),
      },
    });
  });
}
