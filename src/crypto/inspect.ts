import { resolve } from 'node:path';
import { describeCheck } from '../report/describe-rule.js';
import { compareProblems, SKIP_KINDS, type Report, type RuleDescription, type ToolError, type ToolWarning } from '../report/finding.js';
import { TOOL_VERSION } from '../version.js';
import { analyseSample, type AnalysedSample } from './analyse-sample.js';
import { shippedChecks } from './check-catalog.js';
import { runCrossSampleChecks } from './cross/run-cross-checks.js';
import { toFindings, type LocatedObservation } from './findings.js';
import { describeChain } from './formats/identify.js';
import { InputFileError } from './input-file-error.js';
import { readCandidateKeys } from './keys/candidates.js';
import { keyFindings } from './keys/key-findings.js';
import { readAuthorizedPolicy } from './recipients/authorized-file.js';
import { auditRecipients } from './recipients/audit.js';
import { displayPath, readSamples } from './samples/read-samples.js';
import { observe } from './types.js';

export interface InspectOptions {
  /** Files, folders or "-" (standard input). */
  samples: readonly string[];
  /** Paths in the report are relative to this; defaults to the process's working directory. */
  cwd?: string;
  /** One sample per non-empty line (log files, JSON lines) instead of one per file. */
  lines?: boolean;
  /** The authorized-recipients YAML file (docs/inspect.md). */
  authorized?: string;
  /** Candidate keys to try against the samples, one per line or YAML `keys:`. */
  keys?: string;
  /** Supplies standard input when a sample is "-". */
  stdin?: () => Promise<Uint8Array>;
}

export type InspectResult = Report;

/**
 * Inspects sample ciphertexts: decodes and parses each one on its own, then runs the cross-sample,
 * statistical, recipient and key checks over the set. One bad sample is reported and skipped, never
 * fatal; a broken authorized or keys file stops the run with a config error.
 */
export async function inspect(options: InspectOptions): Promise<InspectResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const catalog = shippedChecks();
  const errors: ToolError[] = [];
  const warnings: ToolWarning[] = [];
  const policy = readConfig(errors, () => (options.authorized ? readAuthorizedPolicy(resolve(cwd, options.authorized), displayPath(cwd, resolve(cwd, options.authorized))) : undefined));
  const candidates = readConfig(errors, () => (options.keys ? readCandidateKeys(resolve(cwd, options.keys), displayPath(cwd, resolve(cwd, options.keys))) : undefined));
  if (errors.length > 0) return assemble([], errors, warnings, { files: 0, samples: 0, checks: catalog.size, started });

  const exclude = new Set([options.authorized, options.keys].filter((path): path is string => path !== undefined).map((path) => resolve(cwd, path)));
  const read = await readSamples({ paths: options.samples, cwd, lines: options.lines ?? false, exclude, ...(options.stdin ? { stdin: options.stdin } : {}) });
  errors.push(...read.errors);
  const analysed: AnalysedSample[] = [];
  const located: LocatedObservation[] = [];
  for (const sample of read.samples) {
    if (sample.bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d)) {
      warnings.push({ file: sample.source.file, line: sample.source.line, message: 'empty sample, nothing to inspect', kind: 'empty-sample' });
      continue;
    }
    try {
      const result = analyseSample(sample);
      analysed.push(result);
      located.push(...result.observations.map((observation) => ({ observation, samples: [{ source: sample.source, digest: result.digest }] })));
    } catch (error) {
      errors.push({ file: sample.source.file, line: sample.source.line, message: `internal error while parsing this sample: ${reason(error)}`, kind: 'internal' });
    }
  }
  const runStep = <T>(name: string, step: () => T, fallback: T): T => {
    try {
      return step();
    } catch (error) {
      errors.push({ message: `internal error in the ${name} checks: ${reason(error)}`, kind: 'internal' });
      return fallback;
    }
  };
  const cross = runStep('cross-sample', () => runCrossSampleChecks(analysed), { located: [], verdicts: new Map<AnalysedSample, string>(), warnings: [] as ToolWarning[], testsRun: 0 });
  located.push(...cross.located);
  warnings.push(...cross.warnings);
  const audit = runStep('recipient', () => auditRecipients(analysed, policy), { located: [], warnings: [] });
  located.push(...audit.located);
  warnings.push(...audit.warnings);
  if (candidates) {
    const keys = runStep('key confirmation', () => keyFindings(candidates, analysed), { located: [], warnings: [] });
    located.push(...keys.located);
    warnings.push(...keys.warnings);
  }
  located.push(...analysed.map((sample) => summaryOf(sample, cross.verdicts.get(sample))));
  return assemble(runStep('report', () => toFindings(located, catalog), []), errors, warnings, {
    files: read.files,
    samples: analysed.length,
    checks: catalog.size,
    started,
    randomnessTests: cross.testsRun,
  });
}

function readConfig<T>(errors: ToolError[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    errors.push({ file: error.file, ...(error.line > 0 ? { line: error.line, column: error.column } : {}), message: error.message, kind: 'config' });
    return undefined;
  }
}

/** The per-sample verdict: what the bytes are and what they prove. */
function summaryOf(analysed: AnalysedSample, verdict: string | undefined): LocatedObservation {
  const { container, decoded } = analysed;
  const facts = container.details.length > 0 ? container.details : ['no header to read'];
  const values: Record<string, string> = {
    FORMAT: container.format,
    SIZE: `${decoded.bytes.length} bytes`,
    CHAIN: describeChain(decoded.chain),
    RANDOMNESS: !container.encrypted ? 'not applicable (not encrypted)' : (verdict ?? 'not tested'),
  };
  // Each fact is its own value (message values are capped in length); later ones carry their separator.
  for (let slot = 0; slot < SUMMARY_FACTS; slot++) {
    const fact = slot < SUMMARY_FACTS - 1 ? facts[slot] : facts.slice(slot).join('; ');
    values[`FACT${slot + 1}`] = fact ? `${slot > 0 ? '; ' : ''}${fact}` : '';
  }
  return { observation: observe('fmt.summary', values, 'summary'), samples: [{ source: analysed.sample.source, digest: analysed.digest }] };
}

const SUMMARY_FACTS = 4;

function assemble(
  findings: Report['findings'],
  errors: ToolError[],
  warnings: ToolWarning[],
  counts: { files: number; samples: number; checks: number; started: number; randomnessTests?: number },
): InspectResult {
  return {
    version: 1,
    tool: { name: 'nobackdoor', version: TOOL_VERSION },
    findings,
    errors: errors.sort(compareProblems),
    warnings: warnings.sort(compareProblems),
    rules: describedChecksOf(findings),
    stats: {
      files: counts.files,
      filesSkipped: errors.filter((error) => SKIP_KINDS.has(error.kind)).length,
      rules: counts.checks,
      suppressed: 0,
      baselined: 0,
      durationMs: Math.round(performance.now() - counts.started),
      samples: counts.samples,
      randomnessTests: counts.randomnessTests ?? 0,
    },
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The checks that reported, described as rules are (for SARIF and Markdown). */
function describedChecksOf(findings: Report['findings']): RuleDescription[] {
  const ids = new Set(findings.map((finding) => finding.ruleId));
  return [...shippedChecks().values()].filter((check) => ids.has(check.id)).map(describeCheck);
}
