/**
 * Decode: paste a token and it is decoded at once. Main verifies it with the profile whose
 * App ID it carries; a 006 token also needs the channel and uid it was signed for. The verdict
 * comes first; every time on the screen is read against one `now` per render.
 */
import { useEffect, useRef } from 'react';
import { cleanPastedToken } from '../../../shared/token/pasted-token.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useNow, type TimeDisplay } from '../components/ExpiryLine.js';
import { Field } from '../components/Field.js';
import { useDecodeState } from '../state/decode-context.js';
import { useNavigation } from '../state/navigation.js';
import { DecodedDetails } from './decode/DecodedDetails.js';
import { DoctorPanel } from './decode/DoctorPanel.js';
import { ExpiryTimeline } from './decode/ExpiryTimeline.js';
import { RawView } from './decode/RawView.js';
import { VerdictBanner } from './decode/VerdictBanner.js';
import './decode.css';

export function DecodeScreen({ timeDisplay = 'local' }: { timeDisplay?: TimeDisplay }) {
  const { takePendingToken } = useNavigation();
  const { token, setToken, channel, setChannel, uid, setUid, view, failure } = useDecodeState();
  const now = useNow();
  const text = cleanPastedToken(token);
  const tokenBox = useRef<HTMLTextAreaElement>(null);

  // A token handed over by another screen: show it, with the focus in its box rather than on <body>.
  useEffect(() => {
    const pending = takePendingToken();
    if (pending === undefined) return;
    setToken(pending);
    tokenBox.current?.focus();
  }, [takePendingToken, setToken]);

  return (
    <section>
      <h1 id="screen-title">Decode</h1>
      <div className="field">
        <label htmlFor="decode-token">Token</label>
        <textarea
          id="decode-token"
          ref={tokenBox}
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
        <>
          <VerdictBanner view={view} now={now} />
          <div className="decode-layout">
            <div>
              <h2>Decoded token</h2>
              <DecodedDetails view={view} now={now} timeDisplay={timeDisplay} />
              <ExpiryTimeline decoded={view.decoded} now={now} timeDisplay={timeDisplay} />
              <RawView token={text} decoded={view.decoded} />
            </div>
            <DoctorPanel token={text} profileName={view.profile?.name ?? null} />
          </div>
        </>
      ) : text === '' ? (
        <p className="muted">Paste a token to see what it grants, until when, and whether its signature is valid.</p>
      ) : null}
    </section>
  );
}
