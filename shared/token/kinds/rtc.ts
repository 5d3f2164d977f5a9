import { z } from 'zod/mini';
import {
  accountField,
  addRtcService,
  channelField,
  expireField,
  finish,
  hasPrivilegeExpiries,
  newToken,
  privilegeFields,
  roleField,
  rtcExpiries,
  rtcShape,
  uidField,
  uidOrAccount,
} from './common.js';
import { defineKind } from './kind.js';
import { acceptRtcInput } from './rtc-accept.js';

const schema = z.strictObject(rtcShape).check(z.refine(uidOrAccount.check, uidOrAccount.message));

const seg = encodeURIComponent;

export const rtcKind = defineKind({
  id: 'rtc',
  label: 'RTC',
  description: 'RTC token for a channel, by numeric uid or by user account',
  formDescription: 'A token to join an RTC channel, for a numeric UID or a user account.',
  schema,
  fields: [channelField, uidField, accountField, roleField, ...privilegeFields, expireField],
  examples: ['--channel demo --uid 42', '--channel demo --account alice --role subscriber --expire 600'],
  httpTokenType: 'rtc',
  accept: acceptRtcInput,
  httpCall(v) {
    if (hasPrivilegeExpiries(v)) {
      return {
        unavailable:
          'The server API has one expiry for the whole token: no curl equivalent for separate privilege expiries.',
      };
    }
    const user = v.account === undefined ? `uid/${v.uid ?? 0}` : `userAccount/${seg(v.account)}`;
    const query = v.expire === undefined ? '' : `?expiry=${v.expire}`;
    return { method: 'GET', path: `/rtc/${seg(v.channel)}/${v.role}/${user}/${query}` };
  },
  build(kit, credentials, v, options) {
    const token = newToken(kit, credentials, rtcExpiries(v).expire, options);
    addRtcService(kit, token, v);
    return finish(token);
  },
});
