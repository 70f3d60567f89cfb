import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiHandler, type ApiHandlerOptions } from '../app.ts';
import { openDatabase, type Db } from '../db.ts';
import type { ScryptParams } from '../passwords.ts';

/** Cheap enough for hundreds of hashes per test file; the production cost has its own test. */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON (every answer of the API is JSON). */
  body: unknown;
}

export interface RequestOptions {
  /** Sent as JSON with `Content-Type: application/json` unless `raw` is given. */
  json?: unknown;
  /** Sent as is, with no content type unless `headers` sets one. */
  raw?: string | Uint8Array<ArrayBuffer>;
  token?: string;
  headers?: Record<string, string>;
}

export interface TestApi {
  url: string;
  db: Db;
  server: Server;
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  close(): Promise<void>;
}

export type TestApiOptions = Partial<ApiHandlerOptions> & { databasePath?: string };

export async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
  server.closeAllConnections();
  await closed;
}

export async function sendRequest(
  baseUrl: string,
  method: string,
  path: string,
  { json, raw, token, headers = {} }: RequestOptions = {},
): Promise<ApiResponse> {
  const allHeaders: Record<string, string> = {};
  if (json !== undefined && raw === undefined) allHeaders['content-type'] = 'application/json';
  if (token !== undefined) allHeaders['x-access-token'] = token;
  Object.assign(allHeaders, headers);
  const response = await fetch(baseUrl + path, {
    method,
    headers: allHeaders,
    body: raw ?? (json === undefined ? undefined : JSON.stringify(json)),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${path} answered ${response.status} with non-JSON: ${text}`);
  }
  return { status: response.status, headers: response.headers, body };
}

/** The API in a real HTTP server on a free loopback port, with an in-memory database by default. */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const { databasePath = ':memory:', ...handlerOptions } = options;
  const db = options.db ?? openDatabase(databasePath);
  const handler = createApiHandler({
    scrypt: TEST_SCRYPT,
    signupLimit: 1_000_000,
    loginFailureLimit: 1_000_000,
    ...handlerOptions,
    db,
  });
  const server = createServer((req, res) => handler(req, res));
  const url = await listen(server);
  return {
    url,
    db,
    server,
    request: (method, path, requestOptions) => sendRequest(url, method, path, requestOptions),
    async close() {
      await closeServer(server);
      if (db.open) db.close();
    },
  };
}

export function countUsers(db: Db): number {
  return db.prepare<[], number>('SELECT count(*) FROM users').pluck().get() ?? 0;
}

export interface Account {
  username: string;
  email: string;
  password: string;
}

let serial = 0;
/** A valid account no other call of this function returns (within one test file). */
export function newAccount(prefix = 'user'): Account {
  serial += 1;
  return {
    username: `${prefix}-${serial}`,
    email: `${prefix}.${serial}@example.com`,
    password: `correct horse ${serial}`,
  };
}

export async function signUp(api: TestApi, account: Account = newAccount()): Promise<string> {
  const response = await api.request('POST', '/api/v7/signup', { json: account });
  const token = (response.body as { accessToken?: unknown }).accessToken;
  if (response.status !== 200 || typeof token !== 'string') {
    throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return token;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** node:http without fetch's guard rails: any method, any body on any method, odd headers. */
export function rawRequest(baseUrl: string, { method, path, headers = {}, body }: RawRequest) {
  const url = new URL(baseUrl);
  return new Promise<RawResponse>((resolve, reject) => {
    // Node frames a body by default only for some methods; without a length, a GET body would
    // reach the server as the start of the next request.
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers: { ...length, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
