import {
  buildRtcWithRtm,
  rtcWithRtmFields,
  rtcWithRtmFromBody,
  rtcWithRtmHttpCall,
  rtcWithRtmSchema,
} from './rtc-rtm.js';
import { defineKind } from './kind.js';
import { SERVICE_LABELS } from './service-labels.js';

export const convoaiKind = defineKind({
  id: 'convoai',
  label: SERVICE_LABELS.convoai,
  formDescription:
    'A token for a Conversational AI agent: it joins the RTC channel, logs in to RTM and carries the ConvoAI service. It also serves as the REST header shown with the result.',
  description:
    'Conversational AI agent token (RTC + RTM + ConvoAI); also usable as the REST header "Authorization: agora token=…"',
  schema: rtcWithRtmSchema,
  fields: rtcWithRtmFields,
  examples: ['--channel demo --uid 1001 --rtm-uid agent-1001', '--channel demo --account agent --expire 600'],
  httpTokenType: 'convoai',
  fromHttpBody: rtcWithRtmFromBody,
  httpCall: (v) => rtcWithRtmHttpCall('convoai', v),
  build(kit, credentials, v, options) {
    const built = buildRtcWithRtm(kit, credentials, v, options, (token) => token.add_service(new kit.ServiceConvoAI()));
    return { ...built, authorizationHeader: `Authorization: agora token=${built.token}` };
  },
});
