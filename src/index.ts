/**
 * The library core: the CLI and the GitHub Action are thin adapters over exactly these exports
 * (they import this module, never internal ones; the lint checks it).
 */

// Scanning source code.
export { scan, DEFAULT_MAX_FILE_SIZE, type ScanOptions, type ScanResult } from './scan/scan.js';
export { DEFAULT_MATCH_BUDGET } from './match/step-meter.js';
export { loadRulePack, DEFAULT_RULES_DIR, ruleFilesUnder, type LoadOptions, type RulePack } from './rules/pack.js';
export type { CompiledRule, RuleProblem } from './rules/compiled-rule.js';
export { ruleCatalog } from './rules/catalog.js';
export { RULE_FILE } from './rules/schema.js';
export { MODEL_FILE } from './rules/models.js';

// Testing rules.
export {
  runRuleTests,
  ruleIdsUnder,
  rulesOf,
  RuleTestPathError,
  type Mismatch,
  type RuleFileResult,
  type RuleTestReport,
  type RuleTestSelection,
} from './testing/rule-tests.js';
export { lintPack } from './testing/lint-pack.js';

// Inspecting ciphertexts.
export { inspect } from './crypto/inspect.js';
export type { InspectOptions, InspectResult } from './crypto/inspect.js';
export { confirmKeys, type KeyConfirmation, type KeyConfirmationResult, type ConfirmKeysOptions } from './crypto/keys/confirm-keys.js';
export type { CandidateKey } from './crypto/keys/candidates.js';
export { CHECK_IDS, type CheckId } from './crypto/check-ids.js';

// Reports, formats and exit codes.
export type {
  Finding,
  Report,
  ReportStats,
  RuleDescription,
  SuppressedFinding,
  SuppressionRecord,
  ToolError,
  ToolWarning,
  TraceStep,
  ErrorKind,
} from './report/finding.js';
export { CATEGORIES, ERROR_KINDS, SKIP_KINDS, compareFindings } from './report/finding.js';
export type { FileContext, FileSide } from './context/file-context.js';
export { SEVERITIES, CONFIDENCES, isAtLeast, type Severity, type Confidence } from './report/severity.js';
export { FORMATTERS, FORMAT_NAMES, type FormatName, type Formatter, type FormatOptions } from './report/formatters/index.js';
export { formatText } from './report/formatters/text.js';
export { formatJson, toContract } from './report/formatters/json.js';
export { formatSarif, sarifLog, SARIF_LIMITS, SARIF_SCHEMA_URI, DEFAULT_SARIF_CATEGORY } from './report/formatters/sarif.js';
export { formatMarkdown, MARKDOWN_LIMIT_BYTES } from './report/formatters/markdown.js';
export { formatGithub, annotationLines, workflowCommand, ANNOTATIONS_PER_LEVEL } from './report/formatters/github.js';
export { renderMessage } from './report/message.js';
export { describeRule } from './report/describe-rule.js';
export {
  exitCodeFor,
  blockingFindings,
  resultWord,
  STRICT_WARNING_KINDS,
  type FailOn,
  type OutcomePolicy,
} from './report/outcome.js';

// Configuration.
export { findConfig, loadConfig, ConfigError, type LoadedConfig } from './config/load.js';
export { CONFIG, type Config } from './config/schema.js';
export { starterConfig } from './config/starter.js';
export type { Policies, PathPolicy, RuleSetting } from './config/policy.js';
export { SCAN_OPTIONS, scanSetup, withEnvironment, environmentName, oneOf, byteSize, type ScanSetup, type SettingSpec, type SettingValues } from './config/settings.js';

// CI: baselines, shards, merging.
export { createBaseline, readBaseline, baselineText, applyBaseline, BaselineError, type Baseline, type BaselineEntry } from './ci/baseline.js';
export { parseShard, shardOf, ShardError, type Shard } from './ci/shard.js';
export { ensureCommit, diffKey } from './ci/diff-base.js';
export { mergeReports, reportFromJson, MergeError } from './ci/merge.js';
export { mergeSarifLogs, outcomeOfSarif, isSarifLog } from './ci/merge-sarif.js';
export { parseDirectives, type Directive } from './suppress/directives.js';

// Small helpers the adapters share with the core, so messages read the same everywhere.
export { PACKAGE_ROOT } from './version.js';
export { TOOL_VERSION, didYouMean, EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, CONFIG_FILE_NAME } from './essentials.js';
export { countOf } from './text/count.js';
