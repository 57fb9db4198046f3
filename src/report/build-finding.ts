import type { FileContext } from '../context/file-context.js';
import type { RangeMatch } from '../match/formula.js';
import type { Binding } from '../match/state.js';
import type { CompiledRule } from '../rules/compiled-rule.js';
import type { LineIndex } from '../util/line-index.js';
import type { Finding } from './finding.js';
import { fingerprintOf, flowFingerprintOf, OccurrenceCounter } from './fingerprint.js';
import { renderMessage } from './message.js';
import { leastConfident, leastSevere, lowerSeverity } from './severity.js';
import { traceOf, type TraceSite } from './trace.js';

const MAX_SNIPPET_LINES = 6;

/** The file a rule matched in, and how to show places in it. */
export interface FindingSite extends TraceSite {
  context: FileContext;
  lines: LineIndex;
  /** Findings in test code are reported one severity lower unless this is 'same'. */
  testSeverity: 'lower' | 'same';
  /** Numbers identical matches of a file so each gets its own fingerprint. */
  occurrences: OccurrenceCounter;
}

/** A rule's match as a finding: the one place where findings are made from matches. */
export function buildFinding(rule: CompiledRule, match: RangeMatch, site: FindingSite, describe: (binding: Binding) => string): Finding {
  const start = site.lines.position(match.range[0]);
  const end = site.lines.position(Math.max(match.range[0], match.range[1]));
  const matched = site.text.slice(match.range[0], match.range[1]);
  const values: Record<string, string> = {};
  for (const [name, binding] of Object.entries(match.state.bindings)) values[name.slice(1)] = describe(binding);
  const trace = traceOf(match.state.evidence, match.range, site);
  const proven = match.state.evidence.reduce((least, item) => (item.kind === 'flow' && item.severity ? leastSevere(least, item.severity) : least), rule.severity);
  const severity = site.context.test && site.testSeverity === 'lower' ? lowerSeverity(proven) : proven;
  const confidence = match.state.evidence.reduce((least, item) => (item.kind === 'flow' && item.confidence ? leastConfident(least, item.confidence) : least), rule.confidence);
  const lastSnippetLine = Math.min(end.line, start.line + MAX_SNIPPET_LINES - 1);
  const fingerprint = fingerprintOf(rule.id, site.path, matched, site.occurrences.next(`${rule.id}\0${matched}`));
  const flowFingerprint = flowFingerprintOf(rule.id, site.path, matched, trace, fingerprint);
  return {
    ruleId: rule.id,
    category: rule.category,
    severity,
    confidence,
    message: renderMessage(rule.message, values),
    file: site.path,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    context: site.context.side,
    ...(site.context.test ? { test: true as const } : {}),
    fingerprint,
    ...(flowFingerprint !== fingerprint ? { flowFingerprint } : {}),
    cwe: rule.cwe,
    ...(trace.length > 0 ? { trace } : {}),
    snippet: { firstLine: start.line, lines: site.lines.lines(start.line, lastSnippetLine) },
  };
}
