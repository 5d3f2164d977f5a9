import type { Credentials } from '../../token/validation.js';
import type { Grant } from '../token-requests.js';
import { chatGoAppToken, chatGoUserToken, parseChatGoAppBody, parseChatGoUserBody } from './chat-go.js';
import { chatNodeAppToken, chatNodeUserToken, parseChatNodeAppQuery, parseChatNodeUserQuery } from './chat-node.js';

/** The credentials of the profile a request names, once its caller may have the grant. */
export type Signer = (appId: string | undefined, grant: Grant) => Credentials;

/** One JSON Chat sample route: what the client sent (body or query) in, the sample's reply out. */
export type ChatAnswer = (sent: unknown, sign: Signer) => object;

/** Parse once, sign for the user the input names (none for an app token), build. */
function chatAnswer<I extends { appId?: string | undefined }>(
  parse: (sent: unknown) => I,
  userOf: (input: I) => string | undefined,
  token: (credentials: Credentials, input: I) => object,
): ChatAnswer {
  return (sent, sign) => {
    const input = parse(sent);
    return token(sign(input.appId, { user: userOf(input), channel: undefined }), input);
  };
}

const appWide = (): undefined => undefined;

/**
 * The JSON Chat routes of DOCS_SAMPLE_ROUTES, by path: only what differs between them. The
 * route list says the rest (method, where the input comes from, the reply's schema), and
 * register.ts makes one route of each entry from it.
 */
export const CHAT_ANSWERS: Readonly<Partial<Record<string, ChatAnswer>>> = {
  '/generate-user-token': chatAnswer(parseChatGoUserBody, (input) => input.user_uuid, chatGoUserToken),
  '/generate-app-token': chatAnswer(parseChatGoAppBody, appWide, chatGoAppToken),
  '/api/token/generateUserToken': chatAnswer(parseChatNodeUserQuery, (input) => input.account, chatNodeUserToken),
  '/api/token/generateAppToken': chatAnswer(parseChatNodeAppQuery, appWide, chatNodeAppToken),
};
