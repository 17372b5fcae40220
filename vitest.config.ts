import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { patience } from './test/support/patience.ts';

export default defineConfig({
  resolve: {
    alias: {
      '@protocol': fileURLToPath(new URL('./protocol', import.meta.url)),
      '@client': fileURLToPath(new URL('./client', import.meta.url)),
    },
  },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'dist/**', 'data/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // Scaled by the machine's load when the run starts (test/support/patience.ts).
    testTimeout: patience(30_000),
    hookTimeout: patience(60_000),
    // Server and browser tests bind ports and spawn processes; two cores run two files at once.
    maxWorkers: 2,
  },
});
