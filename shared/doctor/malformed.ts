/**
 * What a text that is not a readable 006/007 token most likely is, from its shape. The
 * decoder says what failed; this says why a developer ended up with it. Browser-safe.
 */
import { finding } from './findings.js';
import type { Finding } from './schema.js';

const COPY_AGAIN =
  'Copy the whole token again from where your server returns it (e.g. the "token" field of its JSON), and pass it unchanged.';

interface Shape {
  test: (text: string) => boolean;
  message: (text: string) => string;
  fix: string;
}

const SHAPES: Shape[] = [
  {
    test: (t) => t.trim() === '',
    message: () => 'The token is empty.',
    fix: 'Fetch a token from your token server and pass it to the SDK.',
  },
  {
    test: (t) => /^\s*\{/.test(t),
    message: () => 'This is JSON, not a token: the token is one of its fields.',
    fix: 'Pass the value of the token field (e.g. "rtcToken" or "token"), without quotes.',
  },
  {
    test: (t) => /^\s*["'`]/.test(t) || /["'`]\s*$/.test(t),
    message: () => 'The token is wrapped in quotes: the quotes became part of the token.',
    fix: 'Pass the token without the surrounding quotes (e.g. parse the JSON instead of cutting the text).',
  },
  {
    test: (t) => /^\s*(Bearer|agora token=)/i.test(t),
    message: (t) =>
      `This is an HTTP Authorization value ("${/^\s*(Bearer|agora token=)/i.exec(t)?.[1] ?? ''}" followed by a token), not a bare token.`,
    fix: 'Pass only the part after "Bearer " or "agora token=".',
  },
  {
    test: (t) => /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(t.trim()),
    message: () =>
      'This is a JWT (three base64url parts separated by dots), not an Agora token: probably your own login session token.',
    fix: 'Pass the Agora token your token server returns (it starts with 006 or 007).',
  },
  {
    test: (t) => /^1:[0-9a-fA-F]{32}:\d+:[0-9a-fA-F]{32}$/.test(t.trim()),
    message: () =>
      'This is a legacy Signaling (RTM 1.x era) static key of the form 1:appId:expiry:md5, not an access token.',
    fix: 'Build an RTM token (RtmTokenBuilder) and log in with that.',
  },
  {
    test: (t) => /^[0-9a-fA-F]{32}$/.test(t.trim()),
    message: () => 'This is 32 hexadecimal characters: an App ID or an App Certificate, not a token.',
    fix: 'Never send the App Certificate to clients; build a token on your server and pass that.',
  },
  {
    test: (t) => /%2[BbFf]|%3[Dd]/.test(t),
    message: () => 'The token is URL-encoded (it contains %2B, %2F or %3D).',
    fix: 'Decode it once (decodeURIComponent) before passing it to the SDK.',
  },
  {
    test: (t) => /^\s*00[0-5]/.test(t),
    message: (t) => `This is a version ${t.trim().slice(0, 3)} dynamic key, which current SDKs no longer accept.`,
    fix: 'Build a 007 token with agora-token (AccessToken2).',
  },
];

/**
 * One `malformed` finding. `readsWithPlus` says whether the text decodes once its spaces
 * are turned back into "+" (a token sent through a query string without encoding).
 */
export function malformedFinding(text: string, decoderMessage: string, readsWithPlus: boolean): Finding {
  if (readsWithPlus) {
    return finding(
      'malformed',
      'error',
      'The token contains spaces where it had "+": it went through a URL query string or form without encoding, and each "+" became a space.',
      'Encode the token when putting it in a URL (encodeURIComponent), or send it in a JSON body.',
    );
  }
  const shape = SHAPES.find((s) => s.test(text));
  if (shape !== undefined) return finding('malformed', 'error', shape.message(text), shape.fix);
  return finding('malformed', 'error', `The token cannot be read: ${decoderMessage}.`, COPY_AGAIN);
}
