import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../shared/app/app-services.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/app/content-security-policy.js';
import { IPC_CHANNELS, type IpcEvent } from '../../shared/contract/index.js';
import { HOME_ENV_VAR } from '../../shared/profiles/data-dir.js';
import { SETTINGS_FILE } from '../../shared/settings/settings-store.js';

// The one wiring both shells use (electron/main.ts and `agora-token-desk ui`).
describe('createAppServices', () => {
  const made: AppServices[] = [];
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'atd-app-services-'));
    folders.push(dir);
    return dir;
  };
  const open = (...args: Parameters<typeof createAppServices>) => {
    const services = createAppServices(...args);
    made.push(services);
    return services;
  };
  const savedHome = process.env[HOME_ENV_VAR];
  afterEach(async () => {
    if (savedHome === undefined) delete process.env[HOME_ENV_VAR];
    else process.env[HOME_ENV_VAR] = savedHome;
    await Promise.all(made.splice(0).map((services) => services.dispose()));
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps profiles and settings in one data folder, AGORA_TOKEN_DESK_HOME when set', () => {
    const home = folder();
    process.env[HOME_ENV_VAR] = home;
    const services = open();
    expect(services.dataDir).toBe(home);
    expect(services.profiles.home).toBe(home);
    expect(services.settings.home).toBe(home);
    const other = folder();
    const given = open({ dataDir: other });
    expect([given.dataDir, given.profiles.home, given.settings.home]).toEqual([other, other, other]);
  });

  it('answers every contract channel and sends the one policy', () => {
    const services = open({ dataDir: folder() });
    expect(Object.keys(services.handlers).sort()).toEqual([...IPC_CHANNELS].sort());
    expect(services.contentSecurityPolicy).toBe(CONTENT_SECURITY_POLICY);
  });

  it('a setting changed through the handlers is written to the data folder and sent to subscribers until they stop', async () => {
    const home = folder();
    const services = open({ dataDir: home });
    const seen: Array<[IpcEvent, unknown]> = [];
    const stop = services.subscribeEvents((event, payload) => seen.push([event, payload]));
    const changed = await services.handlers['settings:set']({ defaultPort: 8181 });
    expect(changed).toMatchObject({ ok: true, value: { defaultPort: 8181 } });
    expect(JSON.parse(readFileSync(join(home, SETTINGS_FILE), 'utf8'))).toMatchObject({ defaultPort: 8181 });
    expect(seen).toEqual([['settings:changed', expect.objectContaining({ defaultPort: 8181 })]]);
    await services.handlers['history:clear'](undefined);
    expect(seen.map(([event]) => event)).toEqual(['settings:changed', 'history:changed']);
    stop();
    await services.handlers['settings:set']({ defaultPort: 8282 });
    expect(seen).toHaveLength(2);
  });
});
