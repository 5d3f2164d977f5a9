import { createPublicKey } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { TokenDeskError } from '../errors.js';
import { apiKeyMatcher } from './api-key-match.js';
import { HttpStatusError } from './http-status-error.js';
import type { AuthOptions, JwtOptions } from './server-options.js';
import type { Grant } from './token-requests.js';

/**
 * Bearer authentication for the token routes: API keys (compared in constant time, never
 * logged) and JWTs verified by jose, with binding rules so a JWT caller only gets tokens
 * for the user its claim names.
 */

export type Caller = { kind: 'api-key'; id: string } | { kind: 'jwt'; id: string; claims: JWTPayload };

export interface Authenticator {
  /**
   * The caller, or a 401 HttpStatusError thrown (API keys) or rejected (JWTs). API keys are
   * answered synchronously: a promise per request is a measurable share of its cost.
   */
  authenticate(request: FastifyRequest): Caller | Promise<Caller>;
  /** Throws a 403 HttpStatusError when this caller may not have this grant. */
  authorize(caller: Caller, grant: Grant): void;
  /** Whether `authorize` can refuse anything (JWT binding rules); false for API keys alone. */
  readonly bindsCallers: boolean;
}

function jwtKey(options: JwtOptions): JWTVerifyGetKey | ReturnType<typeof createPublicKey> {
  if (options.jwksUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(options.jwksUrl);
    } catch {
      throw new TokenDeskError('invalid_input', `the JWKS URL is not a URL: ${options.jwksUrl}`, 'jwksUrl');
    }
    return createRemoteJWKSet(url);
  }
  try {
    return createPublicKey(options.publicKeyPem ?? '');
  } catch {
    throw new TokenDeskError('invalid_input', 'the JWT public key is not a PEM public key', 'publicKey');
  }
}

function jwtFailure(error: unknown): HttpStatusError {
  if (error instanceof joseErrors.JWTExpired) return unauthorized('the bearer JWT has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return unauthorized(`the bearer JWT's ${error.claim} claim is not accepted`);
  return unauthorized('the bearer token is not a valid API key or JWT');
}

const unauthorized = (message: string): HttpStatusError =>
  new HttpStatusError(401, message, { 'www-authenticate': 'Bearer realm="agora-token-desk"' });

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The channel pattern with `{claim}` filled in from this JWT. */
function channelRule(pattern: string, claims: JWTPayload): RegExp {
  const filled = pattern.replace(/\{([A-Za-z0-9_.-]+)\}/g, (_, name: string) =>
    escapeRegExp(String(claims[name] ?? '')),
  );
  return new RegExp(`^(?:${filled})$`, 'u');
}

export function createAuthenticator(options: AuthOptions): Authenticator {
  const keys = options.apiKeys ?? [];
  const matchApiKey = apiKeyMatcher(keys);
  // One caller per key, made once: nothing is allocated for an API-key request.
  const keyCallers: Caller[] = keys.map((_, index) => ({ kind: 'api-key', id: `key:${index}` }));
  const jwt = options.jwt;
  const key = jwt === undefined ? undefined : jwtKey(jwt);
  if (jwt?.channelPattern !== undefined) {
    try {
      channelRule(jwt.channelPattern, {});
    } catch {
      throw new TokenDeskError(
        'invalid_input',
        `the JWT channel pattern is not a regular expression: ${jwt.channelPattern}`,
        'channelPattern',
      );
    }
  }
  const userClaim = jwt?.userClaim ?? 'sub';

  async function verifyJwt(token: string): Promise<Caller> {
    if (jwt === undefined || key === undefined) throw unauthorized('the bearer token is not a valid API key');
    const verifyOptions = {
      ...(jwt.issuer === undefined ? {} : { issuer: jwt.issuer }),
      ...(jwt.audience === undefined ? {} : { audience: jwt.audience }),
    };
    try {
      // jose's overloads differ for a key and a key set; both verify the signature and exp/nbf.
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, verifyOptions)
          : await jwtVerify(token, key, verifyOptions);
      return { kind: 'jwt', id: `jwt:${String(payload.sub ?? payload[userClaim] ?? '')}`, claims: payload };
    } catch (error) {
      throw jwtFailure(error);
    }
  }

  return {
    bindsCallers: jwt !== undefined,
    authenticate(request) {
      const header = request.headers.authorization;
      const match = typeof header === 'string' ? /^Bearer +(\S+) *$/i.exec(header) : null;
      const presented = match?.[1];
      if (presented === undefined) throw unauthorized('this route needs an Authorization: Bearer header');
      if (keys.length > 0) {
        const index = matchApiKey(presented);
        const caller = keyCallers[index];
        if (caller !== undefined) return caller;
      }
      return verifyJwt(presented);
    },
    authorize(caller, grant) {
      if (caller.kind !== 'jwt' || jwt === undefined) return;
      const allowed = caller.claims[userClaim];
      if (grant.user === undefined || allowed === undefined || String(allowed) !== grant.user) {
        throw new HttpStatusError(403, `the JWT allows tokens only for the user in its ${userClaim} claim`);
      }
      if (
        jwt.channelPattern !== undefined &&
        grant.channel !== undefined &&
        !channelRule(jwt.channelPattern, caller.claims).test(grant.channel)
      ) {
        throw new HttpStatusError(403, 'the JWT does not allow this channel');
      }
    },
  };
}
