/**
 * Reads browser mode's Server-Sent Events with fetch rather than EventSource: EventSource
 * cannot send headers, and the access key must not travel in a URL. Reconnects after a
 * dropped stream, and gives up only when the server refuses the key.
 */

export interface SseFrame {
  event: string;
  data: string;
}

/** Splits complete frames off the buffer; the incomplete tail is returned as `rest`. */
export function parseSseFrames(buffer: string): { frames: SseFrame[]; rest: string } {
  const parts = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = parts.pop() ?? '';
  const frames: SseFrame[] = [];
  for (const part of parts) {
    let event = 'message';
    const data: string[] = [];
    for (const line of part.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) frames.push({ event, data: data.join('\n') });
  }
  return { frames, rest };
}

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 15_000;

export class EventStreamClient {
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private started = false;

  constructor(private readonly open: () => Promise<Response>) {}

  on(event: string, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    if (!this.started) {
      this.started = true;
      void this.run();
    }
    return () => {
      set.delete(listener);
    };
  }

  private async run(): Promise<void> {
    let delay = FIRST_RETRY_MS;
    for (;;) {
      const outcome = await this.readOnce();
      if (outcome === 'refused') return;
      if (outcome === 'read') delay = FIRST_RETRY_MS;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, LAST_RETRY_MS);
    }
  }

  /** One connection: 'refused' (wrong key: retrying cannot help), 'read' or 'failed'. */
  private async readOnce(): Promise<'refused' | 'read' | 'failed'> {
    try {
      const response = await this.open();
      if (response.status === 401 || response.status === 403) return 'refused';
      if (!response.ok || response.body === null) return 'failed';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'read';
        const parsed = parseSseFrames(buffer + value);
        buffer = parsed.rest;
        for (const frame of parsed.frames) this.dispatch(frame);
      }
    } catch {
      return 'failed';
    }
  }

  private dispatch(frame: SseFrame): void {
    let payload: unknown;
    try {
      payload = JSON.parse(frame.data);
    } catch {
      return;
    }
    for (const listener of this.listeners.get(frame.event) ?? []) listener(payload);
  }
}
