/**
 * The Decode screen's "Check against my app" panel as data: the text in its boxes, turned
 * into the doctor's context and checked with the contract's own schema (the one main
 * parses with), so a rule such as "uid or account, not both" is never copied here.
 */
import {
  DOCTOR_ACTIONS,
  diagnoseContextSchema,
  type DiagnoseContext,
  type DoctorAction,
} from '../../../shared/contract/doctor.js';

/** How the client identifies the user: which SDK call it makes. */
export type IdentityCall = 'uid' | 'account';

export interface DoctorFormValues {
  appId: string;
  /** '' = not said. */
  action: DoctorAction | '';
  channel: string;
  identityCall: IdentityCall;
  identity: string;
  errorCode: string;
}

export const EMPTY_DOCTOR_FORM: DoctorFormValues = {
  appId: '',
  action: '',
  channel: '',
  identityCall: 'uid',
  identity: '',
  errorCode: '',
};

export const ACTION_LABELS: Record<DoctorAction, string> = {
  'rtc-join': 'Join an RTC channel',
  'rtc-publish': 'Join and publish audio/video',
  'rtm-login': 'Log in to RTM (Signaling)',
  'rtm-stream-channel': 'Join an RTM stream channel',
  'chat-login': 'Log in to Chat as a user',
  'chat-app': 'Call the Chat REST API (app token)',
  'convoai-rest': 'Call the Conversational AI REST API',
  'stt-rest': 'Call the real-time transcription REST API',
  'fpa-login': 'Connect to FPA',
};
export const ACTION_CHOICES: ReadonlyArray<{ value: DoctorAction; label: string }> = DOCTOR_ACTIONS.map((value) => ({
  value,
  label: ACTION_LABELS[value],
}));

export const IDENTITY_CALLS: ReadonlyArray<{ value: IdentityCall; label: string; box: string }> = [
  { value: 'uid', label: 'joinChannel with an int uid', box: 'UID' },
  { value: 'account', label: 'joinChannelWithUserAccount (user account)', box: 'User account' },
];

export type DoctorFormResult =
  { ok: true; context: DiagnoseContext } | { ok: false; field: keyof DoctorFormValues; message: string };

/** Numbers stay numbers (110), names stay names (ERR_INVALID_TOKEN). */
function errorCodeValue(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/** A uid box holds digits (or a negative Java/C# int); anything else goes to the schema as-is to get its message. */
function uidValue(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

const FIELD_OF: Record<string, keyof DoctorFormValues> = { uid: 'identity', account: 'identity' };

/** Empty boxes mean "not said": the doctor checks only what it is told. Channel text is kept exactly (spaces matter). */
export function doctorContext(values: DoctorFormValues): DoctorFormResult {
  const raw: Record<string, unknown> = {};
  if (values.appId.trim() !== '') raw['appId'] = values.appId.trim();
  if (values.action !== '') raw['action'] = values.action;
  if (values.channel !== '') raw['channel'] = values.channel;
  if (values.identity !== '')
    raw[values.identityCall] = values.identityCall === 'uid' ? uidValue(values.identity.trim()) : values.identity;
  if (values.errorCode.trim() !== '') raw['errorCode'] = errorCodeValue(values.errorCode.trim());
  const parsed = diagnoseContextSchema.safeParse(raw);
  if (parsed.success) return { ok: true, context: parsed.data };
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? 'identity');
  return {
    ok: false,
    field: FIELD_OF[key] ?? (key as keyof DoctorFormValues),
    message: issue?.message ?? 'check this value',
  };
}
