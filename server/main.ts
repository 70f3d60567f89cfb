/**
 * `npm run api`: the Aurora users API alone, on http://127.0.0.1:${PORT:-8787}.
 * Settings: PORT, AURORA_DB, AURORA_LOGIN_FAILURE_LIMIT, AURORA_SIGNUP_LIMIT (see config.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiHandler } from './app.ts';
import { readApiEnv, readPort } from './config.ts';
import { openDatabase } from './db.ts';

const HOST = '127.0.0.1';

const env = readApiEnv();
const db = openDatabase(env.databasePath);
const handler = createApiHandler({
  db,
  loginFailureLimit: env.loginFailureLimit,
  signupLimit: env.signupLimit,
});
const server = createServer((req, res) => handler(req, res));

server.listen(readPort(), HOST, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Aurora API listening on http://${HOST}:${port} (database: ${env.databasePath})`);
});

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing the Aurora API`);
  server.close(() => {
    db.close();
    process.exit(0);
  });
  // Idle keep-alive connections would hold close() open; requests in flight get to finish.
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
  }, 2_000).unref();
}

process.once('SIGINT', stop);
process.once('SIGTERM', stop);
