// Metrics: what an operator needs to see in AWS (verification outcomes, cache hit ratio, management
// actions, share links, leak reports, the expiry scan, KMS), as counts and durations in one
// namespace. The catalogue of names lives here so the runtime adapter, the alarms and the dashboard
// (infra/) cannot drift apart. Pure: no Powertools or AWS import, so infra and tests can load it.
//
// No dimension names a key, an account or anything else unbounded: CloudWatch bills every distinct
// combination of name and dimensions as a metric of its own, so a key dimension would cost money per
// key, and make the alarms blind (an alarm watches one combination, not the sum). Outcomes, levels
// and route names are few and fixed, so they go in the metric name instead.
import type { FlagLevel } from '../domain/expiry';

/** The one CloudWatch namespace of the service (EMF metrics and log metric filters alike). */
export const METRICS_NAMESPACE = 'ApiKeys';
/** The one dimension every EMF metric carries (Powertools' `service`), with this fixed value. */
export const METRICS_SERVICE = 'apikeys';

export type VerificationOutcomeName = 'valid' | 'invalid' | 'inactive' | 'expired' | 'not-granted';

const pascal = (name: string): string => name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

export const VERIFICATION_OUTCOMES: readonly VerificationOutcomeName[] = [
  'valid',
  'invalid',
  'inactive',
  'expired',
  'not-granted',
];
/** Named once: every verification counts one, and a regex per request showed in the profile. */
const VERIFICATION_METRICS = new Map(VERIFICATION_OUTCOMES.map((o) => [o, `Verification${pascal(o)}`]));

/** Credentials judged (POST /v1/verify, the authorizer and every authenticated route), by outcome. */
export const verificationMetric = (outcome: VerificationOutcomeName) =>
  VERIFICATION_METRICS.get(outcome) as `Verification${string}`;
/** A successful authenticated request, per route handler (e.g. `Action.create-key`). */
export const actionMetric = (handler: string) => `Action.${handler}` as const;
/**
 * Which routes count as management actions: the authenticated ones. Public routes (verify, share
 * links, leak reports) have metrics of their own, counted in their use cases.
 */
export const countsAsAction = (route: { auth: string }): boolean => route.auth !== 'none';
/** Tokens newly flagged by the expiry scan, per alert level. */
export const expiryFlagMetric = (level: FlagLevel) => `ExpiryFlag${pascal(level)}` as const;

export const METRIC = {
  /** A verification answered from the in-process cache (no read, no MAC). */
  cacheHit: 'VerificationCacheHit',
  /** A verification that read the key from storage (and computed a MAC if the key exists). */
  cacheMiss: 'VerificationCacheMiss',
  shareLinkOpened: 'ShareLinkOpened',
  /** A signed, well-formed leak report received (whatever it contained). */
  leakReport: 'LeakReport',
  /** Strings a leak report carried. */
  leakReportItems: 'LeakReportItems',
  /** Live tokens a leak report cut. */
  leakTokensCut: 'LeakTokenCut',
  expiryScanDuration: 'ExpiryScanDuration',
  /** Due index entries a run left for the next one (0 when it caught up). */
  expiryScanBacklog: 'ExpiryScanBacklog',
  expiryScanExamined: 'ExpiryScanExamined',
  /** Each KMS request attempt (GenerateMac, Encrypt, Decrypt), as seen by this service. */
  kmsLatency: 'KmsLatency',
  /** KMS answered "slow down": the request quota is shared by every tenant. */
  kmsThrottles: 'KmsThrottle',
} as const;

export type MetricName =
  | (typeof METRIC)[keyof typeof METRIC]
  | ReturnType<typeof verificationMetric>
  | ReturnType<typeof actionMetric>
  | ReturnType<typeof expiryFlagMetric>;

export interface Metrics {
  /** Adds `value` (default 1) to a count. */
  count(name: MetricName, value?: number): void;
  /** Records one duration in milliseconds. */
  milliseconds(name: MetricName, value: number): void;
  /** Emits what this invocation recorded. Never throws: metrics must not fail a request. */
  flush(): void;
}

/** Records nothing: the local runtime, and use cases built without metrics (bench, some tests). */
export const NO_METRICS: Metrics = {
  count: () => undefined,
  milliseconds: () => undefined,
  flush: () => undefined,
};
