import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { auroraApi } from './server/vite-plugin.ts';
import { securityHeaders } from './server/security-headers.ts';
import { prerender } from './scripts/prerender-plugin.ts';

export default defineConfig({
  plugins: [react(), auroraApi(), securityHeaders(), prerender()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts'],
          exclude: ['server/stress/**'],
        },
      },
      {
        test: {
          name: 'stress',
          environment: 'node',
          include: ['server/stress/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
