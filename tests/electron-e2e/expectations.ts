/**
 * What the Electron e2e flows expect, computed without Electron (unit-tested in
 * expectations.test.ts): the form values each registry kind is generated with and the
 * services its token must decode to, the tokens a page shows, the page's policy, the globals
 * the preload may add, the tray's two states, and where a secret turned up on disk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inputFromValues } from '../../shared/token/kinds/field-values.js';
import type { KindField, TokenKind } from '../../shared/token/kinds/kind.js';
import { buildKind, decodeToken, type ServiceInfo } from '../../shared/token/index.js';

/** One box or select of a kind's form, with the text typed into it. */
export interface FormEntry {
  field: KindField;
  value: string;
}

/** What the suite types for a kind's fields (every shown field, so nothing from another tab lingers). */
export interface KindPlan {
  kind: TokenKind;
  entries: FormEntry[];
}

function shown(field: KindField, fields: readonly KindField[]): boolean {
  if (field.advanced) return false;
  // Of alternatives (uid or account) the form shows the first until another is chosen.
  return field.oneOf === undefined || fields.find((other) => other.oneOf === field.oneOf) === field;
}

function exampleValues(kind: TokenKind, example: string): Map<string, string> | undefined {
  const words = example.split(/\s+/).filter((word) => word !== '');
  const values = new Map<string, string>();
  for (let i = 0; i < words.length; i += 2) {
    const field = kind.fields.find((candidate) => `--${candidate.flag}` === words[i]);
    const value = words[i + 1];
    if (field === undefined || value === undefined || !shown(field, kind.fields)) return undefined;
    values.set(field.key, value);
  }
  return values;
}

const SAMPLE_BY_TYPE: Record<KindField['type'], string> = {
  text: 'e2e',
  uid: '42',
  int: '1',
  seconds: '',
  role: '',
  list: '',
};

/**
 * The kind's first CLI example that the form can take as shown (no "More options", no
 * alternative to pick), else a sample for each required field; the token expiry is fixed
 * and the role is the first choice, so every shown field has a known value.
 */
export function kindPlan(kind: TokenKind, expire = '900'): KindPlan {
  const fromExample = kind.examples.map((example) => exampleValues(kind, example)).find((values) => values);
  const fields = kind.fields.filter((field) => shown(field, kind.fields));
  const entries = fields.map((field) => {
    const given = fromExample?.get(field.key);
    if (given !== undefined) return { field, value: given };
    if (field.key === 'expire') return { field, value: expire };
    if (field.type === 'role') return { field, value: field.choices?.[0] ?? '' };
    const needed = fromExample === undefined && (field.required || field.oneOf !== undefined);
    return { field, value: needed ? SAMPLE_BY_TYPE[field.type] : '' };
  });
  return { kind, entries };
}

/** Services of the token(s) the kind builds from these values: one list per token. */
export function expectedServices(
  plan: KindPlan,
  credentials: { appId: string; appCertificate: string },
): ServiceInfo[][] {
  const values = Object.fromEntries(plan.entries.map((entry) => [entry.field.key, entry.value]));
  const built = buildKind(plan.kind, credentials, inputFromValues(plan.kind.fields, values));
  const tokens = 'token' in built ? [built.token] : [built.rtcToken, built.rtmToken];
  return tokens.map((token) => decodedServices(token, credentials.appCertificate));
}

/** A 007 token's services, after checking it is signed with this certificate. */
export function decodedServices(token: string, appCertificate: string): ServiceInfo[] {
  const decoded = decodeToken(token, { appCertificate });
  if (decoded.version !== '007') throw new Error(`expected a 007 token, got ${decoded.version}`);
  if (decoded.signature !== 'valid') throw new Error(`token signature is ${decoded.signature}`);
  return decoded.services;
}

/**
 * The distinct 007 tokens among element texts (a result's <pre> and <code> boxes), in order:
 * only a box that holds a whole token counts, so a snippet or header quoting it does not.
 */
export function tokensIn(texts: readonly string[]): string[] {
  const tokens = texts.map((text) => text.trim()).filter((text) => /^007[A-Za-z0-9+/]{40,}={0,2}$/.test(text));
  return [...new Set(tokens)];
}

/** Directive name to its sources. */
export function cspDirectives(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Why a policy would let the page load or run something not its own; empty when it is strict. */
export function cspProblems(policy: string, { header }: { header: boolean }): string[] {
  const directives = cspDirectives(policy);
  const problems: string[] = [];
  const expect = (name: string, sources: string[]) => {
    const actual = directives.get(name);
    if (actual === undefined) problems.push(`no ${name}`);
    else if (actual.join(' ') !== sources.join(' ')) problems.push(`${name} is "${actual.join(' ')}"`);
  };
  expect('default-src', ["'none'"]);
  expect('script-src', ["'self'"]);
  expect('object-src', ["'none'"]);
  expect('base-uri', ["'none'"]);
  // frame-ancestors works only as a header; a meta tag must leave it out.
  if (header) expect('frame-ancestors', ["'none'"]);
  for (const [name, sources] of directives) {
    const loose = sources.filter((source) => /^'unsafe-|^\*$|^https?:$|^data:$/.test(source) && name !== 'img-src');
    if (loose.length > 0) problems.push(`${name} allows ${loose.join(' ')}`);
  }
  return problems;
}

/** The meta tag's policy says what the header says (less the header-only frame-ancestors). */
export function metaMatchesHeader(meta: string, header: string): boolean {
  const fromHeader = cspDirectives(header);
  fromHeader.delete('frame-ancestors');
  const fromMeta = cspDirectives(meta);
  return JSON.stringify([...fromMeta].sort()) === JSON.stringify([...fromHeader].sort());
}

/** Names the preload added to the page: the page's globals less a window with no preload. */
export function addedGlobals(page: readonly string[], reference: readonly string[]): string[] {
  const known = new Set(reference);
  return page.filter((name) => !known.has(name)).sort();
}

/** Globals that would mean Node or Electron reached the page. */
export const NODE_AND_ELECTRON_GLOBALS = [
  'require',
  'process',
  'module',
  'exports',
  'Buffer',
  'global',
  '__dirname',
  '__filename',
  'setImmediate',
  'electron',
  'ipcRenderer',
  'contextBridge',
  'webFrame',
] as const;

/** The tray's tooltip as a state: the URL it listens on, or stopped; undefined for anything else. */
export function trayState(tooltip: string): { running: true; url: string } | { running: false } | undefined {
  const listening = /server listening on (\S+)$/.exec(tooltip);
  if (listening?.[1] !== undefined) return { running: true, url: listening[1] };
  return /server stopped$/.test(tooltip) ? { running: false } : undefined;
}

/** Files under a folder whose bytes contain the secret (as typed, or upper-cased). */
export function filesContaining(dir: string, secret: string): string[] {
  const needles = [...new Set([secret, secret.toUpperCase(), secret.toLowerCase()])].map((s) => Buffer.from(s));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined) return [];
    if (stats.isDirectory()) return filesContaining(path, secret);
    if (!stats.isFile()) return [];
    const bytes = readFileSync(path);
    return needles.some((needle) => bytes.includes(needle)) ? [path] : [];
  });
}
