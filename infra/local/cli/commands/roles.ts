// apikeys roles list|get|create|replace|delete: the predefined roles and the account's custom ones.
import { Command } from 'commander';
import { answer, type Role } from '../api';
import { confirm } from '../confirm';
import { clientFor, globals } from '../context';
import { usageError } from '../errors';
import { printFields, printJson, printTable } from '../output';

function printRole(role: Role, command: Command): void {
  if (globals(command).json) return printJson(role);
  printFields([
    ['id', role.id],
    ['name', role.name],
    ['description', role.description || '-'],
    ['permissions', role.permissions.join(', ')],
    ['predefined', role.predefined ? 'yes' : 'no'],
    ...(role.version !== undefined ? [['version', String(role.version)] as [string, string]] : []),
    ...(role.updatedAt ? [['updatedAt', role.updatedAt] as [string, string]] : []),
  ]);
}

const path = (roleId: string) => ({ params: { path: { roleId } } });

export function rolesCommand(): Command {
  const roles = new Command('roles').description('roles of the account: predefined and custom');

  roles
    .command('list')
    .description('list the roles and their permissions')
    .action(async (_o, command: Command) => {
      const list = await answer(clientFor(command).GET('/v1/roles'));
      if (globals(command).json) return printJson(list);
      printTable(
        list.items.map((r) => ({ id: r.id, name: r.name, permissions: r.permissions.join(',') })),
        ['id', 'name', 'permissions'],
      );
    });

  roles
    .command('get <roleId>')
    .description('show one role')
    .action(async (roleId: string, _o, command: Command) => {
      printRole(await answer(clientFor(command).GET('/v1/roles/{roleId}', path(roleId))), command);
    });

  roles
    .command('create')
    .description('create a custom role')
    .requiredOption('--id <id>', 'its id, e.g. report-reader')
    .requiredOption('--name <name>', 'what people see')
    .requiredOption('--permission <p...>', 'a permission, area:action (repeatable)')
    .option('--description <text>')
    .action(
      async (
        options: { id: string; name: string; permission: string[]; description?: string },
        command: Command,
      ) => {
        const role = await answer(
          clientFor(command).POST('/v1/roles', {
            body: {
              id: options.id,
              name: options.name,
              permissions: options.permission,
              ...(options.description !== undefined ? { description: options.description } : {}),
            },
          }),
        );
        printRole(role, command);
      },
    );

  roles
    .command('replace <roleId>')
    .description('replace a custom role; unnamed fields stay as they are (its holders get the change)')
    .option('--name <name>')
    .option('--permission <p...>', 'the complete new permission list (repeatable)')
    .option('--description <text>')
    .option('--if-match <version>', 'only if the role is still at this version (default: the version read)')
    .action(
      async (
        roleId: string,
        options: { name?: string; permission?: string[]; description?: string; ifMatch?: string },
        command: Command,
      ) => {
        if (
          options.name === undefined &&
          options.permission === undefined &&
          options.description === undefined
        )
          throw usageError('Nothing to replace: give --name, --permission or --description.');
        const client = clientFor(command);
        // PUT replaces the whole role: the unnamed fields come from a read, so the write is guarded
        // by the version of that read (a change in between is a 412, not silently overwritten).
        const current = await answer(client.GET('/v1/roles/{roleId}', path(roleId)));
        const version =
          options.ifMatch ?? (current.version === undefined ? undefined : String(current.version));
        const role = await answer(
          client.PUT('/v1/roles/{roleId}', {
            params: { path: { roleId }, header: version !== undefined ? { 'If-Match': `"${version}"` } : {} },
            body: {
              name: options.name ?? current.name,
              description: options.description ?? current.description,
              permissions: options.permission ?? current.permissions,
            },
          }),
        );
        printRole(role, command);
      },
    );

  roles
    .command('delete <roleId>')
    .description('delete a custom role that no key or external key holds')
    .option('-y, --yes', 'do not ask')
    .action(async (roleId: string, options: { yes?: boolean }, command: Command) => {
      await confirm(`Delete the role ${roleId} permanently?`, options.yes);
      await answer(
        clientFor(command).DELETE('/v1/roles/{roleId}', {
          params: { path: { roleId }, query: { confirm: 'true' } },
        }),
      );
      if (globals(command).json) printJson({ deleted: roleId });
      else process.stdout.write(`Deleted the role ${roleId}.\n`);
    });

  return roles;
}
