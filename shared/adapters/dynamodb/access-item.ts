// The account's access item (SK `ROLES`): every custom role as one top-level attribute `role:{id}`
// with its holder count, plus `roleCount`, `grantCount` and `revision`. One item per account on
// purpose: granting a role (holders + 1, conditional on the role existing at the version checked)
// and deleting it (conditional on holders = 0) are conditions on the same item, so DynamoDB
// serialises them and exactly one wins. Role definitions change rarely; grants of a role by
// concurrent key writes contend only on this small item, and lost races are retried.
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_CUSTOM_ROLES, RoleCatalog, type CustomRole } from '../../domain/roles';
import { MAX_GRANTS_PER_ACCOUNT } from '../../domain/external-grant';
import { accountPk, type ItemKey } from './item-keys';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

export const ACCESS_SK = 'ROLES';
const ROLE_PREFIX = 'role:';

export const accessItemKey = (account: string): ItemKey => ({ PK: accountPk(account), SK: ACCESS_SK });

export function toCatalog(item: Record<string, unknown> | undefined): RoleCatalog {
  if (!item) return new RoleCatalog();
  const roles = Object.entries(item)
    .filter(([name]) => name.startsWith(ROLE_PREFIX))
    .map(([, value]) => value as CustomRole)
    .map((r) => ({
      ...r,
      description: r.description ?? '',
      holders: Number(r.holders ?? 0),
      incarnation: Number(r.incarnation ?? 0),
    }));
  return new RoleCatalog(roles, Number(item.revision ?? 0), Number(item.grantCount ?? 0));
}

/** Holder deltas per role (a grant adds +1, a removal -1) and the change of the grant count. */
export interface AccessCounts {
  account: string;
  /**
   * Role id → delta; a role gaining a holder must still exist at the version and incarnation the
   * writer judged. A role losing its last holder records when (`releasedAt`).
   */
  holders: Record<string, { delta: number; expectedVersion?: number; expectedIncarnation?: number }>;
  nowIso?: string;
  grants?: 1 | -1;
}

export function countsUpdate(tableName: string, counts: AccessCounts): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const conditions: string[] = [];
  Object.entries(counts.holders).forEach(([id, { delta, expectedVersion, expectedIncarnation }], i) => {
    names[`#r${i}`] = ROLE_PREFIX + id;
    values[`:d${i}`] = delta;
    sets.push(`#r${i}.holders = #r${i}.holders + :d${i}`);
    conditions.push(`attribute_exists(#r${i})`);
    if (expectedVersion !== undefined) {
      names['#ver'] = 'version';
      values[`:v${i}`] = expectedVersion;
      conditions.push(`#r${i}.#ver = :v${i}`);
    }
    if (expectedIncarnation !== undefined) {
      names['#inc'] = 'incarnation';
      values[`:n${i}`] = expectedIncarnation;
      conditions.push(`#r${i}.#inc = :n${i}`);
    }
    // Every release is stamped: a management change waits until the last one is old enough.
    if (delta < 0 && counts.nowIso) {
      names['#rel'] = 'releasedAt';
      values[':now'] = counts.nowIso;
      sets.push(`#r${i}.#rel = :now`);
    }
  });
  if (counts.grants) {
    values[':g'] = counts.grants;
    values[':zero'] = 0;
    sets.push('grantCount = if_not_exists(grantCount, :zero) + :g');
    if (counts.grants > 0) {
      values[':maxGrants'] = MAX_GRANTS_PER_ACCOUNT;
      conditions.push('(attribute_not_exists(grantCount) OR grantCount < :maxGrants)');
    }
  }
  return {
    Update: {
      TableName: tableName,
      Key: accessItemKey(counts.account),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ...(conditions.length ? { ConditionExpression: conditions.join(' AND ') } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
    },
  };
}

/** Create (expectedVersion undefined) or replace a role's definition, keeping its holder count. */
export function roleDefinitionUpdate(
  tableName: string,
  account: string,
  role: CustomRole,
  expected: { revision: number; version?: number; unheld?: boolean; releasedBefore?: string },
): TransactItem {
  const names: Record<string, string> = { '#r': ROLE_PREFIX + role.id };
  const values: Record<string, unknown> = { ':rev': expected.revision, ':one': 1, ':zero': 0 };
  const revisionMatches = '(attribute_not_exists(revision) OR revision = :rev)';
  if (expected.version === undefined) {
    values[':role'] = role;
    values[':max'] = MAX_CUSTOM_ROLES;
    return {
      Update: {
        TableName: tableName,
        Key: accessItemKey(account),
        UpdateExpression:
          'SET #r = :role, roleCount = if_not_exists(roleCount, :zero) + :one, revision = if_not_exists(revision, :zero) + :one',
        ConditionExpression: `attribute_not_exists(#r) AND ${revisionMatches} AND (attribute_not_exists(roleCount) OR roleCount < :max)`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }
  Object.assign(names, {
    '#name': 'name',
    '#desc': 'description',
    '#perms': 'permissions',
    '#ver': 'version',
    '#upd': 'updatedAt',
  });
  if (expected.unheld) names['#h'] = 'holders';
  if (expected.unheld && expected.releasedBefore) {
    names['#rel'] = 'releasedAt';
    values[':released'] = expected.releasedBefore;
  }
  const quarantine =
    expected.unheld && expected.releasedBefore
      ? ' AND (attribute_not_exists(#r.#rel) OR #r.#rel < :released)'
      : '';
  Object.assign(values, {
    ':name': role.name,
    ':desc': role.description,
    ':perms': role.permissions,
    ':ver': role.version,
    ':upd': role.updatedAt,
    ':expected': expected.version,
  });
  return {
    Update: {
      TableName: tableName,
      Key: accessItemKey(account),
      UpdateExpression:
        'SET #r.#name = :name, #r.#desc = :desc, #r.#perms = :perms, #r.#ver = :ver, #r.#upd = :upd, revision = if_not_exists(revision, :zero) + :one',
      ConditionExpression: `attribute_exists(#r) AND #r.#ver = :expected AND ${revisionMatches}${expected.unheld ? ' AND #r.#h = :zero' : ''}${quarantine}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** Removes a role: only at the version judged, and only while nothing holds it. */
export function roleRemoval(
  tableName: string,
  account: string,
  roleId: string,
  expected: { revision: number; version: number },
): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: accessItemKey(account),
      UpdateExpression: 'REMOVE #r SET roleCount = roleCount - :one, revision = revision + :one',
      ConditionExpression:
        'attribute_exists(#r) AND #r.#ver = :expected AND #r.#h = :zero AND revision = :rev',
      ExpressionAttributeNames: { '#r': ROLE_PREFIX + roleId, '#ver': 'version', '#h': 'holders' },
      ExpressionAttributeValues: {
        ':expected': expected.version,
        ':zero': 0,
        ':one': 1,
        ':rev': expected.revision,
      },
    },
  };
}
