import { SKIP_KINDS, type Finding, type Report, type RuleDescription, type SuppressedFinding, type ToolError, type ToolWarning } from '../finding.js';
import { severityRank, type Confidence, type Severity } from '../severity.js';
import type { Formatter } from './types.js';

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, every rule that ran described, one
 * `%SRCROOT%`-relative location per result with a full region, fingerprints, data-flow paths as
 * `codeFlows`, and the files that were not analysed and the tool's own problems as notifications.
 * GitHub's limits that the schema does not state are kept here (SARIF_LIMITS) and tested.
 */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const DEFAULT_SARIF_CATEGORY = 'nobackdoor';

export const SARIF_LIMITS = {
  /** GitHub rejects a run with more results; above 5,000 it keeps the most severe. */
  resultsPerRun: 25_000,
  storedResultsPerRun: 5_000,
  /** GitHub accepts 20 tags per rule and shows 10. */
  tagsPerRule: 10,
  threadFlowLocationsPerResult: 10_000,
  /** shortDescription and fullDescription. */
  descriptionChars: 1024,
  ruleNameChars: 255,
} as const;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub buckets: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low; `info` is not a security severity. */
const SECURITY_SEVERITY: Record<Severity, string | undefined> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0', info: undefined };
const PRECISION: Record<Confidence, string> = { high: 'high', medium: 'medium', low: 'low' };
const SRCROOT = '%SRCROOT%';

type Json = Record<string, unknown>;

export const formatSarif: Formatter = (report, options) => JSON.stringify(sarifLog(report, options.category), null, 2) + '\n';

/** The SARIF log of a report, as an object (the formatter prints it). */
export function sarifLog(report: Report, category = DEFAULT_SARIF_CATEGORY): Json {
  const descriptions = ruleDescriptions(report);
  const ruleIndex = new Map(descriptions.map((rule, index) => [rule.id, index]));
  const { kept, dropped } = withinResultLimit(report.findings);
  const results = [
    ...kept.map((finding) => result(finding, ruleIndex)),
    ...(report.suppressed ?? []).map((finding) => suppressedResult(finding, ruleIndex)),
  ];
  const failures = report.errors.filter((error) => !SKIP_KINDS.has(error.kind));
  const limitNotes: Json[] = [];
  if (dropped > 0) {
    limitNotes.push(notification('error', 'result-limit', `${dropped} less severe findings were left out: GitHub rejects a run with more than ${SARIF_LIMITS.resultsPerRun} results; the JSON report has them all`));
  } else if (results.length > SARIF_LIMITS.storedResultsPerRun) {
    limitNotes.push(notification('warning', 'result-limit', `${results.length} results: GitHub stores only the ${SARIF_LIMITS.storedResultsPerRun} most severe of a run`));
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nobackdoor',
            semanticVersion: report.tool.version,
            rules: descriptions.map(reportingDescriptor),
          },
        },
        automationDetails: { id: `${category.replace(/\/+$/, '')}/` },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: [
              ...report.errors.filter((error) => error.kind !== 'config' && error.kind !== 'rule').map(errorNotification),
              ...report.warnings.map(warningNotification),
              ...limitNotes,
            ],
            toolConfigurationNotifications: report.errors.filter((error) => error.kind === 'config' || error.kind === 'rule').map(errorNotification),
          },
        ],
        properties: { stats: report.stats, ...(report.shard ? { shard: report.shard } : {}) },
      },
    ],
  };
}

/** Every rule that ran, plus any rule a finding names without a description (merged reports). */
function ruleDescriptions(report: Report): RuleDescription[] {
  const described = new Map((report.rules ?? []).map((rule) => [rule.id, rule]));
  for (const finding of [...report.findings, ...(report.suppressed ?? [])]) {
    if (!described.has(finding.ruleId)) {
      described.set(finding.ruleId, {
        id: finding.ruleId, category: finding.category, severity: finding.severity, confidence: finding.confidence,
        message: finding.message, cwe: finding.cwe, references: [],
      });
    }
  }
  return [...described.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** At most GitHub's limit, keeping the most severe; the order stays the report's. */
function withinResultLimit(findings: readonly Finding[]): { kept: Finding[]; dropped: number } {
  if (findings.length <= SARIF_LIMITS.resultsPerRun) return { kept: [...findings], dropped: 0 };
  const ranked = findings.map((finding, index) => ({ finding, index })).sort((a, b) => severityRank(b.finding.severity) - severityRank(a.finding.severity) || a.index - b.index);
  const kept = ranked.slice(0, SARIF_LIMITS.resultsPerRun).sort((a, b) => a.index - b.index).map((entry) => entry.finding);
  return { kept, dropped: findings.length - kept.length };
}

function reportingDescriptor(rule: RuleDescription): Json {
  const short = clip(plainTemplate(rule.message), SARIF_LIMITS.descriptionChars);
  const explanation = rule.note ?? rule.fixGuidance;
  const full = clip(explanation ? firstParagraph(explanation) : short, SARIF_LIMITS.descriptionChars);
  const securitySeverity = SECURITY_SEVERITY[rule.severity];
  const tags = [
    ...(securitySeverity ? ['security'] : []),
    rule.category,
    ...rule.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`),
  ].slice(0, SARIF_LIMITS.tagsPerRule);
  const helpUri = rule.references[0] ?? cweUri(rule.cwe[0]);
  return {
    id: rule.id,
    name: clip(rule.id, SARIF_LIMITS.ruleNameChars),
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: { text: helpText(rule, short), markdown: helpMarkdown(rule, short) },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags,
      precision: PRECISION[rule.confidence],
      ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
      category: rule.category,
      severity: rule.severity,
    },
  };
}

function result(finding: Finding, ruleIndex: ReadonlyMap<string, number>): Json {
  const related = (finding.trace ?? []).filter((step) => !step.kind);
  const flow = (finding.trace ?? []).filter((step) => step.kind).slice(0, SARIF_LIMITS.threadFlowLocationsPerResult);
  const links = related.map((step, index) => `[${escapeLinkText(step.note)}](${index + 1})`);
  const text = links.length > 0 ? `${escapeLinkText(finding.message)} (${links.join('; ')})` : finding.message;
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: LEVEL[finding.severity],
    message: { text },
    locations: [{ physicalLocation: physicalLocation(finding.file, finding) }],
    partialFingerprints: {
      primaryLocationLineHash: `${finding.fingerprint}:1`,
      'nobackdoor/location/v1': finding.fingerprint,
      ...(finding.flowFingerprint ? { 'nobackdoor/flow/v1': finding.flowFingerprint } : {}),
    },
    ...(related.length > 0
      ? { relatedLocations: related.map((step, index) => ({ id: index + 1, physicalLocation: physicalLocation(step.file, step), message: { text: step.note } })) }
      : {}),
    ...(flow.length > 0
      ? {
          codeFlows: [
            {
              threadFlows: [
                { locations: flow.map((step) => ({ location: { physicalLocation: physicalLocation(step.file, step), message: { text: step.note } }, kinds: [step.kind] })) },
              ],
            },
          ],
        }
      : {}),
    properties: {
      severity: finding.severity,
      category: finding.category,
      confidence: finding.confidence,
      ...(finding.context ? { context: finding.context } : {}),
      ...(finding.test ? { test: true } : {}),
      ...(finding.cwe.length > 0 ? { cwe: finding.cwe } : {}),
      ...(finding.samples ? { samples: finding.samples } : {}),
    },
  };
}

/** With --include-suppressed: GitHub ignores `suppressions` and would open alerts, so this is for auditors. */
function suppressedResult(finding: SuppressedFinding, ruleIndex: ReadonlyMap<string, number>): Json {
  const { suppression, ...rest } = finding;
  return {
    ...result(rest, ruleIndex),
    suppressions: [
      {
        kind: suppression.kind === 'baseline' ? 'external' : 'inSource',
        status: 'accepted',
        justification: suppression.reason,
        ...(suppression.file && suppression.line ? { location: { physicalLocation: physicalLocation(suppression.file, { line: suppression.line }) } } : {}),
      },
    ],
  };
}

interface Place {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

function physicalLocation(file: string, place: Place): Json {
  const startLine = Math.max(1, place.line);
  const startColumn = Math.max(1, place.column ?? 1);
  const endLine = Math.max(startLine, place.endLine ?? startLine);
  const endColumn = place.endColumn !== undefined && (endLine > startLine || place.endColumn >= startColumn) ? place.endColumn : startColumn;
  return {
    artifactLocation: { uri: fileUri(file), uriBaseId: SRCROOT },
    region: { startLine, startColumn, endLine, endColumn },
  };
}

function errorNotification(error: ToolError): Json {
  const level = SKIP_KINDS.has(error.kind) ? 'warning' : 'error';
  return notification(level, error.kind, error.message, error.file, error.line, error.column, error.ruleId);
}

function warningNotification(warning: ToolWarning): Json {
  return notification('warning', warning.kind, warning.message, warning.file, warning.line);
}

function notification(level: 'error' | 'warning' | 'note', kind: string, message: string, file?: string, line?: number, column?: number, ruleId?: string): Json {
  const located = file !== undefined && file !== '';
  return {
    level,
    message: { text: message },
    descriptor: { id: kind },
    ...(ruleId ? { associatedRule: { id: ruleId } } : {}),
    ...(located
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(file), uriBaseId: SRCROOT },
                ...(line && line > 0 ? { region: { startLine: line, ...(column && column > 0 ? { startColumn: column } : {}) } } : {}),
              },
            },
          ],
        }
      : {}),
  };
}

/** A report path (relative, forward slashes) as a relative URI reference. */
export function fileUri(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/** The message template with its metavariables shown as "…": a rule's one-line description. */
function plainTemplate(message: string): string {
  return message.replace(/\$(?:\.\.\.)?[A-Z_][A-Z0-9_]*/g, '…');
}

function firstParagraph(text: string): string {
  return (text.trim().split(/\n\s*\n/)[0] ?? text).replace(/\s+/g, ' ').trim();
}

function helpText(rule: RuleDescription, short: string): string {
  const parts = [rule.note?.trim() ?? short];
  if (rule.fixGuidance && rule.fixGuidance !== rule.note) parts.push(`Fix: ${rule.fixGuidance.trim()}`);
  if (rule.cwe.length > 0) parts.push(`Weakness: ${rule.cwe.join(', ')}`);
  if (rule.references.length > 0) parts.push(`References:\n${rule.references.map((reference) => `- ${reference}`).join('\n')}`);
  return parts.join('\n\n');
}

function helpMarkdown(rule: RuleDescription, short: string): string {
  const parts = [`**${rule.id}** (${rule.category}, ${rule.severity})`, noteAsMarkdown(rule.note ?? short)];
  if (rule.fixGuidance && rule.fixGuidance !== rule.note) parts.push(`**Fix:** ${noteAsMarkdown(rule.fixGuidance)}`);
  if (rule.cwe.length > 0) parts.push(`**Weakness:** ${rule.cwe.map((cwe) => (cweUri(cwe) ? `[${cwe}](${cweUri(cwe)})` : cwe)).join(', ')}`);
  if (rule.references.length > 0) parts.push(`**References**\n\n${rule.references.map((reference) => `- <${reference}>`).join('\n')}`);
  return parts.join('\n\n');
}

/** Notes are prose with code indented under it; in Markdown the code goes in fences. */
function noteAsMarkdown(note: string): string {
  const lines = note.trim().split('\n');
  const out: string[] = [];
  let inCode = false;
  for (const [index, line] of lines.entries()) {
    const isCode: boolean = /^\s{2,}\S/.test(line) || (inCode && line.trim() === '' && /^\s{2,}\S/.test(lines[index + 1] ?? ''));
    if (isCode && !inCode) out.push('```');
    if (!isCode && inCode) out.push('```');
    inCode = isCode;
    out.push(isCode ? line.replace(/^\s{2}/, '') : line);
  }
  if (inCode) out.push('```');
  return out.join('\n');
}

function cweUri(cwe: string | undefined): string | undefined {
  const number = cwe ? /^CWE-(\d+)$/i.exec(cwe)?.[1] : undefined;
  return number ? `https://cwe.mitre.org/data/definitions/${number}.html` : undefined;
}

/** SARIF message strings with embedded links need literal brackets escaped. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, (character) => `\\${character}`);
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
