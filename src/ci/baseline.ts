import { readFileSync } from 'node:fs';
import { compareText, type Finding, type Report, type SuppressedFinding, type ToolWarning } from '../report/finding.js';

/**
 * A baseline: the findings a team has accepted, by fingerprint, so that a scan reports only new
 * ones. Written by `nobackdoor baseline create|update`; a JSON report is also read as one.
 */
export interface BaselineEntry {
  ruleId: string;
  file: string;
  fingerprint: string;
  /** Where it was when the baseline was written (for people; matching uses the fingerprint). */
  line?: number;
  message?: string;
  /** Why it is accepted; kept by `baseline update`. */
  reason?: string;
}

export interface Baseline {
  version: 1;
  tool: { name: 'nobackdoor'; version: string };
  entries: BaselineEntry[];
}

export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

/** A baseline of a report's findings; with `previous`, the reasons written there are kept. */
export function createBaseline(report: Report, previous?: Baseline): Baseline {
  const reasons = new Map((previous?.entries ?? []).filter((entry) => entry.reason).map((entry) => [keyOf(entry), entry.reason!]));
  const entries = report.findings.map((finding): BaselineEntry => {
    const reason = reasons.get(keyOf(finding));
    return { ruleId: finding.ruleId, file: finding.file, fingerprint: finding.fingerprint, line: finding.line, message: finding.message, ...(reason ? { reason } : {}) };
  });
  entries.sort((a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.ruleId, b.ruleId) || compareText(a.fingerprint, b.fingerprint));
  return { version: 1, tool: { name: 'nobackdoor', version: report.tool.version }, entries };
}

export function baselineText(baseline: Baseline): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}

/** Reads a baseline file, or a JSON report used as one; a broken file is an error that says how to fix it. */
export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BaselineError(`cannot read the baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. Create one with "nobackdoor baseline create -o ${path}"`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`the baseline ${path} is not JSON (${error instanceof Error ? error.message : String(error)}); recreate it with "nobackdoor baseline create -o ${path}"`);
  }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const list = Array.isArray(record.entries) ? record.entries : Array.isArray(record.findings) ? record.findings : undefined;
  if (!list) throw new BaselineError(`the baseline ${path} has neither "entries" (a baseline file) nor "findings" (a JSON report); recreate it with "nobackdoor baseline create -o ${path}"`);
  const entries: BaselineEntry[] = [];
  for (const [index, item] of list.entries()) {
    const entry = item as Partial<BaselineEntry> | null;
    if (!entry || typeof entry.ruleId !== 'string' || typeof entry.fingerprint !== 'string' || typeof entry.file !== 'string') {
      throw new BaselineError(`the baseline ${path}: entry ${index + 1} needs "ruleId", "file" and "fingerprint" strings; recreate the file with "nobackdoor baseline create -o ${path}"`);
    }
    entries.push({
      ruleId: entry.ruleId, file: entry.file, fingerprint: entry.fingerprint,
      ...(typeof entry.line === 'number' ? { line: entry.line } : {}),
      ...(typeof entry.message === 'string' ? { message: entry.message } : {}),
      ...(typeof entry.reason === 'string' ? { reason: entry.reason } : {}),
    });
  }
  const version = (record.tool as { version?: unknown } | undefined)?.version;
  return { version: 1, tool: { name: 'nobackdoor', version: typeof version === 'string' ? version : 'unknown' }, entries };
}

export interface BaselineOutcome {
  findings: Finding[];
  baselined: SuppressedFinding[];
  warnings: ToolWarning[];
}

/**
 * Leaves out findings in the baseline and lists its entries that no longer match a finding
 * (fixed, or changed beyond recognition) as `stale-baseline` warnings. `owns` limits the stale
 * check to the files this scan covered (a shard, a path given on the command line).
 */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline, owns: (file: string) => boolean): BaselineOutcome {
  const entries = new Map(baseline.entries.map((entry) => [keyOf(entry), entry]));
  const matched = new Set<string>();
  const kept: Finding[] = [];
  const baselined: SuppressedFinding[] = [];
  for (const finding of findings) {
    const entry = entries.get(keyOf(finding));
    if (!entry) {
      kept.push(finding);
      continue;
    }
    matched.add(keyOf(finding));
    baselined.push({ ...finding, suppression: { kind: 'baseline', reason: entry.reason ?? 'in the baseline' } });
  }
  const warnings: ToolWarning[] = [];
  for (const [key, entry] of entries) {
    if (matched.has(key) || !owns(entry.file)) continue;
    warnings.push({
      file: entry.file,
      line: entry.line ?? 0,
      kind: 'stale-baseline',
      message: `the baseline entry for ${entry.ruleId} (${entry.fingerprint.slice(0, 12)}) matches no finding any more (fixed or changed); run "nobackdoor baseline update" to drop it`,
    });
  }
  return { findings: kept, baselined, warnings };
}

function keyOf(item: { ruleId: string; fingerprint: string }): string {
  return `${item.ruleId}\0${item.fingerprint}`;
}
