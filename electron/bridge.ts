// The bridge lives in browser-safe shared code, so browser mode's transport builds
// window.tokenDesk with the same function as the preload.
export { createTokenDeskApi, type BridgeTransport } from '../shared/token-desk-api.js';
