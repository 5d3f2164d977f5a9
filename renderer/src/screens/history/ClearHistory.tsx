/** Clearing the history, confirmed in place (no confirm() dialog); Escape or Keep them cancels. */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { call, errorMessage } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';

export function ClearHistory({ count, onCleared }: { count: number; onCleared(): void }) {
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const opener = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Opening puts focus on the safe choice; cancelling puts it back on the button that opened.
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function clear() {
    try {
      await call('history:clear', undefined);
      setFailure(undefined);
      onCleared();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setConfirming(false);
  };

  const tokens = count === 1 ? '1 token' : `${count} tokens`;
  return confirming ? (
    <div
      className="notice notice-warn history-clear"
      role="group"
      aria-label="Clear history"
      onKeyDown={cancelOnEscape}
    >
      <p>
        Remove all {tokens} from the history? The tokens themselves keep working until they expire; only this list is
        cleared, and it cannot be brought back.
      </p>
      <div className="row">
        <button type="button" className="danger" onClick={() => void clear()}>
          Clear history
        </button>
        <button type="button" ref={keep} onClick={() => setConfirming(false)}>
          Keep them
        </button>
      </div>
      <ErrorNotice message={failure} />
    </div>
  ) : (
    <button type="button" ref={opener} onClick={() => setConfirming(true)}>
      Clear history…
    </button>
  );
}
