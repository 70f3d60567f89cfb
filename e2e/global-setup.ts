/**
 * Builds the portal and serves it, with the local API on a fresh SQLite file, for the
 * whole run. Workers find it through AURORA_E2E_BASE_URL; journeys that need a server of
 * their own start one from the same build (AURORA_E2E_DIST). The returned function is
 * Playwright's teardown: it stops the server and deletes the build and the database.
 */
import path from 'node:path';
import { makeTempDir } from '../scripts/temp-dir';
import { buildPortal, startPortal } from './support/portal-server';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const { dir, remove } = await makeTempDir('aurora-e2e');
  try {
    const outDir = path.join(dir, 'dist');
    await buildPortal(outDir, path.join(dir, 'unused-by-build.db'));
    const portal = await startPortal(outDir, path.join(dir, 'aurora.db'));
    process.env.AURORA_E2E_BASE_URL = portal.url;
    process.env.AURORA_E2E_DIST = outDir;
    return async () => {
      await portal.stop();
      await remove();
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
