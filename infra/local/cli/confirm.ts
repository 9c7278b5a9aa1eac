// Destructive actions ask first; --yes skips the question. Without a terminal to ask on, the CLI
// refuses to guess (usage error) rather than act.
import { createInterface } from 'node:readline/promises';
import { CliError, EXIT, usageError } from './errors';

export async function confirm(question: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY) throw usageError(`${question} Not asked without a terminal: add --yes.`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const reply = await rl.question(`${question} [y/N] `);
  rl.close();
  if (!/^y(es)?$/i.test(reply.trim())) throw new CliError('Cancelled; nothing was changed.', EXIT.refused);
}
