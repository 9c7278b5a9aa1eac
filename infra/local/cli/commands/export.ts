// apikeys keys export: the account's keys as a CSV or XLSX file (GET /v1/keys/export), with the
// list's filters. Saves to --out, or to the server's file name in the current directory; `--out -`
// writes the bytes to stdout for pipes.
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { answer } from '../api';
import { clientFor, globals } from '../context';
import { printJson } from '../output';

/** The file name the service suggests, reduced to a plain base name (never a path it chose). */
function suggestedName(disposition: string | null, format: string): string {
  const name = /filename="([^"]+)"/.exec(disposition ?? '')?.[1];
  const safe = name ? basename(name).replace(/[^\w.-]/g, '_') : '';
  return safe && !safe.startsWith('.') ? safe : `api-keys.${format}`;
}

export function exportCommand(): Command {
  return new Command('export')
    .description('download every key that passes the filters as CSV or XLSX (at most 10,000)')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']).default('csv'))
    .option('--search <text>', 'part of a name or appKey')
    .addOption(new Option('--status <status>').choices(['active', 'inactive']))
    .addOption(new Option('--alert <alert>').choices(['none', 'expiring', 'expired', 'expired-critical']))
    .option('--out <file>', "where to save it ('-': stdout); default: the server's file name here")
    .action(async (options, command: Command) => {
      const { out, ...query } = options as { out?: string; format: 'csv' | 'xlsx' };
      let disposition: string | null = null;
      const bytes = await answer(
        clientFor(command)
          .GET('/v1/keys/export', { params: { query }, parseAs: 'arrayBuffer' })
          .then((result) => ((disposition = result.response.headers.get('content-disposition')), result)),
      );
      const body = Buffer.from(bytes as ArrayBuffer);
      if (out === '-') return void process.stdout.write(body);
      const file = resolve(out ?? suggestedName(disposition, query.format));
      writeFileSync(file, body);
      if (globals(command).json) printJson({ file, format: query.format, bytes: body.length });
      else process.stdout.write(`Saved ${body.length} bytes to ${file}\n`);
    });
}
