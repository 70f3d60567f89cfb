/**
 * The "come back to where you were" target after log-in. Only a path of this app is
 * accepted: a single leading slash, no scheme, no host, no backslash tricks. Anything
 * else falls back to the profile.
 */
export const DEFAULT_RETURN_PATH = '/profile';

const GUEST_PATHS = new Set(['/login', '/signup']);

export function safeReturnPath(candidate: unknown): string {
  if (typeof candidate !== 'string') return DEFAULT_RETURN_PATH;
  if (!candidate.startsWith('/') || candidate.startsWith('//')) return DEFAULT_RETURN_PATH;
  // Browsers treat "\" like "/" in URLs, so "/\evil.example" is another origin; control
  // characters can hide the same trick.
  if (candidate.includes('\\') || hasControlCharacter(candidate)) return DEFAULT_RETURN_PATH;
  const url = new URL(candidate, 'https://app.invalid');
  // Dot segments ("/.//evil.example") can normalise into a protocol-relative path.
  if (url.origin !== 'https://app.invalid' || url.pathname.startsWith('//')) {
    return DEFAULT_RETURN_PATH;
  }
  if (GUEST_PATHS.has(url.pathname)) return DEFAULT_RETURN_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}

function hasControlCharacter(text: string): boolean {
  return [...text].some((character) => {
    const code = character.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });
}
