/**
 * SDK error codes that concern tokens and joining, from Agora's documentation. Each entry
 * names its source; only codes found there are listed (RTM 2.x / Signaling 2.x codes were
 * not found in the documentation available when this table was written, so they are absent).
 * `causes` are the doctor's finding codes that produce this error.
 */
import { MAX_CHANNEL_BYTES } from '../contract/text-rules.js';
import type { DoctorAction, FindingCode } from './schema.js';

export type SdkProduct = 'rtc' | 'rtm' | 'chat';
export const PRODUCT_NAMES: Readonly<Record<SdkProduct, string>> = { rtc: 'RTC', rtm: 'RTM', chat: 'Chat' };

export interface SdkErrorEntry {
  product: SdkProduct;
  code: number;
  name: string;
  meaning: string;
  causes: FindingCode[];
  fix: string;
}

const IDENTITY: FindingCode[] = ['app_id_mismatch', 'channel_mismatch', 'uid_mismatch', 'uid_account_mixup'];
const INVALID: FindingCode[] = ['malformed', 'signature_invalid', ...IDENTITY, 'service_missing'];
const EXPIRED: FindingCode[] = ['token_expired', 'privilege_expired', 'issued_in_future', 'expiry_suspicious'];

export const SDK_ERROR_CODES: readonly SdkErrorEntry[] = [
  // RTC — https://docs.agora.io/en/api-reference/faq/integration/token_related_issues (101, 109, 110)
  {
    product: 'rtc',
    code: 101,
    name: 'ERR_INVALID_APP_ID',
    meaning: 'the App ID the SDK was initialised with is not valid',
    causes: ['app_id_mismatch'],
    fix: 'Initialise the SDK with the 32-character App ID (a string) of the project that issues the tokens.',
  },
  // https://api-ref.agora.io/en/iot-sdk/android/1.x/classio_1_1agora_1_1rtc_1_1_agora_rtc_service_1_1_error_code.html (102, 17)
  // https://docs.agora.io/cn/voice-call-4.x/API%20Reference/flutter_ng/API/enum_errorcodetype.html (17, 102)
  {
    product: 'rtc',
    code: 102,
    name: 'ERR_INVALID_CHANNEL_NAME',
    meaning: `the channel name is not valid (over ${MAX_CHANNEL_BYTES} bytes or characters outside the allowed set)`,
    causes: ['channel_mismatch'],
    fix: `Use a channel name of at most ${MAX_CHANNEL_BYTES} bytes made of letters, digits, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,`,
  },
  {
    product: 'rtc',
    code: 17,
    name: 'ERR_JOIN_CHANNEL_REJECTED',
    meaning: 'joining was rejected, usually because the client is already in the channel (or an echo test is running)',
    causes: [],
    fix: 'Join only from the disconnected state (watch onConnectionStateChanged); stop an echo test before joining.',
  },
  {
    product: 'rtc',
    code: 109,
    name: 'ERR_TOKEN_EXPIRED',
    meaning: 'the token has expired',
    causes: EXPIRED,
    fix: 'Fetch a new token from your server before joining, and renew it with renewToken when onTokenPrivilegeWillExpire fires.',
  },
  {
    product: 'rtc',
    code: 110,
    name: 'ERR_INVALID_TOKEN',
    meaning:
      'the token is invalid: not signed by this project, or not for this App ID, channel or uid (also when the project has no certificate enabled but a token is passed, or the reverse)',
    causes: INVALID,
    fix: "Build the token with this project's App Certificate for exactly the App ID, channel and uid the client joins with.",
  },
  // Web SDK 3.x — https://docs.agora.io/en/faq/token_error (118, 119 on Web; 110 is ERR_NO_AUTHORIZED there)
  {
    product: 'rtc',
    code: 118,
    name: 'ERR_DYNAMIC_KEY_EXPIRED',
    meaning: '(Web SDK 3.x) the token has expired',
    causes: EXPIRED,
    fix: 'Fetch a new token and join again.',
  },
  {
    product: 'rtc',
    code: 119,
    name: 'ERR_STATIC_USE_DYNAMIC_KEY',
    meaning:
      '(Web SDK 3.x) a token was passed but the project has no App Certificate enabled (in the IoT SDK, 119 is ERR_SET_CLIENT_ROLE_NOT_AUTHORIZED)',
    causes: [],
    fix: 'Enable the App Certificate for the project in Agora Console, or join with a null token.',
  },
  // RTM 1.x login — https://api-ref.agora.io/en/signaling-sdk/ios/1.x/Constants/AgoraRtmLoginErrorCode.html
  // and https://api-ref.agora.io/en/signaling-sdk/web/1.x/enums/rtmerrorcode.loginerror.html
  {
    product: 'rtm',
    code: 4,
    name: 'LOGIN_ERR_INVALID_APP_ID',
    meaning: 'RTM login: the App ID is invalid',
    causes: ['app_id_mismatch'],
    fix: 'Create the RTM client with the App ID of the project that issues the tokens.',
  },
  {
    product: 'rtm',
    code: 5,
    name: 'LOGIN_ERR_INVALID_TOKEN',
    meaning:
      'RTM login: the token is invalid (from renewToken, 5 means expired instead: RENEW_TOKEN_ERR_TOKEN_EXPIRED)',
    causes: INVALID,
    fix: "Build an RTM token (RtmTokenBuilder) for exactly the user id passed to login, with this project's certificate.",
  },
  {
    product: 'rtm',
    code: 6,
    name: 'LOGIN_ERR_TOKEN_EXPIRED',
    meaning:
      'RTM login: the token has expired (from renewToken, 6 means invalid instead: RENEW_TOKEN_ERR_INVALID_TOKEN)',
    causes: EXPIRED,
    fix: 'Fetch a new RTM token and log in again; renew it before it expires.',
  },
  // RTM in the IoT / RTSA SDK — https://api-ref.agora.io/en/iot-sdk/android/1.x/classio_1_1agora_1_1rtc_1_1_agora_rtc_service_1_1_rtm_err_code.html
  {
    product: 'rtm',
    code: 109,
    name: 'ERR_RTM_TOKEN_EXPIRED',
    meaning: 'the RTM token has expired',
    causes: EXPIRED,
    fix: 'Generate a new RTM token.',
  },
  {
    product: 'rtm',
    code: 110,
    name: 'ERR_RTM_INVALID_TOKEN',
    meaning: 'the RTM token is invalid',
    causes: INVALID,
    fix: 'Build an RTM token for exactly the user id the client logs in with.',
  },
  // Chat — https://github.com/AgoraIO/agora_doc_source/blob/master/en-US/markdown/agora-chat/Reference/agora_chat_error_android.md
  // (100, 101, 104, 202, 204; also https://docs.agora.io/en/agora-chat/reference/error-codes)
  {
    product: 'chat',
    code: 100,
    name: 'INVALID_APP_KEY',
    meaning: 'the Chat App Key is invalid (Chat initialises with an App Key, not the App ID)',
    causes: [],
    fix: 'Initialise Chat with the App Key shown for the project in Agora Console.',
  },
  {
    product: 'chat',
    code: 101,
    name: 'INVALID_USER_NAME',
    meaning: 'the Chat user id is empty or malformed',
    causes: ['uid_mismatch'],
    fix: 'Log in with the user id the token was built for.',
  },
  {
    product: 'chat',
    code: 104,
    name: 'INVALID_TOKEN',
    meaning: 'the token passed to Chat login is empty or incorrect',
    causes: INVALID,
    fix: 'Log in with a Chat user token (ChatTokenBuilder.buildUserToken) for this user id.',
  },
  {
    product: 'chat',
    code: 202,
    name: 'USER_AUTHENTICATION_FAILED',
    meaning: 'Chat user authentication failed, usually a wrong or expired token',
    causes: [...INVALID, ...EXPIRED],
    fix: 'Check that the token is a live Chat user token for this user id.',
  },
  {
    product: 'chat',
    code: 204,
    name: 'USER_NOT_FOUND',
    meaning: 'the Chat user does not exist (register it before logging in)',
    causes: [],
    fix: 'Register the user (Chat RESTful API) before logging in with a token for it.',
  },
  // Chat — https://github.com/AgoraIO/agora_doc_source/blob/master/markdown/agora-chat/Android/agora_chat_error_android.md (108, 109)
  {
    product: 'chat',
    code: 108,
    name: 'TOKEN_EXPIRED',
    meaning: 'the Chat token has expired',
    causes: EXPIRED,
    fix: 'Fetch a new Chat user token and call renewToken (or log in again).',
  },
  {
    product: 'chat',
    code: 109,
    name: 'TOKEN_WILL_EXPIRE',
    meaning: 'the Chat token is about to expire (reported once half of its lifetime has passed)',
    causes: ['expires_soon'],
    fix: 'Fetch a new Chat user token and call renewToken.',
  },
];

/** The product whose error codes apply to an action; undefined searches all of them. */
export function productOf(action: DoctorAction | undefined): SdkProduct | undefined {
  if (action === undefined || action === 'fpa-login') return undefined;
  if (action.startsWith('rtm-')) return 'rtm';
  if (action.startsWith('chat-')) return 'chat';
  return 'rtc';
}

/** Entries for a numeric code or a constant name (ERR_INVALID_TOKEN), within a product when known. */
export function lookUpSdkError(code: number | string, product: SdkProduct | undefined): SdkErrorEntry[] {
  const wanted = typeof code === 'number' ? code : /^-?\d+$/.test(code) ? Number(code) : code.toUpperCase();
  return SDK_ERROR_CODES.filter(
    (e) =>
      (product === undefined || e.product === product) &&
      (typeof wanted === 'number' ? Math.abs(wanted) === e.code : e.name === wanted),
  );
}
