/**
 * Our LocalTokenServer as `serve --quiet` runs it (nobody listening for request events), in
 * its own process; with BENCH_API_KEY, as `AUTH_API_KEYS=… serve --quiet` runs it.
 */
import { tuneHeapForServing } from '../shared/server/heap-settings.js';
import { LocalTokenServer } from '../shared/server/local-token-server.js';
import { answerCpuProbes } from './cpu-probe.js';

answerCpuProbes();
tuneHeapForServing();

// BENCH_API_KEY set: the token routes require it as a bearer key (the API-key scenario).
const apiKey = process.env['BENCH_API_KEY'];
const server = await LocalTokenServer.start({
  credentials: { appId: process.env['APP_ID'] ?? '', appCertificate: process.env['APP_CERTIFICATE'] ?? '' },
  port: 0,
  host: '127.0.0.1',
  ...(apiKey === undefined ? {} : { auth: { apiKeys: [apiKey] } }),
});
console.log(`port ${server.port}`);
