import type { FileContext } from '../report/finding.js';
import type { Confidence, Severity } from '../report/severity.js';
import type { Formula } from '../match/formula.js';
import type { Prefilter } from '../match/prefilter.js';

/** A rule ready to run: validated, normalised, patterns parsed, regexes compiled. */
export interface CompiledRule {
  id: string;
  category: string;
  severity: Severity;
  confidence: Confidence;
  message: string;
  note?: string;
  fixGuidance?: string;
  fix?: string;
  cwe: string[];
  references: string[];
  owasp: string[];
  metadata: Record<string, unknown>;
  languages: ReadonlySet<'typescript' | 'javascript'>;
  /** Relative path → whether the rule applies there (its `paths` include/exclude). */
  appliesToPath(relativePath: string): boolean;
  contexts?: readonly FileContext[];
  formula: Formula;
  /** The metavariable whose constant value is a key to try on samples (`key-candidate`). */
  keyCandidate?: string;
  /** False when the file's words rule out a match, so the rule is not evaluated there. */
  mayMatch: Prefilter;
  origin: { file: string; line: number; column: number };
}

/** A problem in a rule file, with the place to fix it. */
export interface RuleProblem {
  file: string;
  line: number;
  column: number;
  ruleId?: string;
  message: string;
}
