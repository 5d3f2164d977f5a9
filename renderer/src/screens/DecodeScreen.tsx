/**
 * Decode: paste a token and it is decoded at once. Main verifies it with the profile whose
 * App ID it carries; a 006 token also needs the channel and uid it was signed for.
 */
import { useEffect, useState } from 'react';
import type { DecodeView } from '../../../shared/contract/index.js';
import { cleanPastedToken } from '../../../shared/token/pasted-token.js';
import { call, errorMessage } from '../api.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Field } from '../components/Field.js';
import { decodeFailureText, tokenShapeProblem } from '../logic/decoded-view.js';
import { useNavigation } from '../state/navigation.js';
import { DecodedDetails } from './decode/DecodedDetails.js';
import { DoctorPanel } from './decode/DoctorPanel.js';
import { ExpiryTimeline } from './decode/ExpiryTimeline.js';
import './decode.css';

const DEBOUNCE_MS = 150;

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

export function DecodeScreen() {
  const { takePendingToken } = useNavigation();
  const [token, setToken] = useState('');
  const [channel, setChannel] = useState('');
  const [uid, setUid] = useState('');
  const { view, failure } = useDecoded(token, channel, uid);

  useEffect(() => {
    const pending = takePendingToken();
    if (pending !== undefined) setToken(pending);
  }, [takePendingToken]);

  return (
    <section>
      <h1 id="screen-title">Decode</h1>
      <div className="field">
        <label htmlFor="decode-token">Token</label>
        <textarea
          id="decode-token"
          value={token}
          spellCheck={false}
          placeholder="Paste a 006 or 007 token"
          onChange={(event) => setToken(event.target.value)}
        />
      </div>
      {view?.decoded.version === '006' ? (
        <div className="row">
          <Field label="Channel (006 signs it)" value={channel} onChange={(event) => setChannel(event.target.value)} />
          <Field label="UID (006 signs it)" value={uid} onChange={(event) => setUid(event.target.value)} />
        </div>
      ) : null}
      <ErrorNotice message={failure} />
      {view !== undefined ? (
        <div className="decode-layout">
          <div>
            <h2>Decoded token</h2>
            <DecodedDetails view={view} />
            <ExpiryTimeline decoded={view.decoded} />
          </div>
          <DoctorPanel token={cleanPastedToken(token)} profileName={view.profile?.name ?? null} />
        </div>
      ) : cleanPastedToken(token) === '' ? (
        <p className="muted">Paste a token to see what it grants, until when, and whether its signature is valid.</p>
      ) : null}
    </section>
  );
}
