import { randomBytes } from 'node:crypto';
import type { Plugin } from 'vite';

export interface PolicyOptions {
  /** Another origin the portal calls (VITE_API_BASE_URL), allowed in connect-src. */
  apiOrigin?: string | undefined;
  /** Dev only: Vite's dev server injects its client and CSS with this nonce. */
  nonce?: string | undefined;
}

/** The Content-Security-Policy of every page: nothing inline, nothing from elsewhere. */
export function contentSecurityPolicy({ apiOrigin, nonce }: PolicyOptions = {}): string {
  const self = nonce ? `'self' 'nonce-${nonce}'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${self}`,
    `style-src ${self}`,
    "img-src 'self' data:",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

export function securityHeaderValues(options: PolicyOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Sends the security headers from `vite` and `vite preview`. The production build needs
 * no inline script or style; only the dev server's own injected code gets a nonce,
 * fresh each time it starts.
 */
export function securityHeaders(): Plugin {
  return {
    name: 'aurora-security-headers',
    config(config, { command, isPreview }) {
      const apiOrigin = originOf(process.env.VITE_API_BASE_URL);
      if (command === 'serve' && !isPreview) {
        const nonce = randomBytes(16).toString('base64url');
        return {
          html: { cspNonce: nonce },
          server: {
            headers: { ...config.server?.headers, ...securityHeaderValues({ apiOrigin, nonce }) },
          },
        };
      }
      return {
        preview: {
          headers: { ...config.preview?.headers, ...securityHeaderValues({ apiOrigin }) },
        },
      };
    },
  };
}
