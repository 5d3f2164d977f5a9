// Which Electron app `npm run test:electron` drives: a packaged build (release workflow, or a
// developer's own) or the source tree on node_modules' Electron. Pure functions over an
// injected file system, so each OS's layout is unit-tested on any machine
// (tests/electron-e2e/locate-app.test.ts); scripts/test-electron.mjs and the suite use them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** An explicit executable: a packaged app's binary (or any Electron build) to launch as is. */
export const EXECUTABLE_ENV = 'ELECTRON_E2E_EXECUTABLE';
/** A packaged form to find under the e2e build's output folder: appimage, unpacked or app. */
export const PACKAGED_ENV = 'ELECTRON_E2E_PACKAGED';
/** The builder config the packaged e2e build is made with (the release config, inspector fuse on). */
export const E2E_BUILDER_CONFIG = 'electron-builder.e2e.yml';

const PACKAGED_KINDS = {
  linux: ['appimage', 'unpacked'],
  darwin: ['app'],
  win32: ['unpacked'],
};

/**
 * productName, the Linux executable name and the e2e build's output folder, as electron-builder
 * reads them: the e2e config's own keys over those of the config it extends.
 */
export function builderNames(root, read = (path) => readFileSync(path, 'utf8')) {
  const e2e = parse(read(join(root, E2E_BUILDER_CONFIG))) ?? {};
  const base = parse(read(join(root, typeof e2e.extends === 'string' ? e2e.extends : 'electron-builder.yml'))) ?? {};
  const productName = e2e.productName ?? base.productName;
  if (typeof productName !== 'string' || productName === '') throw new Error('electron-builder.yml has no productName');
  const linux = { ...base.linux, ...e2e.linux };
  return {
    productName,
    linuxExecutableName: typeof linux.executableName === 'string' ? linux.executableName : productName,
    outputDir: e2e.directories?.output ?? base.directories?.output ?? 'dist',
  };
}

/** electron-builder's folder suffix for a non-x64 build: `win-arm64-unpacked`, `mac-arm64`. */
function archSuffix(arch) {
  return arch === 'x64' ? '' : `-${arch}`;
}

const APPIMAGE_ARCH = { x64: ['x86_64', 'x64', 'amd64'], arm64: ['arm64', 'aarch64'], ia32: ['i386', 'ia32'] };

/**
 * Where electron-builder puts the runnable app of one packaged form, for an OS and CPU. The
 * AppImage's file name carries the version, so it is picked from the folder's listing by arch.
 */
export function packagedExecutable({ platform, arch, kind, outputDir, names, list }) {
  const allowed = PACKAGED_KINDS[platform] ?? [];
  if (!allowed.includes(kind)) {
    throw new Error(`no packaged form "${kind}" on ${platform}; use ${allowed.join(' or ') || 'another OS'}`);
  }
  if (platform === 'darwin') {
    const app = `${names.productName}.app`;
    return join(outputDir, `mac${archSuffix(arch)}`, app, 'Contents', 'MacOS', names.productName);
  }
  if (platform === 'win32') return join(outputDir, `win${archSuffix(arch)}-unpacked`, `${names.productName}.exe`);
  if (kind === 'unpacked') return join(outputDir, `linux${archSuffix(arch)}-unpacked`, names.linuxExecutableName);
  const tags = APPIMAGE_ARCH[arch] ?? [arch];
  const images = list(outputDir).filter((name) => name.endsWith('.AppImage'));
  const match = images.find((name) => tags.some((tag) => name.includes(`-${tag}.`) || name.includes(`-${tag}-`)));
  // electron-builder leaves the x64 arch out of the name unless the artifactName asks for it.
  const fallback = arch === 'x64' ? images.find((name) => !/(arm64|aarch64|armv7l|i386|ia32)/.test(name)) : undefined;
  const image = match ?? fallback;
  return image === undefined ? undefined : join(outputDir, image);
}

/** Electron's own binary as node_modules/electron would launch it, when its download happened. */
export function devElectronBinary(root, env, exists = existsSync, read = (path) => readFileSync(path, 'utf8')) {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!exists(pathFile)) return undefined;
  const relative = read(pathFile).trim();
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? join(override, relative) : join(electronDir, 'dist', relative);
  return exists(binary) ? binary : undefined;
}

/**
 * What to launch: `{ mode: 'packaged', executable }`, `{ mode: 'dev', executable }` (Electron
 * from node_modules, with the built app in dist/), `{ mode: 'absent', reason }` when no Electron
 * is here, or `{ mode: 'error', reason }` when a packaged app was asked for and is not there
 * (a release must never pass by skipping).
 */
export function locateElectronApp({
  root,
  env = process.env,
  platform = process.platform,
  arch = process.arch,
  exists = existsSync,
  list = (dir) => (existsSync(dir) ? readdirSync(dir) : []),
  read = (path) => readFileSync(path, 'utf8'),
}) {
  const explicit = env[EXECUTABLE_ENV];
  if (explicit) {
    return exists(explicit)
      ? { mode: 'packaged', executable: explicit }
      : { mode: 'error', reason: `${EXECUTABLE_ENV} names ${explicit}, which does not exist` };
  }
  const kind = env[PACKAGED_ENV];
  if (kind) {
    const names = builderNames(root, read);
    const outputDir = join(root, names.outputDir);
    let executable;
    try {
      executable = packagedExecutable({ platform, arch, kind, outputDir, names, list });
    } catch (error) {
      return { mode: 'error', reason: error.message };
    }
    if (executable !== undefined && exists(executable)) return { mode: 'packaged', executable };
    return {
      mode: 'error',
      reason: `no packaged app (${kind}) in ${outputDir}: build it with npx electron-builder --config ${E2E_BUILDER_CONFIG}`,
    };
  }
  const binary = devElectronBinary(root, env, exists, read);
  return binary === undefined
    ? { mode: 'absent', reason: "Electron's binary is not installed (node_modules/electron has no download)" }
    : { mode: 'dev', executable: binary };
}
