import { shippedChecks } from '../crypto/check-catalog.js';
import type { CheckId } from '../crypto/check-ids.js';
import { confirmKeys } from '../crypto/keys/confirm-keys.js';
import { readSamples } from '../crypto/samples/read-samples.js';
import type { Finding, ToolError, ToolWarning } from '../report/finding.js';
import { fingerprintOf } from '../report/fingerprint.js';
import { renderMessage } from '../report/message.js';

export interface SampleConfirmation {
  findings: Finding[];
  errors: ToolError[];
  warnings: ToolWarning[];
}

/**
 * `scan --samples DIR`: the keys that rules found hard-coded (their `key-candidate` values) are
 * tried on the app's real ciphertexts. A key that opens them is proof, reported as critical at
 * the code that holds the key. Keys are never printed, only where they are and a short hash.
 */
export async function confirmHardCodedKeys(findings: readonly Finding[], samplesPath: string, cwd: string): Promise<SampleConfirmation> {
  const holders = new Map<string, Finding>();
  for (const finding of findings) if (finding.keyCandidate !== undefined) holders.set(`${finding.file}:${finding.line}`, finding);
  const read = await readSamples({ paths: [samplesPath], cwd, lines: false });
  if (holders.size === 0 || read.samples.length === 0) return { findings: [], errors: read.errors, warnings: [] };

  const candidates = [...holders].map(([label, finding]) => ({ label, value: finding.keyCandidate! }));
  const samples = read.samples.map((sample) => ({ name: sample.source.name, bytes: sample.bytes }));
  const result = confirmKeys(candidates, samples);
  const catalog = shippedChecks();
  const confirmed = result.confirmations.map((confirmation) => {
    const holder = holders.get(confirmation.candidate)!;
    const check: CheckId = confirmation.authenticated ? 'key.decrypts' : 'key.decrypts-unauthenticated';
    const definition = catalog.get(check)!;
    const values = {
      KEY: `${confirmation.candidate} (sha256 ${confirmation.fingerprint}, ${confirmation.encoding})`,
      COUNT: String(confirmation.samples.length),
      TOTAL: `${samples.length} ${samples.length === 1 ? 'sample' : 'samples'}`,
      MODE: confirmation.mode,
      LAYOUT: confirmation.layout,
    };
    const finding: Finding = {
      ruleId: definition.id,
      category: definition.category,
      severity: definition.severity,
      confidence: definition.confidence,
      message: renderMessage(definition.message, values),
      file: holder.file,
      line: holder.line,
      column: holder.column,
      endLine: holder.endLine,
      endColumn: holder.endColumn,
      ...(holder.context ? { context: holder.context } : {}),
      fingerprint: fingerprintOf(definition.id, holder.file, `${holder.fingerprint}\0${confirmation.mode}\0${confirmation.layout}`, 0),
      cwe: definition.cwe,
      samples: confirmation.samples,
      ...(holder.snippet ? { snippet: holder.snippet } : {}),
    };
    return finding;
  });
  const warnings: ToolWarning[] = result.incomplete ? [{ line: 0, message: result.incomplete, kind: 'key-trials-incomplete' }] : [];
  return { findings: confirmed, errors: read.errors, warnings };
}
