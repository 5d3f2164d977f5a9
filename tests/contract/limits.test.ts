import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { createAppServices } from '../../shared/app/app-services.js';
import {
  channelSchema,
  diagnoseContextSchema,
  expireSchema,
  isChannelName,
  isUint32,
  MAX_CHANNEL_BYTES,
  MAX_UINT32,
  settingsSchema,
  uidSchema,
} from '../../shared/contract/index.js';
import { isCanonicalUid } from '../../shared/doctor/text.js';
import { DOCS_SAMPLE_ROUTES } from '../../shared/server/docs-samples/route-list.js';
import { bodySchema, expiryQuery } from '../../shared/server/route-schemas.js';
import { getKind } from '../../shared/token/index.js';
import { CREDENTIALS, tokenApp } from '../server/server-helpers.js';

/**
 * The two limits every door shares, each defined once in shared/contract/text-rules.ts:
 * here each door accepts the limit itself and refuses one more, so a door that spelled its
 * own number again (and got it wrong) fails.
 */
const accepts = (schema: z.ZodMiniType, value: unknown) => z.safeParse(schema, value).success;
const errorOf = (schema: z.ZodMiniType, value: unknown) => z.safeParse(schema, value).error?.issues[0]?.message ?? '';

describe('the uint32 limit (MAX_UINT32) at each door', () => {
  it('is 2^32 - 1', () => {
    expect(MAX_UINT32).toBe(2 ** 32 - 1);
  });

  it('the contract: uid, expire, the settings default expiry and the doctor uid take it and refuse one more, saying the limit', () => {
    const defaultExpiry = settingsSchema.def.shape.defaultExpirySeconds;
    const doctorUid = diagnoseContextSchema.def.shape.uid;
    for (const schema of [uidSchema, expireSchema('expire'), defaultExpiry, doctorUid]) {
      expect(accepts(schema, MAX_UINT32)).toBe(true);
      expect(accepts(schema, MAX_UINT32 + 1)).toBe(false);
      expect(errorOf(schema, MAX_UINT32 + 1)).toContain(String(MAX_UINT32));
    }
    expect([isUint32(MAX_UINT32), isUint32(MAX_UINT32 + 1)]).toEqual([true, false]);
    expect([isCanonicalUid(String(MAX_UINT32)), isCanonicalUid(String(MAX_UINT32 + 1))]).toEqual([true, false]);
  });

  it('the CLI and the Generate form say it in the uid help', () => {
    expect(getKind('rtc').fields.find((field) => field.key === 'uid')?.help).toContain(`0..${MAX_UINT32}`);
  });

  it('the HTTP schemas (/openapi.json, the reply serialiser) state it', () => {
    expect(expiryQuery.properties.expiry.maximum).toBe(MAX_UINT32);
    expect(bodySchema.properties.expire.maximum).toBe(MAX_UINT32);
    const fetchRtc = DOCS_SAMPLE_ROUTES.find((route) => route.path === '/fetch_rtc_token');
    const properties = fetchRtc?.inputSchema['properties'] as Record<string, { maximum?: number }>;
    expect([properties['uid']?.maximum, properties['expire']?.maximum]).toEqual([MAX_UINT32, MAX_UINT32]);
  });

  describe('the HTTP server', () => {
    const app = tokenApp();
    afterAll(() => app.close());
    const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });

    it('POST /getToken, GET /rtc and the Chat sample route take it and refuse one more', async () => {
      const channel = { tokenType: 'rtc', channel: 'c', role: 'publisher', uid: String(MAX_UINT32) };
      expect((await post('/getToken', { ...channel, expire: MAX_UINT32 })).statusCode).toBe(200);
      expect((await post('/getToken', { ...channel, expire: MAX_UINT32 + 1 })).statusCode).toBe(400);
      expect((await app.inject(`/rtc/c/publisher/uid/${MAX_UINT32}/?expiry=60`)).statusCode).toBe(200);
      expect((await app.inject(`/rtc/c/publisher/uid/${MAX_UINT32 + 1}/?expiry=60`)).statusCode).toBe(400);
      expect((await post('/generate-app-token', { expire: MAX_UINT32, appId: CREDENTIALS.appId })).statusCode).toBe(
        200,
      );
      expect((await post('/generate-app-token', { expire: MAX_UINT32 + 1 })).statusCode).toBe(400);
    });
  });

  describe('IPC and browser mode (the application layer)', () => {
    const home = mkdtempSync(join(tmpdir(), 'atd-limits-'));
    const services = createAppServices({ dataDir: home });
    afterAll(async () => {
      await services.dispose();
      rmSync(home, { recursive: true, force: true });
    });

    it('token:build and settings:set refuse one more, naming the field, before any keychain is asked', async () => {
      const input = { channel: 'c', role: 'publisher', uid: MAX_UINT32 + 1 };
      const built = await services.handlers['token:build']({ kind: 'rtc', profileId: 'none', input });
      expect(built).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'uid' } });
      const set = await services.handlers['settings:set']({ defaultExpirySeconds: MAX_UINT32 + 1 });
      expect(set).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'defaultExpirySeconds' } });
      const kept = await services.handlers['settings:set']({ defaultExpirySeconds: MAX_UINT32 });
      expect(kept).toMatchObject({ ok: true, value: { defaultExpirySeconds: MAX_UINT32 } });
    });
  });
});

describe('the channel byte limit (MAX_CHANNEL_BYTES) at each door', () => {
  // 'é' takes 2 bytes in UTF-8: the limit counts bytes, not characters.
  const fits = 'é'.repeat(MAX_CHANNEL_BYTES / 2);
  const over = `${fits}a`;

  it('is 64 bytes, for the schema and the schema-free rule alike', () => {
    expect(MAX_CHANNEL_BYTES).toBe(64);
    expect([accepts(channelSchema, 'a'.repeat(MAX_CHANNEL_BYTES)), accepts(channelSchema, over)]).toEqual([
      true,
      false,
    ]);
    expect(errorOf(channelSchema, over)).toBe(`channel must be at most ${MAX_CHANNEL_BYTES} bytes`);
    expect([isChannelName('a'.repeat(MAX_CHANNEL_BYTES)), isChannelName('a'.repeat(MAX_CHANNEL_BYTES + 1))]).toEqual([
      true,
      false,
    ]);
  });

  it('the CLI and the Generate form say it in the channel help', () => {
    expect(getKind('rtc').fields.find((field) => field.key === 'channel')?.help).toContain(
      `${MAX_CHANNEL_BYTES} bytes`,
    );
  });
});
