// AuditLog on the table: whichever filter is given, a page is one Query, newest first.
// - no filter, or only a time range: the account's audit partition, SK between two ULID bounds;
// - appKey: the by-key index (target or actor, thanks to mirror items), the action as a filter;
// - action: the by-action index.
// Entries past their retention are treated as gone even while TTL has not deleted them yet; they are
// the oldest, so a page stops at the first one.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { iso } from '../../domain/time';
import { validationError } from '../../domain/errors';
import type { AuditLog, AuditPage, AuditQuery } from '../../ports/audit-log';
import {
  AUDIT_BY_ACTION_INDEX,
  AUDIT_BY_KEY_INDEX,
  auditActionOf,
  auditKeyOf,
  auditMirrorPk,
  auditPk,
  fromAuditItem,
} from './audit-item';
import { storageCall } from './storage-errors';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** The ULID time prefix of an instant: 10 Crockford base32 digits of the epoch ms. */
function ulidTime(ms: number): string {
  let out = '';
  let t = Math.max(0, Math.floor(ms));
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return out;
}
const LOWEST = '0'.repeat(16);
const MIRROR_MARK = '.m';
const HIGHEST = 'Z'.repeat(16);

export class DynamoDbAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(query: AuditQuery): Promise<AuditPage> {
    const names: Record<string, string> = { '#pk': 'PK', '#sk': 'SK' };
    const values: Record<string, unknown> = {};
    let index: string | undefined;
    let filter: string | undefined;
    if (query.appKey) {
      index = AUDIT_BY_KEY_INDEX.name;
      names['#pk'] = AUDIT_BY_KEY_INDEX.partitionKey;
      values[':pk'] = auditKeyOf(query.account, query.appKey);
      if (query.action) {
        filter = '#entry.#action = :action';
        Object.assign(names, { '#entry': 'entry', '#action': 'action' });
        values[':action'] = query.action;
      }
    } else if (query.action) {
      index = AUDIT_BY_ACTION_INDEX.name;
      names['#pk'] = AUDIT_BY_ACTION_INDEX.partitionKey;
      values[':pk'] = auditActionOf(query.account, query.action);
    } else {
      values[':pk'] = auditPk(query.account);
    }
    // The newest first: a time range and the cursor both bound the sort key (the entry ULID).
    const from = Math.max(query.fromMs ?? 0, query.retainedSinceMs);
    values[':low'] = ulidTime(from) + LOWEST;
    values[':high'] = query.toMs === undefined ? ulidTime(8.64e15) + HIGHEST : ulidTime(query.toMs) + HIGHEST;
    // A window entirely before the retention horizon holds nothing (and DynamoDB refuses an empty
    // BETWEEN): answer that instead of asking.
    if ((values[':low'] as string) > (values[':high'] as string)) return { items: [], next: null };
    if (query.after)
      this.checkPosition(query.after, index, values[':low'] as string, values[':high'] as string);
    const out = await storageCall(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :low AND :high',
          FilterExpression: filter,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ExclusiveStartKey: query.after ? this.startKey(query, index, values[':pk'] as string) : undefined,
          ScanIndexForward: false,
          Limit: query.limit,
          // Index reads are eventually consistent; the main partition reads its own writes.
          ConsistentRead: index ? undefined : true,
        }),
      ),
    );
    const items = (out.Items ?? []).map(fromAuditItem).filter((e) => e.at >= iso(query.retainedSinceMs));
    const last = out.LastEvaluatedKey;
    if (!last) return { items, next: null };
    // The position is the entry's ULID, marked when the last item read was a mirror item.
    return { items, next: `${String(last.SK)}${last.PK === auditPk(query.account) ? '' : MIRROR_MARK}` };
  }

  /**
   * A cursor is a position in this very query: inside its time window, and marked as a mirror item
   * only where mirror items are read (the by-key index). Anything else is a forged or reused cursor
   * and a 400, never a query DynamoDB would reject as a 500.
   */
  private checkPosition(after: string, index: string | undefined, low: string, high: string): void {
    const mirror = after.endsWith(MIRROR_MARK);
    const position = mirror ? after.slice(0, -MIRROR_MARK.length) : after;
    const fits = position >= low && position <= high && (!mirror || index === AUDIT_BY_KEY_INDEX.name);
    if (!fits)
      throw validationError('The cursor is not valid for this query.', [
        { path: 'cursor', message: 'Use nextCursor from the previous page of the same query.' },
      ]);
  }

  /** Where the previous page stopped: the table's key and, on an index, the index's key too. */
  private startKey(query: AuditQuery, index: string | undefined, pk: string): Record<string, unknown> {
    const mirror = query.after!.endsWith(MIRROR_MARK);
    const SK = mirror ? query.after!.slice(0, -MIRROR_MARK.length) : query.after!;
    const PK = mirror ? auditMirrorPk(query.account) : auditPk(query.account);
    if (!index) return { PK, SK };
    const field =
      index === AUDIT_BY_KEY_INDEX.name
        ? AUDIT_BY_KEY_INDEX.partitionKey
        : AUDIT_BY_ACTION_INDEX.partitionKey;
    return { PK, SK, [field]: pk };
  }
}
