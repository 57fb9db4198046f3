import { classifyContext } from '../lang/context.js';
import { FileFacts } from '../lang/file-facts.js';
import { ParseFailure, parseSource } from '../lang/parse.js';
import { FormulaEvaluator, type RangeMatch } from '../match/formula.js';
import type { CrossFileLookup, TypeLookup } from '../lang/cross-file.js';
import { unwrap } from '../lang/ast.js';
import { ConstantArray } from '../lang/constants.js';
import { isExternal, type Origin } from '../lang/origin.js';
import { fingerprintOf, OccurrenceCounter } from '../report/fingerprint.js';
import type { FileContext, Finding, ToolError, TraceStep } from '../report/finding.js';
import { renderMessage } from '../report/message.js';
import { lowerSeverity } from '../report/severity.js';
import type { CompiledRule } from '../rules/compiled-rule.js';
import { LineIndex } from '../lang/lines.js';
import { asClause } from '../text/clause.js';

export interface FileInput {
  /** Relative to the scan root, forward slashes. */
  path: string;
  text: string;
  /** Identifies the file to the project layer. */
  absolutePath?: string;
}

/** Cross-file facts, and how to show another file's path in a trace. */
export interface ProjectContext {
  lookup: CrossFileLookup;
  types?: TypeLookup;
  displayPath(absolutePath: string): string;
  /** Builds (or reuses) a file's facts so each file is parsed once for analysis and lookups alike. */
  factsFor?(absolutePath: string, text: string): FileFacts;
}

export interface AnalysisOptions {
  /** Findings in test code are reported one severity lower unless this is 'same'. */
  testSeverity: 'lower' | 'same';
  project?: ProjectContext;
  /** When given, each rule's matching time (ms) is added here, for `--rule-timings`. */
  ruleTimings?: Map<string, number>;
}

export interface FileAnalysis {
  findings: Finding[];
  errors: ToolError[];
}

const MAX_SNIPPET_LINES = 6;
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/i;

/**
 * The per-file analysis: a pure function of the file's text and the compiled rules. One rule
 * that throws becomes an `internal` error for that rule and file; the other rules still run.
 * A stack overflow (absurdly deep nesting) propagates so the caller can retry with a bigger stack.
 */
export function analyzeFile(input: FileInput, rules: readonly CompiledRule[], options: AnalysisOptions): FileAnalysis {
  const context = classifyContext(input.path);
  const applicable = rules.filter((rule) => applies(rule, input.path, context));
  if (applicable.length === 0) return { findings: [], errors: [] };

  let facts: FileFacts;
  try {
    const shared = input.absolutePath && options.project?.factsFor;
    facts = shared
      ? options.project!.factsFor!(input.absolutePath!, input.text)
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

  const evaluator = new FormulaEvaluator(facts);
  const lines = new LineIndex(input.text);
  const occurrences = new OccurrenceCounter();
  const findings: Finding[] = [];
  const errors: ToolError[] = [];
  for (const rule of applicable) {
    if (!rule.mayMatch(facts.words)) continue;
    let matches: RangeMatch[];
    const started = options.ruleTimings ? performance.now() : 0;
    try {
      matches = evaluator.evaluate(rule.formula);
      if (options.ruleTimings) options.ruleTimings.set(rule.id, (options.ruleTimings.get(rule.id) ?? 0) + performance.now() - started);
    } catch (error) {
      if (isStackOverflow(error)) throw error;
      errors.push({ file: input.path, ruleId: rule.id, message: `rule failed on this file: ${asClause(describe(error))} (its other findings are kept)`, kind: 'internal' });
      continue;
    }
    const ordered = [...matches].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    const seenRanges = new Set<string>();
    for (const match of ordered) {
      const rangeKey = `${match.range[0]}:${match.range[1]}`;
      if (seenRanges.has(rangeKey)) continue;
      seenRanges.add(rangeKey);
      findings.push(toFinding(rule, match, input.path, context, lines, occurrences, options, evaluator));
    }
  }
  return { findings, errors };
}

function applies(rule: CompiledRule, path: string, context: FileContext): boolean {
  const language = TYPESCRIPT_FILE.test(path) ? 'typescript' : 'javascript';
  if (!rule.languages.has(language) && !(language === 'typescript' && rule.languages.has('javascript'))) return false;
  if (rule.contexts && !rule.contexts.includes(context)) return false;
  return rule.appliesToPath(path);
}

function toFinding(
  rule: CompiledRule,
  match: RangeMatch,
  path: string,
  context: FileContext,
  lines: LineIndex,
  occurrences: OccurrenceCounter,
  options: AnalysisOptions,
  evaluator: FormulaEvaluator,
): Finding {
  const start = lines.position(match.range[0]);
  const end = lines.position(Math.max(match.range[0], match.range[1]));
  const matched = lines.text.slice(match.range[0], match.range[1]);
  const values: Record<string, string> = {};
  for (const [name, binding] of Object.entries(match.state.bindings)) values[name.slice(1)] = evaluator.displayText(binding);
  const trace = traceOf(match.state.via, match.range, path, lines, options.project);
  const severity = context === 'test' && options.testSeverity === 'lower' ? lowerSeverity(rule.severity) : rule.severity;
  const lastSnippetLine = Math.min(end.line, start.line + MAX_SNIPPET_LINES - 1);
  return {
    ruleId: rule.id,
    category: rule.category,
    severity,
    confidence: rule.confidence,
    message: renderMessage(rule.message, values),
    file: path,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    context,
    fingerprint: fingerprintOf(rule.id, path, matched, occurrences.next(`${rule.id}\0${matched}`)),
    cwe: rule.cwe,
    ...(trace.length > 0 ? { trace } : {}),
    snippet: { firstLine: start.line, lines: lines.lines(start.line, lastSnippetLine) },
    ...keyCandidateOf(rule, match, evaluator),
  };
}

/** Where the constants that decided a match were defined, when that is outside the matched code. */
function traceOf(via: readonly Origin[], range: readonly [number, number], path: string, lines: LineIndex, project?: ProjectContext): TraceStep[] {
  const steps: TraceStep[] = [];
  const seen = new Set<string>();
  for (const origin of via) {
    let step: TraceStep;
    if (isExternal(origin)) {
      step = { file: project ? project.displayPath(origin.file) : origin.file, line: origin.line, column: origin.column, note: `${origin.text} is defined here` };
    } else {
      if (origin.range[0] >= range[0] && origin.range[0] < range[1]) continue;
      const position = lines.position(origin.range[0]);
      const name = lines.text.slice(origin.range[0], Math.min(origin.range[1], origin.range[0] + 60));
      step = { file: path, line: position.line, column: position.column, note: `${name} is defined here` };
    }
    const key = `${step.file}:${step.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    steps.push(step);
  }
  return steps;
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The constant bytes or text bound to a rule's `key-candidate` metavariable, if known. */
function keyCandidateOf(rule: CompiledRule, match: RangeMatch, evaluator: FormulaEvaluator): { keyCandidate?: string | Uint8Array } {
  const binding = rule.keyCandidate ? match.state.bindings[rule.keyCandidate] : undefined;
  let value = binding ? evaluator.constantValueOf(binding) : undefined;
  // `Buffer.from(KEY_HEX, 'hex')`, `enc.parse(KEY)`: the key is the call's first constant argument.
  const call = binding?.nodes.length === 1 ? unwrap(binding.nodes[0]!) : undefined;
  if (value === undefined && (call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.arguments[0]) {
    value = evaluator.constantValueOf({ nodes: [call.arguments[0]], range: call.arguments[0].range, text: '' });
  }
  if (typeof value === 'string' && value.length > 0) return { keyCandidate: value };
  if (value instanceof ConstantArray && value.items.length > 0 && value.items.every((item) => typeof item?.value === 'number')) {
    return { keyCandidate: Uint8Array.from(value.items.map((item) => item!.value as number)) };
  }
  return {};
}
