/**
 * What a development run may do that a packaged app must not: open DevTools, or load the
 * renderer from a local dev server named by ELECTRON_RENDERER_URL. In a packaged app an
 * environment variable must not be able to swap the trusted page or expose an inspector.
 */
import { devRendererUrl } from './security.js';

export interface RunMode {
  /** Electron's `app.isPackaged`. */
  readonly isPackaged: boolean;
}

/** DevTools only when running from the source tree (`npm start`), never in an installed app. */
export function devToolsAllowed(mode: RunMode): boolean {
  return !mode.isPackaged;
}

/** The dev server URL to load instead of the bundled renderer, or undefined to load the bundle. */
export function rendererUrlOverride(env: NodeJS.ProcessEnv, mode: RunMode): string | undefined {
  if (mode.isPackaged) return undefined;
  return devRendererUrl(env['ELECTRON_RENDERER_URL']);
}
