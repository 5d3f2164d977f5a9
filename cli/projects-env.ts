import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod/mini';
import { projectsSchema, type Project } from '../shared/contract/projects.js';
import { TokenDeskError } from '../shared/errors.js';

/**
 * The extra projects of a headless server, from PROJECTS (JSON text) or PROJECTS_FILE (a path,
 * e.g. a mounted Kubernetes Secret). Messages name the variable and the field, never a value:
 * the text holds certificates, and JSON.parse's own message quotes the input.
 */
export function readProjects(env: Record<string, string | undefined>, cwd: string): Project[] {
  const text = env['PROJECTS'] ?? '';
  const file = env['PROJECTS_FILE'] ?? '';
  if (text !== '' && file !== '')
    throw new TokenDeskError('invalid_input', 'set PROJECTS or PROJECTS_FILE, not both', 'PROJECTS');
  if (text !== '') return parseProjects(text, 'PROJECTS');
  if (file === '') return [];
  let content: string;
  try {
    content = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new TokenDeskError('missing_credentials', `cannot read PROJECTS_FILE ${file}: ${code}`, 'PROJECTS_FILE');
  }
  return parseProjects(content, `PROJECTS_FILE ${file}`);
}

/** Parses the JSON array once; `source` names it in the message ("PROJECTS", "PROJECTS_FILE x"). */
export function parseProjects(text: string, source: string): Project[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TokenDeskError(
      'invalid_input',
      `${source} is not valid JSON: expected an array like [{"appId":"…","appCertificate":"…","name":"staging"}]`,
      'PROJECTS',
    );
  }
  const result = z.safeParse(projectsSchema, json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = (issue?.path ?? [])
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('');
  const message =
    issue?.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : (issue?.message ?? 'invalid');
  throw new TokenDeskError('invalid_input', `${source}${where}: ${message}`, 'PROJECTS');
}
