import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// npm run test:electron (scripts/test-electron.mjs) only: the real app, one launch at a time.
// The default `vitest run` never sees these files: its include is *.test.ts, these are *.e2e.ts.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/electron-e2e/**/*.e2e.ts'],
    // The app holds a single-instance lock and the OS clipboard is one: never two launches at once.
    fileParallelism: false,
    maxWorkers: 1,
    // Budgets for a cold Electron start on a hosted runner; every wait is on a condition.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    expect: { poll: { timeout: 30_000 } },
    globalSetup: ['tests/setup/keychain-global.ts'],
    setupFiles: ['tests/setup/keychain-service.ts', 'shared/zod-english.ts'],
  },
});
