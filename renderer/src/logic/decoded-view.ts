/**
 * What Decode shows, computed from the decoded token: the header facts, each service's
 * identity and each privilege's expiry as an absolute time with its state.
 */
import { SERVICE_LABELS } from '../../../shared/token/kinds/service-labels.js';
import { tokenTimeStatus } from '../../../shared/token/status.js';
import type { DecodedToken, ServiceInfo } from '../../../shared/token/types.js';

export interface PrivilegeRow {
  name: string;
  /** Unix time it stops working (the earlier of its own and the token's), or null when never. */
  expiresAt: number | null;
  expired: boolean;
  /** The expiry the privilege itself carries, when the token's ends it earlier. */
  encodedExpiresAt?: number;
}

export interface ServiceCard {
  title: string;
  facts: Array<[string, string]>;
  privileges: PrivilegeRow[];
}

function serviceFacts(service: ServiceInfo): Array<[string, string]> {
  switch (service.type) {
    case 'rtc':
      return [
        ['Channel', service.channel],
        ['UID / account', service.uid === '' || service.uid === '0' ? `${service.uid || '0'} (any user)` : service.uid],
      ];
    case 'rtm':
    case 'chat':
      // A chat app token carries no user: no empty row for it.
      return service.userId === '' ? [] : [['User ID', service.userId]];
    case 'rtm2':
      return [['User ID', service.userId], ...permissionFacts(service.permissions)];
    case 'streaming':
    case 'fcdn':
      return [
        ['Channel', service.channel],
        ['Account', service.account],
      ];
    case 'apaas':
      return [
        ['Room', service.roomUuid],
        ['User', service.userUuid],
        ['Role', String(service.role)],
      ];
    default:
      return [];
  }
}

/** RTM 2 permissions: one fact per resource and access, listing the names granted. */
function permissionFacts(permissions: Record<string, Record<string, string[]>>): Array<[string, string]> {
  return Object.entries(permissions).flatMap(([resource, byAccess]) =>
    Object.entries(byAccess).map(([access, names]): [string, string] => [`${resource} ${access}`, names.join(', ')]),
  );
}

/**
 * Each service's privileges with the times tokenTimeStatus gives (the one expiry function
 * the CLI uses too), plus the privilege's own encoded time where the token's ends it first.
 */
export function serviceCards(decoded: DecodedToken, now: number): ServiceCard[] {
  const status = tokenTimeStatus(decoded, now).privileges;
  let next = 0;
  const row = (name: string, encoded: number | null): PrivilegeRow => {
    const timed = status[next++];
    const expiresAt = timed?.expiresAt ?? null;
    const result: PrivilegeRow = { name, expiresAt, expired: timed?.expired ?? false };
    if (encoded !== null && expiresAt !== null && encoded !== expiresAt) result.encodedExpiresAt = encoded;
    return result;
  };
  if (decoded.version === '006') {
    return [
      {
        title: 'Privileges (006)',
        facts: [],
        privileges: Object.entries(decoded.privileges).map(([name]) => row(name, null)),
      },
    ];
  }
  return decoded.services.map((service) => ({
    title: (SERVICE_LABELS as Readonly<Record<string, string>>)[service.type] ?? service.type,
    facts: serviceFacts(service),
    privileges: Object.entries(service.privileges).map(([name, value]) =>
      row(name, value === 0 ? null : decoded.issuedAt + value),
    ),
  }));
}

/** A message for text that is not a token at all, before asking main. */
export function tokenShapeProblem(text: string): string | undefined {
  const token = text.trim();
  if (token === '') return undefined;
  if (!/^00[67]/.test(token)) {
    return 'This is not an Agora token: tokens start with 006 or 007, followed by the App ID (006) or base64 text (007).';
  }
  const bad = /[^A-Za-z0-9+/=]/.exec(token.slice(3));
  if (bad !== null) {
    const shown = /\s/.test(bad[0]) ? 'a space or line break' : `"${bad[0]}"`;
    return `Character ${bad.index + 4} of the token is ${shown}, which cannot be part of a token: check for a typo or a cut.`;
  }
  return undefined;
}

/** The engine's message as a sentence for the screen: capitalised, ending with a full stop. */
export function decodeFailureText(message: string): string {
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
