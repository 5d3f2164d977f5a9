/**
 * Replays a Dockerfile stage's COPY instructions into a folder (no Docker engine here): the
 * sources come from the build context (the checkout minus .dockerignore, matched as Docker
 * does) or from an earlier stage's replayed folder, and land where Docker would put them.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join, posix, relative } from 'node:path';
import { isIgnored, type IgnoreRule } from './dockerignore.js';

export interface CopySource {
  /** The build context (the checkout). */
  context: string;
  rules: readonly IgnoreRule[];
  /** Replayed folders of earlier stages, by name, for `COPY --from=NAME`. */
  stages: Record<string, string>;
  /** The stage's WORKDIR, which `target` stands for. */
  workdir: string;
}

/** Every file under `path` (relative to root) that is in the context, as context-relative paths. */
export function contextFiles(root: string, path: string, rules: readonly IgnoreRule[]): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!lstatSync(full).isDirectory()) return isIgnored(rules, path) ? [] : [path];
  return readdirSync(full).flatMap((entry) => contextFiles(root, posix.join(path, entry), rules));
}

/** Copies one COPY instruction's sources into `target`; throws as `docker build` would fail. */
export function replayCopy(args: string, target: string, source: CopySource): string[] {
  const words = args.split(/\s+/);
  const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
  const paths = words.filter((word) => !word.startsWith('--'));
  const dest = paths.pop() ?? '';
  if (paths.length === 0) throw new Error(`COPY ${args}: no source`);
  if (paths.some((path) => /[*?[]/.test(path))) throw new Error(`COPY ${args}: wildcards are not replayed`);
  const intoFolder = paths.length > 1 || dest.endsWith('/');
  const destRel = posix.isAbsolute(dest) ? posix.relative(source.workdir, dest) : dest;
  if (destRel.startsWith('..')) throw new Error(`COPY ${args}: destination outside WORKDIR is not replayed`);
  const copied: string[] = [];
  for (const path of paths) {
    const { root, rel, files } = sourceFiles(path, from, source);
    if (files.length === 0) throw new Error(`COPY ${args}: ${path} is not in the ${from ?? 'build context'}`);
    const isFolder = lstatSync(join(root, rel)).isDirectory();
    for (const file of files) {
      const inside = isFolder ? relative(join(root, rel), join(root, file)) : basename(file);
      const to = isFolder || intoFolder ? join(target, destRel, inside) : join(target, destRel);
      mkdirSync(dirname(to), { recursive: true });
      cpSync(join(root, file), to);
      copied.push(relative(target, to));
    }
  }
  return copied;
}

function sourceFiles(
  path: string,
  from: string | undefined,
  source: CopySource,
): { root: string; rel: string; files: string[] } {
  if (from === undefined) {
    const rel = posix.normalize(path).replace(/^\//, '');
    return { root: source.context, rel, files: contextFiles(source.context, rel, source.rules) };
  }
  const root = source.stages[from];
  if (root === undefined) throw new Error(`COPY --from=${from}: no such stage was replayed`);
  // Another stage's files, relative to its WORKDIR (the same /app in both stages).
  const rel = posix.isAbsolute(path) ? posix.relative(source.workdir, path) : path;
  return { root, rel, files: contextFiles(root, rel, []) };
}
