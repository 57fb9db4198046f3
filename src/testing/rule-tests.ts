import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { filesUnder } from '../util/files-under.js';
import { DEFAULT_MAX_FILE_SIZE, readSourceFile } from '../input/read-source.js';
import type { CompiledRule, RuleProblem } from '../rules/compiled-rule.js';
import { loadRulePack, modelFilesBeside, ruleFilesUnder } from '../rules/pack.js';
import { AnswerCache } from '../project/answer-cache.js';
import { projectContext, ProjectFacts } from '../project/project-facts.js';
import { TypeFacts } from '../project/type-facts.js';
import { classifyProjectFiles } from '../project/file-contexts.js';
import { hasSourceExtension, SOURCE_EXTENSIONS } from '../lang/source-files.js';
import { didYouMean } from '../text/suggest.js';
import type { Finding } from '../report/finding.js';
import { analyzeFile } from '../scan/analyze-file.js';
import { oneFindingPerPlace } from '../scan/same-place.js';
import { parseAnnotations, type Annotation } from './annotations.js';

/** One place where expectation and reality differ. */
export interface Mismatch {
  ruleId: string;
  file: string;
  line: number;
  /** Where the reported finding starts, for findings that were not expected. */
  column?: number;
  kind: 'missing' | 'unexpected' | 'unknown-rule' | 'fixed-todo';
  detail: string;
  /** The reported finding's message, for findings that were not expected. */
  message?: string;
}

export interface RuleFileResult {
  ruleFile: string;
  testFiles: string[];
  ruleIds: string[];
  mismatches: Mismatch[];
  problems: RuleProblem[];
  /** Known misses and known false alarms, still as recorded. */
  todos: number;
  /** Annotations per rule id, for pack linting. */
  annotations: Annotation[];
}

export interface RuleTestReport {
  results: RuleFileResult[];
  passed: number;
  failed: number;
}

const RULE_EXTENSIONS = ['.yml', '.yaml'];

/** What to run of the rule files found. */
export interface RuleTestSelection {
  /** Only this rule, from whichever rule file defines it; other rules' annotations are not checked. */
  ruleId?: string;
}

/** A path given to `nobackdoor test` that names neither rules nor a test file with a rule file. */
export class RuleTestPathError extends Error {
  override readonly name = 'RuleTestPathError';
}

/**
 * Runs every rule file under `path` against its annotated test file (`x.yml` beside `x.ts`,
 * `.tsx`, `.js`, …, or a folder `x/`), as `semgrep --test` does. `path` may also be one test
 * file: its rule file then runs against that file alone.
 */
export function runRuleTests(path: string, cwd = process.cwd(), selection: RuleTestSelection = {}): RuleTestReport {
  const onlyTestFile = isTestFileName(path) ? resolve(path) : undefined;
  const ruleFiles = ruleFilesUnder(rulesOf(path));
  const results = ruleFiles
    .map((ruleFile) => testRuleFile(ruleFile, cwd, { ...selection, ...(onlyTestFile ? { testFile: onlyTestFile } : {}) }))
    .filter((result): result is RuleFileResult => result !== undefined);
  const failed = results.filter((result) => result.mismatches.length > 0 || result.problems.length > 0).length;
  return { results, passed: results.length - failed, failed };
}

/**
 * The rule ids under `path` (a rule file, a folder or a test file), to suggest one for a
 * mistyped --rule, and how many rule files could not be read for theirs.
 */
export function ruleIdsUnder(path: string, cwd = process.cwd()): { ids: string[]; brokenFiles: number } {
  const pack = loadRulePack({ paths: [rulesOf(path)], includeDefault: false, cwd });
  return { ids: pack.rules.map((rule) => rule.id), brokenFiles: new Set(pack.problems.map((problem) => problem.file)).size };
}

/**
 * Tests one rule file. With `ruleId`, a file that does not define that rule gives no result; with
 * `testFile`, only that one of its test files is compared.
 */
export function testRuleFile(ruleFile: string, cwd: string, only: RuleTestSelection & { testFile?: string } = {}): RuleFileResult | undefined {
  const shown = (file: string) => relative(cwd, file).split('\\').join('/');
  const pack = loadRulePack({ paths: [ruleFile, ...modelFilesBeside(ruleFile)], includeDefault: false, cwd });
  if (only.ruleId !== undefined && !pack.rules.some((rule) => rule.id === only.ruleId) && !pack.problems.some((problem) => problem.ruleId === only.ruleId)) return undefined;
  const allTestFiles = testFilesFor(ruleFile);
  const testFiles = only.testFile === undefined ? allTestFiles : allTestFiles.filter((file) => resolve(file) === only.testFile);
  const rules = only.ruleId === undefined ? pack.rules : pack.rules.filter((rule) => rule.id === only.ruleId);
  const ruleIds = rules.map((rule) => rule.id);
  const result: RuleFileResult = { ruleFile: shown(ruleFile), testFiles: testFiles.map(shown), ruleIds, mismatches: [], problems: pack.problems, todos: 0, annotations: [] };
  if (pack.problems.length > 0) return result;
  if (testFiles.length === 0) {
    result.problems.push({ file: shown(ruleFile), line: 1, column: 1, message: `no test file beside this rule file: add ${basename(ruleFile).replace(/\.ya?ml$/i, '.ts')} with // ruleid: and // ok: annotations` });
    return result;
  }
  // The root is that of the whole test, even for one of its files, so rule paths mean the same.
  const testRoot = allTestFiles.length === 1 && !isFolderTest(ruleFile) ? dirname(allTestFiles[0]!) : ruleFolderTest(ruleFile);
  const types = new TypeFacts(testRoot);
  const project = new ProjectFacts(testRoot, new AnswerCache(), types);
  const context = projectContext(project, types);
  const relativeTo = (file: string) => relative(testRoot, file).split('\\').join('/');
  const contexts = classifyProjectFiles(allTestFiles.map((file) => ({ absolute: file, relative: relativeTo(file) })), {
    model: pack.models.contextModel(),
    resolver: project.resolver,
    displayPath: (absolute) => project.displayPath(absolute),
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
  });
  const known = new Set(pack.rules.map((rule) => rule.id));
  // Every file of a folder test is analysed, with one scan's shared state: a data-flow finding
  // may belong to another file than the one whose analysis found it.
  const scope = { project: context, state: new Map<object, unknown>(), warn: () => undefined };
  const findings = new Map<string, Finding[]>();
  const texts = new Map<string, string>();
  for (const testFile of allTestFiles) {
    const relativePath = relativeTo(testFile);
    const decoded = readSourceFile(testFile, { maxFileSize: DEFAULT_MAX_FILE_SIZE, scanMinified: true });
    if (!decoded.ok) {
      result.problems.push({ file: shown(testFile), line: 1, column: 1, message: decoded.message });
      continue;
    }
    texts.set(testFile, decoded.text);
    const analysis = analyzeFile({ path: relativePath, text: decoded.text, absolutePath: testFile }, rules, { testSeverity: 'same', project: context, scope, contextOf: (path) => contexts.of(path) });
    for (const error of analysis.errors) result.problems.push({ file: shown(testFile), line: error.line ?? 1, column: error.column ?? 1, message: error.message, ...(error.ruleId ? { ruleId: error.ruleId } : {}) });
    for (const finding of analysis.findings) findings.set(finding.file, [...(findings.get(finding.file) ?? []), finding]);
  }
  for (const [file, found] of findings) findings.set(file, oneFindingPerPlace(found));
  for (const testFile of testFiles) {
    const text = texts.get(testFile);
    if (text === undefined) continue;
    compareFile(text, findings.get(relative(testRoot, testFile).split('\\').join('/')) ?? [], shown(testFile), rules, known, result);
  }
  return result;
}

/** The rules a path given to `nobackdoor test` stands for: itself, or a test file's rule file. */
export function rulesOf(path: string): string {
  if (!existsSync(path)) throw new RuleTestPathError(missingPathMessage(resolve(path)));
  if (isTestFileName(path)) return ruleFileOf(resolve(path));
  if (existsSync(path) && statSync(path).isFile() && !RULE_EXTENSIONS.includes(extname(path).toLowerCase())) {
    throw new RuleTestPathError(`${path} is neither a rule file (.yml, .yaml) nor a test file (${SOURCE_EXTENSIONS.join(' ')}); give a rule file, a test file or a folder`);
  }
  return path;
}

/** What is missing, the nearest name that exists beside it, and what `nobackdoor test` accepts instead. */
function missingPathMessage(path: string): string {
  const folder = dirname(path);
  const neighbours = existsSync(folder) && statSync(folder).isDirectory() ? readdirSync(folder) : [];
  const suggestion = didYouMean(basename(path), neighbours, (name) => `"${join(folder, name)}"`);
  const parent = existsSync(folder) ? '' : ` (its folder ${folder} does not exist either)`;
  return `no file or folder at ${path}${parent}.${suggestion} Give a rule file (.yml, .yaml), an annotated test file or a folder of rule files; with no path the shipped pack is tested.`;
}

function isTestFileName(path: string): boolean {
  return SOURCE_EXTENSIONS.includes(extname(path).toLowerCase()) && existsSync(path) && statSync(path).isFile();
}

/** `x.yml` beside a test file `x.ts`, or `x.yml` beside a folder `x/` that holds the test file. */
function ruleFileOf(testFile: string): string {
  const stem = testFile.slice(0, -extname(testFile).length);
  const beside = RULE_EXTENSIONS.map((extension) => stem + extension).find((candidate) => existsSync(candidate));
  if (beside) return beside;
  for (let folder = dirname(testFile); dirname(folder) !== folder; folder = dirname(folder)) {
    const owner = RULE_EXTENSIONS.map((extension) => folder + extension).find((candidate) => existsSync(candidate));
    if (owner) return owner;
  }
  throw new RuleTestPathError(
    `no rule file for the test file ${testFile}: expected ${basename(stem)}.yml beside it, or a rule file named after a folder that holds it (x.yml beside x/)`,
  );
}

function compareFile(text: string, fileFindings: readonly Finding[], shown: string, rules: CompiledRule[], known: ReadonlySet<string>, result: RuleFileResult): void {
  const annotations = parseAnnotations(text);
  result.annotations.push(...annotations);
  for (const annotation of annotations) {
    if (!known.has(annotation.ruleId)) {
      result.mismatches.push({ ruleId: annotation.ruleId, file: shown, line: annotation.annotationLine, kind: 'unknown-rule', detail: `annotation names "${annotation.ruleId}", which is not a rule of ${result.ruleFile}` });
    }
  }

  for (const rule of rules) {
    const about = annotations.filter((annotation) => annotation.ruleId === rule.id);
    const expected = new Set(about.filter((a) => a.kind === 'ruleid' || a.kind === 'todook').map((a) => a.line));
    const todoMisses = new Set(about.filter((a) => a.kind === 'todoruleid').map((a) => a.line));
    // A finding counts for the line it starts on; the first one on a line stands for the others.
    const reported = new Map<number, Finding>();
    for (const finding of fileFindings) if (finding.ruleId === rule.id && !reported.has(finding.line)) reported.set(finding.line, finding);
    result.todos += about.filter((a) => a.kind === 'todoruleid' || a.kind === 'todook').length;
    for (const line of expected) {
      if (!reported.has(line)) {
        const todo = about.some((a) => a.line === line && a.kind === 'todook');
        result.mismatches.push({ ruleId: rule.id, file: shown, line, kind: todo ? 'fixed-todo' : 'missing', detail: todo ? 'marked todook (a known false alarm) but no longer reported: change it to ok' : 'expected a finding (ruleid) but none was reported' });
      }
    }
    for (const [line, finding] of reported) {
      if (expected.has(line)) continue;
      const found = { ruleId: rule.id, file: shown, line, column: finding.column, message: finding.message };
      if (todoMisses.has(line)) {
        result.mismatches.push({ ...found, kind: 'fixed-todo', detail: 'marked todoruleid (a known miss) but now reported: change it to ruleid' });
      } else {
        result.mismatches.push({ ...found, kind: 'unexpected', detail: 'reported a finding on a line not marked ruleid' });
      }
    }
  }
}

function testFilesFor(ruleFile: string): string[] {
  const stem = ruleFile.replace(/\.ya?ml$/i, '');
  const files = SOURCE_EXTENSIONS.map((extension) => stem + extension).filter((candidate) => existsSync(candidate));
  if (isFolderTest(ruleFile)) files.push(...filesUnder(stem, hasSourceExtension));
  return files;
}

function isFolderTest(ruleFile: string): boolean {
  const folder = ruleFolderTest(ruleFile);
  return existsSync(folder) && statSync(folder).isDirectory();
}

function ruleFolderTest(ruleFile: string): string {
  return ruleFile.replace(/\.ya?ml$/i, '');
}
