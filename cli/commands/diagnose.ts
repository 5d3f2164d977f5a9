// zod's English messages for this command's schemas; `decode` loads no zod at all (cli/main.ts).
import '../../shared/zod-english.js';
import { Command } from 'commander';
import { TokenDeskError } from '../../shared/errors.js';
import { diagnoseToken } from '../../shared/doctor/diagnose.js';
import { hasError } from '../../shared/doctor/findings.js';
import { DOCTOR_ACTIONS, diagnoseContextSchema } from '../../shared/doctor/schema.js';
import { parseInput } from '../../shared/token/validation.js';
import type { CertificateCandidate } from '../../shared/token/types.js';
import { loadEnvironment } from '../env-file.js';
import { formatDiagnosis } from '../format-diagnosis.js';
import { CheckFailed, printJson, runCommand } from '../output.js';
import { defaultDecodeDeps, type DecodeDeps } from './decode.js';

export interface DiagnoseCommandOptions {
  /** The token, or '-' to read it from standard input. */
  token: string;
  appId?: string | undefined;
  action?: string | undefined;
  channel?: string | undefined;
  uid?: string | undefined;
  account?: string | undefined;
  error?: string | undefined;
  now?: string | undefined;
  profile?: string | undefined;
  certificateEnv?: string | undefined;
  json?: boolean | undefined;
}

const usage = (message: string, field?: string) => new TokenDeskError('invalid_input', message, field);

function integerFlag(value: string | undefined, field: string, pattern: RegExp, message: string): number | undefined {
  if (value === undefined) return undefined;
  if (!pattern.test(value)) throw usage(message, field);
  return Number(value);
}

/** Flags → the doctor's context, parsed once with its schema (bad values are usage errors). */
function contextFrom(options: DiagnoseCommandOptions, profileAppId: string | undefined) {
  const uid = integerFlag(
    options.uid,
    'uid',
    /^-?\d{1,10}$/,
    '--uid must be a whole number (an int uid; use --account for a user account)',
  );
  const now = integerFlag(options.now, 'now', /^\d{1,12}$/, '--now must be unix seconds');
  const errorCode =
    options.error === undefined ? undefined : /^-?\d{1,9}$/.test(options.error) ? Number(options.error) : options.error;
  return parseInput(diagnoseContextSchema, {
    appId: options.appId ?? profileAppId,
    action: options.action,
    channel: options.channel,
    uid,
    account: options.account,
    errorCode,
    now,
  });
}

async function certificatesFor(
  options: DiagnoseCommandOptions,
  deps: DecodeDeps,
): Promise<{ certificates: CertificateCandidate[]; appId?: string }> {
  if (options.profile !== undefined && options.certificateEnv !== undefined) {
    throw usage('use only one of --profile and --certificate-env');
  }
  if (options.certificateEnv !== undefined) {
    if (options.certificateEnv === '') throw usage('--certificate-env needs the name of an environment variable');
    const value = loadEnvironment(deps.cwd, deps.env)[options.certificateEnv];
    if (!value)
      throw new TokenDeskError('missing_credentials', `environment variable ${options.certificateEnv} is not set`);
    return { certificates: [{ label: options.certificateEnv, value: value.trim() }] };
  }
  if (options.profile !== undefined) return deps.profileCertificates(options.profile);
  return { certificates: [] };
}

export async function runDiagnose(
  options: DiagnoseCommandOptions,
  deps: DecodeDeps = defaultDecodeDeps(),
): Promise<void> {
  const { certificates, appId } = await certificatesFor(options, deps);
  const context = contextFrom(options, appId);
  const token = options.token === '-' ? await deps.readStdin() : options.token;
  const diagnosis = diagnoseToken(token, { ...context, now: context.now ?? deps.now() }, { certificates });
  if (options.json) printJson(diagnosis, deps.output);
  else for (const line of formatDiagnosis(diagnosis, context.action)) deps.output.out(line);
  if (hasError(diagnosis)) {
    const codes = [...new Set(diagnosis.findings.filter((f) => f.severity === 'error').map((f) => f.code))];
    throw new CheckFailed(`the client would fail: ${codes.join(', ')}`);
  }
}

export function diagnoseCommand(): Command {
  return new Command('diagnose')
    .description('explain why a client refuses a token: check it against what the client does (offline)')
    .argument('<token>', 'the token, or - to read it from standard input')
    .option('--app-id <id>', "the App ID the client initialises with (default: the profile's, with --profile)")
    .option('--action <action>', `what the client does: ${DOCTOR_ACTIONS.join(', ')}`)
    .option('--channel <name>', 'the channel name exactly as the client passes it')
    .option('--uid <N>', 'the int uid the client joins with (joinChannel)')
    .option('--account <A>', 'the user account (joinChannelWithUserAccount) or RTM / Chat user id')
    .option('--error <code>', 'the error code the SDK reported, e.g. 110 or ERR_TOKEN_EXPIRED')
    .option('--now <unix>', "the client's clock in unix seconds, if it differs from this machine's")
    .option('--profile <name>', "check the signature with this profile's certificates")
    .option(
      '--certificate-env <VAR>',
      'check the signature with the App Certificate in this environment variable (or .env)',
    )
    .option('--json', 'print {"verdict","findings","token"} as JSON')
    .addHelpText(
      'after',
      `
Exit codes: 0 no error found (warnings may remain), 1 an error finding (including a malformed token), 2 bad usage.
Examples:
  agora-token-desk diagnose 007eJx... --action rtc-join --channel demo --uid 42
  APP_CERTIFICATE=... agora-token-desk diagnose 007eJx... --certificate-env APP_CERTIFICATE --app-id 970CA35de60c44645bbae8a215061b33 --error 110
  agora-token-desk diagnose 007eJx... --action rtm-login --account alice --profile demo --json`,
    )
    .action(async (token: string, flags: Omit<DiagnoseCommandOptions, 'token'>) =>
      runCommand(async () => runDiagnose({ ...flags, token })),
    );
}
