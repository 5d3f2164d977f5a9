import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, readmeUrl } from '../../electron/menu.js';
import { REPO_ROOT } from '../helpers/cli.js';

const roles = (item: MenuItemConstructorOptions | undefined): string[] =>
  Array.isArray(item?.submenu) ? item.submenu.flatMap((entry) => (entry.role === undefined ? [] : [entry.role])) : [];

describe('application menu', () => {
  for (const isMac of [false, true]) {
    it(`has the Edit roles and a Help link to the README (${isMac ? 'macOS' : 'Windows/Linux'})`, () => {
      let opened = 0;
      const template = buildMenuTemplate({ appName: 'Agora Token Desk', isMac, openReadme: () => opened++ });
      const edit = template.find((item) => item.label === 'Edit');
      expect(roles(edit)).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo', 'redo']));
      const help = template.find((item) => item.role === 'help');
      const readme = Array.isArray(help?.submenu) ? help.submenu[0] : undefined;
      expect(readme?.label).toBe('Agora Token Desk README');
      (readme?.click as () => void)();
      expect(opened).toBe(1);
      expect(template.some((item) => item.role === 'appMenu')).toBe(isMac);
    });
  }

  it('links Help to the https home page from package.json, and nothing else', () => {
    const pkg: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const url = readmeUrl(pkg);
    expect(url).toMatch(/^https:\/\//);
    expect(readmeUrl({ homepage: 'file:///etc/passwd' })).toBeUndefined();
    expect(readmeUrl({ homepage: 'http://example.com/' })).toBeUndefined();
    expect(readmeUrl({})).toBeUndefined();
    expect(readmeUrl(null)).toBeUndefined();
  });
});

describe('DevTools in the menu', () => {
  it('offers Toggle DevTools only when DevTools are allowed', () => {
    const viewRoles = (devTools: boolean): string[] => {
      const template = buildMenuTemplate({ appName: 'Agora Token Desk', isMac: false, openReadme: () => {}, devTools });
      const view = template.find((item) => item.label === 'View');
      const submenu = Array.isArray(view?.submenu) ? view.submenu : [];
      return submenu.map((item) => String(item.role));
    };
    expect(viewRoles(true)).toContain('toggleDevTools');
    expect(viewRoles(false)).not.toContain('toggleDevTools');
    expect(viewRoles(false)).toContain('reload');
  });
});
