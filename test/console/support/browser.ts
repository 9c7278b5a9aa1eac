// Finds Debian's chromium for playwright-core (it cannot download a browser here). A missing
// browser fails the console suite loudly; only SKIP_BROWSER_TESTS=1 turns it into a skip.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const chromiumPath: string | undefined = CANDIDATES.find(
  (path): path is string => !!path && existsSync(path),
);

const skipRequested = process.env.SKIP_BROWSER_TESTS === '1';

/**
 * `describe` for browser suites: runs when chromium exists, skips on request, otherwise fails.
 * A browser flow takes seconds, not milliseconds: on a busy two-core machine a test needs more
 * than jest's default 30 s of margin.
 */
export const describeInBrowser: jest.Describe = ((): jest.Describe => {
  jest.setTimeout(90_000);
  if (chromiumPath) return describe;
  if (skipRequested) return describe.skip;
  throw new Error(
    'Chromium not found (looked for $CHROMIUM_PATH, /usr/bin/chromium): install it with ' +
      '`apt-get install -y chromium` (.ci/run does), or set SKIP_BROWSER_TESTS=1 to skip the console suite.',
  );
})();

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
