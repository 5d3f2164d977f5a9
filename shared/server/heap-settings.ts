import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a process whose main job is serving tokens; `agora-token-desk serve`
 * applies them before it listens.
 *
 * Under sustained load, V8's allocation-site pretenuring found every object from two
 * per-request literal sites (zod's pipe result, agora-token's ByteBuf) still alive at a
 * scavenge and began allocating them straight into the old generation. They die young all
 * the same, so from then on a full mark-compact ran every ~300 ms: with 32 connections
 * posting /getToken to the server on a core of its own, 26 to 30 mark-compacts in 15 s
 * instead of 1, and about a quarter fewer requests per second. V8 only makes that decision
 * once the heap has grown past a tiny process's size: a plain Fastify server does the same
 * with 10 MB of unrelated objects loaded, a bare node:http server never does. Without
 * pretenuring those objects stay in the young generation, where a scavenge frees them.
 *
 * Process-wide, so it is applied by the process's entry point, never by a module that only
 * happens to be imported.
 */
export function tuneHeapForServing(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
