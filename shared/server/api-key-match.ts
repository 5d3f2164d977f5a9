import { timingSafeEqual } from 'node:crypto';

/**
 * Finds which configured API key a presented bearer key is, in time that depends only on
 * the number of keys and the longest key's length, never on how much of a key was right.
 *
 * Every key is stored zero-padded to the longest key's width, and the presented key is
 * written into a buffer of that width and compared with each of them (and its length with
 * each length). This replaced hashing the presented key with SHA-256, which cost about 3 µs,
 * 2.5 % of an authenticated request (docs/benchmark.md); the comparison is still Node's
 * `timingSafeEqual` on equal-length buffers.
 */
export function apiKeyMatcher(keys: readonly string[]): (presented: string) => number {
  const encoded = keys.map((key) => Buffer.from(key, 'utf8'));
  const width = Math.max(1, ...encoded.map((key) => key.length));
  const lengths = encoded.map((key) => key.length);
  const padded = encoded.map((key) => {
    const buffer = Buffer.alloc(width);
    key.copy(buffer);
    return buffer;
  });
  // One buffer for every request: the comparison below is synchronous, so requests never share it at once.
  const scratch = Buffer.alloc(width);
  return (presented) => {
    // Longer than the longest key: no key can match. Answering at once says only that.
    const length = Buffer.byteLength(presented, 'utf8');
    if (length > width) return -1;
    scratch.fill(0);
    scratch.write(presented, 'utf8');
    let found = -1;
    for (let index = 0; index < padded.length; index += 1) {
      // Both operands always evaluated (`&` on booleans as numbers): no early exit per key.
      const same = Number(timingSafeEqual(padded[index] as Buffer, scratch)) & Number(lengths[index] === length);
      if (same === 1 && found === -1) found = index;
    }
    return found;
  };
}
