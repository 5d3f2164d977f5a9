import { existsSync, readFileSync, readdirSync } from 'node:fs';
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
const { test, installers, release, image, npm } = workflow.jobs;
const packageScripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const allJobs = Object.values(workflow.jobs);
const step = (job: Job | undefined, action: string) => job?.steps.find((entry) => entry.uses?.startsWith(`${action}@`));
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

describe('release.yml: the container image and the npm package', () => {
  it('every `npm run X` in the workflow names a script of package.json', () => {
    const named = allJobs.flatMap((job) => [...runs(job).matchAll(/\bnpm run ([\w:.-]+)/g)].map((match) => match[1] ?? ''));
    expect(named.length).toBeGreaterThan(0);
    for (const script of named) expect(Object.keys(packageScripts), script).toContain(script);
  });

  it('every checkout path the workflow names exists (build outputs such as release/ and dist/ aside)', () => {
    // A word of a run command, or a `with:` value, that starts with one of the checkout's top-level entries.
    const top = new Set(readdirSync(REPO_ROOT).filter((entry) => !['release', 'dist', 'node_modules', '.git'].includes(entry)));
    const words = allJobs.flatMap((job) => [
      ...runs(job).split(/[\s"'=|;&()]+/),
      ...job.steps.flatMap((entry) => Object.values(entry.with ?? {}).flatMap((value) => String(value).split(/\s+/))),
    ]);
    const paths = words
      .map((word) => word.replace(/^\.\//, ''))
      .filter((word) => top.has(word.split('/')[0] ?? '') && !/[*$?{]/.test(word));
    expect(paths).toEqual(expect.arrayContaining(['Dockerfile']));
    for (const path of paths) expect(existsSync(join(REPO_ROOT, path)), path).toBe(true);
  });

  it('builds and pushes a linux/amd64 + linux/arm64 image to ghcr.io, tagged from the version tag, after the tests', () => {
    expect(needs(image)).toEqual(['test']);
    expect(image?.permissions).toEqual({ contents: 'read', packages: 'write' });
    for (const action of ['actions/checkout', 'docker/setup-qemu-action', 'docker/setup-buildx-action'])
      expect(step(image, action), action).toBeDefined();
    expect(step(image, 'docker/login-action')?.with).toEqual({
      registry: 'ghcr.io',
      username: '${{ github.actor }}',
      password: '${{ secrets.GITHUB_TOKEN }}',
    });
    const meta = step(image, 'docker/metadata-action');
    expect(meta?.with?.['images']).toBe('ghcr.io/${{ github.repository }}');
    expect(String(meta?.with?.['tags'])).toContain('type=semver,pattern={{version}}');
    const build = step(image, 'docker/build-push-action')?.with ?? {};
    expect(build).toMatchObject({ context: '.', file: 'Dockerfile', platforms: 'linux/amd64,linux/arm64', push: true });
    expect(build['tags']).toBe('${{ steps.meta.outputs.tags }}');
    expect(JSON.stringify(build)).not.toMatch(/build-args|secret/i);
  });

  it('publishes the packed CLI to npm with provenance and public access, holding only an OIDC token', () => {
    expect(needs(npm)).toEqual(['test']);
    expect(npm?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const commands = runs(npm);
    expect(commands).toMatch(/^npm ci\b/m);
    expect(commands).toMatch(/^npm run pack:cli$/m);
    expect(commands).toMatch(/^npm publish "release\/agora-token-desk-\$\{GITHUB_REF_NAME#v\}\.tgz" --provenance --access public$/m);
    expect(commands.indexOf('pack:cli')).toBeLessThan(commands.indexOf('npm publish'));
    // The tag must be the version that gets published.
    expect(commands).toContain('"v$(node -p "require(\'./package.json\').version")" = "$GITHUB_REF_NAME"');
    expect(JSON.stringify(npm)).not.toMatch(/NPM_TOKEN|NODE_AUTH_TOKEN/);
  });
});
