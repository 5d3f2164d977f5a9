/**
 * A generated token as text to paste elsewhere: a `.env` block, JSON, or a join snippet for
 * an Agora SDK with the values filled in. Pure and browser-safe. It never takes a
 * certificate: the values come from the form and the profile's App ID only.
 *
 * The join calls are the SDKs' 4.x signatures (Web `client.join(appid, channel, token, uid)`,
 * iOS `joinChannel(byToken:channelId:uid:mediaOptions:joinSuccess:)`, Android
 * `joinChannel(token, channelId, uid, options)`, Flutter `joinChannel(token:, channelId:,
 * uid:, options:)`, React Native `joinChannel(token, channelId, uid, options)`), and their
 * user-account variants when the token was built for an account.
 */
import type { Generated } from '../../../shared/contract/views.js';
import { activeFields, type GenerateForm } from './generate-form.js';

export interface ExportValues {
  appId: string;
  channel?: string | undefined;
  /** A numeric uid, or a user account / user id, as typed. */
  uid?: string | undefined;
  token: string;
}

export const SNIPPET_TARGETS = ['web', 'ios', 'android', 'flutter', 'react-native'] as const;
export type SnippetTarget = (typeof SNIPPET_TARGETS)[number];
export const SNIPPET_LABELS: Record<SnippetTarget, string> = {
  web: 'Web (JavaScript)',
  ios: 'iOS (Swift)',
  android: 'Android (Kotlin)',
  flutter: 'Flutter (Dart)',
  'react-native': 'React Native',
};

/** Kinds whose token joins an RTC channel, so a join snippet makes sense. */
const JOINABLE_KINDS: ReadonlySet<string> = new Set(['rtc', 'rte', 'rtc-rtm', 'convoai', 'stt']);
const USER_KEYS = ['account', 'uid', 'userId'];

/** The values of a result: the first token (the RTC one of a pair), channel and user as typed. */
export function exportValues(form: GenerateForm, appId: string, generated: Generated): ExportValues {
  const fields = activeFields(form);
  const typed = (key: string): string | undefined => {
    const value = fields.some((field) => field.key === key) ? form.values[key]?.trim() : undefined;
    return value === '' ? undefined : value;
  };
  const user = USER_KEYS.map(typed).find((value) => value !== undefined);
  const token = 'token' in generated ? generated.token : generated.rtcToken;
  return { appId, channel: typed('channel'), uid: user, token };
}

export function joinable(form: GenerateForm, values: ExportValues): boolean {
  return JOINABLE_KINDS.has(form.kind) && values.channel !== undefined;
}

// A .env value in double quotes: backslash and quote escaped, newlines written as \n.
const envValue = (v: string): string => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

export function toEnvBlock(v: ExportValues): string {
  const lines = [`APP_ID=${envValue(v.appId)}`];
  if (v.channel !== undefined) lines.push(`CHANNEL=${envValue(v.channel)}`);
  if (v.uid !== undefined) lines.push(`UID=${envValue(v.uid)}`);
  lines.push(`TOKEN=${envValue(v.token)}`);
  return `${lines.join('\n')}\n`;
}

export function toJson(v: ExportValues): string {
  return JSON.stringify({ appId: v.appId, channel: v.channel, uid: v.uid, token: v.token }, null, 2);
}

// JSON string syntax is valid JS/TS, Kotlin and Dart once `$` is escaped; Swift writes \u{XXXX}.
const jsString = (s: string): string => JSON.stringify(s);
const swiftString = (s: string): string =>
  JSON.stringify(s).replace(/\\(\\|u([0-9a-f]{4}))/g, (m: string, _e: string, hex?: string) =>
    hex === undefined ? m : `\\u{${hex}}`,
  );
const dollarSafe = (s: string): string => JSON.stringify(s).replace(/\$/g, '\\$');

const isNumericUid = (uid: string | undefined): boolean => uid === undefined || /^\d{1,10}$/.test(uid);

function webSnippet(v: ExportValues, channel: string, uid: string): string {
  const user = isNumericUid(v.uid) ? uid : jsString(uid);
  return [
    "const client = AgoraRTC.createClient({ mode: 'rtc', codec: 'vp8' });",
    `await client.join(${jsString(v.appId)}, ${jsString(channel)}, ${jsString(v.token)}, ${user});`,
  ].join('\n');
}

function iosSnippet(v: ExportValues, channel: string, uid: string): string {
  const join = isNumericUid(v.uid)
    ? `agoraKit.joinChannel(byToken: ${swiftString(v.token)}, channelId: ${swiftString(channel)}, uid: ${uid}, mediaOptions: AgoraRtcChannelMediaOptions(), joinSuccess: nil)`
    : `agoraKit.joinChannel(byUserAccount: ${swiftString(uid)}, token: ${swiftString(v.token)}, channelId: ${swiftString(channel)}, joinSuccess: nil)`;
  return [
    `let agoraKit = AgoraRtcEngineKit.sharedEngine(withAppId: ${swiftString(v.appId)}, delegate: self)`,
    join,
  ].join('\n');
}

function androidSnippet(v: ExportValues, channel: string, uid: string): string {
  const join = isNumericUid(v.uid)
    ? `rtcEngine.joinChannel(${dollarSafe(v.token)}, ${dollarSafe(channel)}, ${uid}, ChannelMediaOptions())`
    : `rtcEngine.joinChannelWithUserAccount(${dollarSafe(v.token)}, ${dollarSafe(channel)}, ${dollarSafe(uid)})`;
  return [
    'val config = RtcEngineConfig().apply {',
    '    mContext = applicationContext',
    `    mAppId = ${dollarSafe(v.appId)}`,
    '    mEventHandler = object : IRtcEngineEventHandler() {}',
    '}',
    'val rtcEngine = RtcEngine.create(config)',
    join,
  ].join('\n');
}

function flutterSnippet(v: ExportValues, channel: string, uid: string): string {
  const numeric = isNumericUid(v.uid);
  return [
    'final engine = createAgoraRtcEngine();',
    `await engine.initialize(const RtcEngineContext(appId: ${dollarSafe(v.appId)}));`,
    numeric ? 'await engine.joinChannel(' : 'await engine.joinChannelWithUserAccount(',
    `  token: ${dollarSafe(v.token)},`,
    `  channelId: ${dollarSafe(channel)},`,
    numeric ? `  uid: ${uid},` : `  userAccount: ${dollarSafe(uid)},`,
    '  options: const ChannelMediaOptions(),',
    ');',
  ].join('\n');
}

function reactNativeSnippet(v: ExportValues, channel: string, uid: string): string {
  const join = isNumericUid(v.uid)
    ? `engine.joinChannel(${jsString(v.token)}, ${jsString(channel)}, ${uid}, {});`
    : `engine.joinChannelWithUserAccount(${jsString(v.token)}, ${jsString(channel)}, ${jsString(uid)}, {});`;
  return ['const engine = createAgoraRtcEngine();', `engine.initialize({ appId: ${jsString(v.appId)} });`, join].join(
    '\n',
  );
}

const SNIPPETS: Record<SnippetTarget, (v: ExportValues, channel: string, uid: string) => string> = {
  web: webSnippet,
  ios: iosSnippet,
  android: androidSnippet,
  flutter: flutterSnippet,
  'react-native': reactNativeSnippet,
};

export function toJoinSnippet(target: SnippetTarget, v: ExportValues): string {
  return SNIPPETS[target](v, v.channel ?? '', v.uid ?? '0');
}
