// Tokens never come from a command-line argument (shell history, `ps`): from an environment
// variable, or stdin (piped, or typed at a prompt that does not echo what is typed).
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { usageError } from './errors';

export async function readSecret(variable: string, prompt: string): Promise<string> {
  const fromEnv = process.env[variable];
  if (fromEnv) return fromEnv.trim();
  let text = '';
  if (process.stdin.isTTY) {
    text = await askHidden(prompt);
  } else {
    for await (const chunk of process.stdin) text += String(chunk);
  }
  const secret = text.trim();
  if (!secret) throw usageError(`No token given: pipe it on stdin or set ${variable}.`);
  return secret;
}

/** A prompt whose answer is not echoed: readline writes through a stream that drops the typing. */
async function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = rl.question(prompt);
    muted = true; // the prompt is out; everything readline echoes from now on is the token
    return await answer;
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
