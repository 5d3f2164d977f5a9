/**
 * Findings about who and where: App ID, channel, uid / account / user id, and the int-uid
 * versus user-account mix-up. Values are named exactly, with bytes where invisible
 * differences are likely. Browser-safe.
 */
import { MAX_CHANNEL_BYTES } from '../contract/text-rules.js';
import type { DecodedToken, RtcServiceInfo } from '../token/types.js';
import { finding } from './findings.js';
import type { DiagnoseContext, DoctorAction, Finding } from './schema.js';
import { byteLength, hexBytes, isCanonicalUid, lookAlikeReason, quoted } from './text.js';

/** What a 006 token's CRCs say about the client's channel and uid (undefined: not compared). */
export interface Identity006 {
  channel?: boolean;
  uid?: boolean;
}

const USER_ACTIONS: ReadonlySet<DoctorAction> = new Set(['rtm-login', 'chat-login']);

export function appIdFindings(decoded: DecodedToken, clientAppId: string | undefined): Finding[] {
  if (clientAppId === undefined || clientAppId === decoded.appId) return [];
  const onlyCase = clientAppId.toLowerCase() === decoded.appId.toLowerCase();
  const notHex = /^[0-9a-fA-F]{32}$/.test(clientAppId)
    ? ''
    : ` (${quoted(clientAppId)} is not 32 hexadecimal characters, so the SDK rejects it as an App ID)`;
  return [
    finding(
      'app_id_mismatch',
      onlyCase ? 'warning' : 'error',
      onlyCase
        ? `The token's App ID ${decoded.appId} and the client's ${clientAppId} differ only in letter case.`
        : `The token is for App ID ${decoded.appId}, but the client initialises with ${quoted(clientAppId)}${notHex}.`,
      'Initialise the SDK with the App ID of the project whose certificate signs the tokens (copy both from the same project in Agora Console).',
    ),
  ];
}

/** The client's identity: an int uid (normalised to unsigned 32 bits) or an account string. */
type ClientIdentity = { kind: 'uid'; uid: number; given: number } | { kind: 'account'; account: string };

function clientIdentity(context: DiagnoseContext): ClientIdentity | undefined {
  if (context.uid !== undefined) return { kind: 'uid', uid: context.uid >>> 0, given: context.uid };
  if (context.account !== undefined) return { kind: 'account', account: context.account };
  return undefined;
}

function uidVersusToken(tokenUid: string, client: ClientIdentity): Finding[] {
  if (client.kind === 'uid') {
    const n = client.uid;
    const shown = client.given === n ? `${n}` : `${client.given} (${n} as an unsigned 32-bit uid)`;
    if (String(n) === tokenUid) return [];
    if (!isCanonicalUid(tokenUid)) {
      const same = /^\s*\d+\s*$/.test(tokenUid) && Number(tokenUid) === n;
      return [
        finding(
          'uid_account_mixup',
          'error',
          `The token was built for the user account ${quoted(tokenUid)}, but the client joins with the int uid ${shown}${same ? ': the same number written differently, and the server compares the account text' : ''}.`,
          `Join with the user account ${quoted(tokenUid)} (joinChannelWithUserAccount, or a string uid on Web), or build the token for uid ${n}.`,
        ),
      ];
    }
    if (n === 0) {
      return [
        finding(
          'uid_mismatch',
          'error',
          `The client joins with uid 0, which asks the SDK to pick a uid, but the token only admits uid ${tokenUid}.`,
          `Join with uid ${tokenUid}, or build the token with uid 0 to admit any uid.`,
        ),
      ];
    }
    return [
      finding(
        'uid_mismatch',
        'error',
        `The token is for uid ${tokenUid}, but the client joins with uid ${shown}.`,
        `Build the token for uid ${n}, or join with uid ${tokenUid}.`,
      ),
    ];
  }
  const a = client.account;
  if (a === tokenUid) return [];
  if (isCanonicalUid(tokenUid) && !isCanonicalUid(a)) {
    const same = /^\s*\d+\s*$/.test(a) && Number(a) === Number(tokenUid);
    return [
      finding(
        'uid_account_mixup',
        'error',
        `The token was built for the int uid ${tokenUid}, but the client joins with the user account ${quoted(a)}${same ? ': the same number written differently, and the server compares the text exactly' : ''}.`,
        `Join with the int uid ${tokenUid} (joinChannel), or build the token for the user account ${quoted(a)}.`,
      ),
    ];
  }
  return [
    mismatchOfNames('uid_mismatch', isCanonicalUid(tokenUid) ? 'uid' : 'user account', tokenUid, a, 'joins with'),
  ];
}

function mismatchOfNames(
  code: 'uid_mismatch' | 'channel_mismatch',
  what: string,
  inToken: string,
  inClient: string,
  verb: string,
): Finding {
  const reason = lookAlikeReason(inToken, inClient);
  return finding(
    code,
    'error',
    `The token is for ${what} ${quoted(inToken)} (bytes ${hexBytes(inToken)}), but the client ${verb} ${quoted(inClient)} (bytes ${hexBytes(inClient)})${reason === undefined ? '' : `: ${reason}`}.`,
    `Use exactly the same ${what} when building the token and in the client.`,
  );
}

function channelFindings(rtc: RtcServiceInfo, channel: string, action: DoctorAction | undefined): Finding[] {
  if (rtc.channel === channel || (rtc.channel === '*' && action === 'rtm-stream-channel')) return [];
  const f = mismatchOfNames('channel_mismatch', 'channel', rtc.channel, channel, 'uses');
  const longest = Math.max(byteLength(rtc.channel), byteLength(channel));
  if (longest > MAX_CHANNEL_BYTES)
    f.message += ` A channel name may be at most ${MAX_CHANNEL_BYTES} bytes; one of these is ${longest}.`;
  return [f];
}

function rtcFindings(decoded: DecodedToken, context: DiagnoseContext, identity006: Identity006): Finding[] {
  const client = clientIdentity(context);
  if (decoded.version === '006') {
    const out: Finding[] = [];
    if (identity006.channel === false) {
      out.push(
        finding(
          'channel_mismatch',
          'error',
          `The token was not made for channel ${quoted(context.channel ?? '')} (bytes ${hexBytes(context.channel ?? '')}): a 006 token carries only a checksum of its channel, and this one differs.`,
          'Build the token for exactly the channel the client joins.',
        ),
      );
    }
    if (decoded.uidCrc === 0) out.push(wildcard());
    else if (identity006.uid === false) {
      const who =
        client?.kind === 'account'
          ? `user account ${quoted(client.account)}`
          : `uid ${client?.kind === 'uid' ? client.uid : ''}`;
      out.push(
        finding(
          'uid_mismatch',
          'error',
          `The token was not made for ${who}: a 006 token carries only a checksum of its uid, and this one differs.`,
          'Build the token for exactly the uid or account the client joins with.',
        ),
      );
    }
    return out;
  }
  const services = decoded.services.filter((s): s is RtcServiceInfo => s.type === 'rtc');
  const rtc = services.find((s) => s.channel === context.channel) ?? services[0];
  if (rtc === undefined) return [];
  const out = context.channel === undefined ? [] : channelFindings(rtc, context.channel, context.action);
  if (rtc.uid === '0') out.push(wildcard());
  else if (client !== undefined) out.push(...uidVersusToken(rtc.uid, client));
  return out;
}

function wildcard(): Finding {
  return finding(
    'wildcard_uid',
    'info',
    'The token has uid 0 (no user): anyone holding it can join the channel with any uid.',
    'Fine for tests; in production build each token for the user who will use it.',
  );
}

function userFindings(decoded: DecodedToken, context: DiagnoseContext, identity006: Identity006): Finding[] {
  const client = clientIdentity(context);
  if (client === undefined) return [];
  const userId = client.kind === 'account' ? client.account : String(client.uid);
  const product = context.action === 'chat-login' ? 'Chat' : 'RTM';
  if (decoded.version === '006') {
    return identity006.uid === false
      ? [
          finding(
            'uid_mismatch',
            'error',
            `The token was not made for ${product} user id ${quoted(userId)}: a 006 token carries only a checksum of its user, and this one differs.`,
            'Build the token for exactly the user id the client logs in with.',
          ),
        ]
      : [];
  }
  const types = context.action === 'chat-login' ? ['chat'] : ['rtm', 'rtm2'];
  const service = decoded.services.find((s) => types.includes(s.type) && 'userId' in s && s.userId !== '');
  if (service === undefined || !('userId' in service) || service.userId === userId) return [];
  return [mismatchOfNames('uid_mismatch', `${product} user id`, service.userId, userId, 'logs in as')];
}

/** app_id_mismatch, channel_mismatch, uid_mismatch, uid_account_mixup, wildcard_uid. */
export function identityFindings(decoded: DecodedToken, context: DiagnoseContext, identity006: Identity006): Finding[] {
  const out = appIdFindings(decoded, context.appId);
  if (context.action !== undefined && USER_ACTIONS.has(context.action))
    return [...out, ...userFindings(decoded, context, identity006)];
  if (context.action === 'chat-app' || context.action === 'fpa-login') return out;
  return [...out, ...rtcFindings(decoded, context, identity006)];
}
