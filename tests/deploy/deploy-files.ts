/** The deploy files as parsed data, for the tests of deploy/ and the one-click files at the root. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../helpers/cli.js';

export const ONE_CLICK_FILES = ['render.yaml', 'app.json', 'heroku.yml', 'railway.json', 'docker-compose.yml'];

/** Every file under deploy/ (any platform's), plus the one-click files and the Dockerfile. */
export function deployFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(REPO_ROOT, dir)).flatMap((entry) => {
      const path = posix.join(dir, entry);
      if (entry === 'node_modules') return [];
      return statSync(join(REPO_ROOT, path)).isDirectory() ? walk(path) : [path];
    });
  return [...ONE_CLICK_FILES, 'Dockerfile', '.dockerignore', ...walk('deploy')];
}

export const readText = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');

/** YAML or JSON (JSON is YAML), one document. */
export function readData(path: string): unknown {
  return parse(readText(path));
}

export function readDocuments(text: string): unknown[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw new Error(document.errors[0]?.message);
    return document.toJS() as unknown;
  });
}

/** A 32-hex-character run, the shape of an App ID or App Certificate. */
export const HEX32_ANYWHERE = /(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/i;
