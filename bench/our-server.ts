/**
 * Our LocalTokenServer as `serve --quiet` runs it (nobody listening for request events), in
 * its own process.
 */
import { tuneHeapForServing } from '../shared/server/heap-settings.js';
import { LocalTokenServer } from '../shared/server/local-token-server.js';
import { answerCpuProbes } from './cpu-probe.js';

answerCpuProbes();
tuneHeapForServing();

const server = await LocalTokenServer.start({
  credentials: { appId: process.env['APP_ID'] ?? '', appCertificate: process.env['APP_CERTIFICATE'] ?? '' },
  port: 0,
  host: '127.0.0.1',
});
console.log(`port ${server.port}`);
