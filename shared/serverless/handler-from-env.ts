import { fetchOptionsFromEnv, type PlatformEnv } from './env-options.js';
import { createFetchHandler, type FetchHandler } from './fetch-handler.js';
import { notConfigured } from './not-configured.js';

/**
 * The fetch handler of a deployment configured by its environment (Lambda, Vercel). Bad or
 * missing settings are logged once and answered with a JSON 500 (see not-configured.ts).
 */
export function fetchHandlerFromEnv(env: PlatformEnv): FetchHandler {
  try {
    return createFetchHandler(fetchOptionsFromEnv(env));
  } catch (error) {
    const answer = notConfigured(error);
    return () => Promise.resolve(answer());
  }
}
