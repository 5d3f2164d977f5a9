import type { DecodedTokenJson } from '../token/decoded-json.js';
import type { Finding, FindingCode, Severity } from './schema.js';

/** The doctor's answer (DESIGN.md §2): the verdict, the findings by severity, the decoded token. */
export interface Diagnosis {
  verdict: 'ok' | 'problems';
  findings: Finding[];
  token: DecodedTokenJson | null;
}

export function finding(code: FindingCode, severity: Severity, message: string, fix: string): Finding {
  return { code, severity, message, fix };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; the order within a severity is the order found. */
export function bySeverity(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

export function verdictOf(findings: Finding[]): Diagnosis['verdict'] {
  return findings.some((f) => f.severity !== 'info') ? 'problems' : 'ok';
}

export function hasError(diagnosis: Pick<Diagnosis, 'findings'>): boolean {
  return diagnosis.findings.some((f) => f.severity === 'error');
}
