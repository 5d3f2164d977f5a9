import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { TokenDeskError } from '../errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticFile {
  type: string;
  body: Buffer;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * The built renderer, read once at start into a map from URL path to file. Requests are
 * looked up in the map and never turned into file paths, so no URL can reach a file
 * outside the folder; the renderer is a few hundred kilobytes.
 */
export function loadRenderer(rendererDir: string): Map<string, StaticFile> {
  let files: string[];
  try {
    files = walk(rendererDir);
  } catch {
    files = [];
  }
  const site = new Map<string, StaticFile>();
  for (const file of files) {
    const path = `/${relative(rendererDir, file).split(sep).join('/')}`;
    site.set(path, { type: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  }
  const index = site.get('/index.html');
  if (index === undefined) {
    throw new TokenDeskError(
      'server_error',
      `the browser UI is not built (no index.html in ${rendererDir}); run \`npm run build:renderer\``,
    );
  }
  site.set('/', index);
  return site;
}
