import { z } from 'zod';
import { profileNameSchema } from '../../shared/profiles/profile-name.js';
import { appCertificateSchema, appIdSchema } from '../../shared/token/validation.js';

/**
 * The shape of each IPC request as it arrives from the renderer. Token fields are not
 * repeated here: the envelope takes the profile id off and the engine's own schemas
 * (shared/token) judge the rest, so the app, the CLI and the server share one set of rules.
 */

const requestObject = { error: 'the request must be an object' };

/** Channels without a request accept nothing (undefined or null, as IPC may deliver it). */
export const noRequestSchema = z.union([z.undefined(), z.null()], {
  error: 'this call takes no request data',
});

const idSchema = (label: string) => z.string({ error: `${label} is required` }).min(1, { error: `${label} is required` });

export const profileIdSchema = idSchema('profile');

export const profileAddSchema = z
  .object(
    {
      name: profileNameSchema,
      appId: appIdSchema,
      appCertificate: appCertificateSchema,
    },
    requestObject,
  )
  .strict();

export const profileRenameSchema = z
  .object({ id: profileIdSchema, name: profileNameSchema }, requestObject)
  .strict();

export const profileCertificateSchema = z
  .object({ id: profileIdSchema, appCertificate: appCertificateSchema }, requestObject)
  .strict();

export const profileRefSchema = z.object({ id: profileIdSchema }, requestObject).strict();

/** Token requests: the profile to sign with, plus the engine's input (checked by the engine). */
export const tokenEnvelopeSchema = z.object({ profileId: profileIdSchema }, requestObject).loose();

export const decodeRequestSchema = z
  .object(
    {
      token: z.string({ error: 'token is required' }),
      // Forms send '' for an empty box; for these optional fields that means "not given".
      channel: z
        .string({ error: 'channel must be text' })
        .optional()
        .transform((v) => (v === '' ? undefined : v)),
      uid: z
        .string({ error: 'uid must be text' })
        .optional()
        .transform((v) => (v === '' ? undefined : v)),
    },
    requestObject,
  )
  .strict();

export const clipboardWriteSchema = z
  .object(
    {
      text: z
        .string({ error: 'text is required' })
        .max(1_000_000, { error: 'text must be at most 1,000,000 characters' }),
    },
    requestObject,
  )
  .strict();
