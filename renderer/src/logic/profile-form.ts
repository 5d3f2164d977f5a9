/** Checks for the profile forms, with the same rules and words the profile store uses. */
import { z } from 'zod/mini';
import { appCertificateSchema, appIdSchema, profileNameSchema } from '../../../shared/contract/fields.js';

function check(schema: z.core.$ZodType, value: string): string | undefined {
  const result = z.safeParse(schema, value);
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'invalid value');
}

export interface ProfileDraft {
  name: string;
  appId: string;
  appCertificate: string;
}

export type ProfileErrors = Partial<Record<keyof ProfileDraft, string>>;

export function validateProfileDraft(draft: ProfileDraft): ProfileErrors {
  const errors: ProfileErrors = {};
  const name = check(profileNameSchema, draft.name);
  const appId = check(appIdSchema, draft.appId);
  const appCertificate = check(appCertificateSchema, draft.appCertificate);
  if (name) errors.name = name;
  if (appId) errors.appId = appId;
  if (appCertificate) errors.appCertificate = appCertificate;
  return errors;
}

export const checkProfileName = (name: string) => check(profileNameSchema, name);
export const checkCertificate = (certificate: string) => check(appCertificateSchema, certificate);
