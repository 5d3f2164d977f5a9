import {
  buildRtcWithRtm,
  rtcWithRtmFields,
  rtcWithRtmFromBody,
  rtcWithRtmHttpCall,
  rtcWithRtmSchema,
} from './rtc-rtm.js';
import { defineKind } from './kind.js';
import { SERVICE_LABELS } from './service-labels.js';

export const sttKind = defineKind({
  id: 'stt',
  label: SERVICE_LABELS.stt,
  description: 'real-time speech-to-text (STT) token: RTC + RTM + STT for the transcription bot',
  formDescription:
    'A token for the Real-Time Speech to text bot: it joins the RTC channel, logs in to RTM and carries the STT service.',
  schema: rtcWithRtmSchema,
  fields: rtcWithRtmFields,
  examples: ['--channel demo --uid 2001 --rtm-uid stt-2001', '--channel demo --account stt-bot --role subscriber'],
  httpTokenType: 'stt',
  fromHttpBody: rtcWithRtmFromBody,
  httpCall: (v) => rtcWithRtmHttpCall('stt', v),
  build: (kit, credentials, v, options) =>
    buildRtcWithRtm(kit, credentials, v, options, (token) => token.add_service(new kit.ServiceStt())),
});
