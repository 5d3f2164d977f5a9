import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildTrayMenuTemplate, trayTooltip, type TrayActions } from '../../electron/tray-menu.js';

function recorder(): { calls: string[]; actions: TrayActions } {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      start: () => calls.push('start'),
      stop: () => calls.push('stop'),
      copyUrl: (url) => calls.push(`copy ${url}`),
      open: () => calls.push('open'),
      quit: () => calls.push('quit'),
    },
  };
}

function item(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = template.find((entry) => entry.label === label);
  if (found === undefined) throw new Error(`no menu item ${label}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

describe('tray menu', () => {
  it('offers Start and a disabled Copy URL while the server is stopped', () => {
    const { calls, actions } = recorder();
    const template = buildTrayMenuTemplate({ running: false }, actions);
    expect(template[0]?.label).toBe('Server stopped');
    expect(template.some((entry) => entry.label === 'Stop server')).toBe(false);
    expect(item(template, 'Copy URL').enabled).toBe(false);
    click(item(template, 'Start server'));
    click(item(template, 'Open Agora Token Desk'));
    click(item(template, 'Quit'));
    expect(calls).toEqual(['start', 'open', 'quit']);
  });

  it('offers Stop and copies the URL while the server runs', () => {
    const { calls, actions } = recorder();
    const template = buildTrayMenuTemplate({ running: true, url: 'http://127.0.0.1:8080' }, actions);
    expect(template[0]?.label).toBe('Listening on http://127.0.0.1:8080');
    expect(template.some((entry) => entry.label === 'Start server')).toBe(false);
    click(item(template, 'Copy URL'));
    click(item(template, 'Stop server'));
    expect(calls).toEqual(['copy http://127.0.0.1:8080', 'stop']);
  });

  it('says in the tooltip whether the server runs', () => {
    expect(trayTooltip({ running: false })).toMatch(/stopped/);
    expect(trayTooltip({ running: true, url: 'http://127.0.0.1:9000' })).toMatch(
      /listening on http:\/\/127\.0\.0\.1:9000/,
    );
  });
});
