import type { EventEmitter } from 'node:events';
import type { Connect, Plugin, ProxyOptions } from 'vite';
import { createApiHandler, isApiPath, type ApiHandler } from './app.ts';
import { readApiEnv } from './config.ts';
import { openDatabase, type Db } from './db.ts';
import type { ScryptParams } from './passwords.ts';

export interface AuroraApiOptions {
  /** Proxy /api to this Aurora API instead of serving it locally. Default: AURORA_API_URL. */
  apiUrl?: string;
  /** SQLite file for the local API, or `:memory:`. Default: AURORA_DB, else `.data/aurora.db`. */
  databasePath?: string;
  /** Failed log-ins per username per minute. Default: AURORA_LOGIN_FAILURE_LIMIT, else 10. */
  loginFailureLimit?: number;
  /** Signups per client address per minute. Default: AURORA_SIGNUP_LIMIT, else 20. */
  signupLimit?: number;
  /** Password hashing cost; only tests change it. */
  scrypt?: ScryptParams;
}

/**
 * Serves the Aurora users API under /api from `vite` and `vite preview`, so the portal and
 * its API share one origin. With AURORA_API_URL set, /api is proxied there instead and no
 * database is opened.
 */
export function auroraApi(options: AuroraApiOptions = {}): Plugin {
  const env = readApiEnv();
  const apiUrl = options.apiUrl ?? env.apiUrl;

  /**
   * The database opens when the server starts listening, or at the first /api request in
   * middleware mode, never merely because the config was loaded (Vitest loads it too).
   */
  function mount(middlewares: Connect.Server, httpServer: EventEmitter | null): void {
    let api: { db: Db; handler: ApiHandler } | undefined;
    let closed = false;
    const start = () => {
      if (closed) throw new Error('The Aurora API has been closed');
      if (api) return api;
      const db = openDatabase(options.databasePath ?? env.databasePath);
      const handler = createApiHandler({
        db,
        loginFailureLimit: options.loginFailureLimit ?? env.loginFailureLimit,
        signupLimit: options.signupLimit ?? env.signupLimit,
        scrypt: options.scrypt,
      });
      api = { db, handler };
      return api;
    };
    httpServer?.once('listening', start);
    httpServer?.once('close', () => {
      closed = true;
      api?.db.close();
    });
    middlewares.use((req, res, next) => {
      if (isApiPath(req.url)) start().handler(req, res, next);
      else next();
    });
  }

  if (apiUrl !== undefined) {
    const proxy: Record<string, ProxyOptions> = {
      // A regex key, so /apiary is not forwarded: only the API's own paths.
      '^/api/': { target: apiUrl, changeOrigin: true, secure: true },
    };
    return {
      name: 'aurora-api:proxy',
      config: () => ({ server: { proxy }, preview: { proxy } }),
    };
  }

  return {
    name: 'aurora-api',
    configureServer(server) {
      mount(server.middlewares, server.httpServer);
    },
    configurePreviewServer(server) {
      mount(server.middlewares, server.httpServer);
    },
  };
}
