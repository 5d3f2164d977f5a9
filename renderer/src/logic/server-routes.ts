/**
 * Ready-to-paste curl calls for every route of the local server, and whether a host is
 * reachable only from this machine.
 */
import { shellCommand } from '../../../shared/contract/shell-quote.js';

export interface RouteExample {
  label: string;
  command: string;
}

export interface RouteExampleOptions {
  /** The server wants `Authorization: Bearer`: the calls read the key from $API_KEY, never embed it. */
  apiKey?: boolean;
  /** The project to ask for, when the server serves several. */
  appId?: string | undefined;
}

/** Double quotes, so the shell expands $API_KEY when the command is pasted. */
export const AUTH_HEADER_WORDS = '-H "Authorization: Bearer $API_KEY"';

export function routeExamples(baseUrl: string, options: RouteExampleOptions = {}): RouteExample[] {
  const base = baseUrl.replace(/\/+$/, '');
  const { appId } = options;
  const curl = (words: string[], open = false) =>
    ['curl', ...(options.apiKey === true && !open ? [AUTH_HEADER_WORDS] : []), shellCommand(words)].join(' ');
  const withAppId = (path: string) =>
    appId === undefined ? path : `${path}${path.includes('?') ? '&' : '?'}appId=${encodeURIComponent(appId)}`;
  const get = (path: string) => curl([`${base}${withAppId(path)}`]);
  const postJson = (path: string, body: object) =>
    curl([
      '-X',
      'POST',
      '-H',
      'Content-Type: application/json',
      '-d',
      JSON.stringify(appId === undefined ? body : { ...body, appId }),
      `${base}${path}`,
    ]);
  return [
    { label: 'Health check', command: curl([`${base}/ping`], true) },
    {
      label: 'POST /getToken (RTC)',
      command: postJson('/getToken', { tokenType: 'rtc', channel: 'test', role: 'publisher', uid: '0', expire: 3600 }),
    },
    { label: 'RTC token by uid', command: get('/rtc/test/publisher/uid/0/?expiry=3600') },
    { label: 'RTC token by user account', command: get('/rtc/test/subscriber/userAccount/alice/') },
    { label: 'RTM token', command: get('/rtm/alice/') },
    { label: 'RTC + RTM tokens', command: get('/rte/test/publisher/uid/1234/') },
    { label: 'Chat app token', command: get('/chat/app/') },
    { label: 'Chat user token', command: get('/chat/account/alice/') },
    // The routes of the sample token servers in Agora's docs.
    {
      label: 'RTC token (Agora docs, Go sample)',
      command: postJson('/fetch_rtc_token', { uid: 1234, ChannelName: 'test', role: 1 }),
    },
    {
      label: 'Chat user token (Agora docs, Go sample)',
      command: postJson('/generate-user-token', { user_uuid: 'alice', expire: 3600 }),
    },
    { label: 'Chat app token (Agora docs, Go sample)', command: postJson('/generate-app-token', { expire: 3600 }) },
    {
      label: 'Chat user token (Agora docs, Node.js sample)',
      command: get('/api/token/generateUserToken?account=alice&expireTimeInSeconds=3600'),
    },
    {
      label: 'Chat app token (Agora docs, Node.js sample)',
      command: get('/api/token/generateAppToken?expireTimeInSeconds=3600'),
    },
    {
      label: 'Chat user token as text (Agora docs, Java sample)',
      command: curl([
        '-X',
        'POST',
        '-H',
        'Content-Type: application/x-www-form-urlencoded',
        '-d',
        `userId=alice&expireSeconds=3600&tokenType=user${appId === undefined ? '' : `&appId=${encodeURIComponent(appId)}`}`,
        `${base}/token/generate`,
      ]),
    },
  ];
}

/** Loopback hosts keep the server on this machine; anything else exposes it to the network. */
export { isLoopbackHost } from '../../../shared/contract/fields.js';
