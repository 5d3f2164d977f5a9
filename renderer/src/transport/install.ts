/**
 * Browser mode: when no preload put window.tokenDesk in place (the page was served over
 * http by `agora-token-desk ui`, not loaded in the desktop window), install the HTTP
 * transport, built with the same createTokenDeskApi as the preload. Imported first by
 * main.tsx, so the access key leaves the URL before the app reads its hash route.
 */
import { createTokenDeskApi } from '../../../shared/token-desk-api.js';
import { takeAccessKey } from './access-key.js';
import { createHttpTransport } from './http-transport.js';

if (window.tokenDesk === undefined && (window.location.protocol === 'http:' || window.location.protocol === 'https:')) {
  const key = takeAccessKey({ location: window.location, storage: window.sessionStorage, history: window.history });
  const api = createTokenDeskApi(createHttpTransport(key));
  Object.defineProperty(window, 'tokenDesk', { value: Object.freeze(api), enumerable: true });
}
