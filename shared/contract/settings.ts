import { z } from 'zod/mini';
import { DEFAULT_EXPIRE_SECONDS, MAX_UINT32, portSchema } from './fields.js';

/**
 * The app's settings (settings.json in the data folder): preferences only, never a secret.
 * Every field has a default, so a missing or partly unreadable file still gives whole settings.
 */

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const TIME_DISPLAYS = ['local', 'utc', 'unix'] as const;
export type TimeDisplay = (typeof TIME_DISPLAYS)[number];

/** The same port the tray and the Local server screen use when nothing else was chosen. */
export const DEFAULT_SERVER_PORT = 8080;

const EXPIRY_MESSAGE = `default expiry must be a whole number of seconds from 1 to ${MAX_UINT32}`;

export const settingsSchema = z.strictObject({
  theme: z.enum(THEMES, { error: 'theme must be system, light or dark' }),
  timeDisplay: z.enum(TIME_DISPLAYS, { error: 'time display must be local, utc or unix' }),
  /** Seconds a new token is valid for, filled into the Generate form. */
  defaultExpirySeconds: z
    .number({ error: EXPIRY_MESSAGE })
    .check(
      z.int({ error: EXPIRY_MESSAGE }),
      z.minimum(1, { error: EXPIRY_MESSAGE }),
      z.maximum(MAX_UINT32, { error: EXPIRY_MESSAGE }),
    ),
  /** The port the Local server screen and the tray start on (1–65535: a fixed port, not "any"). */
  defaultPort: portSchema.check(z.minimum(1, { error: 'default port must be a whole number from 1 to 65535' })),
  /** Main starts the default profile's server on defaultPort when the app starts. */
  startServerAtLaunch: z.boolean({ error: 'start server at launch must be true or false' }),
  /** Closing the window hides it to the tray while the server runs, instead of quitting. */
  keepServerRunningOnClose: z.boolean({ error: 'keep running must be true or false' }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  timeDisplay: 'local',
  defaultExpirySeconds: DEFAULT_EXPIRE_SECONDS,
  defaultPort: DEFAULT_SERVER_PORT,
  startServerAtLaunch: false,
  keepServerRunningOnClose: false,
});

/** `settings:set` takes only the fields that change. */
export const settingsPatchSchema = z.partial(settingsSchema);
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
