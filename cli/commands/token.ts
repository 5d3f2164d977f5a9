import { Command, Option } from 'commander';
import {
  buildChatToken,
  buildRtcToken,
  buildRteTokens,
  buildRtmToken,
  chatTokenInputSchema,
  rtcTokenInputSchema,
  rteTokenInputSchema,
  rtmTokenInputSchema,
} from '../../shared/token/build.js';
import type { BuiltToken } from '../../shared/token/types.js';
import { parseInput } from '../../shared/token/validation.js';
import { parseSeconds, parseUid } from '../args.js';
import { resolveCredentials } from '../credentials.js';
import { printJson, processOutput, runCommand } from '../output.js';
import { TokenDeskError } from '../../shared/errors.js';

interface CommonFlags {
  expire?: string;
  json?: boolean;
  profile?: string;
}

const CREDENTIALS_HELP = `
Credentials: --profile NAME, else APP_ID and APP_CERTIFICATE from the environment
or a .env file in the working directory, else the default profile.
Output: the token alone on stdout (so $(agora-token-desk token ...) works), or JSON with --json.`;

function common(command: Command): Command {
  return command
    .option('--expire <seconds>', 'token lifetime in seconds (default 3600)')
    .option('--profile <name>', 'use the App ID and certificate of this saved profile')
    .option('--json', 'print JSON with the token and its issue and expiry times')
    .addHelpText('after', CREDENTIALS_HELP);
}

function print(built: BuiltToken, json: boolean | undefined): void {
  if (json) printJson(built);
  else processOutput.out(built.token);
}

const roleOption = () =>
  new Option('--role <role>', 'publisher (join and publish) or subscriber (join only)')
    .choices(['publisher', 'subscriber'])
    .default('publisher');

export function tokenCommand(): Command {
  const token = new Command('token').description('build an RTC, RTM, RTC+RTM or Chat token');

  common(
    token
      .command('rtc')
      .description('RTC token for a channel, by numeric uid or by user account')
      .requiredOption('--channel <name>', 'channel name (up to 64 bytes)')
      .option('--uid <n>', 'numeric user id, 0..4294967295 (0 lets any user join)')
      .option('--account <name>', 'user account (string, up to 255 bytes) instead of --uid')
      .addOption(roleOption())
      .option('--privilege-expire <seconds>', 'expiry of every privilege (default: the token expiry)')
      .option('--join-expire <seconds>', 'expiry of the join-channel privilege')
      .option('--audio-expire <seconds>', 'expiry of the publish-audio privilege')
      .option('--video-expire <seconds>', 'expiry of the publish-video privilege')
      .option('--data-expire <seconds>', 'expiry of the publish-data privilege'),
  ).action(async (flags: CommonFlags & Record<string, string | undefined>) =>
    runCommand(async () => {
      if ((flags['uid'] === undefined) === (flags['account'] === undefined)) {
        throw new TokenDeskError('invalid_input', 'give either --uid or --account', 'uid');
      }
      const input = parseInput(rtcTokenInputSchema, {
        channel: flags['channel'] ?? '',
        ...(flags['uid'] !== undefined ? { uid: parseUid(flags['uid']) } : { account: flags['account'] }),
        role: flags['role'] as 'publisher' | 'subscriber',
        expire: parseSeconds('expire', flags.expire),
        privilegeExpire: parseSeconds('privilege expire', flags['privilegeExpire']),
        privileges: {
          join: parseSeconds('join expire', flags['joinExpire']),
          audio: parseSeconds('audio expire', flags['audioExpire']),
          video: parseSeconds('video expire', flags['videoExpire']),
          data: parseSeconds('data expire', flags['dataExpire']),
        },
      });
      const { credentials } = await resolveCredentials({ profile: flags.profile });
      print(buildRtcToken(credentials, input), flags.json);
    }),
  );

  common(
    token
      .command('rtm')
      .description('RTM login token; with --channel it also allows joining that stream channel')
      .requiredOption('--uid <user>', 'RTM user id (up to 64 bytes)')
      .option('--channel <name>', 'stream channel the token may join (* for any)'),
  ).action(async (flags: CommonFlags & { uid: string; channel?: string }) =>
    runCommand(async () => {
      const input = parseInput(rtmTokenInputSchema, {
        userId: flags.uid,
        channel: flags.channel,
        expire: parseSeconds('expire', flags.expire),
      });
      const { credentials } = await resolveCredentials({ profile: flags.profile });
      print(buildRtmToken(credentials, input), flags.json);
    }),
  );

  common(
    token
      .command('rte')
      .description('an RTC token and an RTM token for the same user and channel (printed on two lines)')
      .requiredOption('--channel <name>', 'channel name (also the RTM stream channel)')
      .requiredOption('--uid <n>', 'numeric RTC user id, 0..4294967295')
      .option('--rtm-uid <user>', 'RTM user id (default: the RTC uid; required when --uid is 0)')
      .addOption(roleOption()),
  ).action(async (flags: CommonFlags & { channel: string; uid: string; rtmUid?: string; role: string }) =>
    runCommand(async () => {
      const input = parseInput(rteTokenInputSchema, {
        channel: flags.channel,
        uid: parseUid(flags.uid),
        rtmUserId: flags.rtmUid,
        role: flags.role as 'publisher' | 'subscriber',
        expire: parseSeconds('expire', flags.expire),
      });
      const { credentials } = await resolveCredentials({ profile: flags.profile });
      const built = buildRteTokens(credentials, input);
      if (flags.json) printJson(built);
      else {
        processOutput.out(built.rtcToken);
        processOutput.out(built.rtmToken);
      }
    }),
  );

  common(
    token
      .command('chat')
      .description('Chat token: a user token with --uid, an app token without')
      .option('--uid <user>', 'Chat user id (omit for an app token)'),
  ).action(async (flags: CommonFlags & { uid?: string }) =>
    runCommand(async () => {
      const input = parseInput(chatTokenInputSchema, { userId: flags.uid, expire: parseSeconds('expire', flags.expire) });
      const { credentials } = await resolveCredentials({ profile: flags.profile });
      print(buildChatToken(credentials, input), flags.json);
    }),
  );

  return token;
}
