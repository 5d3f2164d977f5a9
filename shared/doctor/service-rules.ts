/**
 * Findings about what the token allows versus what the client does: a missing service,
 * no live publish privilege. Browser-safe.
 */
import { tokenTimeStatus } from '../token/status.js';
import type { DecodedToken } from '../token/types.js';
import { finding } from './findings.js';
import { ACTION_NEEDS, rowsFor, serviceList, tokenHas, type Need } from './needs.js';
import type { DoctorAction, Finding } from './schema.js';

const FIX_BY_ACTION: Readonly<Record<DoctorAction, string>> = {
  'rtc-join': 'Build an RTC token for this channel and uid.',
  'rtc-publish': 'Build an RTC token with the publisher role.',
  'rtm-login': 'Build an RTM token for this user id, or one token carrying RTC and RTM.',
  'rtm-stream-channel':
    'Build an RTM token that includes the stream channel: that adds the RTC service a stream channel is joined through.',
  'chat-login': "Build a Chat user token for this user id; app tokens are for your server's REST calls.",
  'chat-app': 'Build a Chat app token (a Chat token without a user id).',
  'convoai-rest': 'Build the token with ConvoAITokenBuilder, which adds RTC, RTM and the Conversational AI service.',
  'stt-rest': 'Build the token with SttTokenBuilder, which adds RTC, RTM and the transcription service.',
  'fpa-login': 'Build an FPA token (FpaTokenBuilder).',
};

function missingMessage(need: Need, action: DoctorAction, decoded: DecodedToken): string {
  const chatApp = decoded.version === '007' && decoded.services.some((s) => s.type === 'chat' && 'app' in s.privileges);
  if (action === 'chat-login' && chatApp) {
    return "This is a Chat app token: it authorises your server's REST calls, not a user logging in.";
  }
  const wanted = `the ${need.services.join(' or ')} service${need.privileges.length === 0 ? '' : ` with the ${need.privileges.join(' or ')} privilege`}`;
  return `${need.purpose[0]?.toUpperCase() ?? ''}${need.purpose.slice(1)} needs ${wanted}; this token carries ${serviceList(decoded)}.`;
}

const PUBLISH_FIX =
  'Build the token with the publisher role (role publisher / RtcRole.PUBLISHER). If your project uses co-host authentication, an audience token cannot publish: give hosts a publisher token, and switch roles with setClientRole plus a renewed token.';

function publishFinding(decoded: DecodedToken, now: number): Finding[] {
  const publish = ACTION_NEEDS['rtc-publish'][1];
  if (publish === undefined) return [];
  const status = tokenTimeStatus(decoded, now);
  const rows = rowsFor(publish, decoded, status.privileges);
  // An expired token is reported once, as token_expired, not again per privilege.
  if (rows.some((r) => !r.expired) || (rows.length > 0 && status.expired)) return [];
  const message =
    rows.length === 0
      ? 'The client wants to publish, but the token has no publish privilege: it was built with the subscriber (audience) role.'
      : "The client wants to publish, but the token's publish privileges have expired.";
  return [finding('no_publish_privilege', 'error', message, PUBLISH_FIX)];
}

/** service_missing and no_publish_privilege for the action the client performs. */
export function serviceFindings(decoded: DecodedToken, action: DoctorAction | undefined, now: number): Finding[] {
  if (action === undefined) return [];
  const rows = tokenTimeStatus(decoded, now).privileges;
  const out: Finding[] = [];
  ACTION_NEEDS[action].forEach((need, index) => {
    if (action === 'rtc-publish' && index === 1) {
      out.push(...publishFinding(decoded, now));
    } else if (!tokenHas(need, decoded, rows)) {
      out.push(finding('service_missing', 'error', missingMessage(need, action, decoded), FIX_BY_ACTION[action]));
    }
  });
  return out;
}
