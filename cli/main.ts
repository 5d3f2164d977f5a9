import '../shared/zod-english.js';
import { createProgram, normalizeArgs } from './program.js';

// No top-level await: the bundle (scripts/bundle-cli.mjs) is CommonJS.
async function main(): Promise<void> {
  const args = normalizeArgs(process.argv.slice(2));
  await (await createProgram(args)).parseAsync(args, { from: 'user' });
}

void main();
