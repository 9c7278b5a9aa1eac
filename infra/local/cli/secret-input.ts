// Tokens never come from a command-line argument (shell history, `ps`): from an environment
// variable, or stdin (piped, or typed at a prompt).
import { createInterface } from 'node:readline/promises';
import { usageError } from './errors';

export async function readSecret(variable: string, prompt: string): Promise<string> {
  const fromEnv = process.env[variable];
  if (fromEnv) return fromEnv.trim();
  let text = '';
  if (process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    text = await rl.question(prompt);
    rl.close();
  } else {
    for await (const chunk of process.stdin) text += String(chunk);
  }
  const secret = text.trim();
  if (!secret) throw usageError(`No token given: pipe it on stdin or set ${variable}.`);
  return secret;
}
