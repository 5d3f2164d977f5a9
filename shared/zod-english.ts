/**
 * zod/mini loads no messages, so without this every issue without its own message reads
 * "Invalid input". The Node doors (CLI, Electron main, the tests) load the English wording
 * first; the renderer does not, to keep its bundle small (its schemas carry their own messages).
 */
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());
