import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellCommand, shellQuote } from '../../../shared/contract/shell-quote.js';

describe('shellQuote', () => {
  it('leaves plain words alone and quotes the rest', () => {
    expect(shellQuote('agora-token-desk')).toBe('agora-token-desk');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('my channel')).toBe("'my channel'");
  });

  it('round-trips awkward values through a real shell', () => {
    const words = ["it's", 'a b', '$HOME', '`id`', '*', 'x;y', '"q"', '{a,b}', '!#&()'];
    const echoed = execFileSync('sh', ['-c', `printf '%s\\n' ${shellCommand(words)}`], { encoding: 'utf8' });
    expect(echoed.split('\n').slice(0, -1)).toEqual(words);
  });
});
