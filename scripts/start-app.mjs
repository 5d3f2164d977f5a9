// npm start (after the build): the desktop app when Electron's binary is installed, else
// the same app in the browser (`agora-token-desk ui`); arguments after `--` go to it, for
// example `npm start -- --no-open`. Ctrl-C and SIGTERM reach the child, its exit code is ours.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const hasElectron = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));

const [command, args] = hasElectron
  ? [createRequire(import.meta.url)('electron'), ['.', ...process.argv.slice(2)]]
  : [process.execPath, [join(root, 'bin', 'agora-token-desk.js'), 'ui', ...process.argv.slice(2)]];

const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`error: could not start the app: ${error.message}`);
  process.exitCode = 3;
});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal === null ? 1 : 0);
});
