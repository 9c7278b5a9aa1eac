// apikeys keys list|export|get|create|edit|activate|deactivate|renew|finish-renewal|undo-renewal|delete
import { Command, Option } from 'commander';
import { answer, type Key } from '../api';
import { confirm } from '../confirm';
import { clientFor, globals } from '../context';
import { colour, printFields, printJson, printTable } from '../output';
import { exportCommand } from './export';

const STATUS_STYLE = { active: 'green', inactive: 'yellow' } as const;
const ALERT_STYLE = { none: 'reset', expiring: 'yellow', expired: 'red', 'expired-critical': 'red' } as const;

function keyRow(key: Key): Record<string, string> {
  return {
    appKey: key.appKey,
    name: key.name,
    status: colour(STATUS_STYLE[key.status], key.status),
    roles: key.roles.join(','),
    alert: colour(ALERT_STYLE[key.alert], key.alert),
    expires: key.tokens[0]?.expiresAt.slice(0, 10) ?? '',
  };
}

function printKey(key: Key, command: Command, token?: string | null): void {
  if (globals(command).json) return printJson(token === undefined ? key : { key, token });
  printFields([
    ['appKey', key.appKey],
    ['name', key.name],
    ['status', keyRow(key).status!],
    ['roles', key.roles.join(', ') || '-'],
    ['alert', keyRow(key).alert!],
    ['version', String(key.version)],
    ...key.tokens.map((t, i): [string, string] => [
      `token ${i + 1}`,
      `${t.id} ${t.state}, expires ${t.expiresAt}`,
    ]),
    ...(key.renewal ? [['renewal', `pending since ${key.renewal.startedAt}`] as [string, string]] : []),
  ]);
  if (token) process.stdout.write(`\n${colour('bold', 'token')}  ${token}\n(shown once: store it now)\n`);
}

const path = (appKey: string) => ({ params: { path: { appKey } } });

export function keysCommand(): Command {
  const keys = new Command('keys').description('manage the keys of your account');

  keys
    .command('list')
    .description('list keys, newest first')
    .option('--search <text>', 'part of a name or appKey')
    .addOption(new Option('--status <status>').choices(['active', 'inactive']))
    .addOption(new Option('--alert <alert>').choices(['none', 'expiring', 'expired', 'expired-critical']))
    .option('--limit <n>', 'page size, 1..100')
    .option('--cursor <cursor>', 'the nextCursor of the previous page')
    .action(async (options, command: Command) => {
      const page = await answer(clientFor(command).GET('/v1/keys', { params: { query: options } }));
      if (globals(command).json) return printJson(page);
      printTable(page.items.map(keyRow), ['appKey', 'name', 'status', 'roles', 'alert', 'expires']);
      if (page.nextCursor) process.stdout.write(`more: --cursor ${page.nextCursor}\n`);
    });

  keys.addCommand(exportCommand());

  keys
    .command('get <appKey>')
    .description('show one key')
    .action(async (appKey: string, _o, command: Command) => {
      printKey(await answer(clientFor(command).GET('/v1/keys/{appKey}', path(appKey))), command);
    });

  keys
    .command('create')
    .description('generate a key and its first token (shown once)')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--role <id...>', 'a role to grant (repeatable)', [])
    .option('--idempotency-key <key>', 'makes a retry return the first answer')
    .action(async (options: { name: string; role: string[]; idempotencyKey?: string }, command: Command) => {
      const result = await answer(
        clientFor(command).POST('/v1/keys', {
          body: { name: options.name, roles: options.role },
          params: { header: options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {} },
        }),
      );
      printKey(result.key, command, result.token);
    });

  keys
    .command('edit <appKey>')
    .description('change the name or the roles of a key')
    .option('--name <name>')
    .option('--role <id...>', 'the complete new role list (repeatable)')
    .option('--no-roles', 'remove every role')
    .option('--if-match <version>', 'only if the key is still at this version')
    .action(
      async (
        appKey: string,
        options: { name?: string; role?: string[]; roles: boolean; ifMatch?: string },
        command: Command,
      ) => {
        const roles = options.roles === false ? [] : options.role;
        const key = await answer(
          clientFor(command).PATCH('/v1/keys/{appKey}', {
            params: {
              path: { appKey },
              header: options.ifMatch ? { 'If-Match': `"${options.ifMatch}"` } : {},
            },
            body: {
              ...(options.name !== undefined ? { name: options.name } : {}),
              ...(roles ? { roles } : {}),
            },
          }),
        );
        printKey(key, command);
      },
    );

  keys
    .command('activate <appKey>')
    .description('activate a key')
    .action(async (appKey: string, _o, command: Command) => {
      printKey(await answer(clientFor(command).POST('/v1/keys/{appKey}/activate', path(appKey))), command);
    });

  keys
    .command('deactivate <appKey>')
    .description('deactivate a key at once: its tokens stop authenticating')
    .option('-y, --yes', 'do not ask')
    .action(async (appKey: string, options: { yes?: boolean }, command: Command) => {
      await confirm(`Deactivate ${appKey}? Its tokens stop working at once.`, options.yes);
      printKey(await answer(clientFor(command).POST('/v1/keys/{appKey}/deactivate', path(appKey))), command);
    });

  keys
    .command('renew <appKey>')
    .description('issue a new token (shown once)')
    .addOption(
      new Option('--delete-old <when>', 'when the old token stops working')
        .choices(['later', 'now'])
        .default('later'),
    )
    .option('--idempotency-key <key>')
    .option('-y, --yes', 'do not ask (with --delete-old now)')
    .action(
      async (
        appKey: string,
        options: { deleteOld: 'later' | 'now'; idempotencyKey?: string; yes?: boolean },
        command: Command,
      ) => {
        if (options.deleteOld === 'now')
          await confirm(`Renew ${appKey} and delete its old token now?`, options.yes);
        const result = await answer(
          clientFor(command).POST('/v1/keys/{appKey}/token/renew', {
            params: {
              path: { appKey },
              header: options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {},
            },
            body: { deleteOldToken: options.deleteOld },
          }),
        );
        printKey(result.key, command, result.token);
      },
    );

  for (const [name, what, route] of [
    ['finish-renewal', 'delete the old token of a renewal', '/v1/keys/{appKey}/token/finish-renewal'],
    ['undo-renewal', 'delete the new token of a renewal', '/v1/keys/{appKey}/token/undo-renewal'],
  ] as const) {
    keys
      .command(`${name} <appKey>`)
      .description(what)
      .option('-y, --yes', 'do not ask')
      .action(async (appKey: string, options: { yes?: boolean }, command: Command) => {
        await confirm(`${what[0]!.toUpperCase()}${what.slice(1)} of ${appKey}?`, options.yes);
        printKey(await answer(clientFor(command).POST(route, path(appKey))), command);
      });
  }

  keys
    .command('delete <appKey>')
    .description('delete a key permanently')
    .option('-y, --yes', 'do not ask')
    .action(async (appKey: string, options: { yes?: boolean }, command: Command) => {
      await confirm(`Delete ${appKey} permanently?`, options.yes);
      await answer(
        clientFor(command).DELETE('/v1/keys/{appKey}', {
          params: { path: { appKey }, query: { confirm: 'true' } },
        }),
      );
      if (globals(command).json) printJson({ deleted: appKey });
      else process.stdout.write(`Deleted ${appKey}.\n`);
    });

  return keys;
}
