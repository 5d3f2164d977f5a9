// zod's English messages are loaded by each command module that parses with zod, not here:
// `decode` parses nothing with zod, and loading it costs a cold start several milliseconds.
import { createProgram, normalizeArgs } from './program.js';

// No top-level await: the bundle (scripts/bundle-cli.mjs) is CommonJS.
async function main(): Promise<void> {
  const args = normalizeArgs(process.argv.slice(2));
  await (await createProgram(args)).parseAsync(args, { from: 'user' });
}

void main();
