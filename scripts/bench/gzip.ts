import { gzipSync } from 'node:zlib';

/** The size the issue measures by: zlib gzip at level 9. */
export function gzipSize(bytes: string | Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

export function formatBytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
