import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

// The built module, as `serve` loads it; `npm test` builds before it runs Vitest.
const HEAP_SETTINGS = pathToFileURL(join(REPO_ROOT, 'dist', 'shared', 'server', 'heap-settings.js')).href;

/**
 * Runs a workload that makes V8 weigh pretenuring (object literals that survive their
 * first scavenge) in a fresh Node with V8's pretenuring trace on, and counts the trace's
 * lines: V8 prints them only while it is taking pretenuring decisions.
 */
function pretenuringTraceLines(tune: boolean): number {
  const script = `
    ${tune ? `const { tuneHeapForServing } = await import(${JSON.stringify(HEAP_SETTINGS)}); tuneHeapForServing();` : ''}
    const make = (i) => ({ i, next: null });
    let keep = [];
    for (let i = 0; i < 3e6; i += 1) { keep.push(make(i)); if (keep.length > 300000) keep = []; }
    console.log('done');`;
  const result = spawnSync(process.execPath, ['--trace-pretenuring-statistics', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain('done');
  return result.stdout.split('\n').filter((line) => line.includes('pretenuring:')).length;
}

describe('tuneHeapForServing', () => {
  it('stops V8 from taking pretenuring decisions, which it takes for the same workload untuned', () => {
    expect(pretenuringTraceLines(false)).toBeGreaterThan(0);
    expect(pretenuringTraceLines(true)).toBe(0);
  });
});
