// The expiry scan's IAM statements. It reads keys, settings and jobs anywhere in the table, but
// writes only two kinds of item, each fenced by what IAM can see of a request: the partition key
// (dynamodb:LeadingKeys) and the attributes it names (dynamodb:Attributes).
// - Key items (flags, dueAt, re-expired tokens): the account partitions, and only the attributes
//   a key write sets. IAM has no condition on the sort key, so the fence is the attribute list:
//   the scan cannot touch an account's settings or admin-key set, or a sealed replay.
// - Re-expiry job records: the jobs partition only, and only the job attributes.
// - Audit entries of the flags it raises (renewal.flagged): PutItem in the audit partitions only,
//   with only the audit item's attributes.
// It deletes nothing: jobs are updated in place and forgotten through the table's TTL.
import * as iam from 'aws-cdk-lib/aws-iam';
import { REEXPIRY_JOB_ATTRIBUTES } from '../shared/adapters/dynamodb/job-item';
import { AUDIT_ITEM_ATTRIBUTES, auditPk } from '../shared/adapters/dynamodb/audit-item';
import { accountPk, JOBS_PK } from '../shared/adapters/dynamodb/item-keys';
import { EXPIRY_INDEX_ATTRIBUTES, LIFECYCLE_ATTRIBUTES } from '../shared/adapters/dynamodb/key-item';
import { EXPIRY_INDEX, TABLE_KEY } from '../shared/adapters/dynamodb/table-definition';

const PRIMARY_KEY = [TABLE_KEY.partitionKey, TABLE_KEY.sortKey];

/**
 * What the scan's key writes may name: a re-expiry goes through the whole lifecycle write, whose
 * condition also names `directoryShard` for a key not yet in the search directory (it must not be
 * given one meanwhile; the scan never writes it).
 */
export const SCAN_KEY_WRITE_ATTRIBUTES: readonly string[] = [
  ...PRIMARY_KEY,
  ...LIFECYCLE_ATTRIBUTES,
  ...EXPIRY_INDEX_ATTRIBUTES,
  'directoryShard',
];
/** Every account's partition: `ACCOUNT#` followed by anything. */
export const ACCOUNT_PARTITIONS = `${accountPk('')}*`;

/** Every account's audit partitions (entries and mirrors): `AUDIT#` followed by anything. */
export const AUDIT_PARTITIONS = `${auditPk('')}*`;

export const SCAN_JOB_WRITE_ATTRIBUTES: readonly string[] = [...PRIMARY_KEY, ...REEXPIRY_JOB_ATTRIBUTES];

export function expiryScanStatements(tableArn: string, eventBusArn: string): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      actions: ['dynamodb:Query'],
      resources: [`${tableArn}/index/${EXPIRY_INDEX.name}`],
    }),
    // Keys and settings by GetItem; pending jobs and an account's keys by Query.
    new iam.PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [tableArn] }),
    new iam.PolicyStatement({
      actions: ['dynamodb:UpdateItem'],
      resources: [tableArn],
      conditions: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [ACCOUNT_PARTITIONS] },
        'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...SCAN_KEY_WRITE_ATTRIBUTES] },
      },
    }),
    new iam.PolicyStatement({
      actions: ['dynamodb:UpdateItem'],
      resources: [tableArn],
      conditions: {
        'ForAllValues:StringEquals': {
          'dynamodb:LeadingKeys': [JOBS_PK],
          'dynamodb:Attributes': [...SCAN_JOB_WRITE_ATTRIBUTES],
        },
      },
    }),
    new iam.PolicyStatement({
      actions: ['dynamodb:PutItem'],
      resources: [tableArn],
      conditions: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [AUDIT_PARTITIONS] },
        'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...AUDIT_ITEM_ATTRIBUTES] },
      },
    }),
    new iam.PolicyStatement({ actions: ['events:PutEvents'], resources: [eventBusArn] }),
  ];
}
