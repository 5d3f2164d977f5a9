/**
 * Copies text with the async Clipboard API (allowed in Electron's renderer, and in the
 * Chromium tests once clipboard permissions are granted), so copying needs no IPC.
 */
import { useEffect, useState } from 'react';

export function CopyButton({ text, label = 'Copy', what }: { text: string; label?: string; what?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <button
      type="button"
      className="copy-button"
      onClick={() => void copy()}
      aria-label={what ? `${label} ${what}` : label}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
