import ignore from 'ignore';
import type { RuleContext } from '../context/file-context.js';
import { canonicalMetavariable, metavariablesIn } from '../match/metavariable.js';
import { CompileProblem, FORMULA_KEYS, type Path } from '../match/operators/index.js';
import type { Confidence } from '../report/severity.js';
import type { CompiledRule, RuleEngine, RuleProblem } from './compiled-rule.js';
import { describeIssue } from './describe-issue.js';
import type { ModelRegistry } from './models.js';
import { compileSearchRule } from './modes/search.js';
import { compileTaintRule, TAINT_MODE_FIELDS } from './modes/taint.js';
import { normalizeSeverity, RULE, UNSUPPORTED_SEMGREP_KEYS, type RuleDocument } from './schema.js';
import type { YamlSource } from './yaml-source.js';

/** Validates and compiles every rule of one file; a broken rule is reported and the others still load. */
export function compileRuleFile(source: YamlSource, models: ModelRegistry): { rules: CompiledRule[]; problems: RuleProblem[] } {
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
    const rulePath = ['rules', index];
    const ruleId = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;
    const unsupported = unsupportedKeys(raw, rulePath);
    if (unsupported.length > 0) {
      for (const [path, key] of unsupported) {
        problems.push(at(path, `"${key}" is a Semgrep operator that nobackdoor does not support; see docs/rules.md for the supported operators`, key, ruleId));
      }
      return;
    }
    const parsed = source.validated ? { success: true as const, data: raw as RuleDocument } : RULE.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { path, key, message } = describeIssue(issue, rulePath, RULE);
        problems.push(at(path, message, key, ruleId));
      }
      return;
    }
    try {
      rules.push({ ...compileRule(parsed.data, rulePath, models), origin: { file: source.file, ...source.locate(rulePath) } });
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

function compileRule(rule: RuleDocument, path: Path, models: ModelRegistry): Omit<CompiledRule, 'origin'> {
  const engine = compileEngine(rule, path, models);
  const message = rule.message.trim();
  checkMessage(message, engine.binds, path);
  const metadata = { ...(rule.metadata ?? {}) } as Record<string, unknown>;
  const languages = new Set<'typescript' | 'javascript'>();
  for (const language of rule.languages ?? ['typescript', 'javascript']) {
    languages.add(language === 'javascript' || language === 'js' || language === 'jsx' ? 'javascript' : 'typescript');
  }
  const contexts = rule.context === undefined ? undefined : ([] as RuleContext[]).concat(rule.context);
  return {
    id: rule.id,
    category: rule.category ?? 'custom',
    severity: normalizeSeverity(rule.severity),
    confidence: normalizeConfidence(rule.confidence ?? (typeof metadata.confidence === 'string' ? metadata.confidence : undefined)),
    message,
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
    engine,
    ...(rule['key-candidate'] ? { keyCandidate: canonicalMetavariable(rule['key-candidate']) } : {}),
    supersedes: new Set(rule.supersedes ?? []),
    ...(rule['report-at-definition'] ? { reportAtDefinition: canonicalMetavariable(rule['report-at-definition']) } : {}),
  };
}

const TAINT_KEYS = Object.keys(TAINT_MODE_FIELDS) as Array<keyof typeof TAINT_MODE_FIELDS>;

/** The rule's mode decides which top-level keys make its formula (docs/rules.md §3 and §10). */
function compileEngine(rule: RuleDocument, path: Path, models: ModelRegistry): RuleEngine {
  const taintKeys = TAINT_KEYS.filter((key) => rule[key] !== undefined);
  if (rule.mode === 'taint') {
    const searchKeys = FORMULA_KEYS.filter((key) => rule[key] !== undefined);
    if (searchKeys.length > 0) throw new CompileProblem(`a taint rule has no top-level ${searchKeys.join(', ')}: put patterns under pattern-sources, pattern-sinks, pattern-sanitizers or pattern-propagators`, [...path, searchKeys[0]!]);
    return compileTaintRule(rule, path, models);
  }
  if (taintKeys.length > 0) throw new CompileProblem(`"${taintKeys[0]}" belongs to taint rules: add "mode: taint" to the rule`, [...path, taintKeys[0]!]);
  return compileSearchRule(rule, path);
}

/** A `$X` in the message that no pattern binds would be printed as written: a mistake worth naming. */
function checkMessage(message: string, bound: ReadonlySet<string>, path: Path): void {
  for (const match of metavariablesIn(message)) {
    const name = `$${match[2]}`;
    if (!bound.has(name)) {
      throw new CompileProblem(`the message uses ${match[0]}, which no pattern of this rule binds, so it would be printed as written; bind it or fix its spelling`, [...path, 'message']);
    }
  }
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
