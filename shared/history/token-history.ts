import type { HistoryEntry } from '../contract/history.js';

export type NewHistoryEntry = Omit<HistoryEntry, 'id'>;
export const HISTORY_LIMIT = 200;

/**
 * Tokens generated in this run of the app, newest first. Kept in memory in the main process
 * only, never written to disk or logged; at most `limit` entries (the oldest is dropped).
 */
export class TokenHistory {
  private entries: readonly HistoryEntry[] = [];
  private nextId = 1;
  private readonly listeners = new Set<(entries: readonly HistoryEntry[]) => void>();

  constructor(private readonly limit = HISTORY_LIMIT) {}

  add(entry: NewHistoryEntry): HistoryEntry {
    const stored = { ...entry, id: this.nextId++ };
    this.entries = [stored, ...this.entries].slice(0, this.limit);
    this.emit();
    return stored;
  }

  list(): readonly HistoryEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
    this.emit();
  }

  /** Called after every change with the whole list; returns the unsubscribe function. */
  onChange(listener: (entries: readonly HistoryEntry[]) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.entries);
  }
}
