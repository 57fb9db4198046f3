import type { Finding, Report } from '../finding.js';
import type { Formatter } from './types.js';
import type { FileContext } from '../../context/file-context.js';
import { explainContext } from '../../context/explain.js';

/** The JSON output contract (docs/output.md): internal fields such as snippets are left out. */
export const formatJson: Formatter = (report, options) => {
  const contexts = options.verbose && report.fileContexts ? { contexts: explainedContexts(report.fileContexts) } : {};
  return JSON.stringify({ ...toContract(report), ...contexts }, null, 2) + '\n';
};

export function toContract(report: Report): Report {
  const { rules: _rules, fileContexts: _contexts, ...contract } = report;
  return {
    ...contract,
    findings: report.findings.map(contractFinding),
    ...(report.suppressed ? { suppressed: report.suppressed.map((finding) => ({ ...contractFinding(finding), suppression: finding.suppression })) } : {}),
  };
}

/** --verbose: each file with findings, its context, and why (docs/output.md). */
function explainedContexts(contexts: Record<string, FileContext>): Record<string, FileContext & { why: string }> {
  return Object.fromEntries(Object.entries(contexts).map(([file, context]) => [file, { ...context, why: explainContext(context) }]));
}

/** Snippets are for text output; the contract leaves them out. */
function contractFinding(finding: Finding): Finding {
  const { snippet: _snippet, ...rest } = finding;
  return rest;
}
