// npm run test:electron: the end-to-end suite on the real Electron shell (tests/electron-e2e).
// Where Electron cannot run (no binary downloaded, as on our build machines) it says so in one
// line and succeeds; a packaged app that was asked for and is missing is a failure.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXECUTABLE_ENV, locateElectronApp } from './electron-e2e-app.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const app = locateElectronApp({ root });

if (app.mode === 'absent') {
  console.log(`skipped the Electron end-to-end tests: ${app.reason}`);
  process.exit(0);
}
if (app.mode === 'error') {
  console.error(`error: ${app.reason}`);
  process.exit(1);
}
if (app.mode === 'dev' && !existsSync(join(root, 'dist', 'electron', 'main.js'))) {
  console.error('error: the app is not built; run `npm run build` first');
  process.exit(1);
}
const noDisplay = process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'];
if (noDisplay) {
  console.error('error: no display; run it under Xvfb: xvfb-run -a npm run test:electron');
  process.exit(1);
}

console.log(
  `Electron end-to-end tests on the ${app.mode === 'dev' ? 'source tree' : 'packaged app'}: ${app.executable}`,
);
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const env = { ...process.env, ...(app.mode === 'packaged' ? { [EXECUTABLE_ENV]: app.executable } : {}) };
const child = spawn(
  process.execPath,
  [vitest, 'run', '--config', 'tests/electron-e2e/vitest.config.ts', ...process.argv.slice(2)],
  { cwd: root, env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => {
  process.exitCode = code ?? 1;
});
