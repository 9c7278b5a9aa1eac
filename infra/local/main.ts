// `npm start`: the whole service on this machine (service.ts). This entry first judges the
// settings and DATA_DIR, and only then loads the service: the AWS SDK and the handlers take a second
// or two to load, and a DATA_DIR that is read-only or full must be reported at once.
import { checkDataDir } from './data-dir-check';
import { loadLocalSettings } from './local-settings';
import { runningInstance } from './runtime-file';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const local = loadLocalSettings();
  const running = runningInstance(local.dataDir);
  if (running) {
    throw new Error(
      `another instance (pid ${running.pid}) already serves DATA_DIR=${local.dataDir} at ${running.apiUrl}`,
    );
  }
  // Read-only or full: say so now, in one line, rather than through Java 30 s later.
  checkDataDir(local.dataDir);
  const { serve } = await import('./service');
  await serve(local);
}

main().catch((error: unknown) => {
  // The Java-missing message is a complete instruction of its own.
  const { name, message } = error as Error;
  process.stderr.write(name === 'JavaMissingError' ? `${message}\n` : `Could not start: ${message}\n`);
  // process.exit runs the 'exit' hook that stops DynamoDB Local.
  process.exit(1);
});
