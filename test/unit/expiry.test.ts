// Alert levels of a token (API.md "Alert of a token with expiry E at time now").
import { alertOf, CRITICAL_AFTER_DAYS, isExpired } from '../../shared/domain/expiry';

const DAY = 86_400_000;
const E_ISO = '2027-03-01T00:00:00.000Z';
const E = Date.parse(E_ISO);

describe('alert of a token', () => {
  const warningDays = 14;

  it.each([
    ['long before the warning period', E - 30 * DAY, 'none'],
    ['one ms before E - warningDays', E - warningDays * DAY - 1, 'none'],
    ['exactly at E - warningDays', E - warningDays * DAY, 'expiring'],
    ['one ms before E', E - 1, 'expiring'],
    ['exactly at E', E, 'expired'],
    ['one ms before E + 90 days', E + 90 * DAY - 1, 'expired'],
    ['exactly at E + 90 days', E + 90 * DAY, 'expired-critical'],
    ['long after E + 90 days', E + 400 * DAY, 'expired-critical'],
  ])('is as API.md says %s', (_when, now, expected) => {
    expect(alertOf(E_ISO, warningDays, now)).toBe(expected);
  });

  it('counts critically expired from 90 days after expiry', () => {
    expect(CRITICAL_AFTER_DAYS).toBe(90);
  });

  it('moves the start of the warning period with expiryWarningDays', () => {
    expect(alertOf(E_ISO, 1, E - DAY - 1)).toBe('none');
    expect(alertOf(E_ISO, 1, E - DAY)).toBe('expiring');
    expect(alertOf(E_ISO, 60, E - 60 * DAY - 1)).toBe('none');
    expect(alertOf(E_ISO, 60, E - 60 * DAY)).toBe('expiring');
  });

  it('does not let the warning period change when a token counts as expired', () => {
    expect(alertOf(E_ISO, 60, E)).toBe('expired');
    expect(alertOf(E_ISO, 1, E - 1)).toBe('expiring');
  });
});

describe('isExpired', () => {
  it('is false one ms before the expiry and true from the expiry on', () => {
    expect(isExpired(E_ISO, E - 1)).toBe(false);
    expect(isExpired(E_ISO, E)).toBe(true);
    expect(isExpired(E_ISO, E + 1)).toBe(true);
  });
});
