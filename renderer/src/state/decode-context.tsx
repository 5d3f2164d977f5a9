/**
 * What the user pasted into Decode and what it decoded to, kept above the screens so leaving
 * Decode and coming back shows the same token and result.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DecodeView } from '../../../shared/contract/index.js';
import { cleanPastedToken } from '../../../shared/token/pasted-token.js';
import { call, errorMessage } from '../api.js';
import { decodeFailureText, tokenShapeProblem } from '../logic/decoded-view.js';

const DEBOUNCE_MS = 150;

interface DecodeState {
  token: string;
  channel: string;
  uid: string;
  setToken(token: string): void;
  setChannel(channel: string): void;
  setUid(uid: string): void;
  view: DecodeView | undefined;
  failure: string | undefined;
}

const DecodeContext = createContext<DecodeState | undefined>(undefined);

function useDecoded(token: string, channel: string, uid: string) {
  const [view, setView] = useState<DecodeView | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  useEffect(() => {
    const text = cleanPastedToken(token);
    const shape = tokenShapeProblem(text);
    if (text === '' || shape !== undefined) {
      setView(undefined);
      setFailure(shape);
      return undefined;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      const extra = channel !== '' && uid !== '' ? { channel, uid } : {};
      call('token:decode', { token: text, ...extra }).then(
        (value) => {
          if (!current) return;
          setView(value);
          setFailure(undefined);
        },
        (error: unknown) => {
          if (!current) return;
          setView(undefined);
          setFailure(decodeFailureText(errorMessage(error)));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [token, channel, uid]);
  return { view, failure };
}

export function DecodeProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState('');
  const [channel, setChannel] = useState('');
  const [uid, setUid] = useState('');
  const { view, failure } = useDecoded(token, channel, uid);
  const value = useMemo(
    () => ({ token, channel, uid, setToken, setChannel, setUid, view, failure }),
    [token, channel, uid, view, failure],
  );
  return <DecodeContext.Provider value={value}>{children}</DecodeContext.Provider>;
}

export function useDecodeState(): DecodeState {
  const state = useContext(DecodeContext);
  if (state === undefined) throw new Error('useDecodeState must be used inside DecodeProvider');
  return state;
}
