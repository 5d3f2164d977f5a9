/**
 * `diagnoseToken`: why a client may refuse a token, offline, from the token plus what the
 * client is doing. This is the doctor's one entry point that decodes (through
 * shared/token, i.e. agora-token); every rule behind it is in the pure modules beside it.
 */
import { isTokenDeskError } from '../errors.js';
import { decodeToken } from '../token/decode.js';
import { identityMatches006 } from '../token/decode006.js';
import type { CertificateCandidate, DecodedToken } from '../token/types.js';
import { analyzeToken, type DoctorFacts } from './analyze.js';
import type { Diagnosis } from './findings.js';
import { malformedFinding } from './malformed.js';
import type { DiagnoseContext } from './schema.js';

export interface DiagnoseOptions {
  /** Certificates to verify with, e.g. a profile's primary and secondary. None: signature_unchecked. */
  certificates?: CertificateCandidate[] | undefined;
}

/** The identity a 006 token would have signed: the account, else the uid as unsigned decimal. */
function identityText(context: DiagnoseContext): string | undefined {
  if (context.account !== undefined) return context.account;
  return context.uid === undefined ? undefined : String(context.uid >>> 0);
}

function tryDecode(
  token: string,
  certificates: CertificateCandidate[],
  context: DiagnoseContext,
): DecodedToken | string {
  try {
    return decodeToken(token, { certificates, channel: context.channel, uid: identityText(context) });
  } catch (error) {
    // A bad certificate is the caller's input error, not a property of the token.
    if (isTokenDeskError(error) && (error.code === 'invalid_token' || error.field === 'token')) return error.message;
    throw error;
  }
}

const readable = (token: string): boolean => {
  try {
    decodeToken(token);
    return true;
  } catch {
    return false;
  }
};

/**
 * Diagnoses a token for a context (already parsed with diagnoseContextSchema) and returns
 * DESIGN.md §2's `{verdict, findings, token}`. Throws only for bad options (a malformed
 * certificate); an unreadable token is a `malformed` finding.
 */
export function diagnoseToken(token: string, context: DiagnoseContext = {}, options: DiagnoseOptions = {}): Diagnosis {
  const certificates = options.certificates ?? [];
  const now = context.now ?? Math.floor(Date.now() / 1000);
  const outcome = tryDecode(token, certificates, context);
  const facts: DoctorFacts = { certificateLabels: certificates.map((c) => c.label) };
  if (typeof outcome === 'string') {
    const spaced = token.trim();
    const withPlus = spaced.includes(' ') && readable(spaced.replace(/ /g, '+'));
    facts.malformed = malformedFinding(token, outcome.replace(/^not a valid 00[67] token: /, ''), withPlus);
  } else {
    facts.decoded = outcome;
    if (outcome.version === '006')
      facts.identity006 = identityMatches006(outcome, context.channel, identityText(context));
  }
  return analyzeToken(facts, context, now);
}
