// Account role catalogs as the request paths need them: like settings, read through a bounded,
// short-lived in-process cache, invalidated here on every role change (other containers see a
// change within the TTL). A role list of predefined roles only needs no catalog and no read.
import { holdsCustomRole, PREDEFINED_CATALOG, type RoleCatalog } from '../../domain/roles';
import type { Clock } from '../../ports';
import type { RoleStore } from '../../ports/roles';
import { BoundedCache } from '../bounded-cache';

/** Accounts whose catalog one container keeps. */
export const ROLE_CACHE_MAX = 5_000;

export class RoleSource {
  private readonly cache: BoundedCache<RoleCatalog>;
  /**
   * Bumped by every invalidation: a read that started before one must not put what it read into
   * the cache after it (it would bring back the definition the change just replaced, for a TTL).
   */
  private epoch = 0;

  constructor(
    private readonly store: RoleStore,
    private readonly clock: Clock,
    ttlMs: number,
    maxAccounts = ROLE_CACHE_MAX,
  ) {
    this.cache = new BoundedCache(ttlMs, maxAccounts);
  }

  async get(account: string): Promise<RoleCatalog> {
    const now = this.clock.now();
    const hit = this.cache.get(account, now);
    if (hit) return hit;
    const epoch = this.epoch;
    const catalog = await this.store.getCatalog(account);
    if (epoch === this.epoch) this.cache.set(account, catalog, now);
    return catalog;
  }

  /** The catalog that defines `roles`: no read at all when they are all predefined. */
  async forRoles(account: string, roles: readonly string[]): Promise<RoleCatalog> {
    return holdsCustomRole(roles) ? this.get(account) : PREDEFINED_CATALOG;
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
    this.epoch++;
    this.cache.delete(account);
  }

  get cachedAccounts(): number {
    return this.cache.size;
  }
}
