import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  builderNames,
  devElectronBinary,
  locateElectronApp,
  packagedExecutable,
} from '../../scripts/electron-e2e-app.mjs';
import { REPO_ROOT } from '../helpers/cli.js';

// The names come from electron-builder.yml itself, so a renamed product moves the expectations too.
const config = parse(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as {
  productName: string;
  linux: { executableName: string };
};
const names = builderNames(REPO_ROOT);
const out = join(REPO_ROOT, names.outputDir);

function fakeFs(files: string[]) {
  const set = new Set(files);
  return {
    exists: (path: string) => set.has(path),
    list: (dir: string) => files.filter((file) => file.startsWith(`${dir}/`)).map((file) => file.slice(dir.length + 1)),
  };
}

describe('the packaged app per OS (scripts/electron-e2e-app.mjs)', () => {
  it('reads productName and the Linux executable from electron-builder.yml, the output from the e2e config', () => {
    expect(names).toEqual({
      productName: config.productName,
      linuxExecutableName: config.linux.executableName,
      outputDir: 'release-e2e',
    });
  });

  it('finds the macOS .app binary under mac/ (x64) or mac-arm64/', () => {
    const app = `${config.productName}.app`;
    const list = () => [];
    expect(packagedExecutable({ platform: 'darwin', arch: 'arm64', kind: 'app', outputDir: out, names, list })).toBe(
      join(out, 'mac-arm64', app, 'Contents', 'MacOS', config.productName),
    );
    expect(packagedExecutable({ platform: 'darwin', arch: 'x64', kind: 'app', outputDir: out, names, list })).toBe(
      join(out, 'mac', app, 'Contents', 'MacOS', config.productName),
    );
  });

  it('finds the Windows unpacked build, <productName>.exe in win-unpacked (or win-arm64-unpacked)', () => {
    const list = () => [];
    expect(packagedExecutable({ platform: 'win32', arch: 'x64', kind: 'unpacked', outputDir: out, names, list })).toBe(
      join(out, 'win-unpacked', `${config.productName}.exe`),
    );
    expect(
      packagedExecutable({ platform: 'win32', arch: 'arm64', kind: 'unpacked', outputDir: out, names, list }),
    ).toBe(join(out, 'win-arm64-unpacked', `${config.productName}.exe`));
  });

  it('finds the Linux AppImage of this CPU among several, and the unpacked executable', () => {
    const { list } = fakeFs([
      join(out, 'agora-token-desk-9.9.9-linux-arm64.AppImage'),
      join(out, 'agora-token-desk-9.9.9-linux-x86_64.AppImage'),
      join(out, 'agora-token-desk-9.9.9-linux-x86_64.AppImage.blockmap'),
    ]);
    const find = (arch: string, kind: string) =>
      packagedExecutable({ platform: 'linux', arch, kind, outputDir: out, names, list });
    expect(find('x64', 'appimage')).toBe(join(out, 'agora-token-desk-9.9.9-linux-x86_64.AppImage'));
    expect(find('arm64', 'appimage')).toBe(join(out, 'agora-token-desk-9.9.9-linux-arm64.AppImage'));
    expect(find('x64', 'unpacked')).toBe(join(out, 'linux-unpacked', config.linux.executableName));
    expect(find('arm64', 'unpacked')).toBe(join(out, 'linux-arm64-unpacked', config.linux.executableName));
    const none = () => [];
    expect(
      packagedExecutable({ platform: 'linux', arch: 'x64', kind: 'appimage', outputDir: out, names, list: none }),
    ).toBeUndefined();
  });

  it('refuses a packaged form the OS does not have', () => {
    const list = () => [];
    expect(() =>
      packagedExecutable({ platform: 'win32', arch: 'x64', kind: 'appimage', outputDir: out, names, list }),
    ).toThrow(/no packaged form "appimage" on win32; use unpacked/);
    expect(() =>
      packagedExecutable({ platform: 'darwin', arch: 'x64', kind: 'unpacked', outputDir: out, names, list }),
    ).toThrow(/use app/);
  });
});

describe('what npm run test:electron launches', () => {
  const electronDir = join(REPO_ROOT, 'node_modules', 'electron');
  const read = (path: string) => (path.endsWith('path.txt') ? 'electron' : readFileSync(path, 'utf8'));

  it("uses node_modules' Electron once its binary is downloaded, honouring ELECTRON_OVERRIDE_DIST_PATH", () => {
    const installed = fakeFs([join(electronDir, 'path.txt'), join(electronDir, 'dist', 'electron')]);
    expect(locateElectronApp({ root: REPO_ROOT, env: {}, read, ...installed })).toEqual({
      mode: 'dev',
      executable: join(electronDir, 'dist', 'electron'),
    });
    const override = fakeFs([join(electronDir, 'path.txt'), join('/opt/electron', 'electron')]);
    expect(devElectronBinary(REPO_ROOT, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, override.exists, read)).toBe(
      join('/opt/electron', 'electron'),
    );
  });

  it('is absent without a download (path.txt missing, or its binary gone)', () => {
    expect(locateElectronApp({ root: REPO_ROOT, env: {}, read, ...fakeFs([]) }).mode).toBe('absent');
    expect(locateElectronApp({ root: REPO_ROOT, env: {}, read, ...fakeFs([join(electronDir, 'path.txt')]) }).mode).toBe(
      'absent',
    );
  });

  it('takes ELECTRON_E2E_EXECUTABLE as is, and fails (never skips) when it or the packaged form is missing', () => {
    const exe = '/apps/Agora Token Desk.exe';
    expect(locateElectronApp({ root: REPO_ROOT, env: { ELECTRON_E2E_EXECUTABLE: exe }, ...fakeFs([exe]) })).toEqual({
      mode: 'packaged',
      executable: exe,
    });
    expect(locateElectronApp({ root: REPO_ROOT, env: { ELECTRON_E2E_EXECUTABLE: exe }, ...fakeFs([]) })).toEqual({
      mode: 'error',
      reason: `ELECTRON_E2E_EXECUTABLE names ${exe}, which does not exist`,
    });
    const packaged = join(out, 'win-unpacked', `${config.productName}.exe`);
    const env = { ELECTRON_E2E_PACKAGED: 'unpacked' };
    expect(locateElectronApp({ root: REPO_ROOT, env, platform: 'win32', arch: 'x64', ...fakeFs([packaged]) })).toEqual({
      mode: 'packaged',
      executable: packaged,
    });
    const missing = locateElectronApp({ root: REPO_ROOT, env, platform: 'win32', arch: 'x64', ...fakeFs([]) });
    expect(missing).toMatchObject({ mode: 'error', reason: expect.stringContaining('electron-builder.e2e.yml') });
  });
});
