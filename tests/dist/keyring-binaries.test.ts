import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/cli.js';

interface Hook {
  beforeBuild(context: { appDir: string; platform: { nodeName: string }; arch: string }): Promise<boolean>;
  ensureKeyringBinaries(appDir: string, platform: string): string[];
}

describe("electron-builder's beforeBuild hook: keyring binaries for both architectures", () => {
  const app = tempDir('keyring-binaries');
  const scope = join(app.path, 'node_modules', '@napi-rs');
  let hook: Hook;

  beforeAll(async () => {
    hook = (await import(join(REPO_ROOT, 'scripts', 'keyring-binaries.mjs'))) as Hook;
    // An app folder whose node_modules has what npm ci installs on a Linux x64 machine.
    for (const name of ['keyring', `keyring-linux-x64-gnu`]) {
      const source = join(REPO_ROOT, 'node_modules', '@napi-rs', name);
      if (existsSync(source)) cpSync(source, join(scope, name), { recursive: true });
    }
    return app.cleanup;
  }, 60_000);

  it('fetches the missing architecture, at the version @napi-rs/keyring pins, and lets the build go on', async () => {
    const pinned = (JSON.parse(readFileSync(join(scope, 'keyring', 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> })
      .optionalDependencies['@napi-rs/keyring-linux-arm64-gnu'];
    await expect(hook.beforeBuild({ appDir: app.path, platform: { nodeName: 'linux' }, arch: 'arm64' })).resolves.toBe(true);
    const fetched = JSON.parse(readFileSync(join(scope, 'keyring-linux-arm64-gnu', 'package.json'), 'utf8')) as { version: string; cpu: string[] };
    expect(fetched).toMatchObject({ version: pinned, cpu: ['arm64'] });
    expect(existsSync(join(scope, 'keyring-linux-arm64-gnu', 'keyring.linux-arm64-gnu.node'))).toBe(true);
    expect(existsSync(join(scope, 'keyring-linux-x64-gnu', 'keyring.linux-x64-gnu.node'))).toBe(true);
  });

  it('adds nothing when both are already there', () => {
    expect(hook.ensureKeyringBinaries(app.path, 'linux')).toEqual([]);
  });
});
