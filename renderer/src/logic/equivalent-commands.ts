/**
 * The same token from the CLI and from the local server: what the Generate result offers
 * to copy. Flags follow cli/commands/token.ts, routes the agora-token-service API.
 */
import { parseSeconds, type GenerateForm } from './generate-form.js';
import { shellCommand, shellQuote } from '../../../shared/contract/shell-quote.js';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8080';

function flag(words: string[], name: string, value: string): void {
  if (value.trim() !== '') words.push(name, value.trim());
}

export function cliCommand(form: GenerateForm, profileName: string): string {
  const words = ['agora-token-desk', 'token', form.kind, '--profile', profileName];
  if (form.kind === 'rtc' || form.kind === 'rte') words.push('--channel', form.channel);
  if (form.kind === 'rtc') {
    if (form.buildBy === 'account') words.push('--account', form.account);
    else words.push('--uid', form.uid.trim());
    if (form.role === 'subscriber') words.push('--role', 'subscriber');
    flag(words, '--privilege-expire', form.privilegeExpire);
    if (form.perPrivilege) {
      flag(words, '--join-expire', form.join);
      flag(words, '--audio-expire', form.audio);
      flag(words, '--video-expire', form.video);
      flag(words, '--data-expire', form.data);
    }
  }
  if (form.kind === 'rte') {
    words.push('--uid', form.uid.trim());
    flag(words, '--rtm-uid', form.rtmUserId);
    if (form.role === 'subscriber') words.push('--role', 'subscriber');
  }
  if (form.kind === 'rtm') {
    words.push('--uid', form.userId);
    flag(words, '--channel', form.streamChannel);
  }
  if (form.kind === 'chat' && form.chatKind === 'user') words.push('--uid', form.userId);
  flag(words, '--expire', form.expire);
  return shellCommand(words);
}

const segment = (value: string) => encodeURIComponent(value);

/**
 * The curl call to the local server, or why there is none: the HTTP API has no
 * per-privilege expiry.
 */
export function curlCommand(form: GenerateForm, baseUrl: string): { command: string } | { unavailable: string } {
  const expire = parseSeconds(form.expire);
  const query = typeof expire === 'number' ? `?expiry=${expire}` : '';
  const base = baseUrl.replace(/\/+$/, '');
  let path: string;
  switch (form.kind) {
    case 'rtc':
      if (form.perPrivilege || form.privilegeExpire.trim() !== '') {
        return { unavailable: 'The server API has one expiry for the whole token: no curl equivalent for separate privilege expiries.' };
      }
      path = `/rtc/${segment(form.channel)}/${form.role}/${form.buildBy === 'account' ? 'userAccount' : 'uid'}/${segment(form.buildBy === 'account' ? form.account : form.uid.trim())}/`;
      break;
    case 'rtm':
      if (form.streamChannel !== '') {
        // GET /rtm has no stream channel; POST /getToken carries one.
        const body = JSON.stringify({ tokenType: 'rtm', uid: form.userId, channel: form.streamChannel, ...(typeof expire === 'number' ? { expire } : {}) });
        return { command: shellCommand(['curl', '-X', 'POST', '-H', 'Content-Type: application/json', '-d', body, `${base}/getToken`]) };
      }
      path = `/rtm/${segment(form.userId)}/`;
      break;
    case 'rte':
      path = `/rte/${segment(form.channel)}/${form.role}/uid/${segment(form.uid.trim())}/${form.rtmUserId === '' ? '' : `${segment(form.rtmUserId)}/`}`;
      break;
    case 'chat':
      path = form.chatKind === 'app' ? '/chat/app/' : `/chat/account/${segment(form.userId)}/`;
      break;
  }
  return { command: `curl ${shellQuote(`${base}${path}${query}`)}` };
}
