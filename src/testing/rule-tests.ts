import { existsSync, statSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { filesUnder } from '../util/files-under.js';
import { DEFAULT_MAX_FILE_SIZE, readSourceFile } from '../input/read-source.js';
import type { CompiledRule, RuleProblem } from '../rules/compiled-rule.js';
import { loadRulePack, ruleFilesUnder } from '../rules/pack.js';
import { AnswerCache } from '../project/answer-cache.js';
import { projectContext, ProjectFacts } from '../project/project-facts.js';
import { TypeFacts } from '../project/type-facts.js';
import type { ProjectContext } from '../lang/cross-file.js';
import { hasSourceExtension, SOURCE_EXTENSIONS } from '../lang/source-files.js';
import { analyzeFile } from '../scan/analyze-file.js';
import { parseAnnotations, type Annotation } from './annotations.js';

/** One place where expectation and reality differ. */
export interface Mismatch {
  ruleId: string;
  file: string;
  line: number;
  kind: 'missing' | 'unexpected' | 'unknown-rule' | 'fixed-todo';
  detail: string;
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


/**
 * Runs every rule file under `path` against its annotated test file (`x.yml` beside `x.ts`,
 * `.tsx`, `.js`, …, or a folder `x/`), as `semgrep --test` does.
 */
export function runRuleTests(path: string, cwd = process.cwd()): RuleTestReport {
  const results = ruleFilesUnder(path).map((ruleFile) => testRuleFile(ruleFile, cwd));
  const failed = results.filter((result) => result.mismatches.length > 0 || result.problems.length > 0).length;
  return { results, passed: results.length - failed, failed };
}

export function testRuleFile(ruleFile: string, cwd: string): RuleFileResult {
  const shown = (file: string) => relative(cwd, file).split('\\').join('/');
  const pack = loadRulePack({ paths: [ruleFile], includeDefault: false, cwd });
  const testFiles = testFilesFor(ruleFile);
  const ruleIds = pack.rules.map((rule) => rule.id);
  const result: RuleFileResult = { ruleFile: shown(ruleFile), testFiles: testFiles.map(shown), ruleIds, mismatches: [], problems: pack.problems, todos: 0, annotations: [] };
  if (pack.problems.length > 0) return result;
  if (testFiles.length === 0) {
    result.problems.push({ file: shown(ruleFile), line: 1, column: 1, message: `no test file beside this rule file: add ${basename(ruleFile).replace(/\.ya?ml$/i, '.ts')} with // ruleid: and // ok: annotations` });
    return result;
  }
  const testRoot = testFiles.length === 1 && !isFolderTest(ruleFile) ? dirname(testFiles[0]!) : ruleFolderTest(ruleFile);
  const types = new TypeFacts(testRoot);
  const context = projectContext(new ProjectFacts(testRoot, new AnswerCache(), types), types);
  for (const testFile of testFiles) compareFile(testFile, relative(testRoot, testFile).split('\\').join('/'), shown(testFile), pack.rules, result, context);
  return result;
}

function compareFile(absolute: string, relativeToTestRoot: string, shown: string, rules: CompiledRule[], result: RuleFileResult, project: ProjectContext): void {
  const decoded = readSourceFile(absolute, { maxFileSize: DEFAULT_MAX_FILE_SIZE, scanMinified: true });
  if (!decoded.ok) {
    result.problems.push({ file: shown, line: 1, column: 1, message: decoded.message });
    return;
  }
  const annotations = parseAnnotations(decoded.text);
  result.annotations.push(...annotations);
  const known = new Set(rules.map((rule) => rule.id));
  for (const annotation of annotations) {
    if (!known.has(annotation.ruleId)) {
      result.mismatches.push({ ruleId: annotation.ruleId, file: shown, line: annotation.annotationLine, kind: 'unknown-rule', detail: `annotation names "${annotation.ruleId}", which is not a rule of ${result.ruleFile}` });
    }
  }
  const analysis = analyzeFile({ path: relativeToTestRoot, text: decoded.text, absolutePath: absolute }, rules, { testSeverity: 'same', project });
  for (const error of analysis.errors) result.problems.push({ file: shown, line: error.line ?? 1, column: error.column ?? 1, message: error.message, ...(error.ruleId ? { ruleId: error.ruleId } : {}) });

  for (const rule of rules) {
    const about = annotations.filter((annotation) => annotation.ruleId === rule.id);
    const expected = new Set(about.filter((a) => a.kind === 'ruleid' || a.kind === 'todook').map((a) => a.line));
    const todoMisses = new Set(about.filter((a) => a.kind === 'todoruleid').map((a) => a.line));
    const reported = new Set(analysis.findings.filter((finding) => finding.ruleId === rule.id).map((finding) => finding.line));
    result.todos += about.filter((a) => a.kind === 'todoruleid' || a.kind === 'todook').length;
    for (const line of expected) {
      if (!reported.has(line)) {
        const todo = about.some((a) => a.line === line && a.kind === 'todook');
        result.mismatches.push({ ruleId: rule.id, file: shown, line, kind: todo ? 'fixed-todo' : 'missing', detail: todo ? 'marked todook (a known false alarm) but no longer reported: change it to ok' : 'expected a finding (ruleid) but none was reported' });
      }
    }
    for (const line of reported) {
      if (expected.has(line)) continue;
      if (todoMisses.has(line)) {
        result.mismatches.push({ ruleId: rule.id, file: shown, line, kind: 'fixed-todo', detail: 'marked todoruleid (a known miss) but now reported: change it to ruleid' });
      } else {
        result.mismatches.push({ ruleId: rule.id, file: shown, line, kind: 'unexpected', detail: 'reported a finding on a line not marked ruleid' });
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
