import { z } from 'zod/mini';
import { TokenDeskError } from '../errors.js';
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

/**
 * Parses PROJECTS' JSON array once, for `serve` and the serverless doors alike; `source` names
 * it in the message ("PROJECTS", "PROJECTS_FILE x"). JSON.parse's own message quotes the
 * input, certificates included, so it is never passed on.
 */
export function parseProjects(text: string, source: string): Project[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TokenDeskError(
      'invalid_input',
      `${source} is not valid JSON: expected an array like [{"appId":"…","appCertificate":"…","name":"staging"}]`,
      'PROJECTS',
    );
  }
  const result = z.safeParse(projectsSchema, json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = (issue?.path ?? [])
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('');
  const message =
    issue?.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : (issue?.message ?? 'invalid');
  throw new TokenDeskError('invalid_input', `${source}${where}: ${message}`, 'PROJECTS');
}
