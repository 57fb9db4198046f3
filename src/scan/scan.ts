import { DEFAULT_MATCH_BUDGET } from '../match/step-meter.js';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, readSourceFile, type SourceLimits } from '../input/read-source.js';
import { shippedChecks } from '../crypto/check-catalog.js';
import { CHECK_IDS } from '../crypto/check-ids.js';
import { describeCheck, describeRule } from '../report/describe-rule.js';
import { compareFindings, compareProblems, type Finding, type Report, type RuleDescription, type ToolError, type ToolWarning } from '../report/finding.js';
import type { RuleProblem } from '../rules/compiled-rule.js';
import { flowIdentity, oneFindingPerPlace } from './same-place.js';
import { loadRulePack, type LoadOptions, type RulePack } from '../rules/pack.js';
import { AnswerCache } from '../project/answer-cache.js';
import { projectContext, ProjectFacts, type SkippedDependency } from '../project/project-facts.js';
import { TypeFacts } from '../project/type-facts.js';
import { TOOL_VERSION } from '../version.js';
import { analyzeFile, isStackOverflow, type AnalysisOptions, type FileAnalysis, type FileInput } from './analyze-file.js';
import { analyzeWithLargeStack } from './deep-retry.js';
import { discoverFiles, type DiscoveredFile } from './discover.js';
import { nothingScannedWarning } from './nothing-scanned.js';
import { confirmHardCodedKeys, KeyCandidates } from './sample-confirmation.js';
import { disabledEverywhere, type Policies } from '../config/policy.js';
import { ownsFile, parseShard, type Shard } from '../ci/shard.js';
import type { Baseline } from '../ci/baseline.js';
import { finishReport, SourceTexts } from '../ci/post-process.js';
import { scanStaged } from '../ci/staged.js';
import type { ContextOverride } from '../context/classify.js';
import type { FileContext } from '../context/file-context.js';
import { classifyProjectFiles } from '../project/file-contexts.js';
import { ScanCache } from '../cache/scan-cache.js';
import type { StoredOutcome } from '../cache/file-results.js';
import type { SourceRead } from '../input/read-source.js';

export { DEFAULT_MAX_FILE_SIZE };

export interface ScanOptions {
  /** Files or folders to scan; default the working directory. */
  paths?: readonly string[];
  cwd?: string;
  /** Output paths are relative to this; default the single PATH given, else cwd. */
  root?: string;
  /** Extra rule files or folders. */
  rules?: readonly string[];
  /** Load the shipped pack (default true). */
  defaultRules?: boolean;
  include?: readonly string[];
  exclude?: readonly string[];
  maxFileSize?: number;
  testSeverity?: AnalysisOptions['testSeverity'];
  /** Scan minified-looking files instead of listing them as skipped. */
  scanMinified?: boolean;
  /** Skip dependency and build folders (node_modules, dist, …) and `*.min.js` files (default true). */
  defaultExcludes?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Collects each rule's total matching time in milliseconds. */
  ruleTimings?: Map<string, number>;
  /** The most matcher steps each search rule took on one file (with `ruleTimings`, for `--rule-timings`). */
  ruleSteps?: Map<string, number>;
  /** Matcher steps one search rule may spend on one file (config `match-budget`, `--match-budget`). */
  matchBudget?: number;
  /** Ciphertext samples to try the hard-coded keys that rules found on (file or folder). */
  samples?: string;
  /** Receives, for each file and taint rule, what the rule's specs matched and what each function does with taint. */
  debugTaint?: (text: string) => void;
  /** Rule severities and `off`, project-wide and per path (the config's `rule-severity` and `policies`). */
  policies?: Policies;
  /** Honour `nobackdoor-ignore` comments (default true). */
  inlineSuppressions?: boolean;
  /** Also honour Semgrep's `nosemgrep` comments. */
  honorNosemgrep?: boolean;
  /** Keep what suppressions and the baseline left out in `report.suppressed`, with why. */
  includeSuppressed?: boolean;
  /** Report only findings not in this baseline (a file path, relative to cwd, or a loaded baseline). */
  baseline?: string | Baseline;
  /** Report only findings that are new compared with a scan of this git commit. */
  diffBase?: string;
  /** Analyse and report only this shard's files (`2/4` or a parsed shard). */
  shard?: string | Shard;
  /** Scan what is staged for commit (the changed source files), with the staged project's facts. */
  staged?: boolean;
  /** "Today" for suppressions' `until=` dates (default: the clock). */
  now?: Date;
  /** Where code runs, for some paths, whatever the classifier would say (the config's `contexts`). */
  contextOverrides?: readonly ContextOverride[];
  /**
   * Keep per-file results in this folder and reuse those whose inputs did not change (docs/cache.md).
   * Not used with `samples`, `debugTaint` or `ruleTimings`, whose output needs every file analysed.
   */
  cacheDir?: string;
  /** The cache folder's size cap in bytes; the least recently used entries are removed beyond it. */
  cacheMaxBytes?: number;
}

export type ScanResult = Report;

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = (options.paths?.length ? options.paths : ['.']).map((path) => resolve(cwd, path));
  const root = resolve(cwd, options.root ?? defaultRoot(paths, cwd));
  if (options.staged) {
    // The staged files are copied to a temporary folder: a cache keyed by its path would never be reused.
    const unstaged = { ...options, staged: false, cacheDir: undefined, rules: (options.rules ?? []).map((path) => resolve(cwd, path)) };
    return scanStaged({ cwd, root, paths }, (places) => scan({ ...unstaged, ...places }), () => emptyReport());
  }
  const raw = await scanFiles(options, cwd, paths, root);
  return finishReport(raw, { options, cwd, root, paths, rerun: (changes) => scan({ ...options, ...changes }) });
}

async function scanFiles(options: ScanOptions, cwd: string, paths: string[], root: string) {
  const started = performance.now();
  const ruleSource: LoadOptions = { paths: options.rules ?? [], includeDefault: options.defaultRules ?? true, cwd };
  const loaded = loadRulePack(ruleSource);
  const disabled = disabledEverywhere(options.policies ?? {});
  const pack: RulePack = disabled.size > 0 ? { ...loaded, rules: loaded.rules.filter((rule) => !disabled.has(rule.id)) } : loaded;
  const shard = typeof options.shard === 'string' ? parseShard(options.shard) : options.shard;
  const texts = new SourceTexts(options.inlineSuppressions ?? true, options.honorNosemgrep ?? false);
  const limits: SourceLimits = { maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, scanMinified: options.scanMinified ?? false };
  const types = new TypeFacts(root);
  const project = new ProjectFacts(root, new AnswerCache(), types, limits);
  const keyCandidates = options.samples ? new KeyCandidates() : undefined;
  const warnings: ToolWarning[] = [];
  const context = projectContext(project, types);
  const analysisOptions: AnalysisOptions = {
    testSeverity: options.testSeverity ?? 'lower',
    project: context,
    scope: {
      project: context,
      state: new Map(),
      warn: (warning) => warnings.push({ line: 0, ...warning }),
      ...(options.debugTaint ? { debug: options.debugTaint } : {}),
    },
    ...(options.ruleTimings ? { ruleTimings: options.ruleTimings } : {}),
    ...(options.ruleSteps ? { ruleSteps: options.ruleSteps } : {}),
    ...(options.matchBudget !== undefined ? { matchBudget: options.matchBudget } : {}),
    ...(keyCandidates ? { onMatch: keyCandidates.observe } : {}),
  };

  const errors: ToolError[] = pack.problems.map(ruleError);
  if (pack.rules.length === 0 && pack.problems.length === 0) {
    errors.push({ message: 'no rules to run: pass --rules PATH or drop --no-default-rules', kind: 'config' });
  }
  const discovery = discoverFiles({
    paths,
    root,
    ...(options.include ? { include: options.include } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
    defaultExcludes: options.defaultExcludes ?? true,
  });
  errors.push(...discovery.problems);
  if (discovery.files.length === 0 && !discovery.problems.some((problem) => problem.kind === 'config')) {
    warnings.push(nothingScannedWarning(options.paths?.length ? options.paths : ['.'], discovery.excluded));
  }
  const files = shard ? discovery.files.filter((file) => ownsFile(shard, file.relative)) : discovery.files;
  const contexts = classifyProjectFiles(discovery.files, {
    model: pack.models.contextModel(),
    resolver: project.resolver,
    displayPath: (absolute) => project.displayPath(absolute),
    maxFileSize: limits.maxFileSize,
    ...(options.contextOverrides ? { overrides: options.contextOverrides } : {}),
  });

  const cache = options.cacheDir && !options.samples && !options.debugTaint && !options.ruleTimings
    ? ScanCache.open({ dir: resolve(cwd, options.cacheDir), cwd, ...(options.cacheMaxBytes ? { maxBytes: options.cacheMaxBytes } : {}), pack, root, limits, project, contexts, testSeverity: analysisOptions.testSeverity, contextOverrides: options.contextOverrides ?? [], matchBudget: options.matchBudget ?? DEFAULT_MATCH_BUDGET })
    : undefined;
  let usedContexts: Map<string, FileContext> | undefined;
  analysisOptions.contextOf = (path) => {
    const context = contexts.of(path);
    usedContexts?.set(path, context);
    return context;
  };

  const outcomes: Array<StoredOutcome | undefined> = [];
  const reads = new Map<number, Extract<SourceRead, { ok: true }>>();
  const analyse = async (index: number): Promise<StoredOutcome> => {
    const file = files[index]!;
    const read = reads.get(index)!;
    const context = contexts.of(file.relative);
    usedContexts = new Map();
    const warningsBefore = warnings.length;
    const questionsBefore = types.questionsAsked;
    if (cache) project.startRecording();
    const outcome = await analyzeOne(file, read, pack, ruleSource, analysisOptions, context);
    const consumed = cache ? project.stopRecording() : undefined;
    const fileWarnings = warnings.splice(warningsBefore);
    const stored: StoredOutcome = 'skipped' in outcome
      ? { skipped: outcome.skipped }
      : { findings: outcome.analysis.findings, errors: outcome.analysis.errors, warnings: [...(outcome.warning ? [outcome.warning] : []), ...(outcome.analysis.warnings ?? []), ...fileWarnings], analysed: !outcome.analysis.errors.some((error) => error.kind === 'parse') };
    // A type question's answer depends on the TypeScript program, not only on the files' text.
    if (cache && consumed && types.questionsAsked === questionsBefore) cache.save(file, read.hash, context, consumed, usedContexts, stored);
    usedContexts = undefined;
    return stored;
  };

  const total = files.length;
  for (const [index, file] of files.entries()) {
    const read = readSourceFile(file.absolute, limits, file.size);
    if (!read.ok) {
      outcomes[index] = { skipped: { file: file.relative, message: read.message, kind: read.kind } };
    } else {
      texts.note(file.relative, read.text);
      reads.set(index, read);
      cache?.noteScanned(file, read);
      outcomes[index] = cache?.reuse(index, file, read.hash) ?? (await analyse(index));
    }
    options.onProgress?.(index + 1, total);
  }
  if (cache) {
    // A data-flow finding is reported by the first file whose analysis reaches it: when that file no longer does, a file kept from the cache may.
    for (let again = cache.filesOwingLostFindings(outcomes); again.length > 0; again = cache.filesOwingLostFindings(outcomes)) {
      for (const index of again) outcomes[index] = await analyse(index);
    }
    cache.finish();
  }

  const findings: Finding[] = [];
  const reportedFlows = new Set<string>();
  let analysed = 0;
  for (const outcome of outcomes) {
    if (!outcome) continue;
    if ('skipped' in outcome) {
      errors.push(outcome.skipped);
      continue;
    }
    if (outcome.analysed) analysed++;
    findings.push(...outcome.findings.filter((finding) => finding.flowFingerprint === undefined || firstTime(reportedFlows, flowIdentity(finding))));
    errors.push(...outcome.errors);
    warnings.push(...outcome.warnings);
  }

  warnings.push(...skippedDependencyWarnings([...project.skippedDependencies(), ...(cache?.skippedDependencies() ?? [])], project, errors));
  if (types.unavailable) {
    warnings.push({
      line: 0,
      kind: 'types-unavailable',
      message: `type questions (metavariable-type, ($X: Type)) were answered "unknown", so rules that need a type did not match: ts-morph could not be loaded (${types.unavailable}); run nobackdoor from an npm install for type-aware rules`,
    });
  }

  if (options.samples && keyCandidates) {
    const confirmation = await confirmHardCodedKeys(keyCandidates, resolve(cwd, options.samples), cwd);
    findings.push(...confirmation.findings);
    errors.push(...confirmation.errors);
    warnings.push(...confirmation.warnings);
  }

  const skippedFiles = new Set(errors.filter((error) => error.kind !== 'internal' && error.kind !== 'rule' && error.kind !== 'config' && error.file).map((error) => error.file));
  const report: Report = {
    version: 1,
    tool: { name: 'nobackdoor', version: TOOL_VERSION },
    findings: oneFindingPerPlace(findings).sort(compareFindings),
    errors: errors.sort(compareProblems),
    warnings: warnings.sort(compareProblems),
    stats: {
      files: analysed,
      filesSkipped: skippedFiles.size,
      rules: pack.rules.length,
      suppressed: 0,
      baselined: 0,
      durationMs: Math.round(performance.now() - started),
      ...(types.sliceSize > 0 ? { typeSliceFiles: types.sliceSize } : {}),
      ...(cache ? { cached: cache.reused } : {}),
    },
    rules: [...pack.rules.map(describeRule), ...(options.samples ? describedChecks(findings) : [])],
    ...(shard ? { shard } : {}),
    fileContexts: Object.fromEntries([...new Set(findings.map((finding) => finding.file))].sort().map((file) => [file, contexts.of(file)])),
  };
  // The inspect checks' ids: the catalog defines exactly these (check-catalog.ts), without reading its YAML here.
  const knownRuleIds = new Set<string>([...loaded.rules.map((rule) => rule.id), ...CHECK_IDS]);
  return { report, texts, knownRuleIds, ranRuleIds: new Set(report.rules!.map((rule) => rule.id)), shard, limits };
}

function emptyReport(): Report {
  return { version: 1, tool: { name: 'nobackdoor', version: TOOL_VERSION }, findings: [], errors: [], warnings: [], stats: { files: 0, filesSkipped: 0, rules: 0, suppressed: 0, baselined: 0, durationMs: 0 }, rules: [] };
}

/** The inspect checks that scan --samples reported, described as rules are. */
function describedChecks(findings: readonly Finding[]): RuleDescription[] {
  const ids = new Set(findings.map((finding) => finding.ruleId));
  return [...shippedChecks().values()].filter((check) => ids.has(check.id)).map(describeCheck);
}

type Outcome = { skipped: ToolError } | { analysis: FileAnalysis; warning?: ToolWarning };

async function analyzeOne(file: DiscoveredFile, read: Extract<SourceRead, { ok: true }>, pack: RulePack, ruleSource: LoadOptions, analysisOptions: AnalysisOptions, context: FileContext): Promise<Outcome> {
  const input: FileInput = { path: file.relative, text: read.text, absolutePath: file.absolute };
  const warning: ToolWarning | undefined = read.warning ? { file: file.relative, line: 0, message: read.warning, kind: 'encoding' } : undefined;
  try {
    return { analysis: analyzeFile(input, pack.rules, analysisOptions), ...(warning ? { warning } : {}) };
  } catch (error) {
    if (!isStackOverflow(error)) {
      return { analysis: { findings: [], errors: [{ file: file.relative, message: `internal error while analysing this file: ${String(error)}`, kind: 'internal' }] } };
    }
  }
  // Cross-file facts cannot cross threads; the deep retry analyses the file on its own.
  const retried = await analyzeWithLargeStack(input, ruleSource, pack.rules.map((rule) => rule.id), { testSeverity: analysisOptions.testSeverity, ...(analysisOptions.matchBudget !== undefined ? { matchBudget: analysisOptions.matchBudget } : {}) }, context);
  if (retried) return { analysis: retried, ...(warning ? { warning } : {}) };
  return { skipped: { file: file.relative, message: 'is nested too deeply to analyse (the parser ran out of stack even on a 512 MiB stack)', kind: 'parse' } };
}

function firstTime(seen: Set<string>, key: string): boolean {
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** docs/output.md: paths are relative to the PATH when one is given (its folder, for a file), else cwd. */
function defaultRoot(paths: string[], cwd: string): string {
  if (paths.length !== 1) return cwd;
  const only = paths[0]!;
  try {
    return statSync(only).isFile() ? dirname(only) : only;
  } catch {
    return cwd;
  }
}

function ruleError(problem: RuleProblem): ToolError {
  return {
    file: problem.file,
    ...(problem.line ? { line: problem.line, column: problem.column } : {}),
    ...(problem.ruleId ? { ruleId: problem.ruleId } : {}),
    message: problem.message,
    kind: 'rule',
  };
}

/** Files that other files' facts needed but that were not read, unless the scan already lists them. */
function skippedDependencyWarnings(skipped: readonly SkippedDependency[], project: ProjectFacts, errors: readonly ToolError[]): ToolWarning[] {
  const reported = new Set(errors.map((error) => error.file));
  const byFile = new Map(skipped.map((dependency) => [dependency.file, dependency]));
  return [...byFile.values()]
    .map((skipped) => ({ file: project.displayPath(skipped.file), line: 0, message: `${skipped.message}; what it exports was not followed into the files that import it`, kind: `dependency-${skipped.kind}` }))
    .filter((warning) => !reported.has(warning.file));
}
