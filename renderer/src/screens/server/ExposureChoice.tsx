/**
 * Asked before the server listens beyond loopback: protect it with a generated API key,
 * or confirm that anyone who can reach the port may mint tokens.
 */
import type { ExposureMode } from '../../state/server-context.js';

export type { ExposureMode };

export const NO_AUTH_RISK = 'anyone who can reach this port can mint tokens for your project';

export function ExposureChoice(props: {
  mode: ExposureMode;
  confirmed: boolean;
  disabled: boolean;
  onMode: (mode: ExposureMode) => void;
  onConfirmed: (confirmed: boolean) => void;
}) {
  return (
    <fieldset className="choice-list" disabled={props.disabled}>
      <legend>Protect the server</legend>
      <label className="choice">
        <input
          type="radio"
          name="exposure"
          checked={props.mode === 'api-key'}
          onChange={() => props.onMode('api-key')}
        />{' '}
        Generate an API key (callers send it as Authorization: Bearer)
      </label>
      <label className="choice">
        <input
          type="radio"
          name="exposure"
          checked={props.mode === 'no-auth'}
          onChange={() => props.onMode('no-auth')}
        />{' '}
        No authentication — {NO_AUTH_RISK}
      </label>
      {props.mode === 'no-auth' ? (
        <label className="choice confirm">
          <input
            type="checkbox"
            checked={props.confirmed}
            onChange={(event) => props.onConfirmed(event.target.checked)}
          />{' '}
          I understand: {NO_AUTH_RISK}
        </label>
      ) : null}
    </fieldset>
  );
}
