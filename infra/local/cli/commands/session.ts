// apikeys login (store a profile) and apikeys bootstrap (the operator's first owner key).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { answer, apiClient } from '../api';
import { CliError, EXIT } from '../errors';
import { globals } from '../context';
import { printJson } from '../output';
import { configFile, saveProfile } from '../profiles';
import { readSecret } from '../secret-input';

export function loginCommand(): Command {
  return new Command('login')
    .description('store the API URL, key and token as a profile (the token from stdin or APIKEYS_TOKEN)')
    .requiredOption('--url <url>', 'the API, e.g. http://127.0.0.1:3000')
    .requiredOption('--app-key <appKey>', 'the key to act as')
    .action(async (options: { url: string; appKey: string }, command: Command) => {
      const token = await readSecret('APIKEYS_TOKEN', 'Token: ');
      // Stored only once the service says the pair is valid: a typo fails here, not later.
      const result = await answer(
        apiClient({ url: options.url }).POST('/v1/verify', {
          body: { appKey: options.appKey, appToken: token },
        }),
      );
      if (!result.valid)
        throw new CliError(`The service refuses this key and token: ${result.reason}.`, EXIT.refused);
      const { profile, json } = globals(command);
      saveProfile(profile, { url: options.url, appKey: options.appKey, token });
      if (json) printJson({ profile, url: options.url, appKey: options.appKey, account: result.account });
      else
        process.stdout.write(
          `Logged in as ${options.appKey} (account ${result.account}); profile '${profile}' saved in ${configFile()}.\n`,
        );
    });
}

const BOOTSTRAP = resolve(import.meta.dirname, '..', '..', 'bootstrap-cli.ts');

export function bootstrapCommand(): Command {
  return new Command('bootstrap')
    .description('create an account if needed and an owner key (local stack, or a deployed one with --stack)')
    .requiredOption('--account <name>')
    .option('--name <text>', 'name of the new key')
    .option('--stack <stack>', 'a deployed stack (AWS credentials)')
    .option('--table <table>')
    .option('--hmac-key-id <id>')
    .option('--secrets-key-id <id>')
    .option('--region <region>')
    .action(async (options: Record<string, string | undefined>, command: Command) => {
      // Not an API call (no key exists yet): the same operator command as npm run bootstrap, run
      // directly so that stdout holds exactly its one JSON line and no npm banner.
      const args = Object.entries(options).flatMap(([name, value]) =>
        value === undefined ? [] : [`--${name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`, value],
      );
      if (globals(command).json) args.push('--json');
      const child = spawn(process.execPath, ['--import', 'tsx', BOOTSTRAP, ...args], { stdio: 'inherit' });
      const code = await new Promise<number>((done) => child.on('exit', (c) => done(c ?? 1)));
      if (code !== 0) throw new CliError('bootstrap failed', EXIT.unavailable);
    });
}
