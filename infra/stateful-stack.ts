// Stateful resources, kept apart from the functions so the stateless stack can be replaced
// freely: the table, the two KMS keys and the event bus. All survive stack deletion.
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { SECONDARY_INDEXES, TABLE_KEY, TTL_ATTRIBUTE } from '../shared/adapters/dynamodb/table-definition';

export class StatefulStack extends Stack {
  readonly table: dynamodb.TableV2;
  /** HMAC_256 / GENERATE_VERIFY_MAC: hashes tokens. KMS does not rotate HMAC keys automatically. */
  readonly tokenHmacKey: kms.Key;
  /** Symmetric key for the only secrets ever held: idempotent-replay responses (24 h). */
  readonly secretsKey: kms.Key;
  readonly eventBus: events.EventBus;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEY.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEY.sortKey, type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
      // Every index of table-definition.ts: the expiry scan's, and the audit log's by key and action.
      globalSecondaryIndexes: SECONDARY_INDEXES.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      })),
    });

    this.tokenHmacKey = new kms.Key(this, 'TokenHmacKey', {
      description: 'API key service: HMAC-SHA-256 of API tokens',
      keySpec: kms.KeySpec.HMAC_256,
      keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.secretsKey = new kms.Key(this, 'SecretsKey', {
      description: 'API key service: encrypts idempotent-replay responses',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.eventBus = new events.EventBus(this, 'KeyEvents', {
      description: 'API key service: token expiry events',
    });
    this.eventBus.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }
}
