import { exitCodeFor as decide, type FailOn, type Report } from '../index.js';

export { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type FailOn } from '../index.js';

/** docs/output.md: the library decides; the CLI only passes its flags. */
export function exitCodeFor(report: Report, failOn: FailOn, strict: boolean): number {
  return decide(report, { failOn, strict });
}
