// electron-builder `beforeBuild` hook (electron-builder.yml): makes sure the keyring's prebuilt
// native binary is in node_modules for every architecture an installer is built for.
// npm installs @napi-rs/keyring's platform package for the machine's own CPU only, so building
// the arm64 installer on an x64 machine (or the reverse) would otherwise ship an app whose
// keychain cannot load. Both architectures of the platform are fetched on the first call,
// before electron-builder collects node_modules for any of them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The platform packages a desktop installer of each OS needs (glibc on Linux: AppImage, deb). */
const TARGETS = {
  darwin: ['darwin-x64', 'darwin-arm64'],
  win32: ['win32-x64-msvc', 'win32-arm64-msvc'],
  linux: ['linux-x64-gnu', 'linux-arm64-gnu'],
};

/** Extracts `npm pack`'s tarball of name@version into dir. */
function fetchPackage(name, version, dir) {
  const scratch = mkdtempSync(join(tmpdir(), 'keyring-binary-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const [report] = JSON.parse(
      execFileSync(npm, ['pack', `${name}@${version}`, '--json', '--pack-destination', scratch], {
        encoding: 'utf8',
        shell: process.platform === 'win32',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', join(scratch, report.filename), '-C', dir, '--strip-components=1'], {
      stdio: 'inherit',
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Adds the missing keyring platform packages for `platform` (a Node platform name) under
 * appDir/node_modules, at the version @napi-rs/keyring pins. Returns the packages it added.
 */
export function ensureKeyringBinaries(appDir, platform) {
  const scope = join(appDir, 'node_modules', '@napi-rs');
  const keyring = JSON.parse(readFileSync(join(scope, 'keyring', 'package.json'), 'utf8'));
  const added = [];
  for (const target of TARGETS[platform] ?? []) {
    const name = `@napi-rs/keyring-${target}`;
    const dir = join(scope, `keyring-${target}`);
    const version = keyring.optionalDependencies?.[name];
    if (version === undefined) throw new Error(`@napi-rs/keyring ${keyring.version} has no ${name} package`);
    if (existsSync(join(dir, 'package.json'))) continue;
    fetchPackage(name, version, dir);
    added.push(name);
  }
  return added;
}

/** The hook: electron-builder passes the Platform it builds for; true lets it go on as usual. */
export async function beforeBuild({ appDir, platform }) {
  const added = ensureKeyringBinaries(appDir, platform.nodeName);
  if (added.length > 0) console.log(`  • added keyring binaries for the installer: ${added.join(', ')}`);
  return true;
}

export default beforeBuild;
