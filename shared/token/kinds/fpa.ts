import { z } from 'zod/mini';
import { finish, newToken } from './common.js';
import { defineKind } from './kind.js';

/** agora-token's FPA builder fixes the lifetime: 24 hours, login privilege without expiry. */
const FPA_LIFETIME = 24 * 3600;

export const fpaKind = defineKind({
  id: 'fpa',
  label: 'FPA',
  description: 'FPA (Full-path Acceleration) token; its lifetime is fixed at 24 hours',
  formDescription: 'A Full-path Acceleration (FPA) token. Its lifetime is fixed at 24 hours.',
  schema: z.strictObject({}),
  fields: [],
  examples: [''],
  httpTokenType: 'fpa',
  fromHttpBody: () => ({}),
  httpCall: () => ({ method: 'POST', path: '/getToken', body: { tokenType: 'fpa' } }),
  build(kit, credentials, _input, options) {
    const token = newToken(kit, credentials, FPA_LIFETIME, options);
    const fpa = new kit.ServiceFpa();
    fpa.add_privilege(kit.ServiceFpa.kPrivilegeLogin, 0);
    token.add_service(fpa);
    return finish(token);
  },
});
