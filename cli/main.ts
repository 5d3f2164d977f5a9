import { createProgram, normalizeArgs } from './program.js';

await createProgram().parseAsync(normalizeArgs(process.argv.slice(2)), { from: 'user' });
