import type { TokenDeskApi } from '../../shared/contract/index.js';

// What the page sees in these tests: the bridge the preload would expose.
declare global {
  interface Window {
    tokenDesk?: TokenDeskApi;
  }
}
