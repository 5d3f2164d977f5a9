import { Command } from 'commander';
import { TokenDeskError } from '../../shared/errors.js';
import { decodeToken, type DecodeOptions } from '../../shared/token/decode.js';
import { tokenTimeStatus } from '../../shared/token/status.js';
import { resolveCredentials } from '../credentials.js';
import { loadEnvironment } from '../env-file.js';
import { formatDecoded } from '../format-decoded.js';
import { CheckFailed, printJson, processOutput, runCommand } from '../output.js';
import { readStdinLine } from '../read-stdin.js';

interface DecodeFlags {
  certificateEnv?: string;
  certificateStdin?: boolean;
  profile?: string;
  channel?: string;
  uid?: string;
  json?: boolean;
  check?: boolean;
}

async function certificateFor(flags: DecodeFlags, tokenFromStdin: boolean): Promise<{ cert?: string; appId?: string }> {
  const given = [flags.certificateEnv !== undefined, flags.certificateStdin === true, flags.profile !== undefined];
  if (given.filter(Boolean).length > 1) {
    throw new TokenDeskError('invalid_input', 'use only one of --certificate-env, --certificate-stdin and --profile');
  }
  if (flags.certificateEnv !== undefined) {
    const value = loadEnvironment(process.cwd(), process.env)[flags.certificateEnv];
    if (!value) throw new TokenDeskError('missing_credentials', `environment variable ${flags.certificateEnv} is not set`);
    return { cert: value.trim() };
  }
  if (flags.certificateStdin) {
    if (tokenFromStdin) throw new TokenDeskError('invalid_input', 'the token and the certificate cannot both come from standard input');
    return { cert: (await readStdinLine()).trim() };
  }
  if (flags.profile !== undefined) {
    const { credentials } = await resolveCredentials({ profile: flags.profile });
    return { cert: credentials.appCertificate, appId: credentials.appId };
  }
  return {};
}

export function decodeCommand(): Command {
  return new Command('decode')
    .description('decode a 006 or 007 token and, given the certificate, verify its signature')
    .argument('<token>', 'the token, or - to read it from standard input')
    .option('--certificate-env <VAR>', 'verify with the App Certificate in this environment variable (or .env)')
    .option('--certificate-stdin', 'verify with the App Certificate read from standard input')
    .option('--profile <name>', "verify with this saved profile's certificate")
    .option('--channel <name>', 'channel the token was built for (006 tokens sign it)')
    .option('--uid <uid>', 'uid or account the token was built for (006 tokens sign it)')
    .option('--json', 'print the decoded token as JSON')
    .option('--check', 'exit 1 if the signature is invalid or the token has expired')
    .addHelpText(
      'after',
      `
The certificate is never taken from the command line (it would show in ps).
Examples:
  agora-token-desk decode 007eJx...
  APP_CERTIFICATE=... agora-token-desk decode 007eJx... --certificate-env APP_CERTIFICATE --check`,
    )
    .action(async (tokenArg: string, flags: DecodeFlags) =>
      runCommand(async () => {
        const fromStdin = tokenArg === '-';
        const { cert, appId } = await certificateFor(flags, fromStdin);
        const token = fromStdin ? await readStdinLine() : tokenArg;
        const options: DecodeOptions = {};
        if (cert !== undefined) options.appCertificate = cert;
        if (flags.channel !== undefined) options.channel = flags.channel;
        if (flags.uid !== undefined) options.uid = flags.uid;
        const decoded = decodeToken(token, options);
        if (appId !== undefined && appId.toLowerCase() !== decoded.appId.toLowerCase()) {
          processOutput.err(`warning: the token's App ID ${decoded.appId} is not profile "${flags.profile}"'s (${appId})`);
        }
        const now = Math.floor(Date.now() / 1000);
        if (flags.json) printJson(decoded);
        else for (const line of formatDecoded(decoded, now)) processOutput.out(line);
        if (decoded.version === '006' && cert !== undefined && decoded.signature === 'unchecked') {
          processOutput.err('note: 006 tokens sign the channel and uid; pass --channel and --uid to verify');
        }
        if (flags.check) {
          if (decoded.signature === 'invalid') throw new CheckFailed('the signature is invalid');
          if (tokenTimeStatus(decoded, now).expired) throw new CheckFailed('the token has expired');
          if (decoded.signature === 'unchecked') processOutput.err('note: signature not checked (no certificate given)');
        }
      }),
    );
}
