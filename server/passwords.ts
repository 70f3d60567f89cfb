import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** Production cost: about 32 MiB and tens of milliseconds per hash. Tests pass a lower N. */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const SCHEME = 'scrypt';

export interface PasswordHasher {
  readonly params: Readonly<ScryptParams>;
  /** `scrypt$N$r$p$salt$key` (base64url), so the cost can change without breaking old hashes. */
  hash(password: string): Promise<string>;
  /** Checks `password` against a hash from `hash`, with the parameters stored in it. */
  verify(password: string, stored: string): Promise<boolean>;
  /** Costs what `verify` costs and is always false: log-in for an unknown user runs it so
   * its timing does not tell whether the user exists. */
  verifyAgainstDummy(password: string): Promise<false>;
  /** True when `stored` was made with other parameters than this hasher's. */
  needsRehash(stored: string): boolean;
}

interface StoredHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function scryptAsync(password: string, salt: Buffer, params: ScryptParams, keyLength: number) {
  // Node refuses anything over maxmem (32 MiB by default), and N=2^15, r=8 needs exactly 32 MiB.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r * params.p };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

function assertValidParams(params: ScryptParams): void {
  const { N, r, p } = params;
  const isPowerOfTwo = Number.isSafeInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || !Number.isSafeInteger(r) || r < 1 || !Number.isSafeInteger(p) || p < 1) {
    throw new RangeError(`Invalid scrypt parameters N=${N}, r=${r}, p=${p}`);
  }
}

function encode({ params, salt, key }: StoredHash): string {
  const { N, r, p } = params;
  return [SCHEME, N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function decode(stored: string): StoredHash {
  const [scheme, N, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== SCHEME || salt === undefined || key === undefined || rest.length > 0) {
    throw new Error('Unrecognised password hash format');
  }
  const params = { N: Number(N), r: Number(r), p: Number(p) };
  assertValidParams(params);
  const decoded = {
    params,
    salt: Buffer.from(salt, 'base64url'),
    key: Buffer.from(key, 'base64url'),
  };
  if (decoded.salt.length < SALT_BYTES || decoded.key.length < KEY_BYTES) {
    throw new Error('Password hash too short');
  }
  return decoded;
}

export function createPasswordHasher(
  params: Readonly<ScryptParams> = DEFAULT_SCRYPT_PARAMS,
): PasswordHasher {
  assertValidParams(params);
  const ownParams = { ...params };

  async function hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await scryptAsync(password, salt, ownParams, KEY_BYTES);
    return encode({ params: ownParams, salt, key });
  }

  async function verify(password: string, stored: string): Promise<boolean> {
    const expected = decode(stored);
    const actual = await scryptAsync(password, expected.salt, expected.params, expected.key.length);
    return timingSafeEqual(actual, expected.key);
  }

  // A random key no password derives to, under this hasher's own cost.
  const dummy = encode({
    params: ownParams,
    salt: randomBytes(SALT_BYTES),
    key: randomBytes(KEY_BYTES),
  });
  async function verifyAgainstDummy(password: string): Promise<false> {
    await verify(password, dummy);
    return false;
  }

  function needsRehash(stored: string): boolean {
    const { params: storedParams, key } = decode(stored);
    return (
      storedParams.N !== ownParams.N ||
      storedParams.r !== ownParams.r ||
      storedParams.p !== ownParams.p ||
      key.length !== KEY_BYTES
    );
  }

  return { params: ownParams, hash, verify, verifyAgainstDummy, needsRehash };
}
