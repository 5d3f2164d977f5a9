// First step of npm start: Electron's binary is not fetched by `npm ci` (.npmrc turns off
// install scripts), so the first `npm start` fetches it with Electron's own installer.
// When it cannot be fetched, npm start goes on in browser mode (scripts/start-app.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const electronDir = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));
const installed = () => existsSync(join(electronDir, 'path.txt'));

if (!installed()) {
  console.log('Fetching the Electron binary (first run only)...');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'inherit' });
  if (result.status !== 0 || !installed()) {
    console.log(
      'Electron is not available here (its binary could not be fetched): starting the app in your browser instead.',
    );
  }
}
