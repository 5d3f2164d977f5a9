import { Command } from 'commander';
import { TokenDeskError } from '../../shared/errors.js';
import { UNNAMED, decodeToken } from '../../shared/token/decode.js';
import { decodedJson } from '../../shared/token/decoded-json.js';
import { cleanPastedToken } from '../../shared/token/pasted-token.js';
import { tokenTimeStatus } from '../../shared/token/status.js';
import type { CertificateCandidate, DecodedToken } from '../../shared/token/types.js';
import { loadEnvironment } from '../env-file.js';
import { formatDecoded } from '../format-decoded.js';
import { CheckFailed, printJson, processOutput, runCommand, type Output } from '../output.js';
import { readStdinLine } from '../read-stdin.js';

export interface DecodeCommandOptions {
  /** The token, or '-' to read it from standard input. */
  token: string;
  certificateEnv?: string | undefined;
  certificateStdin?: boolean | undefined;
  profile?: string | undefined;
  channel?: string | undefined;
  uid?: string | undefined;
  json?: boolean | undefined;
  check?: boolean | undefined;
}

export interface DecodeDeps {
  output: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => number;
  readStdin: () => Promise<string>;
  profileCertificates: (profile: string) => Promise<ProfileCertificates>;
}

export interface ProfileCertificates {
  appId: string;
  certificates: CertificateCandidate[];
}

/**
 * A profile's certificates, primary first, then the secondary if one is saved. Loaded
 * lazily so `decode` without --profile never touches the keychain module.
 */
export async function loadProfileCertificates(profile: string): Promise<ProfileCertificates> {
  const { ProfileStore } = await import('../../shared/profiles/profile-store.js');
  const { certificateCandidates } = await import('../../shared/profiles/certificate-candidates.js');
  const store = new ProfileStore();
  return certificateCandidates(store, (await store.get(profile)).id);
}

export const defaultDecodeDeps = (): DecodeDeps => ({
  output: processOutput,
  env: process.env,
  cwd: process.cwd(),
  now: () => Math.floor(Date.now() / 1000),
  readStdin: readStdinLine,
  profileCertificates: loadProfileCertificates,
});

/** Certificates from exactly one of --certificate-env, --certificate-stdin, --profile (or none). */
export async function certificatesFor(
  options: Pick<DecodeCommandOptions, 'certificateEnv' | 'certificateStdin' | 'profile'>,
  tokenFromStdin: boolean,
  deps: DecodeDeps,
): Promise<{ certificates: CertificateCandidate[]; appId?: string }> {
  const given = [
    options.certificateEnv !== undefined,
    options.certificateStdin === true,
    options.profile !== undefined,
  ];
  if (given.filter(Boolean).length > 1) {
    throw new TokenDeskError('invalid_input', 'use only one of --certificate-env, --certificate-stdin and --profile');
  }
  if (options.certificateEnv !== undefined) {
    if (options.certificateEnv === '')
      throw new TokenDeskError('invalid_input', '--certificate-env needs the name of an environment variable');
    const value = loadEnvironment(deps.cwd, deps.env)[options.certificateEnv];
    if (!value)
      throw new TokenDeskError('missing_credentials', `environment variable ${options.certificateEnv} is not set`);
    return { certificates: [{ label: UNNAMED, value: value.trim() }] };
  }
  if (options.certificateStdin) {
    if (tokenFromStdin)
      throw new TokenDeskError('invalid_input', 'the token and the certificate cannot both come from standard input');
    return { certificates: [{ label: UNNAMED, value: (await deps.readStdin()).trim() }] };
  }
  if (options.profile !== undefined) return deps.profileCertificates(options.profile);
  return { certificates: [] };
}

/** What a 006 verification still needs, in flag words: "--channel and --uid", "--uid", or ''. */
function missing006(options: DecodeCommandOptions): string {
  const missing = [options.channel === undefined ? '--channel' : '', options.uid === undefined ? '--uid' : ''].filter(
    Boolean,
  );
  return missing.join(' and ');
}

function check(decoded: DecodedToken, options: DecodeCommandOptions, certificateCount: number, now: number): void {
  if (decoded.signature === 'invalid') throw new CheckFailed('the signature is invalid');
  if (decoded.signature === 'unchecked') {
    if (certificateCount === 0) {
      throw new CheckFailed(
        'the signature was not checked: no certificate given (use --certificate-env VAR, --certificate-stdin or --profile NAME)',
      );
    }
    const missing = missing006(options);
    throw new CheckFailed(
      `the signature was not checked: a 006 token signs its channel and uid, and ${missing} ${missing.includes(' and ') ? 'are' : 'is'} missing`,
    );
  }
  if (tokenTimeStatus(decoded, now).expired) throw new CheckFailed('the token has expired');
}

function uncheckedReason(decoded: DecodedToken, options: DecodeCommandOptions, certificateCount: number): string {
  return certificateCount === 0 || decoded.version !== '006'
    ? 'no certificate given'
    : `a 006 token also needs ${missing006(options)}`;
}

export async function runDecode(options: DecodeCommandOptions, deps: DecodeDeps = defaultDecodeDeps()): Promise<void> {
  const fromStdin = options.token === '-';
  const { certificates, appId } = await certificatesFor(options, fromStdin, deps);
  const token = cleanPastedToken(fromStdin ? await deps.readStdin() : options.token);
  const unnamed = certificates.find((c) => c.label === UNNAMED);
  const decoded = decodeToken(token, {
    appCertificate: unnamed?.value,
    certificates: unnamed === undefined ? certificates : [],
    channel: options.channel,
    uid: options.uid,
  });
  if (appId !== undefined && appId.toLowerCase() !== decoded.appId.toLowerCase()) {
    deps.output.err(`warning: the token's App ID ${decoded.appId} is not profile "${options.profile}"'s (${appId})`);
  }
  const now = deps.now();
  if (options.json) printJson(decodedJson(decoded), deps.output);
  else
    for (const line of formatDecoded(decoded, now, uncheckedReason(decoded, options, certificates.length)))
      deps.output.out(line);
  if (decoded.version === '006' && certificates.length > 0 && decoded.signature === 'unchecked' && !options.check) {
    deps.output.err(`note: a 006 token signs its channel and uid; pass ${missing006(options)} to verify`);
  }
  if (options.check) check(decoded, options, certificates.length, now);
}

export function decodeCommand(): Command {
  return new Command('decode')
    .description('decode a 006 or 007 token and, given the certificate, verify its signature')
    .argument('<token>', 'the token, or - to read it from standard input')
    .option('--certificate-env <VAR>', 'verify with the App Certificate in this environment variable (or .env)')
    .option('--certificate-stdin', 'verify with the App Certificate read from standard input')
    .option('--profile <name>', "verify with this saved profile's certificates (primary and secondary)")
    .option('--channel <name>', 'channel the token was built for (006 tokens sign it)')
    .option('--uid <uid>', 'uid or account the token was built for (006 tokens sign it)')
    .option('--json', 'print the decoded token as JSON')
    .option('--check', 'exit 1 unless the signature was checked and is valid and the token has not expired')
    .addHelpText(
      'after',
      `
The certificate is never taken from the command line (it would show in ps).
A token with characters outside base64, embedded whitespace or trailing bytes is malformed (exit 2).
Examples:
  agora-token-desk decode 007eJx...
  APP_CERTIFICATE=... agora-token-desk decode 007eJx... --certificate-env APP_CERTIFICATE --check
  agora-token-desk decode 006... --profile demo --channel room --uid 42 --check`,
    )
    .action(async (token: string, flags: Omit<DecodeCommandOptions, 'token'>) =>
      runCommand(async () => runDecode({ ...flags, token })),
    );
}
