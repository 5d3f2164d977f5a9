import type { MenuItemConstructorOptions } from 'electron';
import { isExternalLink } from './security.js';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Opens the README (Help menu). */
  openReadme: () => void;
  /** Whether View offers Toggle DevTools (development runs only); default true. */
  devTools?: boolean;
}

/**
 * The application menu. The Edit roles matter beyond looks: on macOS, copy and paste
 * shortcuts in the token fields only work when the menu has these roles.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) template.push({ label: options.appName, role: 'appMenu' });
  template.push(
    options.isMac ? { role: 'fileMenu' } : { label: 'File', submenu: [{ role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.devTools === false ? [] : [{ role: 'toggleDevTools' } as const]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `${options.appName} README`, click: () => options.openReadme() }],
    },
  );
  return template;
}

/**
 * Where Help sends the user: the README on the project's home page (package.json
 * `homepage`), when it is an https link; main falls back to the README beside the app.
 */
export function readmeUrl(packageJson: unknown): string | undefined {
  if (typeof packageJson !== 'object' || packageJson === null || !('homepage' in packageJson)) return undefined;
  const homepage = packageJson.homepage;
  return typeof homepage === 'string' && isExternalLink(homepage) ? homepage : undefined;
}
