/** The one sentence the doctor panel's live region announces when a check completes. */
import type { DiagnosisJson, Finding } from '../../../shared/contract/doctor.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function findingsSummary(diagnosis: DiagnosisJson): string {
  const count = (severity: Finding['severity']) => diagnosis.findings.filter((f) => f.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const notes = count('info');
  const noteText = notes === 0 ? '' : ` (${plural(notes, 'note')})`;
  if (errors + warnings === 0) return `No problems found${noteText}.`;
  const parts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''];
  return `Problems found: ${parts.filter(Boolean).join(', ')}${noteText}.`;
}
