import { TokenDeskError, type ErrorCode } from '../shared/errors.js';
import { EXIT, exitCodeFor } from './exit.js';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A failed check (exit 1) that is not an error in the input. */
export class CheckFailed extends Error {}

/**
 * Runs a command body and turns every failure into one stderr line and an exit code:
 * users see "error: <message>", never a stack trace.
 */
export async function runCommand(body: () => Promise<void> | void, output: Output = processOutput): Promise<void> {
  try {
    await body();
  } catch (error) {
    process.exitCode = reportError(error, output);
  }
}

export function reportError(error: unknown, output: Output): number {
  if (error instanceof CheckFailed) {
    output.err(`check failed: ${error.message}`);
    return EXIT.checkFailed;
  }
  if (error instanceof TokenDeskError) {
    output.err(`error: ${error.message}`);
    return exitCodeFor(error.code as ErrorCode);
  }
  output.err(`error: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT.checkFailed;
}

export function printJson(value: unknown, output: Output = processOutput): void {
  output.out(JSON.stringify(value, null, 2));
}
