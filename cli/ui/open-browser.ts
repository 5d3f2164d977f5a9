import { spawn } from 'node:child_process';

/** The system's "open this URL" command: what the desktop environment uses for links. */
export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // rundll32 rather than `cmd /c start`: no shell parses the URL.
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

/**
 * Opens the URL in the default browser. Resolves once the opener reports success; rejects
 * with a one-line reason when there is no opener (a server without a desktop) or it fails.
 */
export function openBrowser(url: string): Promise<void> {
  const [command, args] = browserCommand(url);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: process.platform !== 'win32' });
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'ENOENT' ? `${command} is not installed` : error.message)),
    );
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with code ${String(code)}`)),
    );
    child.unref();
  });
}
