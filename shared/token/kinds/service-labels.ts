import type { ServiceInfo } from '../types.js';

/**
 * How the app names each service type, in Decode's service cards and (for the kinds named
 * after one: ConvoAI, STT) on Generate's tabs: one name per service everywhere.
 */
export const SERVICE_LABELS: Readonly<Record<ServiceInfo['type'], string>> = {
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
