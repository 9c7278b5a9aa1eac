// Layering of the expiry scan and the settings use cases: storage details (sort keys, shards, index
// names) stay inside the adapters, and time comes only from the injected Clock.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../infra/repo-root';

const USE_CASES = join(REPO_ROOT, 'shared', 'use-cases');
const files = readdirSync(USE_CASES).filter((f) => f.endsWith('.ts'));
const source = (file: string) =>
  readFileSync(join(USE_CASES, file), 'utf8')
    // Comments may name what they avoid.
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

describe('use-case layering', () => {
  test('no use case imports an adapter', () => {
    const offending = files.filter((f) => /from\s+['"][^'"]*\/adapters\//.test(source(f)));
    expect(offending).toEqual([]);
  });

  test.each(['expiry-scan.ts', 'manage-settings.ts'])('%s reads time only from the Clock', (file) => {
    expect(source(file)).not.toMatch(/Date\.now\(|new Date\(\)|performance\.now\(/);
  });
});
