import { describe, expect, it } from 'vitest';
import { runShortestBench } from './shortest-bench.js';

// Not a performance check (that is `npm run bench`): this proves the benchmark still builds,
// starts both servers, loads them with every request answered 2xx, and prints its figures.
describe('npm run bench, in its shortest form', () => {
  it('prints a row per server and scenario with no errors, and both ratios', async () => {
    const stdout = await runShortestBench('run.js');
    const rows = stdout.split('\n').filter((line) => /^\| (POST|GET) /.test(line));
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const cells = row.split('|').map((cell) => cell.trim());
      // scenario, server, requests/s, p50, p99, CPU µs/request, errors
      expect(Number(cells[3]), row).toBeGreaterThan(0);
      expect(Number(cells[6]), row).toBeGreaterThan(0);
      expect(cells[7], row).toBe('0');
    }
    expect(stdout).toMatch(/POST \/getToken \(rtc\): ours\/bare requests\/s = \d\.\d\d/);
    expect(stdout).toMatch(/GET \/rtc\/test\/publisher\/uid\/1234: ours\/bare requests\/s = \d\.\d\d/);
    // The API-key scenario: every request carried the key and was answered 2xx (errors 0 above).
    expect(stdout).toMatch(/POST \/getToken \(rtc\), API key: ours\/bare requests\/s = \d\.\d\d .* ours p99 [\d.]+ ms/);
  }, 120_000);
});
