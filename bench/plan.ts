// How much work each part of the suite does. The full plan is the one the issue specifies; the quick
// plan (CI's smoke test, under 2 minutes) does the same steps with fewer iterations and smaller
// tables, so every field is still produced, from the same code.

export interface Plan {
  quick: boolean;
  /** Round-trip latencies (GetItem, cache-miss verify, first list page). */
  latency: { warmup: number; samples: number };
  /** Sub-microsecond operations (SHA-256, cache-hit verify). */
  batch: { batch: number; rounds: number; warmupRounds: number };
  http: { connections: number; durationS: number; warmupS: number };
  /** Keys in the accounts whose first list page is timed (the 100, 1,000, 10,000). */
  listSizes: number[];
  /** Keys in the account that serves GET /v1/keys under load. */
  httpListKeys: number;
  /** Keys in the account whose token duration changes. */
  reindexKeys: number;
  /** Table sizes at which a cache-miss verification is timed; the last one is the scan's table. */
  verifyTableSizes: number[];
  /** Accounts the scan's keys are spread over. */
  scanAccounts: number;
  /** Fresh processes per bundle (and for bare Node) when timing imports. */
  initRuns: number;
  /** Audit entries in the accounts whose first audit page is timed (issue 11: 1,000 and 100,000). */
  auditSizes: number[];
  /** Keys in the exported account (issue 14: the 10,000-row limit) and timed exports per format. */
  exportKeys: number;
  exportRuns: number;
  /** Keys in the searched account (issue 17: 10,000) and the searches timed. */
  searchKeys: number;
  search: { warmup: number; samples: number };
}

export const FULL_PLAN: Plan = {
  quick: false,
  latency: { warmup: 150, samples: 1_500 },
  batch: { batch: 20_000, rounds: 30, warmupRounds: 5 },
  http: { connections: 50, durationS: 10, warmupS: 3 },
  listSizes: [100, 1_000, 10_000],
  httpListKeys: 1_000,
  reindexKeys: 10_000,
  verifyTableSizes: [1_000, 100_000],
  scanAccounts: 20,
  initRuns: 7,
  auditSizes: [1_000, 100_000],
  exportKeys: 10_000,
  exportRuns: 5,
  searchKeys: 10_000,
  search: { warmup: 20, samples: 300 },
};

export const QUICK_PLAN: Plan = {
  quick: true,
  latency: { warmup: 30, samples: 150 },
  batch: { batch: 5_000, rounds: 10, warmupRounds: 3 },
  http: { connections: 50, durationS: 2, warmupS: 1 },
  listSizes: [100, 1_000, 3_000],
  httpListKeys: 1_000,
  reindexKeys: 1_000,
  verifyTableSizes: [1_000, 5_000],
  scanAccounts: 20,
  initRuns: 2,
  auditSizes: [100, 2_000],
  exportKeys: 2_000,
  exportRuns: 2,
  searchKeys: 3_000,
  search: { warmup: 10, samples: 60 },
};
