import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUiHost, parseUiPort, runUi, type UiDeps } from '../../cli/commands/ui.js';
import { browserCommand } from '../../cli/ui/open-browser.js';
import { REPO_ROOT, tempDir } from '../helpers/cli.js';

const RENDERER_DIR = join(REPO_ROOT, 'dist', 'renderer');

/** runUi in this process, with a browser opener and a stop signal the test controls. */
function harness(openBrowser: UiDeps['openBrowser'], rendererDir = RENDERER_DIR) {
  const out: string[] = [];
  const err: string[] = [];
  let stop = (): void => undefined;
  const opened: string[] = [];
  const deps: UiDeps = {
    output: { out: (line) => out.push(line), err: (line) => err.push(line) },
    rendererDir,
    openBrowser: (url) => {
      opened.push(url);
      return openBrowser(url);
    },
    untilStopped: () => new Promise<void>((resolve) => (stop = resolve)),
  };
  return { out, err, opened, deps, stop: () => stop() };
}

describe('runUi (in process)', () => {
  const home = tempDir('atd-ui-run');
  const previous = process.env['AGORA_TOKEN_DESK_HOME'];
  beforeAll(() => {
    process.env['AGORA_TOKEN_DESK_HOME'] = home.path;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env['AGORA_TOKEN_DESK_HOME'];
    else process.env['AGORA_TOKEN_DESK_HOME'] = previous;
    home.cleanup();
  });

  it('opens the browser on the address with the key, and prints it without the key', async () => {
    const ui = harness(async () => undefined);
    const running = runUi({ port: 0, host: '127.0.0.1', open: true }, ui.deps);
    await expect.poll(() => ui.opened.length).toBe(1);
    const [launchUrl = ''] = ui.opened;
    expect(launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=[\w-]{43}$/);
    expect(ui.out).toEqual([
      `Agora Token Desk is running at ${launchUrl.split('#')[0]} and opens in your browser; Ctrl-C stops it.`,
    ]);
    expect((await fetch(launchUrl.split('#')[0] ?? '')).status).toBe(200);
    ui.stop();
    await running;
    expect(ui.out.at(-1)).toBe('stopped');
    await expect(fetch(launchUrl.split('#')[0] ?? '')).rejects.toThrow();
  });

  it('prints the address with the key when no browser can be opened', async () => {
    const ui = harness(async () => Promise.reject(new Error('xdg-open is not installed')));
    const running = runUi({ port: 0, host: '127.0.0.1', open: true }, ui.deps);
    await expect
      .poll(() => ui.err)
      .toEqual(['could not open a browser (xdg-open is not installed); open this address instead:']);
    await expect.poll(() => ui.out.at(-1)).toBe(ui.opened[0]);
    ui.stop();
    await running;
  });

  it('refuses to start without a built page (the container image has none), before loading the server', async () => {
    const ui = harness(async () => undefined, join(home.path, 'no-renderer'));
    await expect(runUi({ port: 0, host: '127.0.0.1', open: false }, ui.deps)).rejects.toMatchObject({
      code: 'server_error',
      message: expect.stringMatching(/^the browser UI is not part of this installation/),
    });
  });
});

describe('ui options and the system browser command', () => {
  it('takes loopback hosts and whole ports only', () => {
    expect(parseUiHost('LOCALHOST')).toBe('localhost');
    expect(parseUiHost('::1')).toBe('::1');
    expect(() => parseUiHost('0.0.0.0')).toThrow(/loopback/);
    expect(parseUiPort(undefined)).toBe(0);
    expect(parseUiPort('8700')).toBe(8700);
    for (const bad of ['-1', '65536', '1e3', 'abc', '']) expect(() => parseUiPort(bad), bad).toThrow(/0 to 65535/);
  });

  it('opens URLs with each platform opener, the URL as one argument and no shell', () => {
    const url = 'http://127.0.0.1:1/#k=abc';
    expect(browserCommand(url, 'linux')).toEqual(['xdg-open', [url]]);
    expect(browserCommand(url, 'darwin')).toEqual(['open', [url]]);
    expect(browserCommand(url, 'win32')).toEqual(['rundll32', ['url.dll,FileProtocolHandler', url]]);
  });
});
