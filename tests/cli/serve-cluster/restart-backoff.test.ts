import { describe, expect, it } from 'vitest';
import {
  FIRST_RESTART_DELAY_MS,
  MAX_RESTART_DELAY_MS,
  RestartBackoff,
  STABLE_AFTER_MS,
} from '../../../cli/serve-cluster/restart-backoff.js';

describe('RestartBackoff', () => {
  it('doubles the wait for each crash in a row, up to the cap', () => {
    const backoff = new RestartBackoff();
    const delays = Array.from({ length: 10 }, () => backoff.next(10));
    expect(delays.slice(0, 4)).toEqual([250, 500, 1000, 2000]);
    expect(Math.max(...delays)).toBe(MAX_RESTART_DELAY_MS);
    expect(delays.at(-1)).toBe(MAX_RESTART_DELAY_MS);
    expect(backoff.inARow).toBe(10);
  });

  it('starts over after a worker that served long enough', () => {
    const backoff = new RestartBackoff();
    backoff.next(10);
    backoff.next(10);
    expect(backoff.next(STABLE_AFTER_MS)).toBe(FIRST_RESTART_DELAY_MS);
    expect(backoff.inARow).toBe(1);
  });
});
