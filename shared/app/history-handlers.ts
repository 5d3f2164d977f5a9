import type { TokenHistory } from '../history/token-history.js';
import { handle, type IpcHandlerMap } from './result.js';

/** This run's generated tokens (kept in main's memory, newest first) and clearing them. */
export function createHistoryHandlers(history: TokenHistory): Pick<IpcHandlerMap, 'history:list' | 'history:clear'> {
  return {
    'history:list': handle('history:list', () => [...history.list()]),
    'history:clear': handle('history:clear', () => {
      history.clear();
      return { cleared: true as const };
    }),
  };
}
