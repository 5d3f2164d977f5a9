/**
 * The doctor's rules over an already-decoded token: pure and browser-safe, so any front
 * door (or the renderer) can run them once something has decoded the token.
 */
import { decodedJson } from '../token/decoded-json.js';
import type { DecodedToken } from '../token/types.js';
import { bySeverity, finding, verdictOf, type Diagnosis } from './findings.js';
import { identityFindings, type Identity006 } from './identity-rules.js';
import type { DiagnoseContext, Finding } from './schema.js';
import { PRODUCT_NAMES, lookUpSdkError, productOf } from './sdk-error-codes.js';
import { serviceFindings } from './service-rules.js';
import { timeFindings } from './time-rules.js';

export interface DoctorFacts {
  /** The decoded token; undefined when it could not be read. */
  decoded?: DecodedToken | undefined;
  /** When unreadable: the malformed finding that says why. */
  malformed?: Finding | undefined;
  /** Labels of the certificates tried ('primary', 'secondary'…); empty when none was known. */
  certificateLabels: string[];
  /** What a 006 token's checksums say about the client's channel and uid. */
  identity006?: Identity006 | undefined;
}

function signatureFindings(decoded: DecodedToken, labels: string[], context: DiagnoseContext): Finding[] {
  if (decoded.signature === 'valid') return [];
  if (decoded.signature === 'unchecked') {
    const needs006 = labels.length > 0 && decoded.version === '006';
    return [
      finding(
        'signature_unchecked',
        'info',
        needs006
          ? 'A 006 token signs its channel and uid too, so its signature was not checked: give the channel and the uid or account.'
          : 'No App Certificate was given, so the signature was not checked.',
        needs006
          ? 'Give the channel and uid (or account) the client uses.'
          : "Give the project's certificate (a profile, or an environment variable) to check who signed the token.",
      ),
    ];
  }
  const tried =
    labels.length === 0
      ? 'the certificate given'
      : `the ${labels.join(' and ')} certificate${labels.length > 1 ? 's' : ''}`;
  const also006 =
    decoded.version === '006'
      ? ` A 006 signature also covers the channel and uid: if ${quotedPair(context)} are not the ones it was made for, it fails too.`
      : '';
  return [
    finding(
      'signature_invalid',
      'error',
      `The token is not signed by ${tried}: it was made with another project's certificate, an old (rotated) certificate, or altered after signing.${also006}`,
      `Build the token with the App Certificate of the project whose App ID is ${decoded.appId}; after rotating certificates, redeploy the token server with the new one.`,
    ),
  ];
}

const quotedPair = (c: DiagnoseContext) =>
  `channel ${JSON.stringify(c.channel ?? '')} and ${c.account === undefined ? `uid ${c.uid ?? ''}` : `account ${JSON.stringify(c.account)}`}`;

function errorCodeFindings(context: DiagnoseContext, found: Finding[]): Finding[] {
  if (context.errorCode === undefined) return [];
  const product = productOf(context.action);
  const entries = lookUpSdkError(context.errorCode, product);
  if (entries.length === 0) {
    return [
      finding(
        'error_code_unknown',
        'info',
        `Error code ${context.errorCode} is not one of the ${product === undefined ? '' : `${PRODUCT_NAMES[product]} `}token and join errors this doctor knows.`,
        'Look it up in the error code reference of your SDK and platform.',
      ),
    ];
  }
  return entries.map((entry) => {
    const matching = found.filter((f) => entry.causes.includes(f.code) && f.severity !== 'info').map((f) => f.code);
    const unique = [...new Set(matching)];
    const verdict =
      unique.length > 0
        ? `Matching findings: ${unique.join(', ')}.`
        : entry.causes.length > 0
          ? 'None of its usual causes shows in the token for the context given.'
          : '';
    return finding(
      'error_code_explained',
      'info',
      `${PRODUCT_NAMES[entry.product]} error ${entry.code} (${entry.name}): ${entry.meaning}. ${verdict}`.trim(),
      entry.fix,
    );
  });
}

/** All findings for a decoded (or unreadable) token in a context, at the client's `now`. */
export function analyzeToken(facts: DoctorFacts, context: DiagnoseContext, now: number): Diagnosis {
  const { decoded } = facts;
  let found: Finding[];
  if (decoded === undefined) {
    found = facts.malformed === undefined ? [] : [facts.malformed];
  } else {
    found = [
      ...identityFindings(decoded, context, facts.identity006 ?? {}),
      ...signatureFindings(decoded, facts.certificateLabels, context),
      ...timeFindings(decoded, context.action, now),
      ...serviceFindings(decoded, context.action, now),
    ];
  }
  found.push(...errorCodeFindings(context, found));
  const findings = bySeverity(found);
  return { verdict: verdictOf(findings), findings, token: decoded === undefined ? null : decodedJson(decoded) };
}
