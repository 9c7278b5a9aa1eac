// The repository root, found from the working directory so it works under tsx, jest and cdk alike.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findRoot(start: string): string {
  let dir = resolve(start);
  while (!existsSync(join(dir, 'cdk.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cdk.json not found above the working directory');
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRoot(process.cwd());
