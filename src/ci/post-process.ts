import { resolve } from 'node:path';
import { applyPolicies, describedWithPolicies, unknownPolicyRules } from '../config/policy.js';
import { readSourceFile, type SourceLimits } from '../input/read-source.js';
import { compareFindings, compareProblems, type Report, type SuppressedFinding, type ToolError } from '../report/finding.js';
import type { ScanOptions } from '../scan/scan.js';
import { applySuppressions } from '../suppress/apply.js';
import { parseDirectives, type Directive } from '../suppress/directives.js';
import { applyBaseline, BaselineError, readBaseline, type Baseline } from './baseline.js';
import { DiffBaseError, scanAtBase, subtractBase } from './diff-base.js';
import type { Shard } from './shard.js';

/**
 * The files a scan read, and the suppression comments in them, kept while the scan reads each
 * file once (suppressions need the text; nothing is parsed again).
 */
export class SourceTexts {
  private readonly directives = new Map<string, Directive[]>();

  constructor(
    readonly inline: boolean,
    readonly honorNosemgrep: boolean,
  ) {}

  note(file: string, text: string): void {
    this.directives.set(file, this.inline ? parseDirectives(file, text, this.honorNosemgrep) : []);
  }

  has(file: string): boolean {
    return this.directives.has(file);
  }

  all(): Directive[] {
    return [...this.directives.values()].flat();
  }
}

/** What the per-file analysis produced, before the project's exceptions are applied. */
export interface RawScan {
  report: Report;
  texts: SourceTexts;
  /** Every rule id that exists (loaded rules, disabled ones too, and inspect checks). */
  knownRuleIds: ReadonlySet<string>;
  ranRuleIds: ReadonlySet<string>;
  shard: Shard | undefined;
  limits: SourceLimits;
}

export interface FinishContext {
  options: ScanOptions;
  cwd: string;
  root: string;
  paths: string[];
  /** Runs the same scan with some options changed (the base of --diff-base). */
  rerun(changes: Partial<ScanOptions>): Promise<Report>;
}

/**
 * Post-processing of a scan, in order: rule severities and `off` from the config (project-wide
 * and per path), suppression comments, the baseline, then --diff-base. What is left out is
 * counted in `stats.suppressed` and `stats.baselined`, and kept in `suppressed` on request.
 */
export async function finishReport(raw: RawScan, context: FinishContext): Promise<Report> {
  const { options } = context;
  const report = raw.report;
  const errors: ToolError[] = [...report.errors];
  const warnings = [...report.warnings];
  const policies = options.policies ?? {};
  for (const message of unknownPolicyRules(policies, raw.knownRuleIds)) errors.push({ message: `config: ${message}`, kind: 'config' });
  let findings = applyPolicies(report.findings, policies, options.testSeverity ?? 'lower');

  const suppressed: SuppressedFinding[] = [];
  if (raw.texts.inline) {
    for (const file of new Set(findings.map((finding) => finding.file))) {
      if (raw.texts.has(file) || file.startsWith('../')) continue;
      // A data-flow finding can be located in a file that this scan (a shard) did not analyse.
      const read = readSourceFile(resolve(context.root, file), raw.limits);
      if (read.ok) raw.texts.note(file, read.text);
    }
    const outcome = applySuppressions(findings, raw.texts.all(), {
      knownRuleIds: raw.knownRuleIds,
      ranRuleIds: raw.ranRuleIds,
      today: (options.now ?? new Date()).toISOString().slice(0, 10),
    });
    findings = outcome.findings;
    suppressed.push(...outcome.suppressed);
    warnings.push(...outcome.warnings);
  }

  const known: SuppressedFinding[] = [];
  if (options.baseline !== undefined) {
    try {
      const baseline: Baseline = typeof options.baseline === 'string' ? readBaseline(resolve(context.cwd, options.baseline)) : options.baseline;
      const outcome = applyBaseline(findings, baseline, (file) => raw.texts.has(file));
      findings = outcome.findings;
      known.push(...outcome.baselined);
      warnings.push(...outcome.warnings);
    } catch (error) {
      if (!(error instanceof BaselineError)) throw error;
      errors.push({ message: error.message, kind: 'config' });
    }
  }

  if (options.diffBase) {
    const ref = options.diffBase;
    try {
      const base = await scanAtBase(ref, { cwd: context.cwd, root: context.root, paths: context.paths }, (places) =>
        context.rerun({ ...places, diffBase: undefined, baseline: undefined, cacheDir: undefined, inlineSuppressions: false, includeSuppressed: false, staged: false }),
      );
      const outcome = subtractBase(findings, base, ref);
      findings = outcome.findings;
      known.push(...outcome.known);
    } catch (error) {
      if (!(error instanceof DiffBaseError)) throw error;
      errors.push({ message: error.message, kind: 'config' });
    }
  }

  return {
    ...report,
    findings: findings.sort(compareFindings),
    errors: errors.sort(compareProblems),
    warnings: warnings.sort(compareProblems),
    stats: { ...report.stats, suppressed: suppressed.length, baselined: known.length },
    rules: describedWithPolicies(report.rules ?? [], policies),
    ...(options.includeSuppressed ? { suppressed: [...suppressed, ...known].sort(compareFindings) } : {}),
  };
}
