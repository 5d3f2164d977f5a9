import { z } from 'zod/mini';
import { appCertificateSchema, appIdSchema } from './fields.js';

/**
 * Several projects for one headless server (`serve`'s PROJECTS / PROJECTS_FILE): a container
 * has no keychain, so the extra credentials arrive as one JSON secret. Strict objects: a
 * misspelt key ("appID") is an error, not a project silently served without its certificate.
 */
export const projectSchema = z.strictObject({
  appId: appIdSchema,
  appCertificate: appCertificateSchema,
  name: z.optional(
    z
      .string({ error: 'name must be text' })
      .check(
        z.trim(),
        z.minLength(1, { error: 'name must not be empty' }),
        z.maxLength(64, { error: 'name must be at most 64 characters' }),
      ),
  ),
});

export const projectsSchema = z
  .array(projectSchema, { error: 'must be a JSON array of {"appId","appCertificate","name"?} objects' })
  .check(z.minLength(1, { error: 'must list at least one project' }));

export type Project = z.infer<typeof projectSchema>;
