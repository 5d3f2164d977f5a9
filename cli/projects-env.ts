import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseProjects, type Project } from '../shared/contract/projects.js';
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
