// The operator CLI: `npx apikeys ...` or `npm run cli -- ...`. Commander parses; every command
// talks to the public API through the generated types (cli/api.ts). Exit codes: 0 ok, 1 refused,
// 2 usage, 3 unavailable (cli/errors.ts).
import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './errors';
import { keysCommand } from './commands/keys';
import { auditCommand, settingsCommand, verifyCommand } from './commands/account';
import { externalKeysCommand } from './commands/external-keys';
import { rolesCommand } from './commands/roles';
import { bootstrapCommand, loginCommand } from './commands/session';
import { printJson } from './output';

const program = new Command('apikeys')
  .description('Operate the API key service from a terminal or a script.')
  .option('--profile <name>', 'the stored profile to use', process.env.APIKEYS_PROFILE ?? 'default')
  .option('--json', 'machine-readable output: one JSON document on stdout')
  .exitOverride()
  .showHelpAfterError();
for (const command of [
  loginCommand(),
  keysCommand(),
  settingsCommand(),
  rolesCommand(),
  externalKeysCommand(),
  auditCommand(),
  verifyCommand(),
  bootstrapCommand(),
]) {
  program.addCommand(command);
}
// Every subcommand reports usage errors through the same override (exit code 2, not commander's 1).
const override = (command: Command): void => {
  command.exitOverride();
  command.commands.forEach(override);
};
override(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end "with an error" of code 0.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (error instanceof CliError) {
    if (program.opts().json && error.problem) printJson(error.problem);
    process.stderr.write(`apikeys: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`apikeys: ${(error as Error).message}\n`);
    process.exitCode = EXIT.unavailable;
  }
}
