/** Reads standard input to its end (for piped secrets and tokens). */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The first line of piped input, without its line ending. */
export async function readStdinLine(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  return (await readStdin(stream)).split(/\r?\n/)[0] ?? '';
}
