/** The history main keeps, read on mount and kept current by the history:changed event. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/contract/index.js';
import { call, errorMessage, subscribe } from '../../api.js';

export interface HistoryState {
  entries: HistoryEntry[] | undefined;
  error: string | undefined;
  refresh(): Promise<void>;
}

export function useHistory(): HistoryState {
  const [entries, setEntries] = useState<HistoryEntry[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  // Bumped by every event: a list read that started before one is older than what it brought.
  const eventCount = useRef(0);

  const refresh = useCallback(async () => {
    const seen = eventCount.current;
    try {
      const list = await call('history:list', undefined);
      if (eventCount.current === seen) setEntries(list);
      setError(undefined);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);

  useEffect(() => {
    const unsubscribe = subscribe('history:changed', (list) => {
      eventCount.current += 1;
      setEntries(list);
    });
    void refresh();
    return unsubscribe;
  }, [refresh]);

  return { entries, error, refresh };
}
