import { CATEGORIES } from '../report/finding.js';
import { loadRulePack } from '../rules/pack.js';
import type { RuleTestReport } from './rule-tests.js';

/** Which part of a pack ran, when not all of it did. */
export interface LintScope {
  /** Only these rules ran (`test --rule`); the others are not linted. */
  onlyRules?: ReadonlySet<string>;
  /** Only some of the test files ran, so the ruleid/ok cases cannot be counted. */
  someTestFiles?: boolean;
}

export interface LintProblem {
  ruleId?: string;
  file: string;
  line: number;
  message: string;
}

/**
 * What every shipped rule must have beyond being valid: a shipped category, CWE, references,
 * a note or fix guidance, a one-line message, and tests with at least one `ruleid` and one `ok`.
 */
export function lintPack(path: string, tests: RuleTestReport, cwd = process.cwd(), scope: LintScope = {}): LintProblem[] {
  const pack = loadRulePack({ paths: [path], includeDefault: false, cwd });
  const problems: LintProblem[] = pack.problems.map((problem) => ({ ...problem }));
  for (const rule of pack.rules) {
    if (scope.onlyRules && !scope.onlyRules.has(rule.id)) continue;
    const at = { ruleId: rule.id, file: rule.origin.file, line: rule.origin.line };
    const need = (ok: boolean, message: string) => {
      if (!ok) problems.push({ ...at, message });
    };
    need((CATEGORIES as readonly string[]).includes(rule.category), `category "${rule.category}" is not one of ${CATEGORIES.join(', ')}`);
    need(rule.cwe.length > 0, 'metadata.cwe is missing');
    need(rule.references.length > 0, 'metadata.references is missing');
    need(Boolean(rule.note ?? rule.fixGuidance), 'a note or fix-guidance with the safe alternative is missing');
    need(!rule.message.includes('\n'), 'the message must be one line');
    need(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/.test(rule.id), 'shipped rule ids are kebab-case');
    const annotations = tests.results.flatMap((result) => (result.ruleIds.includes(rule.id) ? result.annotations : [])).filter((a) => a.ruleId === rule.id);
    if (scope.someTestFiles) continue;
    need(annotations.some((a) => a.kind === 'ruleid'), 'its test file has no "// ruleid:" case');
    need(annotations.some((a) => a.kind === 'ok'), 'its test file has no "// ok:" case');
  }
  return problems;
}
