import { describe, expect, it } from 'vitest';
import { runShortestBench } from './shortest-bench.js';

// Not a performance check: this proves the workers benchmark builds, starts bare node:http
// and `serve --workers 1` and `--workers 2`, gets every request answered 2xx, and prints ratios.
describe('the workers benchmark, in its shortest form', () => {
  it('prints a row per server with no errors, and the ratios', async () => {
    const stdout = await runShortestBench('workers.js');
    const rows = stdout.split('\n').filter((line) => /^\| (bare|serve) /.test(line));
    expect(rows.map((row) => row.split('|')[1]?.trim()).slice(0, 3)).toEqual([
      'bare node:http',
      'serve --workers 1',
      'serve --workers 2',
    ]);
    for (const row of rows) {
      const cells = row.split('|').map((cell) => cell.trim());
      // server, requests/s, p99, server cores, autocannon cores, errors
      expect(Number(cells[2]), row).toBeGreaterThan(0);
      expect(cells[6], row).toBe('0');
    }
    expect(stdout).toMatch(/^workers 1\/bare requests\/s = \d+\.\d\d /m);
    expect(stdout).toMatch(/^workers 2\/bare requests\/s = \d+\.\d\d /m);
    expect(stdout).toMatch(/^workers 2\/workers 1 requests\/s = \d+\.\d\d /m);
  }, 120_000);
});
