import { SKIP_KINDS, type Report } from '../report/finding.js';
import { isAtLeast, type Severity } from '../report/severity.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export type FailOn = Severity | 'none';

/** docs/output.md: 2 for tool errors (or any error with --strict), 1 for findings at or above --fail-on; 2 wins. */
export function exitCodeFor(report: Report, failOn: FailOn, strict: boolean): number {
  const toolFailed = report.errors.some((error) => strict || !SKIP_KINDS.has(error.kind));
  if (toolFailed) return EXIT_ERROR;
  if (failOn === 'none') return EXIT_OK;
  return report.findings.some((finding) => isAtLeast(finding.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK;
}
