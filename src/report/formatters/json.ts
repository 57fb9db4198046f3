import type { Finding, Report } from '../finding.js';
import type { Formatter } from './types.js';

/** The JSON output contract (docs/output.md): internal fields such as snippets are left out. */
export const formatJson: Formatter = (report) => JSON.stringify(toContract(report), null, 2) + '\n';

export function toContract(report: Report): Report {
  const { rules: _rules, ...contract } = report;
  return {
    ...contract,
    findings: report.findings.map(contractFinding),
    ...(report.suppressed ? { suppressed: report.suppressed.map((finding) => ({ ...contractFinding(finding), suppression: finding.suppression })) } : {}),
  };
}

/** Snippets are for text output; the contract leaves them out. */
function contractFinding(finding: Finding): Finding {
  const { snippet: _snippet, ...rest } = finding;
  return rest;
}
