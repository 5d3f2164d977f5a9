'use strict';
// Runs the CLI's esbuild bundle with V8's code cache. Compiling the 430 KB bundle is most of a
// cold `decode` (docs/benchmark-cli.md); with the cache made at build time
// (scripts/cli-code-cache.cjs) V8 reads compiled code instead. When this Node's V8 or flags
// differ from the build's, V8 rejects the cache and compiles as `require` would.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

// V8 checks a cache against the source's length only; the cache file starts with the
// source's SHA-256 so a cache left from another build is never used.
const DIGEST_BYTES = 32;
const digestOf = (source) => createHash('sha256').update(source).digest();

function cacheFor(source, cacheFile) {
  let cache;
  try {
    cache = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const matches = cache.length > DIGEST_BYTES && cache.subarray(0, DIGEST_BYTES).equals(digestOf(source));
  return matches ? cache.subarray(DIGEST_BYTES) : undefined;
}

/**
 * Loads `file` as a CommonJS module, with `cacheFile` if it belongs to it. Returns whether V8
 * used the cache, and a function that serialises the compiled code (with its digest).
 */
function loadBundle(file, cacheFile) {
  const source = readFileSync(file, 'utf8');
  const cachedData = cacheFor(source, cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const wrapper = script.runInThisContext();
  const module = new Module(file, null);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dirname(file));
  module.loaded = true;
  wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
  return {
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    serialise: () => Buffer.concat([digestOf(source), script.createCachedData()]),
  };
}

module.exports = { loadBundle };
