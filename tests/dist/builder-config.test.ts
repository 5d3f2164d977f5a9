import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/cli.js';
import {
  asarUnpackFilter,
  createLinuxPackager,
  loadBuilderConfig,
  mainFileFilter,
  validateBuilderConfig,
  type Configuration,
  type LinuxPackagerSetup,
} from './electron-builder.js';

const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };



/** { targetName: [arch, …] } from a platform's `target` list. */
function targetArchs(target: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const entry of Array.isArray(target) ? target : [target]) {
    if (typeof entry === 'string') result[entry] = [];
    else if (entry !== null && typeof entry === 'object' && 'target' in entry) {
      const { target: name, arch } = entry as { target: string; arch?: string | string[] };
      result[name] = arch === undefined ? [] : Array.isArray(arch) ? arch : [arch];
    }
  }
  return result;
}

describe('electron-builder.yml', () => {
  let config: Configuration;
  let setup: LinuxPackagerSetup;
  const scratch = tempDir('builder-config');

  beforeAll(async () => {
    config = await loadBuilderConfig();
    setup = await createLinuxPackager();
    return scratch.cleanup;
  });

  it("passes electron-builder's own schema validation", async () => {
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined();
  });

  it('is checked by a validator that does reject a wrong option', async () => {
    const wrong = { ...config, nsis: { ...config.nsis, installForEveryone: true } } as Configuration;
    await expect(validateBuilderConfig(wrong)).rejects.toThrow(/configuration\.nsis/);
  });

  it('names the product, a reverse-DNS app id, and takes the version from package.json', () => {
    expect(config.productName).toBe('Agora Token Desk');
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config.extraMetadata?.version).toBeUndefined();
    expect(setup.packager.appInfo.version).toBe(packageJson.version);
    expect(setup.packager.appInfo.productName).toBe('Agora Token Desk');
  });

  it('builds dmg and zip for macOS, nsis for Windows, AppImage and deb for Linux, each for x64 and arm64', () => {
    const both = ['x64', 'arm64'];
    expect(targetArchs(config.mac?.target)).toEqual({ dmg: both, zip: both });
    expect(targetArchs(config.win?.target)).toEqual({ nsis: both });
    expect(targetArchs(config.linux?.target)).toEqual({ AppImage: both, deb: both });
  });

  it('installs per user on Windows (assisted installer, no machine-wide install)', () => {
    expect(config.nsis?.oneClick).toBe(false);
    expect(config.nsis?.perMachine).toBe(false);
  });

  it('has what a deb needs: maintainer, homepage and category', async () => {
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.linux?.category).toBe('Development');
    expect(await setup.packager.appInfo.computePackageUrl()).toMatch(/^https:\/\//);
  });

  it('writes installers to release/ and uses our icon from build/', () => {
    expect(config.directories?.output).toBe('release');
    expect(config.directories?.buildResources).toBe('build');
    for (const platform of [config.mac, config.win, config.linux]) expect(platform?.icon).toBe('build/icon.png');
    const png = readFileSync(join(REPO_ROOT, 'build', 'icon.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it('runs the hook that adds the keyring binary of the other architecture before packaging', () => {
    expect(config.beforeBuild).toBe('./scripts/keyring-binaries.mjs');
    expect(config.npmRebuild).not.toBe(false);
  });

  it('unpacks the keyring module and its native binaries from the asar, for every platform package', () => {
    const unpacked = asarUnpackFilter(setup, scratch.path);
    for (const platform of ['darwin-arm64', 'darwin-x64', 'win32-x64-msvc', 'win32-arm64-msvc', 'linux-x64-gnu', 'linux-arm64-gnu']) {
      expect(unpacked(`node_modules/@napi-rs/keyring-${platform}/keyring.${platform}.node`), platform).toBe(true);
    }
    expect(unpacked('node_modules/@napi-rs/keyring/index.js')).toBe(true);
    expect(unpacked('node_modules/fastify/fastify.js')).toBe(false);
    expect(unpacked('dist/electron/main.js')).toBe(false);
  });

  it('packages the built main, preload and renderer and leaves out sources, tests, maps and the CLI', () => {
    const included = mainFileFilter(setup, scratch.path);
    for (const path of ['package.json', 'dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-3f2a.js']) {
      expect(included(path), path).toBe(true);
    }
    const excluded = [
      'dist/electron/main.js.map',
      'dist/renderer/assets/index-3f2a.js.map',
      'dist/renderer/assets/leftover.ts',
      'dist/renderer/tests/app.test.js',
      'electron/main.ts',
      'renderer/App.tsx',
      'shared/contract.ts',
      'tests/dist/builder-config.test.ts',
      'dist/cli/main.js',
      'dist/shared/contract/index.js',
      'scripts/make-icon.mjs',
      'build/icon.svg',
      'electron-builder.yml',
      'README.md',
    ];
    for (const path of excluded) expect(included(path), path).toBe(false);
  });
  it('flips the Electron fuses that stop the binary being reused as Node or loading another app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("checks fuse names against electron-builder's schema (a misspelt fuse is rejected)", async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } } as Configuration;
    await expect(validateBuilderConfig(misspelt)).rejects.toThrow(/electronFuses/);
  });
});
