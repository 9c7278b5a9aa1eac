// console/src/api/generated.ts (the types the console and the CLI compile against) must be what
// `npm run generate:types` makes of the current OpenAPI document.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

it('the committed generated API types match the OpenAPI document', () => {
  const check = () =>
    execFileSync(process.execPath, ['--import', 'tsx', 'infra/local/cli/generate-types.ts', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    });

  expect(check).not.toThrow();
});
