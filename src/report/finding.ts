import type { FileContext, FileSide } from '../context/file-context.js';
import type { Confidence, Severity } from './severity.js';

export const CATEGORIES = ['key-escrow', 'plaintext-logging', 'weak-crypto', 'server-side-key-access'] as const;
export type ShippedCategory = (typeof CATEGORIES)[number];

/** A step of the evidence behind a finding: a value that came from elsewhere, or a step of its path. */
export interface TraceStep {
  file: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** For a data-flow path: source, assignment, field, call, return, import, callback or sink. */
  kind?: string;
  note: string;
}

/** Source lines around a finding, kept so formatters stay pure functions of the result. */
export interface Snippet {
  firstLine: number;
  lines: string[];
}

export interface Finding {
  ruleId: string;
  category: string;
  severity: Severity;
  confidence: Confidence;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Where the file's code runs: server, client, shared or unknown. */
  context?: FileSide;
  /** Set when the file is test code (reported one severity lower unless configured otherwise). */
  test?: true;
  /** Identifies the finding across unrelated edits (for GitHub and baselines). */
  fingerprint: string;
  /** Data-flow findings: identifies the path (source and sink), for --diff-base. Otherwise equal to `fingerprint` and left out. */
  flowFingerprint?: string;
  cwe: string[];
  trace?: TraceStep[];
  /** For findings about several ciphertext samples. */
  samples?: string[];
  snippet?: Snippet;
}

export const ERROR_KINDS = ['parse', 'size', 'minified', 'binary', 'unreadable', 'symlink', 'rule', 'config', 'internal'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Kinds that mean "this input was skipped"; they change the exit code only with --strict. */
export const SKIP_KINDS: ReadonlySet<ErrorKind> = new Set(['parse', 'size', 'minified', 'binary', 'unreadable', 'symlink']);

export interface ToolError {
  file?: string;
  line?: number;
  column?: number;
  ruleId?: string;
  message: string;
  kind: ErrorKind;
}

export interface ToolWarning {
  file?: string;
  line: number;
  message: string;
  kind: string;
}

export interface ReportStats {
  files: number;
  filesSkipped: number;
  rules: number;
  suppressed: number;
  baselined: number;
  durationMs: number;
  [extra: string]: number;
}

/** What a rule (or an inspect check) is, for formats that describe their rules (SARIF, Markdown). */
export interface RuleDescription {
  id: string;
  category: string;
  severity: Severity;
  confidence: Confidence;
  /** The message template, with `$X` placeholders. */
  message: string;
  note?: string;
  fixGuidance?: string;
  cwe: string[];
  references: string[];
  owasp?: string[];
}

/** Why a finding was left out of `findings`. */
export interface SuppressionRecord {
  /** `inline`: a `nobackdoor-ignore` comment; `nosemgrep`: Semgrep's comment (--honor-nosemgrep); `baseline`: in --baseline FILE. */
  kind: 'inline' | 'nosemgrep' | 'baseline';
  /** The justification written with it. */
  reason: string;
  /** Where the comment is (inline kinds). */
  file?: string;
  line?: number;
  /** The day after which an inline suppression no longer applies (YYYY-MM-DD). */
  until?: string;
}

export interface SuppressedFinding extends Finding {
  suppression: SuppressionRecord;
}

/** The shape shared by scan and inspect results; formatters take this. */
export interface Report {
  version: 1;
  tool: { name: 'nobackdoor'; version: string };
  findings: Finding[];
  errors: ToolError[];
  warnings: ToolWarning[];
  stats: ReportStats;
  /** The rules that ran (and checks that reported), by id. Not part of the JSON contract. */
  rules?: RuleDescription[];
  /** Findings left out by suppressions or the baseline, with why; only with --include-suppressed. */
  suppressed?: SuppressedFinding[];
  /** Set when the scan covered one shard of the project's files (--shard INDEX/TOTAL). */
  shard?: { index: number; total: number };
  /** Why each file with findings has its context, by path; shown with --verbose (text and JSON). */
  fileContexts?: Record<string, FileContext>;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

export function compareProblems(a: ToolError | ToolWarning, b: ToolError | ToolWarning): number {
  return compareText(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || compareText(a.message, b.message);
}

/** Locale-independent ordering so output is identical on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
