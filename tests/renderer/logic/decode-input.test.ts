import { describe, expect, it } from 'vitest';
import { decodeFailureText, tokenShapeProblem } from '../../../renderer/src/logic/decoded-view.js';

describe('Decode input messages', () => {
  it('names the position and the character of a one-character corruption', () => {
    expect(tokenShapeProblem('007eJxT!Bk')).toBe(
      'Character 8 of the token is "!", which cannot be part of a token: check for a typo or a cut.',
    );
    expect(tokenShapeProblem('007eJ xT')).toMatch(/^Character 6 of the token is a space or line break/);
  });
  it('accepts base64 text', () => expect(tokenShapeProblem('007eJxTYBk+/=')).toBeUndefined());
  it('shows the engine message as a capitalised sentence, without "paste the whole token"', () => {
    const text = decodeFailureText('token is truncated');
    expect(text).toBe('Token is truncated.');
    expect(text).not.toMatch(/paste the whole/i);
  });
});
