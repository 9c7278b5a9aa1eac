// Account role catalogs as the request paths need them: like settings, through a read-through
// cache (read-through-cache.ts), invalidated here on every role change. A role list of predefined
// roles only needs no catalog and no read.
import { holdsCustomRole, PREDEFINED_CATALOG, type RoleCatalog } from '../../domain/roles';
import type { Clock } from '../../ports';
import type { RoleStore } from '../../ports/roles';
import { ReadThroughCache } from '../read-through-cache';

/** Accounts whose catalog one container keeps. */
export const ROLE_CACHE_MAX = 5_000;

export class RoleSource {
  private readonly cache: ReadThroughCache<RoleCatalog>;

  constructor(
    private readonly store: RoleStore,
    clock: Clock,
    ttlMs: number,
    maxAccounts = ROLE_CACHE_MAX,
  ) {
    this.cache = new ReadThroughCache(clock, ttlMs, maxAccounts);
  }

  get(account: string): Promise<RoleCatalog> {
    return this.cache.get(account, () => this.store.getCatalog(account));
  }

  /**
   * The catalog to report the permissions of a key or grant holding `roles`, judged at catalog
   * `revision`: the cached one unless it is older than that or lacks one of the roles (a role
   * created, or redefined, after this container cached the catalog), then a fresh read. Holders
   * cannot make this read more often than their roles change.
   */
  async forHolder(account: string, roles: readonly string[], revision = 0): Promise<RoleCatalog> {
    if (!holdsCustomRole(roles)) return PREDEFINED_CATALOG;
    const cached = await this.get(account);
    const current = cached.revision >= revision && roles.every((r) => cached.find(r));
    return current ? cached : this.fresh(account);
  }

  /**
   * The catalog to judge a change naming `roles` on: read afresh when any is custom, so a role
   * created a moment ago in another container is known (the cache would miss it for a TTL).
   */
  async forChange(account: string, roles: readonly string[]): Promise<RoleCatalog> {
    return holdsCustomRole(roles) ? this.fresh(account) : PREDEFINED_CATALOG;
  }

  /** The catalog as stored now: what a change is judged on after losing a race. */
  async fresh(account: string): Promise<RoleCatalog> {
    this.invalidate(account);
    return this.get(account);
  }

  invalidate(account: string): void {
    this.cache.invalidate(account);
  }

  get cachedAccounts(): number {
    return this.cache.size;
  }
}
