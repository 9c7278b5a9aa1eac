// Account settings (API.md "Settings" and the re-expiry rule for a settings change).
import { DomainError } from '../../shared/domain/errors';
import { checkSettings, DEFAULT_SETTINGS, reexpire, TOKEN_DURATIONS } from '../../shared/domain/settings';

const DAY = 86_400_000;
const C = Date.parse('2026-01-01T00:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();
const token = (createdMs: number, durationDays: number) => ({
  createdAt: iso(createdMs),
  expiresAt: iso(createdMs + durationDays * DAY),
});

const thrown = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a throw');
};

describe('settings', () => {
  it('default to 90 days, a 14-day warning and enforced expiry, never updated', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      tokenDurationDays: 90,
      expiryWarningDays: 14,
      enforceExpiry: true,
      updatedAt: null,
    });
  });

  it('offer exactly the durations 30, 60, 90, 180 and 365 days', () => {
    expect([...TOKEN_DURATIONS]).toEqual([30, 60, 90, 180, 365]);
  });

  describe('checkSettings', () => {
    it('accepts a warning period up to and including the token duration', () => {
      expect(() =>
        checkSettings({ tokenDurationDays: 90, expiryWarningDays: 14, enforceExpiry: true }),
      ).not.toThrow();
      expect(() =>
        checkSettings({ tokenDurationDays: 30, expiryWarningDays: 30, enforceExpiry: false }),
      ).not.toThrow();
    });

    it('rejects a warning period longer than the token duration, naming expiryWarningDays', () => {
      const error = thrown(() =>
        checkSettings({ tokenDurationDays: 30, expiryWarningDays: 31, enforceExpiry: true }),
      );

      expect(error).toBeInstanceOf(DomainError);
      expect(error.code).toBe('validation-error');
      expect(error.errors).toEqual([expect.objectContaining({ path: 'expiryWarningDays' })]);
    });
  });

  describe('reexpire (a settings change applied to an existing token)', () => {
    it('moves the expiry to createdAt + the new duration when the duration grows', () => {
      const t = token(C, 90);

      expect(reexpire(t, 180, 14, C + 10 * DAY)).toBe(iso(C + 180 * DAY));
      expect(reexpire(t, 365, 14, C + 89 * DAY)).toBe(iso(C + 365 * DAY));
    });

    it('lengthens even an already expired token to createdAt + the new duration', () => {
      const t = token(C, 30);

      expect(reexpire(t, 90, 14, C + 40 * DAY)).toBe(iso(C + 90 * DAY));
    });

    it('leaves the expiry unchanged when the duration does not change', () => {
      const t = token(C, 90);

      expect(reexpire(t, 90, 14, C + 50 * DAY)).toBe(t.expiresAt);
    });

    it('shortens to createdAt + the new duration when that is after now + warningDays', () => {
      const t = token(C, 365);
      const now = C + 10 * DAY; // floor: C + 24 days, target C + 30 days

      expect(reexpire(t, 30, 14, now)).toBe(iso(C + 30 * DAY));
    });

    it('never shortens to earlier than the time of the change + warningDays (grace floor)', () => {
      const t = token(C, 365);
      const now = C + 50 * DAY; // target C + 30 days is already past

      expect(reexpire(t, 30, 14, now)).toBe(iso(now + 14 * DAY));
    });

    it('uses the grace floor at exactly now + warningDays, to the millisecond', () => {
      const t = token(C, 365);
      const now = C + 50 * DAY + 1234;

      expect(Date.parse(reexpire(t, 60, 20, now))).toBe(now + 20 * DAY);
    });

    it('does not move a token that already expires sooner than the grace floor to later', () => {
      const t = token(C, 90);
      const now = C + 80 * DAY; // floor C + 94 days, current C + 90 days, target C + 30 days

      expect(reexpire(t, 30, 14, now)).toBe(t.expiresAt);
    });

    it('does not revive an expired token when the duration shrinks', () => {
      const t = token(C, 90);
      const now = C + 120 * DAY;

      expect(reexpire(t, 60, 14, now)).toBe(t.expiresAt);
    });
  });
});
