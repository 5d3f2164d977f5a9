import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: makes the keychain tests run on a Linux laptop with plain `npm test`.
 * When no usable Secret Service answers on the session bus (none, or a locked keyring) and
 * dbus-daemon and gnome-keyring-daemon are installed, it starts a private session bus with
 * an unlocked gnome-keyring whose keyring files live in a temporary folder, and points the
 * test workers at it. Otherwise it changes nothing; the suites then skip with one line, or
 * fail under CI=true.
 */

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// A loaded 2-core machine can take many seconds to start a daemon or a Node process: these
// bounds are for a daemon that will never come, not a measure of how long one should take.
const START_DEADLINE_MS = 60_000;

// A child process, so the native module's view of the bus never outlives a failed attempt.
const PROBE = `
const { Entry } = require('@napi-rs/keyring');
const entry = new Entry('agora-token-desk-test-probe', 'probe-' + process.pid, { linux: { store: 'secret-service' } });
entry.setPassword('probe');
const ok = entry.getPassword() === 'probe';
entry.deleteCredential();
process.exit(ok ? 0 : 1);`;

export function secretServiceWorks(busAddress: string | undefined): boolean {
  const env = { ...process.env };
  if (busAddress === undefined) delete env['DBUS_SESSION_BUS_ADDRESS'];
  else env['DBUS_SESSION_BUS_ADDRESS'] = busAddress;
  const probe = spawnSync(process.execPath, ['-e', PROBE], {
    cwd: REPO_ROOT,
    env,
    stdio: 'ignore',
    timeout: START_DEADLINE_MS,
  });
  return probe.status === 0;
}

function onPath(command: string): boolean {
  return (process.env['PATH'] ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.split('\n')[0]!.trim());
    });
    child.once('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}`)));
  });
}

function nameOwned(address: string, name: string): boolean {
  const args = [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus.NameHasOwner',
    `string:${name}`,
  ];
  const reply = spawnSync('dbus-send', args, {
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address },
    encoding: 'utf8',
  });
  return /boolean true/.test(reply.stdout ?? '');
}

async function waitFor(check: () => boolean, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

interface PrivateKeyring {
  address: string;
  stop(): void;
}

async function startPrivateKeyring(): Promise<PrivateKeyring> {
  const root = mkdtempSync(join(tmpdir(), 'atd-keyring-'));
  for (const dir of ['data', 'run', 'cache']) mkdirSync(join(root, dir), { mode: 0o700 });
  // Keyring files in the temporary folder: the user's own login keyring is never touched,
  // and a daemon the bus might activate on its own would use the same folder.
  const env = {
    ...process.env,
    XDG_DATA_HOME: join(root, 'data'),
    XDG_RUNTIME_DIR: join(root, 'run'),
    XDG_CACHE_HOME: join(root, 'cache'),
  };
  const children: ChildProcess[] = [];
  const stop = (): void => {
    for (const child of children.reverse()) if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', '--print-address=1'], {
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(bus);
    const address = await firstLine(bus);
    const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
      env: { ...env, DBUS_SESSION_BUS_ADDRESS: address },
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    children.push(keyring);
    keyring.stdin?.end('atd-test-keyring');
    if (!(await waitFor(() => nameOwned(address, 'org.freedesktop.secrets'), START_DEADLINE_MS)))
      throw new Error('gnome-keyring did not start');
    return { address, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

export default async function setup(): Promise<() => void> {
  const none = (): void => undefined;
  if (process.platform !== 'linux') return none;
  if (secretServiceWorks(process.env['DBUS_SESSION_BUS_ADDRESS'])) return none;
  if (!onPath('dbus-daemon') || !onPath('gnome-keyring-daemon') || !onPath('dbus-send')) return none;
  let keyring: PrivateKeyring;
  try {
    keyring = await startPrivateKeyring();
  } catch (error) {
    console.log(
      `keychain: could not start a private gnome-keyring (${error instanceof Error ? error.message : String(error)})`,
    );
    return none;
  }
  if (!secretServiceWorks(keyring.address)) {
    keyring.stop();
    console.log('keychain: a private gnome-keyring started but did not store a secret');
    return none;
  }
  // Workers and the CLIs they spawn inherit this.
  process.env['DBUS_SESSION_BUS_ADDRESS'] = keyring.address;
  console.log(
    'keychain: no usable Secret Service on the session bus; the tests use a private dbus-daemon + gnome-keyring',
  );
  return () => keyring.stop();
}
