import { describe, expect, it } from 'vitest';
import { qrPath } from '../../../renderer/src/logic/qr-path.js';

/** The modules a path draws, as "x,y" keys. */
function modules(d: string): Set<string> {
  return new Set([...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${m[1]},${m[2]}`));
}

describe('qrPath', () => {
  const token = `007eJxTYBBb${'A'.repeat(180)}`;

  it('draws a square code with a 4-module quiet zone and one square per dark module', () => {
    const { size, d } = qrPath(token);
    // Versions 1-40 are 21-177 modules a side; plus 4 on each side.
    expect((size - 8 - 17) % 4).toBe(0);
    expect(d).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    const dark = modules(d);
    for (const key of dark) {
      const [x, y] = key.split(',').map(Number) as [number, number];
      expect(x >= 4 && y >= 4 && x < size - 4 && y < size - 4).toBe(true);
    }
  });

  it('has the three finder patterns in their corners', () => {
    const { size, d } = qrPath(token);
    const dark = modules(d);
    const inner = size - 8;
    for (const [ox, oy] of [
      [4, 4],
      [4 + inner - 7, 4],
      [4, 4 + inner - 7],
    ] as const) {
      // 7×7: dark outer ring, light ring, dark 3×3 centre.
      for (let y = 0; y < 7; y++) {
        for (let x = 0; x < 7; x++) {
          const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
          expect(dark.has(`${ox + x},${oy + y}`), `finder module ${x},${y} at ${ox},${oy}`).toBe(ring !== 2);
        }
      }
    }
  });

  it('changes with the text and grows with its length', () => {
    expect(qrPath(token).d).not.toBe(qrPath(`${token}B`).d);
    expect(qrPath('short').size).toBeLessThan(qrPath(token).size);
  });
});
