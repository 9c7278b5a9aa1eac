// Builds the web console (console/) into console/dist with esbuild, on demand: `npm run
// build:console`, the prestart/pretest hooks and the browser tests all call ensureConsoleBuilt(),
// which rebuilds only when the inputs changed (a hash of them is kept in dist), so it is cheap to
// call everywhere. A lock directory keeps two jest workers from building into dist at once.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from '../repo-root';

export const CONSOLE_DIR = join(REPO_ROOT, 'console');
export const CONSOLE_DIST = join(CONSOLE_DIR, 'dist');
/** Kept in dist; BucketDeployment excludes it (it is build bookkeeping, not part of the site). */
export const BUILD_STAMP = '.build-hash';

const INPUTS = [
  join(CONSOLE_DIR, 'src'),
  join(CONSOLE_DIR, 'public'),
  join(CONSOLE_DIR, 'tsconfig.json'),
  join(REPO_ROOT, 'node_modules', 'preact', 'package.json'),
  join(REPO_ROOT, 'infra', 'local', 'console-build.ts'),
];
const LOCK_STALE_MS = 60_000;

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** A hash of every input's path and content: mtimes change with each checkout, contents do not. */
export function consoleInputsHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder)) {
    hash.update(relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function builtHash(distDir: string): string | null {
  const stamp = join(distDir, BUILD_STAMP);
  return existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
}

/** Bundles the app and stylesheet with content-hashed names, then writes index.html naming them. */
export async function buildConsole(distDir = CONSOLE_DIST): Promise<void> {
  const hash = consoleInputsHash();
  rmSync(distDir, { recursive: true, force: true });
  const result = await build({
    entryPoints: {
      app: join(CONSOLE_DIR, 'src', 'main.tsx'),
      styles: join(CONSOLE_DIR, 'src', 'styles', 'app.css'),
    },
    outdir: distDir,
    entryNames: 'assets/[name]-[hash]',
    bundle: true,
    format: 'esm',
    target: ['es2022', 'chrome111', 'firefox111', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(CONSOLE_DIR, 'tsconfig.json'),
    metafile: true,
    legalComments: 'linked',
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entry = (name: string): string => {
    const found = outputs.find(([, meta]) => meta.entryPoint?.includes(name));
    if (!found) throw new Error(`esbuild produced no output for ${name}`);
    return relative(distDir, join(REPO_ROOT, found[0])).split('\\').join('/');
  };
  const html = readFileSync(join(CONSOLE_DIR, 'public', 'index.html'), 'utf8')
    .replace('%SCRIPT%', entry('main.tsx'))
    .replace('%STYLES%', entry('app.css'));
  writeFileSync(join(distDir, 'index.html'), html);
  for (const file of filesUnder(join(CONSOLE_DIR, 'public'))) {
    if (basename(file) !== 'index.html') await copyFile(file, join(distDir, 'assets', basename(file)));
  }
  // Written last: a dist without it (an interrupted build) counts as stale.
  writeFileSync(join(distDir, BUILD_STAMP), hash);
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = join(
    tmpdir(),
    `apikeys-console-build-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`,
  );
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      // Held by another process; a lock older than any build is left over from a crash.
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > LOCK_STALE_MS) await rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Builds console/dist if it is missing or older than its sources; returns the dist directory. */
export async function ensureConsoleBuilt(distDir = CONSOLE_DIST): Promise<string> {
  const hash = consoleInputsHash();
  if (builtHash(distDir) === hash) return distDir;
  await withLock(async () => {
    if (builtHash(distDir) !== hash) await buildConsole(distDir);
  });
  return distDir;
}

// Run directly (`npm run build:console`); `import.meta` is avoided so jest's CommonJS build loads this.
if (process.argv[1]?.endsWith('console-build.ts')) {
  const started = Date.now();
  const force = process.argv.includes('--force');
  mkdirSync(CONSOLE_DIR, { recursive: true });
  (force ? buildConsole().then(() => CONSOLE_DIST) : ensureConsoleBuilt()).then(
    (dir) =>
      process.stdout.write(`console ready in ${relative(REPO_ROOT, dir)} (${Date.now() - started} ms)\n`),
    (error: unknown) => {
      process.stderr.write(`console build failed: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
