import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type Tags } from 'yaml';
import { REPO_ROOT } from '../helpers/cli.js';
import { tomlTable, WRANGLER_TOML } from './wrangler-config.js';

const DEPLOY = join(REPO_ROOT, 'deploy');
const FOLDERS = ['cloudflare-workers', 'vercel', 'lambda'];
const read = (path: string) => readFileSync(join(DEPLOY, path), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** CloudFormation's short-form functions, kept as plain objects. */
const CFN_TAGS: Tags = ['Ref', 'GetAtt', 'Sub'].map((name) => ({
  tag: `!${name}`,
  resolve: (value: string) => ({ [name]: value }),
}));

const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, { default: string }>;
};

describe('the serverless deploy examples', () => {
  it('hold no secret: no 32-hex value (an App ID or certificate) in any file', () => {
    for (const folder of FOLDERS) {
      for (const file of filesUnder(join(DEPLOY, folder))) {
        expect(readFileSync(file, 'utf8'), relative(REPO_ROOT, file)).not.toMatch(
          /(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/i,
        );
      }
    }
  });

  it('Workers: wrangler.toml runs the bundle the workerd test runs, with nodejs_compat', () => {
    const config = tomlTable(WRANGLER_TOML);
    expect(config['compatibility_flags']).toContain('nodejs_compat');
    expect(config['compatibility_date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(config['no_bundle']).toBe(true);
    const main = resolve(DEPLOY, 'cloudflare-workers', String(config['main']));
    expect(relative(REPO_ROOT, main)).toBe('dist/worker/agora-token-desk-worker.mjs');
    expect(packageJson.exports['./cloudflare-worker']?.default).toBe('./dist/worker/agora-token-desk-worker.mjs');
    // Secrets go through `wrangler secret put`, never into [vars].
    const vars = tomlTable(WRANGLER_TOML, 'vars');
    expect(Object.keys(vars)).toEqual(['CORS_ALLOW_ORIGIN']);
    expect(read('cloudflare-workers/wrangler.toml')).toMatch(/wrangler secret put APP_CERTIFICATE/);
  });

  it('Vercel: every path is rewritten to the function, which is the package entry point', () => {
    const config = JSON.parse(read('vercel/vercel.json')) as {
      rewrites: Array<{ source: string; destination: string }>;
    };
    expect(config.rewrites).toEqual([{ source: '/:path*', destination: '/api/token-desk' }]);
    expect(read('vercel/api/token-desk.js')).toMatch(/from 'agora-token-desk\/vercel'/);
    expect(packageJson.exports['./vercel']?.default).toBe('./dist/shared/serverless/vercel.js');
    expect(JSON.parse(read('vercel/package.json'))).toMatchObject({
      dependencies: { 'agora-token-desk': expect.any(String) },
    });
  });

  it('Lambda: the SAM template wires both event sources to index.handler, secrets as NoEcho parameters', () => {
    const template = parse(read('lambda/template.yaml'), { customTags: CFN_TAGS }) as {
      Parameters: Record<string, { NoEcho?: boolean }>;
      Resources: { TokenFunction: { Type: string; Properties: Record<string, unknown> } };
    };
    const fn = template.Resources.TokenFunction;
    expect(fn.Type).toBe('AWS::Serverless::Function');
    expect(fn.Properties).toMatchObject({
      Handler: 'index.handler',
      Runtime: expect.stringMatching(/^nodejs(2[0-9])\.x$/),
      FunctionUrlConfig: { AuthType: 'NONE' },
      Events: { HttpApi: { Type: 'HttpApi' } },
      Environment: {
        Variables: {
          APP_ID: { Ref: 'AppId' },
          APP_CERTIFICATE: { Ref: 'AppCertificate' },
          CORS_ALLOW_ORIGIN: { Ref: 'CorsAllowOrigin' },
          AUTH_API_KEYS: { Ref: 'AuthApiKeys' },
        },
      },
    });
    expect(template.Parameters['AppCertificate']?.NoEcho).toBe(true);
    expect(template.Parameters['AuthApiKeys']?.NoEcho).toBe(true);
    expect(read('lambda/index.mjs')).toMatch(/export \{ handler \} from 'agora-token-desk\/lambda';/);
    expect(packageJson.exports['./lambda']?.default).toBe('./dist/shared/serverless/lambda.js');
  });
});
