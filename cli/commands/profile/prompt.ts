import type { ReadStream } from 'node:tty';
import { TokenDeskError } from '../../../shared/errors.js';
import { readStdin } from '../../read-stdin.js';

/**
 * Certificates for `profile` commands: typed at prompts that do not echo when stdin is a
 * terminal, else one line of piped input each, in the order asked. Never from argv (visible
 * in ps).
 */
export interface SecretInput {
  /** The next certificate: a hidden prompt on a terminal, else the next piped line. */
  secret(question: string): Promise<string>;
  /** A yes/no question on a terminal; undefined when there is no terminal to ask on. */
  confirm(question: string): Promise<boolean | undefined>;
}

export function processSecretInput(
  stdin = process.stdin as ReadStream,
  stderr: NodeJS.WritableStream = process.stderr,
): SecretInput {
  let lines: Promise<string[]> | undefined;
  let next = 0;
  return {
    async secret(question) {
      if (stdin.isTTY) return promptHidden(question, stdin, stderr);
      lines ??= readStdin(stdin).then((text) => text.split(/\r?\n/));
      const line = (await lines)[next] ?? '';
      next += 1;
      return line.trim();
    },
    async confirm(question) {
      if (!stdin.isTTY) return undefined;
      const answer = await promptLine(question, stdin, stderr, true);
      return /^y(es)?$/i.test(answer);
    },
  };
}

/** Reads one line in raw mode, echoing nothing; Ctrl-C cancels. */
export function promptHidden(question: string, input: ReadStream, output: NodeJS.WritableStream): Promise<string> {
  return promptLine(question, input, output, false);
}

function promptLine(
  question: string,
  input: ReadStream,
  output: NodeJS.WritableStream,
  echo: boolean,
): Promise<string> {
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
        if (char === '\u0003') return finish(new TokenDeskError('invalid_input', 'cancelled: nothing was changed'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') {
          value += char;
          if (echo) output.write(char);
        }
      }
    };
    input.on('data', onData);
  });
}
