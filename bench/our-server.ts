/** Our LocalTokenServer, as `serve` runs it (request events on, nobody logging), in its own process. */
import { LocalTokenServer } from '../shared/server/local-token-server.js';

const server = await LocalTokenServer.start({
  credentials: { appId: process.env['APP_ID'] ?? '', appCertificate: process.env['APP_CERTIFICATE'] ?? '' },
  port: 0,
  host: '127.0.0.1',
});
console.log(`port ${server.port}`);
