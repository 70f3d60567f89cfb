import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body the API reads; every valid one is far smaller. */
export const MAX_BODY_BYTES = 16 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false };

/** `application/json`, with or without parameters; a charset, if given, must be UTF-8 (RFC 8259). */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [mediaType = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return false;
  return params.every((param) => {
    const [name, value] = param.split('=').map((part) => part.trim().replace(/^"(.*)"$/, '$1'));
    return name !== 'charset' || value === 'utf-8' || value === 'utf8';
  });
}

/** Requests whose body we stopped reading; their answer closes the connection. */
const abandoned = new WeakSet<IncomingMessage>();

function readBytes(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | undefined) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        abandoned.add(req);
        finish(undefined);
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onError = () => finish(undefined);
    // A client that hangs up mid-body gets no 'end'; without this the request would wait forever.
    const onClose = () => finish(undefined);
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/**
 * Reads and parses a JSON request body. Anything but well-formed UTF-8 JSON of at most
 * MAX_BODY_BYTES with a JSON content type is `{ ok: false }`. An over-long body is not read to
 * its end: the answer closes the connection instead.
 */
export async function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  if (!isJsonContentType(req.headers['content-type'])) return { ok: false };
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
    abandoned.add(req);
    return { ok: false };
  }
  const bytes = await readBytes(req);
  if (bytes === undefined) return { ok: false };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', payload.length);
  // Answers carry access tokens and account data: keep them out of every cache.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (abandoned.has(req)) {
    // Reading on just to throw the rest away would let a client hold us with an endless body.
    res.setHeader('Connection', 'close');
    req.resume();
  }
  res.end(payload);
}
