// Child process that serves one of the two HTTP targets: `bare` (node:http answering fixed JSON, the
// floor) or `api` (the local runtime's server: API Gateway events through the real handlers).
// Both run the same way, in a process of their own, so the load generator in the parent never
// shares an event loop with the server it measures. Tells the parent its port over IPC.
import { createServer, type Server } from 'node:http';
import { createServices, setServices } from '../shared/composition';
import { loadConfig } from '../shared/config';
import { createApiServer } from '../infra/local/server';

/** About the size of a verification answer, so both servers write similar bytes. */
const FIXED_JSON = JSON.stringify({
  valid: true,
  account: 'bench',
  appKey: 'apk-bench-01JBENCHBENCHBENCHBENCHBENCH',
  name: 'fixed',
  roles: ['orders-read'],
  permissions: ['orders:read'],
  tokenExpiresAt: '2030-01-01T00:00:00.000Z',
});

function bareServer(): Server {
  return createServer((req, res) => {
    // Read the request to its end, as any real server must, then answer.
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(FIXED_JSON);
    });
  });
}

function apiServer(): Server {
  // As infra/local/main.ts does: services from the environment the parent set, then the server.
  setServices(createServices(loadConfig()));
  return createApiServer();
}

const mode = process.argv[2];
if (mode !== 'bare' && mode !== 'api') throw new Error(`unknown server mode '${mode}'`);
const server = mode === 'bare' ? bareServer() : apiServer();
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as { port: number }).port });
});
// The parent going away (even by a crash) ends the server. Exiting through process.exit, not the
// default signal action, lets a `--cpu-prof` given in NODE_OPTIONS write its profile.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
