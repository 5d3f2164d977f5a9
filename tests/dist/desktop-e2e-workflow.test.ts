/**
 * The two workflows that run the real desktop app (desktop-e2e.yml on every push, release.yml
 * on the packaged app before installers): they parse, run npm run test:electron the way the
 * suite needs on each OS, and name only scripts and files that exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builderNames, packagedExecutable } from '../../scripts/electron-e2e-app.mjs';
import { REPO_ROOT } from '../helpers/cli.js';
import { validateBuilderConfig, type Configuration } from './electron-builder.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  strategy?: { matrix: { os?: string[]; include?: Array<Record<string, string>> } };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const load = (name: string) =>
  parse(readFileSync(join(REPO_ROOT, '.github', 'workflows', name), 'utf8')) as Workflow;
const desktop = load('desktop-e2e.yml');
const release = load('release.yml');
const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const runs = (job: Job | undefined) => (job?.steps ?? []).map((step) => step.run ?? '').join('\n');
const allRuns = (workflow: Workflow) => Object.values(workflow.jobs).map(runs).join('\n');

/** Files a command line names: `node <file>`, `--config <file>`, `-c <file>`, `-p <file>`. */
function namedFiles(commands: string): string[] {
  const found = [...commands.matchAll(/(?:\bnode|--config|\s-[cp])\s+([\w./-]+\.(?:m?js|ya?ml|json|ts))\b/g)];
  return found.map((match) => match[1] ?? '');
}

/** The commands, and the package.json scripts they run (and those scripts' own npm runs). */
function withScripts(commands: string, seen = new Set<string>()): string {
  const nested = [...commands.matchAll(/npm run (?:-s )?([\w:-]+)/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => !seen.has(name) && scripts[name] !== undefined)
    .map((name) => {
      seen.add(name);
      return withScripts(scripts[name] ?? '', seen);
    });
  return [commands, ...nested].join('\n');
}

describe('.github/workflows/desktop-e2e.yml', () => {
  const job = desktop.jobs['electron'];

  it('runs on every push and pull request, on Ubuntu, macOS and Windows', () => {
    expect(Object.keys(desktop.on).sort()).toEqual(['pull_request', 'push']);
    expect(job?.strategy?.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(job?.['runs-on']).toBe('${{ matrix.os }}');
  });

  it("installs with npm ci, fetches Electron's binary, builds, then runs npm run test:electron", () => {
    const commands = runs(job);
    const order = ['npm ci', 'node node_modules/electron/install.js', 'npm run build', 'npm run test:electron'];
    const at = order.map((command) => commands.indexOf(command));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('runs Linux under Xvfb inside a session bus with an unlocked gnome-keyring', () => {
    const linux = job?.steps.find((step) => step.if === "runner.os == 'Linux'" && step.run?.includes('test:electron'));
    expect(linux?.run).toMatch(/dbus-run-session[\s\S]*gnome-keyring-daemon --unlock[\s\S]*xvfb-run [^\n]*npm run test:electron/);
    const packages = job?.steps.find((step) => step.run?.includes('apt-get install'))?.run ?? '';
    for (const name of ['xvfb', 'dbus', 'gnome-keyring']) expect(packages).toMatch(new RegExp(`\\b${name}\\b`));
    const others = job?.steps.find((step) => step.if === "runner.os != 'Linux'");
    expect(others?.run).toBe('npm run test:electron');
  });

  it('uploads the screenshots folder the suite writes to, even when a test failed', () => {
    const dir = job?.env?.['ELECTRON_E2E_SCREENSHOT_DIR'] ?? '';
    const upload = job?.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('always()');
    expect(dir).toBe(`\${{ github.workspace }}/${String(upload?.with?.['path']).replace(/\/$/, '')}`);
  });
});

describe('.github/workflows/release.yml: the packaged app, before the installers', () => {
  const installers = release.jobs['installers'];
  const matrix = installers?.strategy?.matrix.include ?? [];
  const e2e = installers?.steps.find((step) => step.run?.includes('npm run test:electron'));

  it('builds the e2e package and runs the suite on it before building the installers', () => {
    const names = (installers?.steps ?? []).map((step) => step.name ?? step.uses ?? step.run ?? '');
    const packaged = names.indexOf('Packaged app for the end-to-end tests');
    expect(packaged).toBeGreaterThan(names.indexOf('npm run build'));
    expect(names.indexOf(e2e?.name ?? '')).toBe(packaged + 1);
    expect(names.indexOf('Installers (x64 and arm64)')).toBeGreaterThan(packaged + 1);
    expect(runs(installers)).toContain(
      'npx electron-builder --${{ matrix.platform }} ${{ matrix.e2e-target }} --${{ runner.arch == ' +
        "'ARM64' && 'arm64' || 'x64' }} --config electron-builder.e2e.yml --publish never",
    );
    expect(e2e?.env?.['ELECTRON_E2E_PACKAGED']).toBe('${{ matrix.packaged }}');
    expect(e2e?.run).toMatch(/dbus-run-session[\s\S]*gnome-keyring-daemon --unlock[\s\S]*xvfb-run [^\n]*npm run test:electron/);
  });

  it('drives the AppImage on Linux, the .app on macOS and win-unpacked on Windows, where the e2e build puts them', () => {
    const platformOf: Record<string, NodeJS.Platform> = { mac: 'darwin', win: 'win32', linux: 'linux' };
    expect(matrix.map((entry) => [entry['platform'], entry['packaged'], entry['e2e-target']])).toEqual([
      ['mac', 'app', 'dir'],
      ['win', 'unpacked', 'dir'],
      ['linux', 'appimage', 'AppImage'],
    ]);
    const names = builderNames(REPO_ROOT);
    for (const entry of matrix) {
      const located = packagedExecutable({
        platform: platformOf[entry['platform'] ?? ''] ?? 'linux',
        arch: 'x64',
        kind: entry['packaged'] ?? '',
        outputDir: names.outputDir,
        names,
        list: () => ['agora-token-desk-1.0.0-linux-x86_64.AppImage'],
      });
      expect(located, entry['platform']).toBeDefined();
    }
  });

  it('keeps every installer upload and adds the screenshots after it', () => {
    const uploads = (installers?.steps ?? []).filter((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(uploads.map((step) => String(step.with?.['name']))).toEqual([
      'installers-${{ matrix.platform }}',
      'packaged-app-screenshots-${{ matrix.platform }}',
    ]);
    expect(String(uploads[0]?.with?.['path'])).not.toContain('release-e2e');
  });
});

describe('electron-builder.e2e.yml', () => {
  it('is the release config with only the inspector fuse on, built into its own folder', async () => {
    const require = createRequire(import.meta.url);
    const configModule = require('app-builder-lib/out/util/config/config.js') as typeof import('app-builder-lib/out/util/config/config.js');
    const base = await configModule.getConfig(REPO_ROOT, null, null);
    const e2e: Configuration = await configModule.getConfig(REPO_ROOT, join(REPO_ROOT, 'electron-builder.e2e.yml'), null);
    await validateBuilderConfig(e2e);
    expect(e2e.directories?.output).toBe('release-e2e');
    expect(e2e.electronFuses).toEqual({ ...base.electronFuses, enableNodeCliInspectArguments: true });
    const { electronFuses: _a, directories: _b, extends: _c, ...rest } = e2e;
    const { electronFuses: _d, directories: _e, extends: _f, ...baseRest } = base;
    expect(rest).toEqual(baseRest);
  });
});

describe('both workflows name only scripts and files that exist', () => {
  for (const [name, workflow] of [
    ['desktop-e2e.yml', desktop],
    ['release.yml', release],
  ] as const) {
    it(`${name}: every npm run script is in package.json`, () => {
      const used = [...allRuns(workflow).matchAll(/npm run (?:-s )?([\w:-]+)/g)].map((match) => match[1] ?? '');
      expect(used.length).toBeGreaterThan(0);
      for (const script of used) expect(Object.keys(scripts), script).toContain(script);
    });

    it(`${name}: every file a command names exists`, () => {
      const commands = withScripts(allRuns(workflow));
      const files = namedFiles(commands);
      expect(files).toEqual(expect.arrayContaining(['scripts/test-electron.mjs', 'scripts/build-electron.mjs']));
      for (const file of files) {
        // node_modules is installed by npm ci in the workflow; check it from the lock file instead.
        const present = file.startsWith('node_modules/')
          ? readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8').includes(`"${file.split('/').slice(0, 2).join('/')}"`)
          : existsSync(join(REPO_ROOT, file));
        expect(present, file).toBe(true);
      }
    });
  }

  it('the suite the runner starts is where it says', () => {
    const runner = readFileSync(join(REPO_ROOT, 'scripts', 'test-electron.mjs'), 'utf8');
    const config = /'--config', '([^']+)'/.exec(runner)?.[1] ?? '';
    expect(existsSync(join(REPO_ROOT, config)), config).toBe(true);
  });
});
