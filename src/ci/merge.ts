import { compareFindings, compareProblems, type Finding, type Report, type ToolError, type ToolWarning } from '../report/finding.js';

export class MergeError extends Error {
  override readonly name = 'MergeError';
}

/**
 * Joins the reports of the shards of one scan (or of several scans of one project) into one: a
 * finding that two shards both reported (data-flow findings can be located in a file of another
 * shard) appears once, by rule, file and fingerprint.
 */
export function mergeReports(reports: readonly Report[]): Report {
  if (reports.length === 0) throw new MergeError('nothing to merge: name two or more reports');
  const findings = unique(reports.flatMap((report) => report.findings), findingKey).sort(compareFindings);
  const errors = unique(reports.flatMap((report) => report.errors), problemKey).sort(compareProblems);
  const warnings = unique(
    reports.flatMap((report) => report.warnings).filter((warning) => warning.kind !== 'nothing-scanned' || reports.every((report) => report.stats.files === 0)),
    problemKey,
  ).sort(compareProblems);
  const suppressed = reports.some((report) => report.suppressed) ? unique(reports.flatMap((report) => report.suppressed ?? []), findingKey).sort(compareFindings) : undefined;
  const rules = new Map(reports.flatMap((report) => report.rules ?? []).map((rule) => [rule.id, rule]));
  const sum = (pick: (report: Report) => number) => reports.reduce((total, report) => total + pick(report), 0);
  const stats: Report['stats'] = {
    files: sum((report) => report.stats.files),
    filesSkipped: sum((report) => report.stats.filesSkipped),
    rules: Math.max(...reports.map((report) => report.stats.rules)),
    suppressed: sum((report) => report.stats.suppressed),
    baselined: sum((report) => report.stats.baselined),
    durationMs: Math.max(...reports.map((report) => report.stats.durationMs)),
    ...(reports.some((report) => report.stats.cached !== undefined) ? { cached: sum((report) => report.stats.cached ?? 0) } : {}),
  };
  return {
    version: 1,
    tool: reports[0]!.tool,
    findings,
    errors,
    warnings: [...warnings, ...missingShards(reports)],
    stats,
    ...(rules.size > 0 ? { rules: [...rules.values()] } : {}),
    ...(suppressed ? { suppressed } : {}),
  };
}

/** A JSON report read back: checked enough that merging cannot fail halfway. */
export function reportFromJson(text: string, source: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new MergeError(`${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const report = data as Partial<Report> | null;
  if (!report || report.version !== 1 || !Array.isArray(report.findings) || !Array.isArray(report.errors) || !Array.isArray(report.warnings) || typeof report.stats !== 'object') {
    throw new MergeError(`${source} is not a nobackdoor JSON report (version 1 with findings, errors, warnings and stats); write it with "nobackdoor scan --format json"`);
  }
  return report as Report;
}

function missingShards(reports: readonly Report[]): ToolWarning[] {
  const sharded = reports.filter((report) => report.shard);
  if (sharded.length === 0) return [];
  const total = sharded[0]!.shard!.total;
  const present = new Set(sharded.map((report) => report.shard!.index));
  const missing = Array.from({ length: total }, (_, index) => index + 1).filter((index) => !present.has(index));
  if (missing.length === 0) return [];
  return [{ line: 0, kind: 'missing-shard', message: `the merged reports lack shard ${missing.join(', ')} of ${total}, so the files of those shards were not scanned` }];
}

function findingKey(finding: Finding): string {
  return `${finding.ruleId}\0${finding.file}\0${finding.fingerprint}`;
}

function problemKey(problem: ToolError | ToolWarning): string {
  return `${problem.kind}\0${problem.file ?? ''}\0${problem.line ?? 0}\0${problem.message}`;
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = key(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
