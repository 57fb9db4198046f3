import { ERROR_KINDS, type ErrorKind, type Finding, type Report, type ToolError } from '../report/finding.js';
import { SEVERITIES, type Severity } from '../report/severity.js';
import { MergeError } from './merge.js';

type Json = Record<string, unknown>;

/**
 * Joins nobackdoor SARIF logs (the shards of one scan) into one log with one run, as GitHub
 * needs: rules united by id with `ruleIndex` renumbered, results de-duplicated by rule, file and
 * fingerprint, notifications joined, and the run successful only if every shard's was.
 */
export function mergeSarifLogs(inputs: ReadonlyArray<{ source: string; log: unknown }>): Json {
  if (inputs.length === 0) throw new MergeError('nothing to merge: name two or more SARIF files');
  const runs = inputs.map(({ source, log }) => onlyRun(source, log));
  const first = runs[0]!;
  const driver = (first.tool as Json).driver as Json;
  for (const [index, run] of runs.entries()) {
    const other = (run.tool as Json).driver as Json;
    if (other.semanticVersion !== driver.semanticVersion) {
      throw new MergeError(`${inputs[index]!.source} was written by nobackdoor ${String(other.semanticVersion)}, ${inputs[0]!.source} by ${String(driver.semanticVersion)}: merge shards of one scan, run with one version`);
    }
    if (JSON.stringify(run.automationDetails) !== JSON.stringify(first.automationDetails)) {
      throw new MergeError(`${inputs[index]!.source} has another category (automationDetails) than ${inputs[0]!.source}: shards of one scan share one --category`);
    }
  }

  const rules = new Map<string, Json>();
  for (const run of runs) for (const rule of ((run.tool as Json).driver as Json).rules as Json[]) if (!rules.has(rule.id as string)) rules.set(rule.id as string, rule);
  const ruleList = [...rules.values()].sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : (a.id as string) > (b.id as string) ? 1 : 0));
  const ruleIndex = new Map(ruleList.map((rule, index) => [rule.id as string, index]));

  const seen = new Set<string>();
  const results: Json[] = [];
  for (const run of runs) {
    for (const result of run.results as Json[]) {
      const key = resultKey(result);
      if (seen.has(key)) continue;
      seen.add(key);
      results.push({ ...result, ruleIndex: ruleIndex.get(result.ruleId as string) });
    }
  }

  const invocations = runs.map((run) => ((run.invocations as Json[] | undefined) ?? [])[0] ?? {});
  const joined = (name: string) => uniqueJson(invocations.flatMap((invocation) => (invocation[name] as Json[] | undefined) ?? []));
  const stats = runs.map((run) => ((run.properties as Json | undefined)?.stats ?? {}) as Record<string, number>);
  const sum = (name: string) => stats.reduce((total, entry) => total + (entry[name] ?? 0), 0);
  const shards = runs.map((run) => (run.properties as Json | undefined)?.shard as { index: number; total: number } | undefined).filter((shard) => shard !== undefined);
  const missing = missingShards(shards);

  return {
    $schema: (inputs[0]!.log as Json).$schema,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { ...driver, rules: ruleList } },
        ...(first.automationDetails ? { automationDetails: first.automationDetails } : {}),
        columnKind: first.columnKind ?? 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: invocations.every((invocation) => invocation.executionSuccessful !== false),
            toolExecutionNotifications: [
              ...joined('toolExecutionNotifications'),
              ...(missing ? [{ level: 'error', message: { text: missing }, descriptor: { id: 'missing-shard' } }] : []),
            ],
            toolConfigurationNotifications: joined('toolConfigurationNotifications'),
          },
        ],
        properties: {
          stats: {
            files: sum('files'),
            filesSkipped: sum('filesSkipped'),
            rules: Math.max(0, ...stats.map((entry) => entry.rules ?? 0)),
            suppressed: sum('suppressed'),
            baselined: sum('baselined'),
            durationMs: Math.max(0, ...stats.map((entry) => entry.durationMs ?? 0)),
          },
        },
      },
    ],
  };
}

/** What the exit code of a merged SARIF log rests on, as a report: findings' severities and the tool's errors. */
export function outcomeOfSarif(log: Json): Report {
  const run = (log.runs as Json[])[0]!;
  const findings = (run.results as Json[])
    .filter((result) => !result.suppressions)
    .map((result): Finding => {
      const properties = (result.properties ?? {}) as Json;
      const severity = SEVERITIES.includes(properties.severity as Severity) ? (properties.severity as Severity) : 'medium';
      return { ruleId: String(result.ruleId), category: text(properties.category), severity, confidence: 'medium', message: '', file: '', line: 0, column: 0, endLine: 0, endColumn: 0, fingerprint: '', cwe: [] };
    });
  const invocation = ((run.invocations as Json[] | undefined) ?? [])[0] ?? {};
  const notifications = [...((invocation.toolExecutionNotifications as Json[] | undefined) ?? []), ...((invocation.toolConfigurationNotifications as Json[] | undefined) ?? [])];
  const errors: ToolError[] = notifications
    .map((notification) => ({ id: text((notification.descriptor as Json | undefined)?.id), text: text((notification.message as Json | undefined)?.text) }))
    .filter((notification) => (ERROR_KINDS as readonly string[]).includes(notification.id) || notification.id === 'missing-shard')
    .map((notification) => ({ message: notification.text, kind: (notification.id === 'missing-shard' ? 'config' : notification.id) as ErrorKind }));
  const stats = ((run.properties as Json | undefined)?.stats ?? {}) as Report['stats'];
  return { version: 1, tool: { name: 'nobackdoor', version: '' }, findings, errors, warnings: [], stats };
}

export function isSarifLog(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as Json).version === '2.1.0' && Array.isArray((data as Json).runs);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function onlyRun(source: string, log: unknown): Json {
  if (!isSarifLog(log)) throw new MergeError(`${source} is not a SARIF 2.1.0 log`);
  const runs = (log as Json).runs as Json[];
  if (runs.length !== 1) throw new MergeError(`${source} has ${runs.length} runs; nobackdoor writes one run per log, so merge logs it wrote`);
  const run = runs[0]!;
  const driver = ((run.tool as Json | undefined)?.driver ?? {}) as Json;
  if (driver.name !== 'nobackdoor' || !Array.isArray(driver.rules) || !Array.isArray(run.results)) {
    throw new MergeError(`${source} was not written by nobackdoor (tool "${String(driver.name)}"); merge only nobackdoor SARIF logs`);
  }
  return run;
}

function resultKey(result: Json): string {
  const fingerprints = (result.partialFingerprints ?? {}) as Record<string, string>;
  const location = ((result.locations as Json[] | undefined)?.[0]?.physicalLocation as Json | undefined)?.artifactLocation as Json | undefined;
  return `${String(result.ruleId)}\0${String(location?.uri)}\0${fingerprints['nobackdoor/location/v1'] ?? JSON.stringify(result)}\0${result.suppressions ? 's' : ''}`;
}

function missingShards(shards: ReadonlyArray<{ index: number; total: number }>): string | undefined {
  if (shards.length === 0) return undefined;
  const total = shards[0]!.total;
  const present = new Set(shards.map((shard) => shard.index));
  const missing = Array.from({ length: total }, (_, index) => index + 1).filter((index) => !present.has(index));
  return missing.length > 0 ? `the merged logs lack shard ${missing.join(', ')} of ${total}, so the files of those shards were not scanned` : undefined;
}

function uniqueJson(items: readonly Json[]): Json[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

