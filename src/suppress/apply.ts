import type { Finding, SuppressedFinding, ToolWarning } from '../report/finding.js';
import { didYouMean } from '../text/suggest.js';
import type { Directive } from './directives.js';

export interface SuppressionContext {
  /** Every rule id that exists (loaded rules and inspect checks), for unknown-id warnings. */
  knownRuleIds: ReadonlySet<string>;
  /** Rules that ran; a suppression of a rule that did not run (disabled) is not "unused". */
  ranRuleIds: ReadonlySet<string>;
  /** Today, YYYY-MM-DD (UTC): a suppression applies through its `until` day. */
  today: string;
}

export interface SuppressionOutcome {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  warnings: ToolWarning[];
}

/**
 * Leaves out the findings that a suppression comment covers, and reports every suppression that
 * is itself a problem: without a reason, for an unknown rule, past its date, or unused. A
 * suppression without a reason, or expired, suppresses nothing: every exception carries a reason.
 */
export function applySuppressions(findings: readonly Finding[], directives: readonly Directive[], context: SuppressionContext): SuppressionOutcome {
  const warnings: ToolWarning[] = [];
  const active: Array<{ directive: Directive; ids: Set<string>; used: Set<string> }> = [];
  for (const directive of directives) {
    const warn = (kind: string, message: string) => warnings.push({ file: directive.file, line: directive.line, kind, message });
    if (directive.invalid) {
      warn('suppression-invalid', `this suppression is ignored: ${directive.invalid}`);
      continue;
    }
    const unknown = directive.ruleIds.filter((id) => !context.knownRuleIds.has(id));
    for (const id of unknown) {
      warn('suppression-unknown-rule', `this suppression names the unknown rule "${id}", so it suppresses nothing for it.${didYouMean(id, context.knownRuleIds)} "nobackdoor rules list" shows the ids`);
    }
    if (directive.form !== 'nosemgrep' && !directive.reason) {
      warn('suppression-missing-reason', `this suppression has no reason, so it is ignored: add one after " -- " (nobackdoor-ignore-next-line ${directive.ruleIds.join(',')} -- why this is acceptable)`);
      continue;
    }
    if (directive.until && directive.until < context.today) {
      warn('suppression-expired', `this suppression expired on ${directive.until}, so the findings it covered are reported again: fix them, or renew the date if the reason still holds`);
      continue;
    }
    const known = directive.ruleIds.filter((id) => context.knownRuleIds.has(id));
    if (directive.ruleIds.length > 0 && known.length === 0) continue;
    active.push({ directive, ids: new Set(known), used: new Set() });
  }

  const byPlace = new Map<string, typeof active>();
  for (const entry of active) {
    for (const target of entry.directive.targets) {
      const key = `${entry.directive.file}\0${target}`;
      const list = byPlace.get(key);
      if (list) list.push(entry);
      else byPlace.set(key, [entry]);
    }
  }

  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const entry = byPlace.get(`${finding.file}\0${finding.line}`)?.find((candidate) => candidate.ids.size === 0 || candidate.ids.has(finding.ruleId));
    if (!entry) {
      kept.push(finding);
      continue;
    }
    entry.used.add(finding.ruleId);
    const { directive } = entry;
    suppressed.push({
      ...finding,
      suppression: {
        kind: directive.form === 'nosemgrep' ? 'nosemgrep' : 'inline',
        reason: directive.reason ?? '',
        file: directive.file,
        line: directive.line,
        ...(directive.until ? { until: directive.until } : {}),
      },
    });
  }

  for (const { directive, ids, used } of active) {
    if (directive.form === 'nosemgrep') continue;
    const unused = [...ids].filter((id) => !used.has(id) && context.ranRuleIds.has(id));
    if (unused.length === 0) continue;
    const where = directive.form === 'next-line' ? `line ${directive.targets[0]}` : 'this line';
    warnings.push({
      file: directive.file,
      line: directive.line,
      kind: 'unused-suppression',
      message: `this suppression of ${unused.join(', ')} is unused: no such finding on ${where}; remove it (or move it to the line of the finding)`,
    });
  }
  return { findings: kept, suppressed, warnings };
}
