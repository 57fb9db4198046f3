import ignore, { type Ignore } from 'ignore';
import type { Finding, RuleDescription } from '../report/finding.js';
import { lowerSeverity, type Severity } from '../report/severity.js';
import { didYouMean } from '../text/suggest.js';

/** A rule's setting in the config: another severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** Rule settings for the files that match `paths` (gitignore-style globs, relative to the scan root). */
export interface PathPolicy {
  paths: string[];
  /** By rule id; `*` is every rule. */
  rules: Record<string, RuleSetting>;
}

export interface Policies {
  /** Every file: by rule id (`*`: every rule). */
  rules?: Record<string, RuleSetting>;
  /** Later policies win over earlier ones and over `rules`. */
  paths?: PathPolicy[];
}

/** Rule ids the policies name that no loaded rule has, as messages with the closest id. */
export function unknownPolicyRules(policies: Policies, known: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const check = (id: string, where: string) => {
    if (id !== '*' && !known.has(id)) problems.push(`${where} names the unknown rule "${id}".${didYouMean(id, known)} "nobackdoor rules list" shows the ids`);
  };
  for (const id of Object.keys(policies.rules ?? {})) check(id, 'rule-severity');
  for (const [index, policy] of (policies.paths ?? []).entries()) for (const id of Object.keys(policy.rules)) check(id, `policies[${index}]`);
  return problems;
}

/** Rules switched off everywhere: they are not run at all. */
export function disabledEverywhere(policies: Policies): Set<string> {
  return new Set(Object.entries(policies.rules ?? {}).filter(([, setting]) => setting === 'off').map(([id]) => id));
}

/** Rule descriptions with the project-wide severities (SARIF's default level follows them). */
export function describedWithPolicies(rules: readonly RuleDescription[], policies: Policies): RuleDescription[] {
  return rules.map((rule) => {
    const setting = policies.rules?.[rule.id] ?? policies.rules?.['*'];
    return setting && setting !== 'off' ? { ...rule, severity: setting } : rule;
  });
}

/**
 * Findings with the configured severities: the setting of the last policy whose paths match the
 * file, else the project-wide one. Test code keeps its one-step-lower severity on top of it.
 */
export function applyPolicies(findings: readonly Finding[], policies: Policies, testSeverity: 'lower' | 'same'): Finding[] {
  const matchers: Array<{ matcher: Ignore; rules: Record<string, RuleSetting> }> = (policies.paths ?? []).map((policy) => ({ matcher: ignore().add(policy.paths), rules: policy.rules }));
  if (!policies.rules && matchers.length === 0) return [...findings];
  const out: Finding[] = [];
  for (const finding of findings) {
    let setting: RuleSetting | undefined = policies.rules?.[finding.ruleId] ?? policies.rules?.['*'];
    if (!finding.file.startsWith('../')) {
      for (const { matcher, rules } of matchers) {
        if (!matcher.ignores(finding.file)) continue;
        setting = rules[finding.ruleId] ?? rules['*'] ?? setting;
      }
    }
    if (setting === 'off') continue;
    if (setting === undefined) {
      out.push(finding);
      continue;
    }
    out.push({ ...finding, severity: finding.test && testSeverity === 'lower' ? lowerSeverity(setting) : setting });
  }
  return out;
}
