import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.ts';

const TOKEN_BYTES = 32;
/** base64url of 32 bytes is 43 characters; anything much longer cannot be ours. */
const MAX_TOKEN_LENGTH = 256;

/** An opaque bearer token: 32 random bytes, base64url. */
export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Tokens are stored only as this digest, so a copy of the database lets no one in. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export interface TokenStore {
  /** Issues a new token for the user and returns it; only its hash is kept. */
  issue(userId: number): string;
  /** The id of the user the token belongs to, if it is one we issued. */
  findUserId(token: string): number | undefined;
}

export function createTokenStore(db: Db): TokenStore {
  const insert = db.prepare<[Buffer, number, number]>(
    'INSERT INTO access_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)',
  );
  const select = db.prepare<[Buffer], { user_id: number }>(
    'SELECT user_id FROM access_tokens WHERE token_hash = ?',
  );

  return {
    issue(userId) {
      const token = generateToken();
      insert.run(hashToken(token), userId, Date.now());
      return token;
    },
    findUserId(token) {
      if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return undefined;
      return select.get(hashToken(token))?.user_id;
    },
  };
}
