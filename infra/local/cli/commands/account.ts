// apikeys settings get|set, audit, verify: the account-wide reads and settings.
import { Command, Option } from 'commander';
import { answer, apiClient } from '../api';
import { clientFor, globals } from '../context';
import { colour, printFields, printJson, printTable } from '../output';
import { loadProfile } from '../profiles';
import { readSecret } from '../secret-input';
import { usageError } from '../errors';

type Settings = {
  tokenDurationDays: 30 | 60 | 90 | 180 | 365;
  expiryWarningDays: number;
  enforceExpiry: boolean;
};

function printSettings(settings: Settings & { updatedAt: string | null }, command: Command): void {
  if (globals(command).json) return printJson(settings);
  printFields([
    ['tokenDurationDays', String(settings.tokenDurationDays)],
    ['expiryWarningDays', String(settings.expiryWarningDays)],
    ['enforceExpiry', String(settings.enforceExpiry)],
    ['updatedAt', settings.updatedAt ?? '-'],
  ]);
}

export function settingsCommand(): Command {
  const settings = new Command('settings').description('token settings of the account');
  settings
    .command('get')
    .description('show the token settings')
    .action(async (_o, command: Command) =>
      printSettings(await answer(clientFor(command).GET('/v1/settings')), command),
    );
  settings
    .command('set')
    .description('change token settings (applies to existing tokens too); unnamed ones stay as they are')
    .addOption(new Option('--duration <days>', 'token duration').choices(['30', '60', '90', '180', '365']))
    .option('--warning <days>', 'days of warning before expiry, 1..60')
    .option('--enforce-expiry', 'expired tokens fail authentication')
    .option('--no-enforce-expiry', 'expired tokens still authenticate')
    .action(
      async (options: { duration?: string; warning?: string; enforceExpiry?: boolean }, command: Command) => {
        const client = clientFor(command);
        const current = await answer(client.GET('/v1/settings'));
        const warning = options.warning === undefined ? current.expiryWarningDays : Number(options.warning);
        if (!Number.isInteger(warning)) throw usageError('--warning takes a whole number of days.');
        const body: Settings = {
          tokenDurationDays: (options.duration
            ? Number(options.duration)
            : current.tokenDurationDays) as Settings['tokenDurationDays'],
          expiryWarningDays: warning,
          enforceExpiry: options.enforceExpiry ?? current.enforceExpiry,
        };
        printSettings(await answer(client.PUT('/v1/settings', { body })), command);
      },
    );
  return settings;
}

export function auditCommand(): Command {
  return new Command('audit')
    .description('the audit log, newest first')
    .option('--key <appKey>', 'entries about or by this key')
    .option('--action <action>', 'e.g. key.created')
    .option('--from <iso>', 'from this instant')
    .option('--to <iso>', 'up to this instant')
    .option('--limit <n>', 'page size, 1..100')
    .option('--cursor <cursor>')
    .action(
      async (
        options: {
          key?: string;
          action?: string;
          from?: string;
          to?: string;
          limit?: string;
          cursor?: string;
        },
        command: Command,
      ) => {
        const { key, action, ...rest } = options;
        const query = { ...rest, ...(key ? { appKey: key } : {}), ...(action ? { action } : {}) };
        const page = await answer(clientFor(command).GET('/v1/audit', { params: { query: query as never } }));
        if (globals(command).json) return printJson(page);
        printTable(
          page.items.map((e) => ({
            at: e.at,
            action: e.action,
            actor: e.actor.appKey ?? e.actor.type,
            target: `${e.target.type} ${e.target.id}`,
            changes: Object.keys(e.changes).join(','),
          })),
          ['at', 'action', 'actor', 'target', 'changes'],
        );
        if (page.nextCursor) process.stdout.write(`more: --cursor ${page.nextCursor}\n`);
      },
    );
}

export function verifyCommand(): Command {
  return new Command('verify')
    .description('check a key and token (the token from stdin or APIKEYS_VERIFY_TOKEN)')
    .requiredOption('--app-key <appKey>')
    .action(async (options: { appKey: string }, command: Command) => {
      const token = await readSecret('APIKEYS_VERIFY_TOKEN', 'Token to verify: ');
      const url = process.env.APIKEYS_URL ?? loadProfile(globals(command).profile).url;
      const result = await answer(
        apiClient({ url }).POST('/v1/verify', { body: { appKey: options.appKey, appToken: token } }),
      );
      if (globals(command).json) printJson(result);
      else if (result.valid)
        printFields([
          ['valid', colour('green', 'yes')],
          ['account', result.account],
          ['roles', result.roles.join(', ') || '-'],
          ['expires', result.tokenExpiresAt],
        ]);
      else
        printFields([
          ['valid', colour('red', 'no')],
          ['reason', result.reason],
        ]);
      // A key that does not verify is a refusal for scripts: `apikeys verify ... && deploy`.
      if (!result.valid) process.exitCode = 1;
    });
}
