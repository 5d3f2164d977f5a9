import { homedir } from 'node:os';
import { join, resolve, win32 } from 'node:path';

/** Electron's productName: app.getPath('userData') ends in this folder name. */
export const APP_FOLDER_NAME = 'Agora Token Desk';

/** Overrides the data folder (tests and portable setups use it). */
export const HOME_ENV_VAR = 'AGORA_TOKEN_DESK_HOME';

export interface DataDirContext {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * The folder Electron's `app.getPath('userData')` gives this app, so the CLI and the
 * desktop app read the same profiles: appData (per OS, as Electron computes it) plus
 * the product name. AGORA_TOKEN_DESK_HOME, when set, wins.
 */
export function defaultDataDir(context: DataDirContext = {}): string {
  const env = context.env ?? process.env;
  const platform = context.platform ?? process.platform;
  const home = context.home ?? homedir();
  const override = env[HOME_ENV_VAR];
  if (override) return resolve(override);
  if (platform === 'win32') {
    return win32.join(env['APPDATA'] || win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), APP_FOLDER_NAME);
}
