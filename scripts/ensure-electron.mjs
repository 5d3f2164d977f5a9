// First step of npm start: Electron's binary is not fetched by `npm ci` (.npmrc turns off
// install scripts), so the first `npm start` fetches it with Electron's own installer.
// When it cannot be fetched, npm start goes on in browser mode (scripts/start-app.mjs), so
// this exits 0 either way. The installer's stack trace would bury that news: its error
// output is kept back, and only its first line is said, as the reason.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const electronDir = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));
const installed = () => existsSync(join(electronDir, 'path.txt'));

/** "TypeError: fetch failed\n    at …" → "fetch failed". */
function reasonOf(errorOutput) {
  const first = (errorOutput ?? '').split('\n').find((line) => line.trim() !== '');
  return first?.trim().replace(/^[A-Za-z]*Error: /, '');
}

if (!installed()) {
  console.log('Fetching the Electron binary (first run only)...');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0 || !installed()) {
    const reason = reasonOf(result.error?.message ?? result.stderr);
    console.log(
      `Electron is not available here (its binary could not be fetched${reason ? `: ${reason}` : ''}): ` +
        'starting the app in your browser instead.',
    );
  }
}
