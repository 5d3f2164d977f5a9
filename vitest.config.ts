import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Budgets, not expectations: tests wait on conditions, and on a loaded 2-core machine a
    // spawned CLI or Chromium takes seconds to start (a render once took over 30 s).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A busy 2-core machine runs a keychain write, an IPC round trip and a React render in well
    // over poll's default second; these polls wait for an outcome, they do not time it.
    expect: { poll: { timeout: 30_000 } },
    // Spawned CLIs, a real keychain and a real browser: keep the two cores from thrashing.
    maxWorkers: 2,
    // Starts a private Secret Service when none is usable, so the keychain tests run on a laptop.
    globalSetup: ['tests/setup/keychain-global.ts'],
    // A keychain service name per test file, so parallel files never see each other's entries.
    // zod's English wording, as the CLI and Electron main load it (shared/zod-english.ts).
    setupFiles: ['tests/setup/keychain-service.ts', 'shared/zod-english.ts'],
  },
});
