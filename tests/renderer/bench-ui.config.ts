/**
 * `npm run bench:ui`: the first-screen benchmark, run by Vitest so it uses the e2e harness
 * (real handlers, real keychain, Debian's Chromium) exactly as the tests do. Not part of `npm test`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/renderer/first-screen.bench-ui.ts'],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 60_000 } },
    globalSetup: ['tests/setup/keychain-global.ts'],
    setupFiles: ['tests/setup/keychain-service.ts', 'shared/zod-english.ts'],
  },
});
