import type { ReadStream } from 'node:tty';
import { TokenDeskError } from '../../shared/errors.js';
import { readStdinLine } from '../read-stdin.js';

/**
 * The App Certificate for `profile add`: typed at a prompt that does not echo when stdin
 * is a terminal, else the first line of piped input. Never from argv (visible in ps).
 */
export async function readCertificate(question: string): Promise<string> {
  const stdin = process.stdin as ReadStream;
  if (stdin.isTTY) return promptHidden(question, stdin, process.stderr);
  return (await readStdinLine()).trim();
}

/** Reads one line in raw mode, echoing nothing; Ctrl-C cancels. */
export function promptHidden(question: string, input: ReadStream, output: NodeJS.WritableStream): Promise<string> {
  // Echo goes off before the prompt shows, so nothing typed after it is ever echoed.
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  output.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value.trim());
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new TokenDeskError('invalid_input', 'cancelled: no App Certificate was entered'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    input.on('data', onData);
  });
}
