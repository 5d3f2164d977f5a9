/**
 * The one contract between the processes (browser-safe): field rules, IPC channels and
 * events, views, and the HTTP routes of the local server.
 */
export * from './doctor.js';
export * from './fields.js';
export * from './http.js';
export * from './ipc.js';
export * from './projects.js';
export * from './settings.js';
export * from './views.js';
export { shellCommand, shellQuote } from './shell-quote.js';
export * from './history.js';
