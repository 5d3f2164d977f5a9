/**
 * What Decode shows, computed from the decoded token: the header facts, each service's
 * identity and each privilege's expiry as an absolute time with its state.
 */
import type { DecodedToken, ServiceInfo } from '../../../shared/token/types.js';

export interface PrivilegeRow {
  name: string;
  /** Unix time it expires, or null when it does not. */
  expiresAt: number | null;
  expired: boolean;
}

export interface ServiceCard {
  title: string;
  facts: Array<[string, string]>;
  privileges: PrivilegeRow[];
}

const SERVICE_TITLES: Record<string, string> = {
  rtc: 'RTC',
  rtm: 'RTM',
  chat: 'Chat',
  streaming: 'Streaming',
  fpa: 'FPA',
  fcdn: 'FCDN',
  apaas: 'aPaaS',
  rtm2: 'RTM 2',
  convoai: 'Conversational AI',
  stt: 'Speech to text',
};

function serviceFacts(service: ServiceInfo): Array<[string, string]> {
  switch (service.type) {
    case 'rtc':
      return [
        ['Channel', service.channel],
        ['UID / account', service.uid === '' || service.uid === '0' ? `${service.uid || '0'} (any user)` : service.uid],
      ];
    case 'rtm':
    case 'chat':
    case 'rtm2':
      return [['User ID', service.userId]];
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

function rows(privileges: Record<string, number>, toExpiry: (value: number) => number | null, now: number): PrivilegeRow[] {
  return Object.entries(privileges).map(([name, value]) => {
    const expiresAt = toExpiry(value);
    return { name, expiresAt, expired: expiresAt !== null && expiresAt <= now };
  });
}

/** 007 values are seconds after issue; 006 values are absolute times, 0 meaning never. */
export function serviceCards(decoded: DecodedToken, now: number): ServiceCard[] {
  if (decoded.version === '006') {
    return [{ title: 'Privileges (006)', facts: [], privileges: rows(decoded.privileges, (value) => (value === 0 ? null : value), now) }];
  }
  return decoded.services.map((service) => ({
    title: SERVICE_TITLES[service.type] ?? service.type,
    facts: serviceFacts(service),
    privileges: rows(service.privileges, (value) => decoded.issuedAt + value, now),
  }));
}

/** When the token as a whole stops working, if it says. */
export function tokenExpiresAt(decoded: DecodedToken): number | null {
  return decoded.version === '007' ? decoded.expiresAt : null;
}

/** A message for text that is not a token at all, before asking main. */
export function tokenShapeProblem(text: string): string | undefined {
  const token = text.trim();
  if (token === '') return undefined;
  if (!/^00[67]/.test(token)) {
    return 'This is not an Agora token: tokens start with 006 or 007, followed by the App ID (006) or base64 text (007).';
  }
  return undefined;
}
