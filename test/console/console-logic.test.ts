// The console's pure logic of issue 14, without a browser: the settings impact agrees with the
// API's own expiry rules (the console mirrors them, so a drift must fail here), "Needs attention"
// merges the API's filters in order of urgency and continues where it stopped, and relative times
// read as operators expect in each language (a Spanish browser getting Spanish: spanish.test.ts).
import type { ApiClient } from '../../console/src/api/api-client';
import type { ApiKeyFilter, Key, KeyPage, Settings } from '../../console/src/api/types';
import { formatRelative } from '../../console/src/i18n/format';
import { loadKeyPage } from '../../console/src/screens/key-pages';
import { settingsImpact } from '../../console/src/screens/settings-impact';
import { alertOf } from '../../shared/domain/expiry';
import { reexpire } from '../../shared/domain/settings';

const DAY = 86_400_000;
const NOW = Date.parse('2027-01-01T00:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

function keyWithToken(createdAt: number, expiresAt: number, extra: Partial<Key> = {}): Key {
  return {
    appKey: `apk-t-${createdAt}`,
    tokens: [{ id: 't', createdAt: iso(createdAt), expiresAt: iso(expiresAt), state: 'active' }],
    renewal: null,
    ...extra,
  } as Key;
}

describe('settings impact', () => {
  test('counts exactly the tokens the API would move, for every duration and warning', () => {
    const current = { tokenDurationDays: 90, expiryWarningDays: 14 } as Settings;
    // Tokens made 0..200 days ago under 90 days: some fine, some expiring, expired, critical.
    const keys = Array.from({ length: 201 }, (_, age) =>
      keyWithToken(NOW - age * DAY, NOW - age * DAY + 90 * DAY),
    );
    for (const tokenDurationDays of [30, 60, 90, 180, 365] as const) {
      for (const expiryWarningDays of [1, 14, 30]) {
        const next = { tokenDurationDays, expiryWarningDays };
        const expected = { toExpiring: 0, toExpired: 0 };
        for (const key of keys) {
          const token = key.tokens[0]!;
          const before = alertOf(token.expiresAt, current.expiryWarningDays, NOW);
          const after = alertOf(
            reexpire(token, tokenDurationDays, expiryWarningDays, NOW),
            expiryWarningDays,
            NOW,
          );
          const expired = (a: string): boolean => a === 'expired' || a === 'expired-critical';
          if (expired(after) && !expired(before)) expected.toExpired++;
          else if (after === 'expiring' && before === 'none') expected.toExpiring++;
        }
        expect({ next, impact: settingsImpact(keys, current, next, NOW) }).toEqual({
          next,
          impact: expected,
        });
      }
    }
    // And the case the screen shows: 90 -> 30 days puts every token older than 16 days at the floor.
    expect(
      settingsImpact(keys, current, { tokenDurationDays: 30, expiryWarningDays: 14 }, NOW).toExpiring,
    ).toBe(60);
  });
});

describe('"Needs attention" merge', () => {
  /** A fake API: each alert filter has these keys, served two per page. */
  function fakeApi(byAlert: Record<string, Key[]>): { api: ApiClient; calls: string[] } {
    const calls: string[] = [];
    const api = {
      listKeys: async (filter: ApiKeyFilter, cursor: string | null): Promise<KeyPage> => {
        calls.push(`${filter.alert}:${cursor ?? ''}`);
        const all = byAlert[filter.alert] ?? [];
        const start = cursor ? Number(cursor) : 0;
        const next = start + 2 < all.length ? String(start + 2) : null;
        return { items: all.slice(start, start + 2), nextCursor: next };
      },
    } as unknown as ApiClient;
    return { api, calls };
  }
  const named = (name: string, renewal = false): Key =>
    ({ appKey: name, renewal: renewal ? { startedAt: iso(NOW) } : null }) as Key;

  test('lists critical, expired, expiring, then pending renewals, across pages, each key once', async () => {
    const { api, calls } = fakeApi({
      'expired-critical': [named('c1'), named('c2'), named('c3')],
      expired: [named('e1')],
      expiring: [named('x1', true)],
      none: [named('n1'), named('r1', true), named('n2'), named('r2', true)],
    });
    const filter = { search: '', status: '' as const, alert: 'attention' as const };

    const page = await loadKeyPage(api, filter, null);

    expect(page.items.map((k) => k.appKey)).toEqual(['c1', 'c2', 'c3', 'e1', 'x1', 'r1', 'r2']);
    expect(page.nextCursor).toBeNull();
    expect(calls).toEqual([
      'expired-critical:',
      'expired-critical:2',
      'expired:',
      'expiring:',
      'none:',
      'none:2',
    ]);
  });

  test('another filter is one API call, passed through', async () => {
    const { api, calls } = fakeApi({ expired: [named('e1')] });
    const page = await loadKeyPage(api, { search: 'x', status: 'active', alert: 'expired' }, null);
    expect(page.items.map((k) => k.appKey)).toEqual(['e1']);
    expect(calls).toEqual(['expired:']);
  });
});

describe('languages', () => {
  test('relative times in each language', () => {
    expect(formatRelative(iso(NOW + 9 * DAY), NOW, 'en')).toBe('in 9 days');
    expect(formatRelative(iso(NOW - 12 * DAY), NOW, 'en')).toBe('12 days ago');
    expect(formatRelative(iso(NOW + 9 * DAY), NOW, 'pt-BR')).toBe('em 9 dias');
    expect(formatRelative(iso(NOW - 12 * DAY), NOW, 'es')).toBe('hace 12 días');
    expect(formatRelative(iso(NOW + 200 * DAY), NOW, 'en')).toBe('in 7 months');
  });
});
