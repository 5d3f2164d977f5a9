/**
 * The Local server form's own checks, in the words of the form: a host that cannot be a
 * host, a port another program holds, and why Start cannot be pressed yet.
 */
import type { ErrorInfo } from '../../../shared/errors.js';

export const HOST_MESSAGE =
  'Enter a host name or IP address, like 127.0.0.1 (this machine only) or 0.0.0.0 (every network)';

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

function isIpv6(text: string): boolean {
  try {
    return new URL(`http://[${text}]/`).hostname !== '';
  } catch {
    return false;
  }
}

/** Why the typed host cannot be listened on, or undefined for a plausible name or address. */
export function hostProblem(host: string): string | undefined {
  const bare = host.trim().replace(/^\[(.*)\]$/, '$1');
  if (bare.includes(':')) return isIpv6(bare) ? undefined : HOST_MESSAGE;
  const labels = bare.replace(/\.$/, '').split('.');
  if (bare.length === 0 || bare.length > 253 || !labels.every((label) => LABEL.test(label))) return HOST_MESSAGE;
  // All numbers: it must be a whole IPv4 address (1.2.3 or 300.1.1.1 are not).
  if (labels.every((label) => /^\d+$/.test(label))) {
    return labels.length === 4 && labels.every((label) => Number(label) <= 255) ? undefined : HOST_MESSAGE;
  }
  return undefined;
}

/** A failed start in the form's words: a port in use names the port and the way out, not a command-line flag. */
export function startFailureMessage(error: ErrorInfo, port: number | undefined): string {
  if (error.code === 'port_in_use') {
    const which = port === undefined ? 'This port' : `Port ${port}`;
    return `${which} is already in use by another program. Choose another port, or 0 for any free one.`;
  }
  return error.message;
}

export interface StartConditions {
  profileCount: number;
  chosenCount: number;
  portValid: boolean;
  hostValid: boolean;
  exposed: boolean;
  mode: 'api-key' | 'no-auth' | undefined;
  confirmed: boolean;
}

/** Why Start is disabled, if it is: the first thing still missing. */
export function startBlocker(c: StartConditions): string | undefined {
  if (c.profileCount === 0) return 'Add a profile first: the server signs tokens with its certificate.';
  if (c.chosenCount === 0) return 'Choose at least one profile to serve.';
  if (!c.portValid) return 'Enter a valid port first.';
  if (!c.hostValid) return 'Enter a valid host first.';
  if (c.exposed && c.mode === undefined) return 'Choose how to protect the server before starting it on this host.';
  if (c.exposed && c.mode === 'no-auth' && !c.confirmed) return 'Confirm that the server runs without authentication.';
  return undefined;
}
