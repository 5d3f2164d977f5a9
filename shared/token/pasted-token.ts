/**
 * What a user pastes is not always just the token: copied from JSON it keeps its quotes, from a
 * terminal a trailing newline. Trim that at the input; the engine's parser stays strict.
 */
const QUOTES = new Set(['"', "'", '`']);

export function cleanPastedToken(pasted: string): string {
  let text = pasted.trim();
  while (text.length >= 2 && QUOTES.has(text[0]!) && text.at(-1) === text[0]) {
    text = text.slice(1, -1).trim();
  }
  return text;
}
