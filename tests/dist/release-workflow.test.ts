import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

// js-yaml arrives with electron-builder; it is the parser electron-builder reads its own YAML with.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  strategy?: { matrix: { include: Array<Record<string, string>> } };
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { push?: { tags?: string[]; branches?: string[] } } & Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflow = yaml.load(readFileSync(join(REPO_ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow;
const { test, installers, release } = workflow.jobs;
const runs = (job: Job | undefined) => (job?.steps ?? []).map((step) => step.run ?? '').join('\n');
const needs = (job: Job | undefined) => [job?.needs ?? []].flat();
describe('.github/workflows/release.yml', () => {
  it('runs only when a version tag is pushed', () => {
    expect(Object.keys(workflow.on)).toEqual(['push']);
    expect(workflow.on.push).toEqual({ tags: ['v*'] });
  });

  it('runs the whole test suite first, on Ubuntu with Chromium and a real keyring', () => {
    expect(test?.['runs-on']).toBe('ubuntu-latest');
    expect(runs(test)).toMatch(/apt-get install[^\n]*\bdbus\b[^\n]*\bgnome-keyring\b/);
    // The browser tests need a real Chrome: the runner's own, since Ubuntu's chromium is a snap stub.
    expect(test?.env).toMatchObject({ CHROMIUM_PATH: '/usr/bin/google-chrome' });
    expect(runs(test)).toMatch(/^npm ci\b/m);
    expect(runs(test)).toMatch(/dbus-run-session[\s\S]*gnome-keyring-daemon --unlock[\s\S]*npm test/);
  });

  it('builds installers on macOS, Windows and Linux runners only after the tests pass', () => {
    expect(needs(installers)).toEqual(['test']);
    const matrix = installers?.strategy?.matrix.include ?? [];
    expect(matrix.map((entry) => [entry['os'], entry['platform']])).toEqual([
      ['macos-latest', 'mac'],
      ['windows-latest', 'win'],
      ['ubuntu-latest', 'linux'],
    ]);
    expect(installers?.['runs-on']).toBe('${{ matrix.os }}');
    const commands = runs(installers);
    expect(commands).toMatch(/^npm ci\b/m);
    expect(commands).toMatch(/npx electron-builder --\$\{\{ matrix\.platform \}\} --x64 --arm64 --publish never/);
    expect(commands.indexOf('npm ci')).toBeLessThan(commands.indexOf('electron-builder'));
  });

  it('uploads every installer kind from release/ and attaches them to a release', () => {
    const upload = installers?.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    const paths = String(upload?.with?.['path'] ?? '');
    for (const ext of ['dmg', 'zip', 'exe', 'AppImage', 'deb']) expect(paths).toContain(`release/*.${ext}`);
    expect(needs(release)).toEqual(['installers']);
    expect(release?.permissions).toEqual({ contents: 'write' });
    expect(runs(release)).toMatch(/gh release create "\$GITHUB_REF_NAME" release\/\*/);
  });
});
