import { z } from 'zod';
import { buildChatAppToken, buildChatUserToken } from '../../token/build.js';
import { parseInput, userIdSchema, type Credentials } from '../../token/validation.js';
import { secondsField, textField } from './sample-input.js';

/**
 * The Chat token server of Agora's Chat docs, Java (Spring) sample: `POST /token/generate`
 * with `userId`, `expireSeconds` and an optional `tokenType` (`user`, the default, or
 * `app`) as form fields or query parameters, answered with the token alone as text/plain.
 */

const javaParamsSchema = z
  .object({
    userId: textField('userId'),
    expireSeconds: secondsField('expireSeconds'),
    tokenType: textField('tokenType')
      .transform((value) => value?.toLowerCase() ?? 'user')
      .pipe(z.enum(['user', 'app'], { error: 'tokenType must be user or app' })),
    appId: textField('appId'),
  })
  .transform((params, context) => {
    if (params.tokenType === 'app') return { ...params, tokenType: 'app' as const };
    const userId = userIdSchema('userId').safeParse(params.userId);
    if (!userId.success) {
      context.addIssue({
        code: 'custom',
        message: userId.error.issues[0]?.message ?? 'userId is required',
        path: ['userId'],
      });
      return z.NEVER;
    }
    return { ...params, tokenType: 'user' as const, userId: userId.data };
  });

export type ChatJavaParams = z.output<typeof javaParamsSchema>;

/**
 * Query parameters and form fields together, as Spring's @RequestParam sees them. A name
 * given twice (in both, or repeated) is refused rather than guessed.
 */
export function parseChatJavaParams(query: Record<string, unknown>, form: Record<string, unknown>): ChatJavaParams {
  const merged: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, query);
  for (const [key, value] of Object.entries(form))
    merged[key] = Object.hasOwn(merged, key) ? [merged[key], value] : value;
  return parseInput(javaParamsSchema, merged);
}

export function chatJavaToken(credentials: Credentials, params: ChatJavaParams): string {
  return params.tokenType === 'app'
    ? buildChatAppToken(credentials, { expire: params.expireSeconds }).token
    : buildChatUserToken(credentials, { userId: params.userId, expire: params.expireSeconds }).token;
}
