/**
 * Zod compiles fast parsers with `new Function` when it may, and probes for that by calling
 * Function(''): under the window's CSP (no 'unsafe-eval') the probe fails quietly but still
 * reports a CSP violation. Jitless mode never probes. Imported before anything parses.
 */
import { config } from 'zod';

config({ jitless: true });
