import { z } from 'zod/mini';
import type { ErrorInfo } from '../errors.js';
import { kindIdSchema } from '../token/kinds/registry.js';
import { diagnoseRequestSchema, diagnosisSchema } from './doctor.js';
import { IPC_CHANNELS, IPC_EVENTS, type IpcChannel, type IpcEvent } from './channels.js';
import { historyListSchema } from './history.js';
import { appCertificateSchema, appIdSchema, hostSchema, portSchema, profileNameSchema } from './fields.js';
import { settingsPatchSchema, settingsSchema } from './settings.js';
import {
  decodeViewSchema,
  generatedSchema,
  profileListSchema,
  profileViewSchema,
  requestLogEntrySchema,
  serverStartResponseSchema,
  serverStatusSchema,
} from './views.js';

/**
 * Every IPC channel (renderer -> main) and event (main -> renderer) as zod schemas. The
 * map must cover exactly the names in channels.ts (checked by `satisfies`), the handlers
 * parse with it and the renderer's types come from it.
 */

const requestObject = { error: 'the request must be an object' };

/** Channels without a request accept nothing (undefined or null, as IPC may deliver it). */
export const noRequestSchema = z.union([z.undefined(), z.null()], {
  error: 'this call takes no request data',
});

export const profileIdSchema = z
  .string({ error: 'profile is required' })
  .check(z.minLength(1, { error: 'profile is required' }));

const profileAddSchema = z.strictObject(
  { name: profileNameSchema, appId: appIdSchema, appCertificate: appCertificateSchema },
  requestObject,
);
const profileRenameSchema = z.strictObject({ id: profileIdSchema, name: profileNameSchema }, requestObject);
const profileCertificateSchema = z.strictObject(
  { id: profileIdSchema, appCertificate: appCertificateSchema },
  requestObject,
);
const profileRefSchema = z.strictObject({ id: profileIdSchema }, requestObject);

/**
 * One channel for every token kind: the kind, the profile to sign with, and the kind's
 * input, which main parses with that kind's schema (shared/token/kinds).
 */
export const tokenBuildRequestSchema = z.strictObject(
  {
    kind: kindIdSchema,
    profileId: profileIdSchema,
    input: z.record(z.string(), z.unknown(), { error: 'input must be an object' }),
  },
  requestObject,
);
export type TokenBuildRequest = z.input<typeof tokenBuildRequestSchema>;

// Forms send '' for an empty box; for these optional fields that means "not given".
const optionalText = (field: string) =>
  z.pipe(
    z.optional(z.string({ error: `${field} must be text` })),
    z.transform((v: string | undefined) => (v === '' ? undefined : v)),
  );

export const decodeRequestSchema = z.strictObject(
  { token: z.string({ error: 'token is required' }), channel: optionalText('channel'), uid: optionalText('uid') },
  requestObject,
);
export type DecodeRequest = z.input<typeof decodeRequestSchema>;

/**
 * How a server bound off loopback is protected: main generates an API key (returned once,
 * in the start response) or the user confirmed that anyone who reaches the port may mint tokens.
 */
export const serverExposureSchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('api-key') }),
    z.strictObject({
      mode: z.literal('no-auth'),
      confirmed: z.literal(true, { error: 'confirm that the server runs without authentication' }),
    }),
  ],
  { error: 'choose an API key or no authentication' },
);
export type ServerExposure = z.output<typeof serverExposureSchema>;

export const serverStartSchema = z.strictObject(
  {
    /** Every profile served; the first answers requests without `appId`. */
    profileIds: z.array(profileIdSchema, { error: 'choose at least one profile' }).check(
      z.minLength(1, { error: 'choose at least one profile' }),
      z.refine((ids: string[]) => new Set(ids).size === ids.length, { error: 'choose each profile once' }),
    ),
    port: portSchema,
    host: hostSchema,
    /** CORS_ALLOW_ORIGIN syntax: '*', a comma-separated list of origins, or '' for none. */
    corsOrigins: z.string({ error: 'CORS origins must be text' }),
    /** Required to listen off loopback (the controller refuses otherwise). */
    exposure: z.optional(serverExposureSchema),
    rateLimit: z.optional(
      z.strictObject(
        {
          max: z
            .number({ error: 'rate limit must be a number' })
            .check(
              z.int({ error: 'rate limit must be a whole number' }),
              z.minimum(1, { error: 'rate limit must be at least 1' }),
            ),
          windowMs: z.optional(z.number({ error: 'rate limit window must be a number' }).check(z.int(), z.minimum(1))),
        },
        requestObject,
      ),
    ),
    metrics: z.optional(z.boolean({ error: 'metrics must be true or false' })),
  },
  requestObject,
);
export type ServerStartRequest = z.output<typeof serverStartSchema>;

export const ipcContract = {
  'profiles:list': { request: noRequestSchema, response: profileListSchema },
  'profiles:add': { request: profileAddSchema, response: profileViewSchema },
  'profiles:rename': { request: profileRenameSchema, response: profileViewSchema },
  'profiles:update-certificate': { request: profileCertificateSchema, response: profileViewSchema },
  'profiles:remove': { request: profileRefSchema, response: z.object({ removed: z.literal(true) }) },
  'profiles:set-default': { request: profileRefSchema, response: profileViewSchema },
  'profiles:set-secondary-certificate': { request: profileCertificateSchema, response: profileViewSchema },
  'profiles:remove-secondary-certificate': { request: profileRefSchema, response: profileViewSchema },
  /** Promotes the secondary certificate to primary; the former primary becomes the secondary. */
  'profiles:rotate': { request: profileRefSchema, response: profileViewSchema },
  'token:build': { request: tokenBuildRequestSchema, response: generatedSchema },
  'token:decode': { request: decodeRequestSchema, response: decodeViewSchema },
  'token:diagnose': { request: diagnoseRequestSchema, response: diagnosisSchema },
  'server:start': { request: serverStartSchema, response: serverStartResponseSchema },
  'server:stop': { request: noRequestSchema, response: serverStatusSchema },
  'server:status': { request: noRequestSchema, response: serverStatusSchema },
  /** The latest requests served (kept in main, so leaving the screen loses nothing), oldest first. */
  'server:log': { request: noRequestSchema, response: z.array(requestLogEntrySchema) },
  'server:log-clear': { request: noRequestSchema, response: z.object({ cleared: z.literal(true) }) },
  /** This run's generated tokens, newest first (main's memory only, at most 200). */
  'history:list': { request: noRequestSchema, response: historyListSchema },
  'history:clear': { request: noRequestSchema, response: z.object({ cleared: z.literal(true) }) },
  'settings:get': { request: noRequestSchema, response: settingsSchema },
  /** Only the fields that change; answers with the settings now in force. */
  'settings:set': { request: settingsPatchSchema, response: settingsSchema },
} as const satisfies Record<IpcChannel, { request: z.core.$ZodType; response: z.core.$ZodType }>;

export { IPC_CHANNELS, IPC_EVENTS, type IpcChannel, type IpcEvent };
/** What the renderer sends (before defaults and transforms). */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
/** What a handler receives after parsing. */
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;

/**
 * Handlers answer with a Result instead of throwing: an Error thrown across Electron's
 * IPC loses its code and gains a prefix, and the UI needs the code and field intact.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Events pushed from main to the renderer. */
export const ipcEventContract = {
  'server:request': requestLogEntrySchema,
  'server:status': serverStatusSchema,
  /** The whole history after every change (a token generated, the list cleared). */
  'history:changed': historyListSchema,
  'settings:changed': settingsSchema,
} as const satisfies Record<IpcEvent, z.core.$ZodType>;
export type IpcEvents = { [E in IpcEvent]: z.output<(typeof ipcEventContract)[E]> };

/** What the preload exposes as `window.tokenDesk` (and what browser mode implements over HTTP). */
export interface TokenDeskApi {
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>>;
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
}
