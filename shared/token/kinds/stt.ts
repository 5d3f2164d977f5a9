import {
  buildRtcWithRtm,
  rtcWithRtmFields,
  rtcWithRtmFromBody,
  rtcWithRtmHttpCall,
  rtcWithRtmSchema,
} from './rtc-rtm.js';
import { defineKind } from './kind.js';

export const sttKind = defineKind({
  id: 'stt',
  label: 'Transcription',
  description: 'real-time speech-to-text (STT) token: RTC + RTM + STT for the transcription bot',
  schema: rtcWithRtmSchema,
  fields: rtcWithRtmFields,
  examples: ['--channel demo --uid 2001 --rtm-uid stt-2001', '--channel demo --account stt-bot --role subscriber'],
  httpTokenType: 'stt',
  fromHttpBody: rtcWithRtmFromBody,
  httpCall: (v) => rtcWithRtmHttpCall('stt', v),
  build: (kit, credentials, v, options) =>
    buildRtcWithRtm(kit, credentials, v, options, (token) => token.add_service(new kit.ServiceStt())),
});
