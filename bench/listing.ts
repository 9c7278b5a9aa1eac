// Listing and settings changes as an account grows. The first page of a list must cost the same
// with 100 or 10,000 keys (one Query with a Limit); a settings change must touch every key once.
import { SettingsService } from '../shared/use-cases/manage-settings';
import type { Settings } from '../shared/domain/settings';
import type { BenchServices } from './setup';
import type { SizedAccount } from './accounts';
import { callerOf } from './accounts';
import type { Plan } from './plan';
import { elapsedMs, latencyUs, median } from './timing';

export const LIST_PAGE = 50;

/** Median first-page latency (ms) per account size, the sizes interleaved so drift hits all. */
export async function measureListBySize(
  warm: BenchServices,
  accounts: readonly SizedAccount[],
  plan: Plan,
): Promise<Record<string, number>> {
  const ops: Record<string, () => Promise<unknown>> = {};
  for (const sized of accounts) {
    const caller = await callerOf(warm, sized.owner);
    ops[String(sized.keys)] = async () => {
      const page = await warm.services.keyQueries.list(caller, { limit: LIST_PAGE, after: null });
      if (page.items.length !== Math.min(LIST_PAGE, sized.keys)) throw new Error('short list page');
    };
  }
  const samples = await latencyUs(ops, plan.latency);
  return Object.fromEntries(Object.entries(samples).map(([size, us]) => [size, median(us) / 1000]));
}

/**
 * One PUT settings that changes the token duration (90 -> 180 days: every token's expiry moves),
 * through SettingsService with an unlimited request budget so the whole account is re-expired
 * inside the call instead of being handed to a background job.
 */
export async function measureReindex(warm: BenchServices, sized: SizedAccount): Promise<number> {
  const { services } = warm;
  const settingsService = new SettingsService(
    services.keys,
    services.work,
    services.index,
    services.events,
    services.settings,
    services.verifier,
    services.clock,
    Number.POSITIVE_INFINITY,
  );
  const caller = await callerOf(warm, sized.owner);
  const before = await services.settings.fresh(sized.account);
  const change: Omit<Settings, 'updatedAt'> = {
    tokenDurationDays: before.tokenDurationDays === 180 ? 90 : 180,
    expiryWarningDays: before.expiryWarningDays,
    enforceExpiry: before.enforceExpiry,
  };
  const { ms } = await elapsedMs(() => settingsService.put(caller, change));
  // No job left behind means reexpireAccount walked the account to its end inside the call.
  if ((await services.index.listReexpiryJobs()).length > 0) throw new Error('re-expiry was left to a job');
  return ms;
}
