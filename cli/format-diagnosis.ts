import type { Diagnosis } from '../shared/doctor/findings.js';
import type { DoctorAction } from '../shared/doctor/schema.js';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The human `diagnose` output: a verdict line, then each finding (errors first) with its fix. */
export function formatDiagnosis(diagnosis: Diagnosis, action: DoctorAction | undefined): string[] {
  const errors = diagnosis.findings.filter((f) => f.severity === 'error').length;
  const warnings = diagnosis.findings.filter((f) => f.severity === 'warning').length;
  const forWhat = action === undefined ? '' : ` for ${action}`;
  const lines = [
    diagnosis.verdict === 'ok'
      ? `Verdict: ok, no problems found${forWhat}`
      : `Verdict: problems${forWhat}: ${count(errors, 'error')}, ${count(warnings, 'warning')}`,
  ];
  for (const f of diagnosis.findings) {
    lines.push(`${f.severity.padEnd(8)}${f.code}: ${f.message}`);
    lines.push(`${''.padEnd(8)}fix: ${f.fix}`);
  }
  return lines;
}
