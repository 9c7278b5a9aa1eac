// apikeys external-keys list|get|add|edit|remove: keys of other accounts granted this account's roles.
import { Command, Option } from 'commander';
import { answer, type ExternalKey } from '../api';
import { confirm } from '../confirm';
import { clientFor, globals } from '../context';
import { usageError } from '../errors';
import { colour, printFields, printJson, printTable } from '../output';

const STATUS_STYLE = { active: 'green', inactive: 'yellow' } as const;

function externalKeyRow(grant: ExternalKey): Record<string, string> {
  return {
    appKey: grant.appKey,
    owner: grant.owner,
    status: colour(STATUS_STYLE[grant.status], grant.status),
    roles: grant.roles.join(','),
    added: grant.addedAt.slice(0, 10),
  };
}

function printExternalKey(grant: ExternalKey, command: Command): void {
  if (globals(command).json) return printJson(grant);
  printFields([
    ['appKey', grant.appKey],
    ['owner', grant.owner],
    ['status', externalKeyRow(grant).status!],
    ['roles', grant.roles.join(', ') || '-'],
    ['version', String(grant.version)],
    ['addedAt', grant.addedAt],
    ['updatedAt', grant.updatedAt],
  ]);
}

const path = (appKey: string) => ({ params: { path: { appKey } } });

export function externalKeysCommand(): Command {
  const externalKeys = new Command('external-keys').description(
    "keys of other accounts granted this account's roles",
  );

  externalKeys
    .command('list')
    .description('list external keys, newest first')
    .option('--search <text>', 'part of an appKey or owner account')
    .addOption(new Option('--status <status>').choices(['active', 'inactive']))
    .option('--limit <n>', 'page size, 1..100')
    .option('--cursor <cursor>', 'the nextCursor of the previous page')
    .action(async (options, command: Command) => {
      const page = await answer(clientFor(command).GET('/v1/external-keys', { params: { query: options } }));
      if (globals(command).json) return printJson(page);
      printTable(page.items.map(externalKeyRow), ['appKey', 'owner', 'status', 'roles', 'added']);
      if (page.nextCursor) process.stdout.write(`more: --cursor ${page.nextCursor}\n`);
    });

  externalKeys
    .command('get <appKey>')
    .description('show one external key')
    .action(async (appKey: string, _o, command: Command) => {
      printExternalKey(
        await answer(clientFor(command).GET('/v1/external-keys/{appKey}', path(appKey))),
        command,
      );
    });

  externalKeys
    .command('add <appKey>')
    .description("grant roles to another account's key (accepted whether or not that key exists)")
    .option('--role <id...>', 'a role to grant, without management permissions (repeatable)', [])
    .action(async (appKey: string, options: { role: string[] }, command: Command) => {
      printExternalKey(
        await answer(clientFor(command).POST('/v1/external-keys', { body: { appKey, roles: options.role } })),
        command,
      );
    });

  externalKeys
    .command('edit <appKey>')
    .description('change the roles of an external key, or activate or deactivate it')
    .option('--role <id...>', 'the complete new role list (repeatable)')
    .option('--no-roles', 'remove every role')
    .addOption(new Option('--active', 'its grant works again').conflicts('inactive'))
    .addOption(new Option('--inactive', 'its grant stops working at once'))
    .option('--if-match <version>', 'only if the grant is still at this version')
    .action(
      async (
        appKey: string,
        options: { role?: string[]; roles: boolean; active?: boolean; inactive?: boolean; ifMatch?: string },
        command: Command,
      ) => {
        const roles = options.roles === false ? [] : options.role;
        const active = options.active ? true : options.inactive ? false : undefined;
        if (roles === undefined && active === undefined)
          throw usageError('Nothing to change: give --role, --no-roles, --active or --inactive.');
        const grant = await answer(
          clientFor(command).PATCH('/v1/external-keys/{appKey}', {
            params: {
              path: { appKey },
              header: options.ifMatch ? { 'If-Match': `"${options.ifMatch}"` } : {},
            },
            body: { ...(roles ? { roles } : {}), ...(active !== undefined ? { active } : {}) },
          }),
        );
        printExternalKey(grant, command);
      },
    );

  externalKeys
    .command('remove <appKey>')
    .description('remove the grant of an external key')
    .option('-y, --yes', 'do not ask')
    .action(async (appKey: string, options: { yes?: boolean }, command: Command) => {
      await confirm(`Remove the grant of ${appKey}? It stops working here at once.`, options.yes);
      await answer(
        clientFor(command).DELETE('/v1/external-keys/{appKey}', {
          params: { path: { appKey }, query: { confirm: 'true' } },
        }),
      );
      if (globals(command).json) printJson({ removed: appKey });
      else process.stdout.write(`Removed ${appKey}.\n`);
    });

  return externalKeys;
}
