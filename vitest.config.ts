import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Spawned CLIs, a real keychain and a real browser: keep the two cores from thrashing.
    maxWorkers: 2,
  },
});
