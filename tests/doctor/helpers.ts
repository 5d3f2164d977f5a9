import type { Diagnosis } from '../../shared/doctor/findings.js';
import { diagnoseToken } from '../../shared/doctor/diagnose.js';
import type { DiagnoseContext } from '../../shared/doctor/schema.js';
import { buildRtcToken } from '../../shared/token/build.js';
import * as v from '../fixtures/agora-vectors.js';

/** Tokens built for the doctor tests at a fixed issue time, and shorthands over the diagnosis. */
export const C = v.VECTOR_CREDENTIALS;
export const OTHER_CERT = 'abcdef0123456789abcdef0123456789';
export const T0 = 1_800_000_000;
export const AT = { issuedAt: T0, salt: 7 };
export const certs = [{ label: 'primary', value: C.appCertificate }];

export const rtc = (input: Parameters<typeof buildRtcToken>[1]) => buildRtcToken(C, input, AT).token;
export const publisher = rtc({ channel: 'demo', uid: 42, expire: 3600 });

export function run(token: string, context: DiagnoseContext = {}, certificates = certs): Diagnosis {
  return diagnoseToken(token, { now: T0 + 10, ...context }, { certificates });
}
export const codes = (d: Diagnosis) => d.findings.map((f) => f.code);
export const one = (d: Diagnosis, code: string) => d.findings.find((f) => f.code === code);
export const nowSeconds = () => Math.floor(Date.now() / 1000);
