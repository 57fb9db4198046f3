import { hasRuleContext, unclassifiedContext, type FileContext } from '../context/file-context.js';
import type { ProjectContext } from '../lang/cross-file.js';
import { FileFacts } from '../lang/file-facts.js';
import { ParseFailure, parseSource } from '../lang/parse.js';
import { isTypeScriptFile } from '../lang/source-files.js';
import type { RangeMatch } from '../match/formula.js';
import { MatchContext, type ScanScope } from '../match/match-context.js';
import { flowSource } from '../match/evidence.js';
import { memoized } from '../util/memo.js';
import { isAbsolute } from 'node:path';
import { buildFinding, type FindingSite } from '../report/build-finding.js';
import type { Finding, ToolError, ToolWarning } from '../report/finding.js';
import { DEFAULT_MATCH_BUDGET, MatchBudgetExhausted } from '../match/step-meter.js';
import { OccurrenceCounter } from '../report/fingerprint.js';
import type { CompiledRule } from '../rules/compiled-rule.js';
import { LineIndex } from '../util/line-index.js';
import { reportAtDefinitions } from './definitions.js';
import { asClause } from '../text/clause.js';

export interface FileInput {
  /** Relative to the scan root, forward slashes. */
  path: string;
  text: string;
  /** Identifies the file to the project layer. */
  absolutePath?: string;
}

/** Sees every match that became a finding, with the file's match context (e.g. to read a key's value). */
export type MatchObserver = (rule: CompiledRule, match: RangeMatch, finding: Finding, context: MatchContext) => void;

export interface AnalysisOptions {
  /** Findings in test code are reported one severity lower unless this is 'same'. */
  testSeverity: 'lower' | 'same';
  project?: ProjectContext;
  /** Where each file runs (docs/rules.md §12); without it, files are unknown and test code by their path. */
  contextOf?: (relativePath: string) => FileContext;
  /** When given, each rule's matching time (ms) is added here, for `--rule-timings`. */
  ruleTimings?: Map<string, number>;
  /** When given, the most matcher steps a search rule took on one file is kept here, by rule, for `--rule-timings`. */
  ruleSteps?: Map<string, number>;
  /** Matcher steps one search rule may spend on one file (default DEFAULT_MATCH_BUDGET). */
  matchBudget?: number;
  onMatch?: MatchObserver;
  /** What the scan shares between files (engines' state, warnings). */
  scope?: ScanScope;
}

export interface FileAnalysis {
  findings: Finding[];
  errors: ToolError[];
  /** Rules that ran out of matcher steps on this file (kind `match-budget`). */
  warnings?: ToolWarning[];
}


/**
 * The per-file analysis: a pure function of the file's text, the compiled rules and the project's
 * facts. One rule that throws becomes an `internal` error for that rule and file; the other rules
 * still run. A stack overflow (absurdly deep nesting) propagates so the caller can retry with a
 * bigger stack.
 */
export function analyzeFile(input: FileInput, rules: readonly CompiledRule[], options: AnalysisOptions): FileAnalysis {
  const context = contextOf(input.path, options);
  const applicable = rules.filter((rule) => applies(rule, input.path, context));
  if (applicable.length === 0) return { findings: [], errors: [] };

  let facts: FileFacts;
  try {
    const project = options.project;
    facts = input.absolutePath && project?.factsFor
      ? project.factsFor(input.absolutePath, input.text)
      : new FileFacts(input.path, input.text, parseSource(input.text, input.path), input.absolutePath, options.project?.lookup, options.project?.types);
  } catch (error) {
    if (error instanceof ParseFailure) {
      return {
        findings: [],
        errors: [{ file: input.path, ...(error.line ? { line: error.line, column: error.column } : {}), message: `${asClause(error.message)} (the file was not analysed)`, kind: 'parse' }],
      };
    }
    throw error;
  }

  const matchContext = new MatchContext(facts, options.scope);
  const site = findingSite(input, context, options);
  const otherSites = new Map<string, FindingSite | undefined>();
  const findings: Finding[] = [];
  const reported: ReportedRange[] = [];
  const errors: ToolError[] = [];
  const warnings: ToolWarning[] = [];
  const budget = options.matchBudget ?? DEFAULT_MATCH_BUDGET;
  for (const rule of applicable) {
    if (!rule.engine.mayMatch(facts.words)) continue;
    let matches: RangeMatch[];
    const started = options.ruleTimings ? performance.now() : 0;
    // Taint rules count their own work (taint-budget); the matcher's steps bound search rules.
    const metered = rule.engine.mode === 'search';
    if (metered) matchContext.meter.start(budget);
    try {
      matches = rule.engine.run(matchContext);
      if (options.ruleTimings) options.ruleTimings.set(rule.id, (options.ruleTimings.get(rule.id) ?? 0) + performance.now() - started);
    } catch (error) {
      if (isStackOverflow(error)) throw error;
      if (error instanceof MatchBudgetExhausted) {
        // A formula cut short has not applied its pattern-nots and conditions to what it found, so
        // it reports nothing rather than matches its negatives might have removed.
        warnings.push({ file: input.path, line: 0, message: `${rule.id}: ${error.message}; it reports nothing on this file (raise match-budget to analyse it)`, kind: 'match-budget' });
        continue;
      }
      errors.push({ file: input.path, ruleId: rule.id, message: `rule failed on this file: ${asClause(describe(error))} (its other findings are kept)`, kind: 'internal' });
      continue;
    } finally {
      if (metered) {
        const steps = matchContext.meter.stop();
        if (options.ruleSteps && steps > (options.ruleSteps.get(rule.id) ?? 0)) options.ruleSteps.set(rule.id, steps);
      }
    }
    if (rule.reportAtDefinition) matches = reportAtDefinitions(matches, rule.reportAtDefinition, facts, options.project);
    for (const match of mergeOverlapping(oneMatchPerRange(matches))) {
      // A data-flow rule may find a sink in another file while following a value from this one.
      const where = match.file === undefined || match.file === input.absolutePath ? site : memoized(otherSites, match.file, () => otherFileSite(match.file!, options) ?? null);
      // A data-flow finding in another file is kept only where its rule runs: following server
      // code into a client file does not make a server rule report there.
      if (!where || (where !== site && rule.contexts && !hasRuleContext(where.context, rule.contexts))) continue;
      const finding = buildFinding(rule, match, where, (binding) => matchContext.displayText(binding));
      // A match reported at a definition in another file still bound its metavariables here.
      if (where === site || match.state.evidence.some((item) => item.kind === 'use')) options.onMatch?.(rule, match, finding, matchContext);
      findings.push(finding);
      reported.push({ rule, file: match.file, range: match.range });
    }
  }
  return { findings: withoutSuperseded(findings, reported), errors, ...(warnings.length > 0 ? { warnings } : {}) };
}

interface ReportedRange {
  rule: CompiledRule;
  file: string | undefined;
  range: readonly [number, number];
}

/**
 * A rule's `supersedes` (docs/rules.md §1): a finding of a superseded rule is dropped where a
 * finding of the rule that supersedes it covers any of the same code in the same file.
 */
function withoutSuperseded(findings: Finding[], reported: readonly ReportedRange[]): Finding[] {
  const superseding = reported.filter((entry) => entry.rule.supersedes.size > 0);
  if (superseding.length === 0) return findings;
  return findings.filter((_, index) => {
    const own = reported[index]!;
    return !superseding.some((other) => other.rule.supersedes.has(own.rule.id) && other.file === own.file && overlaps(other.range, own.range));
  });
}

function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/**
 * Matches of one rule whose code overlaps are one finding, over the code they cover together: a
 * key split over a concatenation is one key. Data-flow matches are kept apart (each is a path).
 */
function mergeOverlapping(matches: readonly RangeMatch[]): RangeMatch[] {
  const merged: RangeMatch[] = [];
  let open: RangeMatch | undefined;
  for (const match of matches) {
    if (match.file !== undefined || flowSource(match)) {
      merged.push(match);
      continue;
    }
    if (open && match.range[0] < open.range[1]) {
      const widest = match.range[1] - match.range[0] > open.range[1] - open.range[0] ? match : open;
      const range: readonly [number, number] = [open.range[0], Math.max(open.range[1], match.range[1])];
      const state = { ...widest.state, evidence: [...open.state.evidence, ...match.state.evidence] };
      const index = merged.indexOf(open);
      open = { range, state };
      merged[index] = open;
      continue;
    }
    open = { ...match };
    merged.push(open);
  }
  return merged;
}

/** Another project file's site, when it is inside the scan root (findings outside it are not reported). */
function otherFileSite(file: string, options: AnalysisOptions): FindingSite | undefined {
  const project = options.project;
  const facts = project?.factsOf?.(file);
  if (!project || !facts) return undefined;
  const shown = project.displayPath(file);
  if (shown.startsWith('../') || isAbsolute(shown)) return undefined;
  return findingSite({ path: shown, text: facts.text, absolutePath: file }, contextOf(shown, options), options);
}

function contextOf(path: string, options: AnalysisOptions): FileContext {
  return options.contextOf?.(path) ?? unclassifiedContext(path);
}

function findingSite(input: FileInput, context: FileContext, options: AnalysisOptions): FindingSite {
  const lines = new LineIndex(input.text);
  const project = options.project;
  return {
    path: input.path,
    text: input.text,
    context,
    lines,
    testSeverity: options.testSeverity,
    occurrences: new OccurrenceCounter(),
    position: (offset) => lines.position(offset),
    displayPath: (absolutePath) => project?.displayPath(absolutePath) ?? absolutePath,
    positionIn: (file, offset) => project?.positionIn(file, offset),
    isAnalysedFile: (file) => file === input.absolutePath || file === input.path,
  };
}

/**
 * Identical findings (same rule, same file and range) are reported once: the first in source
 * order. Data-flow findings at one sink from different sources are different findings.
 */
function oneMatchPerRange(matches: readonly RangeMatch[]): RangeMatch[] {
  const ordered = [...matches].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const seen = new Set<string>();
  return ordered.filter((match) => {
    const source = flowSource(match);
    const key = `${match.file ?? ''}:${match.range[0]}:${match.range[1]}${source ? `:${source.file}:${source.range.join('-')}` : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function applies(rule: CompiledRule, path: string, context: FileContext): boolean {
  const language = isTypeScriptFile(path) ? 'typescript' : 'javascript';
  if (!rule.languages.has(language) && !(language === 'typescript' && rule.languages.has('javascript'))) return false;
  if (rule.contexts && !hasRuleContext(context, rule.contexts)) return false;
  return rule.appliesToPath(path);
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
