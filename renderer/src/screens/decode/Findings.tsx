/** The doctor's findings: severity, what is wrong (naming the values) and how to fix it. */
import type { DiagnosisJson, Finding } from '../../../../shared/contract/doctor.js';

const BADGE = { error: 'badge badge-bad', warning: 'badge badge-warn', info: 'badge badge-neutral' } as const;

/** The one sentence the live region announces when a check completes. */
export function findingsSummary(diagnosis: DiagnosisJson): string {
  const count = (severity: Finding['severity']) => diagnosis.findings.filter((f) => f.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const notes = count('info');
  const noteText = notes === 0 ? '' : ` (${notes} note${notes === 1 ? '' : 's'})`;
  if (errors + warnings === 0) return `No problems found${noteText}.`;
  const parts = [errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''];
  return `Problems found: ${parts.filter(Boolean).join(', ')}${noteText}.`;
}

export function Findings({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="findings" aria-label="Findings">
      {findings.map((finding, index) => (
        <li key={`${finding.code}-${index}`} className={`finding finding-${finding.severity}`}>
          <p>
            <span className={BADGE[finding.severity]}>{finding.severity}</span> <code>{finding.code}</code>
          </p>
          <p>{finding.message}</p>
          <p>
            <strong>Fix:</strong> {finding.fix}
          </p>
        </li>
      ))}
    </ul>
  );
}
