/** The one overall verdict, shown before any detail (like jwt.io's banner). */
import type { DecodeView } from '../../../../shared/contract/index.js';
import { decodeVerdict } from '../../logic/decode-verdict.js';

const SIGNATURE_CLASS = {
  valid: 'badge badge-ok',
  invalid: 'badge badge-bad',
  unchecked: 'badge badge-neutral',
} as const;

const BANNER_CLASS = {
  valid: 'notice notice-ok',
  invalid: 'notice notice-error',
  unchecked: 'notice notice-info',
  expired: 'notice notice-error',
} as const;

export function VerdictBanner({ view, now }: { view: DecodeView; now: number }) {
  const verdict = decodeVerdict(view.decoded, now);
  return (
    <section className={`${BANNER_CLASS[verdict.kind]} verdict`} aria-label="Verdict" data-verdict={verdict.kind}>
      <strong>{verdict.title}</strong>
      <p role="group" aria-label="Signature">
        Signature: <span className={SIGNATURE_CLASS[view.decoded.signature]}>{view.decoded.signature}</span>{' '}
        {view.signatureReason}
      </p>
    </section>
  );
}
