/**
 * Ready-to-paste curl calls for every route of the local server, and whether a host is
 * reachable only from this machine.
 */
import { shellCommand } from '../../../shared/contract/shell-quote.js';

export interface RouteExample {
  label: string;
  command: string;
}

export function routeExamples(baseUrl: string): RouteExample[] {
  const base = baseUrl.replace(/\/+$/, '');
  const get = (path: string) => shellCommand(['curl', `${base}${path}`]);
  const postJson = (path: string, body: object) =>
    shellCommand(['curl', '-X', 'POST', '-H', 'Content-Type: application/json', '-d', JSON.stringify(body), `${base}${path}`]);
  return [
    { label: 'Health check', command: get('/ping') },
    {
      label: 'POST /getToken (RTC)',
      command: shellCommand([
        'curl', '-X', 'POST', '-H', 'Content-Type: application/json',
        '-d', JSON.stringify({ tokenType: 'rtc', channel: 'test', role: 'publisher', uid: '0', expire: 3600 }),
        `${base}/getToken`,
      ]),
    },
    { label: 'RTC token by uid', command: get('/rtc/test/publisher/uid/0/?expiry=3600') },
    { label: 'RTC token by user account', command: get('/rtc/test/subscriber/userAccount/alice/') },
    { label: 'RTM token', command: get('/rtm/alice/') },
    { label: 'RTC + RTM tokens', command: get('/rte/test/publisher/uid/1234/') },
    { label: 'Chat app token', command: get('/chat/app/') },
    { label: 'Chat user token', command: get('/chat/account/alice/') },
    // The routes of the sample token servers in Agora's docs.
    { label: 'RTC token (Agora docs, Go sample)', command: postJson('/fetch_rtc_token', { uid: 1234, ChannelName: 'test', role: 1 }) },
    { label: 'Chat user token (Agora docs, Go sample)', command: postJson('/generate-user-token', { user_uuid: 'alice', expire: 3600 }) },
    { label: 'Chat app token (Agora docs, Go sample)', command: postJson('/generate-app-token', { expire: 3600 }) },
    { label: 'Chat user token (Agora docs, Node.js sample)', command: get('/api/token/generateUserToken?account=alice&expireTimeInSeconds=3600') },
    { label: 'Chat app token (Agora docs, Node.js sample)', command: get('/api/token/generateAppToken?expireTimeInSeconds=3600') },
    {
      label: 'Chat user token as text (Agora docs, Java sample)',
      command: shellCommand([
        'curl', '-X', 'POST', '-H', 'Content-Type: application/x-www-form-urlencoded',
        '-d', 'userId=alice&expireSeconds=3600&tokenType=user', `${base}/token/generate`,
      ]),
    },
  ];
}

/** Loopback hosts keep the server on this machine; anything else exposes it to the network. */
export { isLoopbackHost } from '../../../shared/contract/fields.js';
