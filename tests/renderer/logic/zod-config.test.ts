import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REPO_ROOT } from '../../helpers/cli.js';

describe('zod in the renderer', () => {
  it('runs jitless, set before anything else loads: its eval probe would break the CSP', async () => {
    const main = readFileSync(`${REPO_ROOT}/renderer/src/main.tsx`, 'utf8');
    expect(main.split('\n')[0]).toBe("import './zod-config.js';");
    await import('../../../renderer/src/zod-config.js');
    expect(z.config().jitless).toBe(true);
  });
});
