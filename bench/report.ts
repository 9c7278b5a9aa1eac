// The figures of one run, the goals they are judged against, and their two renderings: a Markdown
// table for people and one JSON object (field names fixed by issue 6) for machines.
import type { HttpFigures } from './http';
import type { ExportFigures } from './export';
import type { SearchFigures } from './search';
import { LAMBDA_PAYLOAD_LIMIT } from './export';

export interface Figures extends HttpFigures, ExportFigures, SearchFigures {
  getitem_us: number;
  verify_miss_us: number;
  verify_miss_over_getitem: number;
  sha256_ns: number;
  verify_hit_ns: number;
  verify_hit_over_sha256: number;
  http_verify_over_bare: number;
  /** KMS MACs per 1,000 verifications of each kind of garbage (issue 9). */
  garbage_kms_per_1000: Record<string, number>;
  /** Storage reads (key and account items) per 1,000 verifications of each kind of garbage. */
  garbage_reads_per_1000: Record<string, number>;
  list_ms_by_keys: Record<string, number>;
  /** Storage reads of one cold-cache verification, own account vs external key (issue 13). */
  external_verify_reads: Record<string, number>;
  /** Mean µs of one cold-cache verification with custom roles: own account, and as an external key. */
  internal_verify_cold_us: number;
  external_verify_cold_us: number;
  /** POST /v1/leaks work for 100 live tokens: signature, MACs, lookups, reads, one transaction each. */
  leak_report_100_ms: number;
  /** A rename as it was before the audit log (read + one conditional UpdateItem). */
  change_us_before: number;
  /** A rename now (read + one TransactWriteItems of the key and its audit entry). */
  change_us_after: number;
  change_after_over_before: number;
  /** First page of GET /v1/audit by entries in the account. */
  audit_list_ms_by_entries: Record<string, number>;
  verify_us_by_keys: Record<string, number>;
  scan_keys: number;
  scan_due: number;
  scan_examined: number;
  scan_ms: number;
  reindex_ms: number;
  bundle_kb: Record<string, number>;
  bundle_kb_max: number;
  init_ms_over_node: number;
}

/** What a run measured besides the fixed fields, to read the figures by. */
export interface Context {
  verify_miss_settings_cached_us: number;
  sha256_oneshot_ns: number;
  scan_flagged: number;
  reindex_keys: number;
  init_ms_by_function: Record<string, number>;
}

export interface Meta {
  date: string;
  quick: boolean;
  cores: number;
  cpu: string;
  node: string;
  /** 1-minute load average at the start and the end of the run: other work on the machine. */
  loadavg: [number, number];
  wall_s: number;
}

/** "Flat": the slowest size within 25% of the fastest, over a 100x growth in keys. */
export const FLAT_TOLERANCE = 1.25;

const spread = (byKeys: Record<string, number>): number =>
  Math.max(...Object.values(byKeys)) / Math.min(...Object.values(byKeys));

interface Goal {
  field: keyof Figures;
  target: string;
  met: (f: Figures) => boolean;
}

export const GOALS: Goal[] = [
  {
    field: 'search_items_read',
    target: '<= 1 + search_keys / 1000',
    met: (f) => f.search_items_read <= 1 + f.search_keys / 1000,
  },
  { field: 'search_p50_ms', target: '<= 30', met: (f) => f.search_p50_ms <= 30 },
  { field: 'verify_miss_over_getitem', target: '<= 1.15', met: (f) => f.verify_miss_over_getitem <= 1.15 },
  { field: 'verify_hit_over_sha256', target: '<= 3', met: (f) => f.verify_hit_over_sha256 <= 3 },
  {
    field: 'http_verify_over_bare',
    target: '>= 0.5, 0 errors',
    met: (f) => f.http_verify_over_bare >= 0.5 && f.http_verify_errors === 0,
  },
  {
    field: 'garbage_kms_per_1000',
    target: '0 unless the appKey exists',
    met: (f) =>
      f.garbage_kms_per_1000.malformed === 0 &&
      f.garbage_kms_per_1000.unknown_appkey === 0 &&
      f.garbage_kms_per_1000.repeated_unknown_appkey === 0,
  },
  {
    field: 'garbage_reads_per_1000',
    target: 'malformed 0, repeated unknown <= 1',
    met: (f) =>
      f.garbage_reads_per_1000.malformed === 0 && f.garbage_reads_per_1000.repeated_unknown_appkey! <= 1,
  },
  {
    field: 'external_verify_reads',
    target: 'external <= internal + 1',
    met: (f) =>
      f.external_verify_reads.external_predefined! <= f.external_verify_reads.internal_predefined! + 1 &&
      f.external_verify_reads.external_custom! <= f.external_verify_reads.internal_custom! + 1,
  },
  {
    field: 'list_ms_by_keys',
    target: `flat (max/min <= ${FLAT_TOLERANCE})`,
    met: (f) => spread(f.list_ms_by_keys) <= FLAT_TOLERANCE,
  },
  { field: 'leak_report_100_ms', target: '< 2000', met: (f) => f.leak_report_100_ms < 2000 },
  {
    field: 'change_after_over_before',
    target: '<= 1.3',
    met: (f) => f.change_after_over_before <= 1.3,
  },
  {
    field: 'audit_list_ms_by_entries',
    target: `flat (max/min <= ${FLAT_TOLERANCE})`,
    met: (f) => spread(f.audit_list_ms_by_entries) <= FLAT_TOLERANCE,
  },
  {
    field: 'verify_us_by_keys',
    target: `flat (max/min <= ${FLAT_TOLERANCE})`,
    met: (f) => spread(f.verify_us_by_keys) <= FLAT_TOLERANCE,
  },
  {
    field: 'export_ms_by_format',
    target: '< 5000 each',
    met: (f) => Object.values(f.export_ms_by_format).every((ms) => ms < 5000),
  },
  {
    field: 'export_payload_bytes_by_format',
    target: `< ${LAMBDA_PAYLOAD_LIMIT} (6 MB) each`,
    met: (f) => Object.values(f.export_payload_bytes_by_format).every((b) => b < LAMBDA_PAYLOAD_LIMIT),
  },
  {
    field: 'scan_examined',
    target: '<= 1.05 * scan_due + 100',
    met: (f) => f.scan_examined <= 1.05 * f.scan_due + 100,
  },
];

export function goalResults(f: Figures): Record<string, 'met' | 'missed'> {
  return Object.fromEntries(GOALS.map((g) => [g.field, g.met(f) ? 'met' : 'missed']));
}

/** Rounds for reading: enough digits to compare runs, not the timer's noise. */
function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

const DIGITS: Partial<Record<keyof Figures, number>> = {
  getitem_us: 1,
  verify_miss_us: 1,
  verify_miss_over_getitem: 3,
  sha256_ns: 0,
  verify_hit_ns: 0,
  verify_hit_over_sha256: 3,
  http_bare_rps: 0,
  http_verify_rps: 0,
  http_verify_p99_ms: 1,
  http_verify_over_bare: 3,
  http_list_rps: 0,
  http_list_p99_ms: 1,
  list_ms_by_keys: 3,
  change_us_before: 1,
  change_us_after: 1,
  change_after_over_before: 3,
  audit_list_ms_by_entries: 3,
  verify_us_by_keys: 1,
  scan_ms: 0,
  reindex_ms: 0,
  export_ms_by_format: 0,
  export_payload_bytes_by_format: 0,
  bundle_kb: 1,
  bundle_kb_max: 1,
  search_p50_ms: 2,
  search_match3_p50_ms: 2,
  init_ms_over_node: 1,
};

export function rounded(f: Figures): Figures {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(f)) {
    const digits = DIGITS[field as keyof Figures] ?? 0;
    out[field] =
      typeof value === 'number'
        ? round(value, digits)
        : Object.fromEntries(
            Object.entries(value as Record<string, number>).map(([k, v]) => [k, round(v, digits)]),
          );
  }
  return out as unknown as Figures;
}

const UNITS: Partial<Record<keyof Figures, string>> = {
  getitem_us: 'µs',
  verify_miss_us: 'µs',
  sha256_ns: 'ns',
  verify_hit_ns: 'ns',
  http_bare_rps: 'req/s',
  http_verify_rps: 'req/s',
  http_verify_p99_ms: 'ms',
  http_list_rps: 'req/s',
  http_list_p99_ms: 'ms',
  garbage_kms_per_1000: 'calls by kind',
  garbage_reads_per_1000: 'reads by kind',
  list_ms_by_keys: 'ms by keys',
  leak_report_100_ms: 'ms',
  change_us_before: 'µs',
  change_us_after: 'µs',
  audit_list_ms_by_entries: 'ms by entries',
  verify_us_by_keys: 'µs by keys',
  scan_ms: 'ms',
  reindex_ms: 'ms',
  export_ms_by_format: 'ms by format',
  export_payload_bytes_by_format: 'bytes by format',
  bundle_kb: 'KB by function',
  search_items_read: 'items',
  search_match3_items_read: 'items',
  search_p50_ms: 'ms',
  search_match3_p50_ms: 'ms',
  bundle_kb_max: 'KB',
  init_ms_over_node: 'ms (max)',
};

const cell = (value: number | Record<string, number>): string =>
  typeof value === 'number'
    ? String(value)
    : Object.entries(value)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ');

export function markdownTable(figures: Figures): string {
  const f = rounded(figures);
  const goals = new Map(GOALS.map((g) => [g.field, g]));
  const lines = ['| field | value | unit | target | goal |', '| --- | --- | --- | --- | --- |'];
  for (const field of Object.keys(f) as Array<keyof Figures>) {
    const goal = goals.get(field);
    const verdict = goal ? (goal.met(figures) ? 'met' : '**missed**') : '';
    lines.push(
      `| ${field} | ${cell(f[field])} | ${UNITS[field] ?? ''} | ${goal?.target ?? ''} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}

export function markdownReport(figures: Figures, context: Context, meta: Meta): string {
  const initBy = Object.entries(context.init_ms_by_function)
    .map(([name, ms]) => `${name} ${round(ms, 1)}`)
    .join(', ');
  return [
    `# Benchmark results${meta.quick ? ' (quick)' : ''}`,
    '',
    `- Date: ${meta.date}`,
    `- Machine: ${meta.cores} cores (${meta.cpu}), Node ${meta.node}, load average ${meta.loadavg[0]} at start and ${meta.loadavg[1]} at end`,
    `- Command: \`npm run bench -- --json${meta.quick ? ' --quick' : ''}\` (wall time ${round(meta.wall_s, 0)} s)`,
    '',
    markdownTable(figures),
    '',
    `Context: a cache-miss verification with the account's settings cached ` +
      `${round(context.verify_miss_settings_cached_us, 1)} µs ` +
      `(${round(context.verify_miss_settings_cached_us / figures.getitem_us, 3)} x getitem_us); ` +
      `one-shot \`crypto.hash('sha256')\` ${round(context.sha256_oneshot_ns, 0)} ns; ` +
      `the scan flagged ${context.scan_flagged} tokens; reindex_ms re-expired ${context.reindex_keys} keys; ` +
      `import time over bare Node by function (ms): ${initBy}.`,
  ].join('\n');
}

export function jsonLine(figures: Figures, context: Context, meta: Meta): string {
  const readable: Context = {
    ...context,
    verify_miss_settings_cached_us: round(context.verify_miss_settings_cached_us, 1),
    sha256_oneshot_ns: round(context.sha256_oneshot_ns, 0),
    init_ms_by_function: Object.fromEntries(
      Object.entries(context.init_ms_by_function).map(([name, ms]) => [name, round(ms, 1)]),
    ),
  };
  return JSON.stringify({ ...rounded(figures), goals: goalResults(figures), context: readable, meta });
}
