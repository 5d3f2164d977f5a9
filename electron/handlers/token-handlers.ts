import type { IpcChannel } from '../../shared/contract.js';
import type { ProfileStore } from '../../shared/profiles/profile-store.js';
import {
  buildChatToken,
  buildRteTokens,
  buildRtcToken,
  buildRtmToken,
  chatTokenInputSchema,
  rteTokenInputSchema,
  rtcTokenInputSchema,
  rtmTokenInputSchema,
} from '../../shared/token/index.js';
import { parseInput } from '../../shared/token/validation.js';
import { handle, type IpcHandlerMap } from './result.js';
import { tokenEnvelopeSchema } from './request-schemas.js';

type TokenChannel = Extract<IpcChannel, `token:${'rtc' | 'rtm' | 'rte' | 'chat'}`>;

/** Splits `{profileId, ...input}`: the envelope's id and the part the engine validates. */
function split(request: { profileId: string } & Record<string, unknown>): {
  profileId: string;
  input: Record<string, unknown>;
} {
  const { profileId, ...input } = request;
  return { profileId, input };
}

/**
 * Token generation on a saved profile. The input is validated before the keychain is
 * touched, so a typo is reported as such even when the keychain is locked.
 */
export function createTokenHandlers(profiles: ProfileStore): Pick<IpcHandlerMap, TokenChannel> {
  return {
    'token:rtc': handle('token:rtc', tokenEnvelopeSchema, async (request) => {
      const { profileId, input } = split(request);
      const valid = parseInput(rtcTokenInputSchema, input);
      return buildRtcToken(await profiles.credentials(profileId), valid);
    }),
    'token:rtm': handle('token:rtm', tokenEnvelopeSchema, async (request) => {
      const { profileId, input } = split(request);
      const valid = parseInput(rtmTokenInputSchema, input);
      return buildRtmToken(await profiles.credentials(profileId), valid);
    }),
    'token:rte': handle('token:rte', tokenEnvelopeSchema, async (request) => {
      const { profileId, input } = split(request);
      const valid = parseInput(rteTokenInputSchema, input);
      return buildRteTokens(await profiles.credentials(profileId), valid);
    }),
    'token:chat': handle('token:chat', tokenEnvelopeSchema, async (request) => {
      const { profileId, input } = split(request);
      const valid = parseInput(chatTokenInputSchema, input);
      return buildChatToken(await profiles.credentials(profileId), valid);
    }),
  };
}
