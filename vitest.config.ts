import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Spawned CLIs, a real keychain and a real browser: keep the two cores from thrashing.
    maxWorkers: 2,
    // Starts a private Secret Service when none is usable, so the keychain tests run on a laptop.
    globalSetup: ['tests/setup/keychain-global.ts'],
    // A keychain service name per test file, so parallel files never see each other's entries.
    setupFiles: ['tests/setup/keychain-service.ts'],
  },
});
