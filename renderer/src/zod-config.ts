/**
 * zod compiles object parsers with `new Function` unless told not to; its probe for that
 * alone is a CSP `unsafe-eval` violation in the app's page. Imported first by main.tsx.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });
