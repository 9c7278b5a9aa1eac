// The operator CLI as a test drives it: its own data and config directories (`remove` them once
// the runtime using them is stopped), the CLI run from source in a child process against them, and `--json` runs whose exit
// code and stderr are checked with the arguments, so a failure names the command that failed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, NODE_TSX, runCommand, type CommandResult } from './local-runtime';

export interface CliHarness {
  dataDir: string;
  configDir: string;
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  cli(args: string[], extra?: Record<string, string>): Promise<CommandResult>;
  /** A `--json` run that must succeed with nothing on stderr: its one JSON document. */
  json(args: string[]): Promise<any>;
  remove(): void;
}

export function cliHarness(label: string): CliHarness {
  const dataDir = mkdtempSync(join(tmpdir(), `apikeys-e2e-${label}-`));
  const configDir = mkdtempSync(join(tmpdir(), `apikeys-e2e-${label}-config-`));
  const env = (extra: Record<string, string> = {}) =>
    childEnv({ XDG_CONFIG_HOME: configDir, DATA_DIR: dataDir, NO_COLOR: '1', ...extra });
  const cli = (args: string[], extra: Record<string, string> = {}): Promise<CommandResult> =>
    runCommand(process.execPath, [...NODE_TSX, 'infra/local/cli/main.ts', ...args], env(extra));
  return {
    dataDir,
    configDir,
    env,
    cli,
    json: async (args) => {
      const run = await cli(['--json', ...args]);
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' });
      return JSON.parse(run.stdout);
    },
    remove: () => {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}
