import ignore from 'ignore';
import type { z } from 'zod';
import { compileComparison, ComparisonSyntaxError } from '../match/comparison.js';
import { guardedMetavariable, type Condition, type Formula } from '../match/formula.js';
import { parsePattern, PatternSyntaxError } from '../match/pattern.js';
import { prefilterOf } from '../match/prefilter.js';
import { compileRegex, RegexSyntaxError, type SafeRegex } from '../match/safe-regex.js';
import type { FileContext } from '../report/finding.js';
import type { Confidence } from '../report/severity.js';
import type { CompiledRule, RuleProblem } from './compiled-rule.js';
import { describeIssue } from './describe-issue.js';
import { normalizeSeverity, RULE, UNSUPPORTED_SEMGREP_KEYS, type FormulaItem, type RuleDocument } from './schema.js';
import type { YamlSource } from './yaml-source.js';

type Path = Array<string | number>;

const TOP_LEVEL_OPERATORS = ['pattern', 'patterns', 'pattern-either', 'pattern-regex'] as const;
const ITEM_OPERATORS = [
  'pattern', 'patterns', 'pattern-either', 'pattern-not', 'pattern-inside', 'pattern-not-inside', 'pattern-regex',
  'pattern-not-regex', 'metavariable-regex', 'metavariable-pattern', 'metavariable-comparison', 'metavariable-name',
  'metavariable-type', 'focus-metavariable',
] as const;

class CompileProblem extends Error {
  constructor(
    message: string,
    readonly path: Path,
    readonly offset: { line: number; column: number } = { line: 0, column: 0 },
  ) {
    super(message);
  }
}

/** Validates and compiles every rule of one file; a broken rule is reported and the others still load. */
export function compileRuleFile(source: YamlSource): { rules: CompiledRule[]; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const at = (path: Path, message: string, key?: string, ruleId?: string): RuleProblem => ({
    file: source.file,
    ...source.locate(path, key),
    message,
    ...(ruleId ? { ruleId } : {}),
  });

  const data = source.data as { rules?: unknown } | null;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { rules: [], problems: [at([], 'expected a mapping with a "rules:" list at the top of the file')] };
  }
  for (const key of Object.keys(data)) {
    if (key !== 'rules') problems.push(at([], `unknown top-level key "${key}"; a rule file holds only "rules:"`, key));
  }
  if (!Array.isArray(data.rules) || data.rules.length === 0) {
    problems.push(at(['rules'], 'expected "rules:" to be a non-empty list of rules'));
    return { rules: [], problems };
  }

  const rules: CompiledRule[] = [];
  data.rules.forEach((raw: unknown, index: number) => {
    const rulePath: Path = ['rules', index];
    const ruleId = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;
    const unsupported = unsupportedKeys(raw, rulePath);
    if (unsupported.length > 0) {
      for (const [path, key] of unsupported) {
        problems.push(at(path, `"${key}" is a Semgrep operator that nobackdoor does not support; see docs/rules.md for the supported operators`, key, ruleId));
      }
      return;
    }
    const parsed = RULE.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { path, key, message } = describeIssue(issue as z.core.$ZodIssue, rulePath, RULE);
        problems.push(at(path, message, key, ruleId));
      }
      return;
    }
    try {
      rules.push(compileRule(parsed.data, rulePath, source));
    } catch (error) {
      if (!(error instanceof CompileProblem)) throw error;
      const position = source.locate(error.path);
      problems.push({
        file: source.file,
        line: position.line + error.offset.line,
        column: error.offset.line > 0 ? error.offset.column : position.column + error.offset.column,
        message: error.message,
        ruleId: parsed.data.id,
      });
    }
  });
  return { rules, problems };
}

function compileRule(rule: RuleDocument, path: Path, source: YamlSource): CompiledRule {
  const operators = TOP_LEVEL_OPERATORS.filter((key) => rule[key] !== undefined);
  if (operators.length !== 1) {
    throw new CompileProblem(
      operators.length === 0
        ? `rule "${rule.id}" has no pattern: add one of ${TOP_LEVEL_OPERATORS.join(', ')}`
        : `rule "${rule.id}" has ${operators.join(' and ')}: use exactly one of ${TOP_LEVEL_OPERATORS.join(', ')} at the top (combine them under "patterns")`,
      path,
    );
  }
  const formula = compileItem(rule as FormulaItem, [...path], operators[0]!);
  const metadata = { ...(rule.metadata ?? {}) } as Record<string, unknown>;
  const languages = new Set<'typescript' | 'javascript'>();
  for (const language of rule.languages ?? ['typescript', 'javascript']) {
    languages.add(language === 'javascript' || language === 'js' || language === 'jsx' ? 'javascript' : 'typescript');
  }
  const contexts = rule.context === undefined ? undefined : ([] as FileContext[]).concat(rule.context);
  return {
    id: rule.id,
    category: rule.category ?? 'custom',
    severity: normalizeSeverity(rule.severity),
    confidence: normalizeConfidence(rule.confidence ?? (typeof metadata.confidence === 'string' ? metadata.confidence : undefined)),
    message: rule.message.trim(),
    ...(rule.note ? { note: rule.note.trim() } : {}),
    ...(rule['fix-guidance'] ? { fixGuidance: rule['fix-guidance'].trim() } : {}),
    ...(rule.fix ? { fix: rule.fix } : {}),
    cwe: list(metadata.cwe).map(normalizeCwe),
    references: list(metadata.references),
    owasp: list(metadata.owasp),
    metadata,
    languages,
    appliesToPath: pathFilter(rule.paths),
    ...(contexts ? { contexts } : {}),
    formula,
    ...(rule['key-candidate'] ? { keyCandidate: rule['key-candidate'] } : {}),
    mayMatch: prefilterOf(formula),
    origin: { file: source.file, ...source.locate(path) },
  };
}

function compileItem(item: FormulaItem, path: Path, operator: (typeof ITEM_OPERATORS)[number]): Formula {
  const here = [...path, operator];
  switch (operator) {
    case 'pattern':
      return compilePattern(item.pattern!, here);
    case 'pattern-regex':
      return { op: 'regex', regex: regex(item['pattern-regex']!, here, true) };
    case 'pattern-either':
      return {
        op: 'either',
        alternatives: item['pattern-either']!.map((alternative, index) => {
          const key = singleOperator(alternative, [...here, index]);
          if (key === 'pattern-inside') return subFormula(alternative['pattern-inside']!, [...here, index, key]);
          if (key !== 'pattern' && key !== 'patterns' && key !== 'pattern-either' && key !== 'pattern-regex') {
            throw new CompileProblem(`"${key}" cannot be an alternative of pattern-either; use pattern, patterns, pattern-either, pattern-regex or pattern-inside`, [...here, index]);
          }
          return compileItem(alternative, [...here, index], key);
        }),
      };
    case 'patterns':
      return compileConjunction(item.patterns!, here, false);
    default:
      throw new CompileProblem(`"${operator}" must sit inside "patterns" beside a positive pattern`, here);
  }
}

/** `insideMetavariable`: under metavariable-pattern the bound code is an implicit positive. */
function compileConjunction(items: FormulaItem[], path: Path, insideMetavariable: boolean): Formula {
  const formula: Extract<Formula, { op: 'all' }> = {
    op: 'all', positives: [], insides: [], notInsides: [], nots: [], notRegexes: [], conditions: [], focus: [],
  };
  items.forEach((item, index) => {
    const itemPath = [...path, index];
    const key = singleOperator(item, itemPath);
    const here = [...itemPath, key];
    switch (key) {
      case 'pattern':
      case 'patterns':
      case 'pattern-either':
      case 'pattern-regex':
        formula.positives.push(compileItem(item, itemPath, key));
        break;
      case 'pattern-not':
        formula.nots.push(subFormula(item['pattern-not']!, here));
        break;
      case 'pattern-inside':
        formula.insides.push(subFormula(item['pattern-inside']!, here));
        break;
      case 'pattern-not-inside':
        formula.notInsides.push(subFormula(item['pattern-not-inside']!, here));
        break;
      case 'pattern-not-regex':
        formula.notRegexes.push(regex(item['pattern-not-regex']!, here, true));
        break;
      case 'focus-metavariable':
        formula.focus.push(([] as string[]).concat(item['focus-metavariable']!));
        break;
      default:
        formula.conditions.push(compileCondition(item, key, here));
    }
  });
  const guards = formula.conditions.filter((condition) => guardedMetavariable(condition) !== undefined);
  for (const positive of formula.positives) attachGuards(positive, guards);
  if (formula.positives.length === 0 && formula.insides.length === 0 && !insideMetavariable) {
    throw new CompileProblem('"patterns" needs at least one positive operator (pattern, patterns, pattern-either, pattern-regex or pattern-inside)', path);
  }
  return formula;
}

/** Hands single-metavariable conditions down to the patterns that bind the metavariable. */
function attachGuards(formula: Formula, guards: Condition[]): void {
  if (guards.length === 0) return;
  if (formula.op === 'pattern') formula.guards = [...(formula.guards ?? []), ...guards];
  else if (formula.op === 'either') formula.alternatives.forEach((alternative) => attachGuards(alternative, guards));
  else if (formula.op === 'all') formula.positives.forEach((positive) => attachGuards(positive, guards));
}

function compileCondition(item: FormulaItem, key: string, path: Path): Condition {
  if (key === 'metavariable-regex') {
    const spec = item['metavariable-regex']!;
    return {
      op: 'metavariable-regex',
      metavariable: spec.metavariable,
      regex: regex(spec.regex, [...path, 'regex'], false),
      constantPropagation: spec['constant-propagation'] ?? true,
    };
  }
  if (key === 'metavariable-name') {
    const spec = item['metavariable-name']!;
    const modules = [...(spec.module ? [spec.module] : []), ...(spec.modules ?? [])];
    if (modules.length === 0) throw new CompileProblem('metavariable-name needs "module" or "modules"', path);
    return { op: 'metavariable-name', metavariable: spec.metavariable, modules: modules.map((module) => module.replace(/^node:/, '')) };
  }
  if (key === 'metavariable-type') {
    const spec = item['metavariable-type']!;
    const types = [...(spec.type ? [spec.type] : []), ...(spec.types ?? [])];
    if (types.length === 0) throw new CompileProblem('metavariable-type needs "type" or "types"', path);
    return { op: 'metavariable-type', metavariable: spec.metavariable, types: types.map((type) => type.replace(/^node:/, '')) };
  }
  if (key === 'metavariable-comparison') {
    const spec = item['metavariable-comparison']!;
    let source = spec.comparison;
    if (spec.metavariable && !source.includes(spec.metavariable)) source = `${spec.metavariable} ${source}`;
    try {
      return {
        op: 'metavariable-comparison',
        comparison: compileComparison(source),
        ...(spec.base !== undefined ? { base: spec.base } : {}),
        strip: spec.strip ?? false,
      };
    } catch (error) {
      if (error instanceof ComparisonSyntaxError) throw new CompileProblem(`metavariable-comparison: ${error.message}`, [...path, 'comparison']);
      throw error;
    }
  }
  const spec = item['metavariable-pattern']!;
  const operators = (['pattern', 'patterns', 'pattern-either', 'pattern-regex'] as const).filter((name) => spec[name] !== undefined);
  if (operators.length !== 1) throw new CompileProblem('metavariable-pattern needs exactly one of pattern, patterns, pattern-either, pattern-regex', path);
  if (spec.language && !['typescript', 'javascript', 'ts', 'js'].includes(spec.language)) {
    throw new CompileProblem(`metavariable-pattern language "${spec.language}" is not supported; omit it to match the bound code as TypeScript`, path);
  }
  const operator = operators[0]!;
  const formula = operator === 'patterns' ? compileConjunction(spec.patterns!, [...path, 'patterns'], true) : compileItem(spec as FormulaItem, path, operator);
  return { op: 'metavariable-pattern', metavariable: spec.metavariable, formula };
}

function subFormula(value: string | FormulaItem, path: Path): Formula {
  if (typeof value === 'string') return compilePattern(value, path);
  const key = singleOperator(value, path);
  return compileItem(value, path, key);
}

function compilePattern(text: string, path: Path): Formula {
  try {
    return { op: 'pattern', pattern: parsePattern(text) };
  } catch (error) {
    if (error instanceof PatternSyntaxError) {
      throw new CompileProblem(`${error.message} (pattern line ${error.line}, column ${error.column})`, path);
    }
    throw error;
  }
}

function regex(source: string, path: Path, multiline: boolean): SafeRegex {
  try {
    return compileRegex(source, { multiline });
  } catch (error) {
    if (error instanceof RegexSyntaxError) throw new CompileProblem(error.message, path);
    throw error;
  }
}

function singleOperator(item: FormulaItem, path: Path): (typeof ITEM_OPERATORS)[number] {
  const keys = Object.keys(item);
  const known = ITEM_OPERATORS.filter((key) => key in item);
  if (known.length !== 1 || keys.length !== 1) {
    throw new CompileProblem(
      keys.length === 0
        ? `empty item: expected one of ${ITEM_OPERATORS.join(', ')}`
        : `each item holds exactly one operator; this one has ${keys.map((key) => `"${key}"`).join(', ')}`,
      path,
    );
  }
  return known[0]!;
}

/** Finds Semgrep operators we do not support anywhere in a rule, to name them precisely. */
function unsupportedKeys(value: unknown, path: Path): Array<[Path, string]> {
  const found: Array<[Path, string]> = [];
  const stack: Array<[unknown, Path]> = [[value, path]];
  while (stack.length > 0) {
    const [current, currentPath] = stack.pop()!;
    if (Array.isArray(current)) current.forEach((item, index) => stack.push([item, [...currentPath, index]]));
    else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (key === 'metadata') continue;
        if (UNSUPPORTED_SEMGREP_KEYS.has(key)) found.push([currentPath, key]);
        else stack.push([child, [...currentPath, key]]);
      }
    }
  }
  return found;
}

/**
 * Semgrep's `paths`: gitignore globs relative to the scan root, except that a slash in the middle
 * (`src/*.js`) still floats, as in Semgrep, rather than anchoring as in .gitignore.
 */
function pathFilter(paths: RuleDocument['paths']): (relativePath: string) => boolean {
  if (!paths) return () => true;
  const floating = (globs: string[]) => globs.map((glob) => (/^[^/*].*\/./.test(glob) && !glob.startsWith('**/') ? `**/${glob}` : glob));
  const include = paths.include?.length ? ignore().add(floating(paths.include)) : undefined;
  const exclude = paths.exclude?.length ? ignore().add(floating(paths.exclude)) : undefined;
  return (relativePath) => (!include || include.ignores(relativePath)) && !(exclude?.ignores(relativePath) ?? false);
}

function normalizeConfidence(raw: string | undefined): Confidence {
  const lower = raw?.toLowerCase();
  return lower === 'high' || lower === 'low' ? lower : 'medium';
}

function normalizeCwe(raw: string): string {
  const match = /CWE[-\s:]*(\d+)/i.exec(raw) ?? /^(\d+)$/.exec(raw.trim());
  return match ? `CWE-${match[1]}` : raw.trim();
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
