import type { RuleContext } from '../context/file-context.js';
import type { RuleDescription } from '../report/finding.js';
import type { RangeMatch } from '../match/formula.js';
import type { MatchContext } from '../match/match-context.js';
import type { Prefilter } from '../match/prefilter.js';

/** A rule ready to run: validated, normalised, patterns parsed, regexes compiled. */
export interface CompiledRule extends RuleDescription {
  fix?: string;
  owasp: string[];
  metadata: Record<string, unknown>;
  languages: ReadonlySet<'typescript' | 'javascript'>;
  /** Relative path → whether the rule applies there (its `paths` include/exclude). */
  appliesToPath(relativePath: string): boolean;
  contexts?: readonly RuleContext[];
  /** How the rule finds its matches: its mode's engine. */
  engine: RuleEngine;
  /** The metavariable whose constant value is a key to try on samples (`key-candidate`). */
  keyCandidate?: string;
  origin: { file: string; line: number; column: number };
}

/** A rule mode (`search`, `taint`) compiled for one rule: finds the rule's matches in a file. */
export interface RuleEngine {
  readonly mode: string;
  /** False when the file's words rule out every match, so the rule is not run there. */
  readonly mayMatch: Prefilter;
  /** Metavariables a match may bind, which the message may use. */
  readonly binds: ReadonlySet<string>;
  run(context: MatchContext): RangeMatch[];
}

/** A problem in a rule file, with the place to fix it. */
export interface RuleProblem {
  file: string;
  line: number;
  column: number;
  ruleId?: string;
  message: string;
}
