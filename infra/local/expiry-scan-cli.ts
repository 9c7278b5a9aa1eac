// `npm run expiry-scan -- --json [--now ISO-8601]`: one expiry scan against the running local
// stack, as of --now when given. With --json prints exactly one JSON line (API.md).
import { parseArgs } from 'node:util';
import { localOperatorServices } from './operator-services';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.LOG_LEVEL ??= 'WARN';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, now: { type: 'string' } },
  });
  let nowMs: number | undefined;
  if (values.now !== undefined) {
    nowMs = Date.parse(values.now);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(values.now) || Number.isNaN(nowMs))
      throw new Error(`--now must be an ISO-8601 instant, got '${values.now}'`);
  }
  const report = await localOperatorServices().expiryScan.run({ nowMs });
  if (values.json) {
    process.stdout.write(JSON.stringify({ flagged: report.flagged, examined: report.examined }) + '\n');
  } else {
    const f = report.flagged;
    process.stdout.write(
      `Examined ${report.examined} index entries; newly flagged: ${f.expiring} expiring, ${f.expired} expired, ${f['expired-critical']} expired-critical` +
        (report.failed ? `; ${report.failed} could not be published (retried next run)` : '') +
        (report.reexpired ? `; re-expired ${report.reexpired} keys after settings changes` : '') +
        '\n',
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
