// The search directory's bucket strings (adapters/dynamodb/directory-item.ts) and the entry a key
// change writes (use-cases/keys/directory-writes.ts): pure, so tested without storage.
import {
  DIRECTORY_BUCKETS,
  bucketOf,
  decodeBucket,
  entryBytes,
  rewriteBucket,
} from '../../shared/adapters/dynamodb/directory-item';
import { directoryWrite } from '../../shared/use-cases/keys/directory-writes';
import { folded } from '../../shared/domain/search';
import { createKey, newTokenRecord, type ApiKey } from '../../shared/domain/key';

const A = '01KB0000000000000000000001';
const B = '01KB0000000000000000000002';

describe('directory buckets', () => {
  it('replaces, adds and removes one line, leaving the others as they were', () => {
    let text = rewriteBucket('', A, { folded: 'erp', status: 'active' });
    text = rewriteBucket(text, B, { folded: 'shop', status: 'inactive' });
    text = rewriteBucket(text, A, { folded: 'erp sync', status: 'inactive' });
    expect(decodeBucket(text)).toEqual([
      { id: B, folded: 'shop', status: 'inactive' },
      { id: A, folded: 'erp sync', status: 'inactive' },
    ]);
    expect(decodeBucket(rewriteBucket(text, B, null))).toEqual([
      { id: A, folded: 'erp sync', status: 'inactive' },
    ]);
    expect(decodeBucket(rewriteBucket(rewriteBucket(text, B, null), A, null))).toEqual([]);
  });

  it('keeps a name with a line break on one line', () => {
    const text = rewriteBucket('', A, { folded: 'two\nlines', status: 'active' });
    expect(decodeBucket(text)).toEqual([{ id: A, folded: 'two lines', status: 'active' }]);
  });

  it('spreads ids over every bucket, the same bucket each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) seen.add(bucketOf(`01KB${String(i).padStart(22, '0')}`));
    expect(seen.size).toBe(DIRECTORY_BUCKETS);
    expect(bucketOf(A)).toBe(bucketOf(A));
  });

  it('stores folded names compactly: a Hangul name is not tripled by NFD', () => {
    const name = '한국어 키'.repeat(20);
    expect(Buffer.byteLength(folded(name))).toBe(Buffer.byteLength(name));
    expect(entryBytes(A, { folded: folded(name), status: 'active' })).toBe(
      26 + 1 + Buffer.byteLength(name) + 1,
    );
  });
});

describe('the directory write of a key change', () => {
  const key = (name: string, shard?: number): ApiKey => ({
    ...createKey({
      appKey: `apk-shop-${A}`,
      account: 'shop',
      name,
      roles: [],
      token: newTokenRecord('t', { mac: 'm', keyId: 'k' }, 0, 90),
      nowMs: 0,
    }),
    ...(shard === undefined ? {} : { directoryShard: shard }),
  });

  it('adds on create, rewrites on rename or status change, removes on delete', () => {
    expect(directoryWrite(null, key('Café', 2))).toEqual({
      type: 'directory-entry',
      account: 'shop',
      shard: 2,
      id: A,
      entry: { folded: 'cafe', status: 'active' },
      was: null,
    });
    expect(directoryWrite(key('Café', 2), key('Tea', 2))).toMatchObject({
      entry: { folded: 'tea' },
      was: { folded: 'cafe' },
    });
    expect(directoryWrite(key('Café', 2), { ...key('Café', 2), status: 'inactive' })).toMatchObject({
      entry: { status: 'inactive' },
    });
    expect(directoryWrite(key('Café', 2), null)).toMatchObject({ entry: null, was: { folded: 'cafe' } });
  });

  it('writes nothing when name and status stay (a renewal), or for a key without an entry yet', () => {
    expect(directoryWrite(key('Café', 2), { ...key('CAFÉ', 2), roles: ['owner'] })).toBeUndefined();
    expect(directoryWrite(key('Café'), key('Tea'))).toBeUndefined();
  });
});
