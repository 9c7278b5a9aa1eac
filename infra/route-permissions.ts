// Least privilege derived from the route table: what a route's `access`, `writes` and
// `sealsSecrets` say becomes the exact IAM statements of its function, and nothing else.
import * as iam from 'aws-cdk-lib/aws-iam';
import type { RouteDefinition } from '../shared/routes';

export interface ProtectedResources {
  tableArn: string;
  tokenHmacKeyArn: string;
  secretsKeyArn: string;
  eventBusArn: string;
}

/** Attributes an authentication may write on a key item: only its lastUsedAt (and the key). */
const LAST_USED_ATTRIBUTES = ['PK', 'SK', 'lastUsedAt'];

export function statementsFor(
  route: Pick<RouteDefinition, 'access' | 'writes' | 'sealsSecrets' | 'publishesEvents'>,
  resources: ProtectedResources,
): iam.PolicyStatement[] {
  if (route.access === 'none') return [];
  const statements = [
    new iam.PolicyStatement({
      actions: ['dynamodb:GetItem', 'dynamodb:Query', ...(route.writes ?? []).map((a) => `dynamodb:${a}`)],
      resources: [resources.tableArn],
    }),
    new iam.PolicyStatement({ actions: ['kms:GenerateMac'], resources: [resources.tokenHmacKeyArn] }),
  ];
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
  if (route.sealsSecrets) {
    statements.push(
      new iam.PolicyStatement({
        actions: ['kms:Encrypt', 'kms:Decrypt'],
        resources: [resources.secretsKeyArn],
      }),
    );
  }
  return statements;
}
