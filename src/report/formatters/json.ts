import type { Finding, Report } from '../finding.js';
import type { Formatter } from './types.js';

/** The JSON output contract (DESIGN.md §5): internal fields such as snippets are left out. */
export const formatJson: Formatter = (report) => JSON.stringify(toContract(report), null, 2) + '\n';

export function toContract(report: Report): Report {
  return { ...report, findings: report.findings.map(contractFinding) };
}

/** Internal fields stay inside: snippets are for text output, key candidates are secrets. */
function contractFinding(finding: Finding): Finding {
  const { snippet: _snippet, keyCandidate: _keyCandidate, ...rest } = finding;
  return rest;
}
