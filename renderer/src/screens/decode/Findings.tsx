/** The doctor's findings: severity, what is wrong (naming the values) and how to fix it. */
import type { Finding } from '../../../../shared/contract/doctor.js';

const BADGE = { error: 'badge badge-bad', warning: 'badge badge-warn', info: 'badge badge-neutral' } as const;

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
