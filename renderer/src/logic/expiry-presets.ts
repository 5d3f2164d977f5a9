/**
 * Expiry presets for the Generate form and the warning for expiries Agora will not honour
 * in full. Pure, so it is unit-tested under Node.
 */
import { AGORA_MAX_PRIVILEGE_SECONDS, parseDuration } from '../../../shared/contract/fields.js';

export interface ExpiryPreset {
  label: string;
  seconds: number;
}

export const EXPIRY_PRESETS: readonly ExpiryPreset[] = [
  { label: '10 min', seconds: 600 },
  { label: '1 h', seconds: 3600 },
  { label: '24 h', seconds: AGORA_MAX_PRIVILEGE_SECONDS },
];

/** The seconds an expiry box holds now, if it holds a valid expiry. */
export function expirySeconds(text: string): number | undefined {
  return text.trim() === '' ? undefined : parseDuration(text);
}

/** A warning for an expiry above 24 h; undefined for anything else (errors are the rule's job). */
export function longExpiryWarning(text: string): string | undefined {
  const seconds = expirySeconds(text);
  if (seconds === undefined || seconds <= AGORA_MAX_PRIVILEGE_SECONDS) return undefined;
  return 'More than 24 h: Agora caps privileges at 24 h, so plan to renew the token within a day.';
}
