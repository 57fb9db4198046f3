import type { CheckDefinition } from '../crypto/check-catalog.js';
import type { CompiledRule } from '../rules/compiled-rule.js';
import type { RuleDescription } from './finding.js';

/** A rule as formats describe it. */
export function describeRule(rule: CompiledRule): RuleDescription {
  return {
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    confidence: rule.confidence,
    message: rule.message,
    ...(rule.note ? { note: rule.note } : {}),
    ...(rule.fixGuidance ? { fixGuidance: rule.fixGuidance } : {}),
    cwe: rule.cwe,
    references: rule.references,
    ...(rule.owasp.length > 0 ? { owasp: rule.owasp } : {}),
  };
}

/** An inspect check as formats describe it. */
export function describeCheck(check: CheckDefinition): RuleDescription {
  return {
    id: check.id,
    category: check.category,
    severity: check.severity,
    confidence: check.confidence,
    message: check.message,
    note: check.note,
    cwe: check.cwe,
    references: check.references,
  };
}
