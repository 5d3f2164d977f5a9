/**
 * Checks on a token's text before any byte is read. Node's base64 decoder skips characters
 * outside the alphabet, so "007eJx...!!!..." would otherwise decode, verify and look fine.
 * Browser-safe: the doctor uses these to say what is wrong with a paste.
 */

const BASE64_CHAR = /[A-Za-z0-9+/=]/;

/** Why `body` (the base64 part of a token, starting at `offset` in the token) is not strict base64. */
export function base64TextProblem(body: string, offset: number): string | undefined {
  const space = /\s/.exec(body);
  if (space) {
    return `it contains whitespace at character ${offset + space.index + 1} (a line break or space picked up while copying?)`;
  }
  for (let i = 0; i < body.length; i += 1) {
    const ch = body.charAt(i);
    if (!BASE64_CHAR.test(ch)) {
      return `it contains ${JSON.stringify(ch)} at character ${offset + i + 1}, which is not a base64 character`;
    }
  }
  const padding = body.indexOf('=');
  if (padding >= 0 && !/^={1,2}$/.test(body.slice(padding))) {
    return `it has base64 padding "=" inside the text at character ${offset + padding + 1}`;
  }
  if (body.length % 4 !== 0)
    return 'its base64 text is cut short (its length is not a multiple of 4): the token was truncated';
  return undefined;
}

/** The version prefix a token text announces, or undefined. */
export function tokenVersionOf(text: string): '006' | '007' | undefined {
  const prefix = text.slice(0, 3);
  return prefix === '006' || prefix === '007' ? prefix : undefined;
}
