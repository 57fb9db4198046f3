import { SKIP_KINDS, type Finding, type Report } from './finding.js';
import { isAtLeast, type Severity } from './severity.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export type FailOn = Severity | 'none';

/** How a report turns into an exit code: the CLI, the Action and `merge` all decide through here. */
export interface OutcomePolicy {
  failOn: FailOn;
  /** Skipped files and problems with suppressions or the baseline are failures too. */
  strict: boolean;
}

/**
 * Warnings that mean an exception to the policy is itself broken: a suppression without a reason,
 * for an unknown rule, expired or unused, and baseline entries that no longer match. They fail
 * the scan under --strict.
 */
export const STRICT_WARNING_KINDS: ReadonlySet<string> = new Set([
  'suppression-missing-reason',
  'suppression-unknown-rule',
  'suppression-expired',
  'suppression-invalid',
  'unused-suppression',
  'stale-baseline',
]);

/** The findings at or above --fail-on: what makes the exit code 1. */
export function blockingFindings(report: Report, failOn: FailOn): Finding[] {
  if (failOn === 'none') return [];
  return report.findings.filter((finding) => isAtLeast(finding.severity, failOn));
}

/** docs/output.md: 2 for tool errors (or, with --strict, skipped files and broken exceptions), 1 for findings at or above --fail-on; 2 wins. */
export function exitCodeFor(report: Report, policy: OutcomePolicy): number {
  const toolFailed = report.errors.some((error) => policy.strict || !SKIP_KINDS.has(error.kind));
  const exceptionsBroken = policy.strict && report.warnings.some((warning) => STRICT_WARNING_KINDS.has(warning.kind));
  if (toolFailed || exceptionsBroken) return EXIT_ERROR;
  return blockingFindings(report, policy.failOn).length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** `pass`, `fail` (findings at or above --fail-on) or `error` (exit 2), as the Action's `result` output says. */
export function resultWord(exitCode: number): 'pass' | 'fail' | 'error' {
  return exitCode === EXIT_OK ? 'pass' : exitCode === EXIT_FINDINGS ? 'fail' : 'error';
}
