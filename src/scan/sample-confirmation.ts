import { shippedChecks } from '../crypto/check-catalog.js';
import type { CheckId } from '../crypto/check-ids.js';
import { confirmKeys } from '../crypto/keys/confirm-keys.js';
import { readSamples } from '../crypto/samples/read-samples.js';
import { unwrap } from '../lang/ast.js';
import { ConstantArray, type ConstantValue } from '../lang/constants.js';
import type { RangeMatch } from '../match/formula.js';
import type { MatchContext } from '../match/match-context.js';
import type { Finding, ToolError, ToolWarning } from '../report/finding.js';
import { fingerprintOf } from '../report/fingerprint.js';
import { renderMessage } from '../report/message.js';
import type { CompiledRule } from '../rules/compiled-rule.js';

export interface SampleConfirmation {
  findings: Finding[];
  errors: ToolError[];
  warnings: ToolWarning[];
}

type KeyValue = string | Uint8Array;

/**
 * The hard-coded keys that rules found (the constant value of a rule's `key-candidate`
 * metavariable), by the finding at the code that holds them. Kept beside the findings, never in
 * them, so no formatter can print a key.
 */
export class KeyCandidates {
  private readonly byHolder = new Map<string, { finding: Finding; value: KeyValue }>();

  /** A MatchObserver (scan/analyze-file.ts): reads the key value of every finding of a rule with `key-candidate`. */
  readonly observe = (rule: CompiledRule, match: RangeMatch, finding: Finding, context: MatchContext): void => {
    const value = rule.keyCandidate ? keyValueOf(match, rule.keyCandidate, context) : undefined;
    if (value !== undefined) this.byHolder.set(`${finding.file}:${finding.line}`, { finding, value });
  };

  get size(): number {
    return this.byHolder.size;
  }

  entries(): Array<[string, { finding: Finding; value: KeyValue }]> {
    return [...this.byHolder];
  }
}

/** The constant bytes or text bound to the metavariable: `Buffer.from(KEY_HEX, 'hex')` and `enc.parse(KEY)` give their first constant argument. */
function keyValueOf(match: RangeMatch, metavariable: string, context: MatchContext): KeyValue | undefined {
  const binding = match.state.bindings[metavariable];
  if (!binding) return undefined;
  let value: ConstantValue | undefined = context.constantValueOf(binding);
  const call = binding.nodes.length === 1 ? unwrap(binding.nodes[0]!) : undefined;
  if (value === undefined && (call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.arguments[0]) {
    value = context.facts.constants.valueOf(call.arguments[0])?.value;
  }
  if (typeof value === 'string' && value.length > 0) return value;
  if (value instanceof ConstantArray && value.items.length > 0 && value.items.every((item) => typeof item?.value === 'number')) {
    return Uint8Array.from(value.items.map((item) => item!.value as number));
  }
  return undefined;
}

/**
 * `scan --samples DIR`: the keys that rules found hard-coded are tried on the app's real
 * ciphertexts. A key that opens them is proof, reported as critical at the code that holds the
 * key. Keys are never printed, only where they are and a short hash.
 */
export async function confirmHardCodedKeys(keys: KeyCandidates, samplesPath: string, cwd: string): Promise<SampleConfirmation> {
  const holders = new Map(keys.entries().map(([label, entry]) => [label, entry.finding]));
  const read = await readSamples({ paths: [samplesPath], cwd, lines: false });
  if (keys.size === 0 || read.samples.length === 0) return { findings: [], errors: read.errors, warnings: [] };

  const candidates = keys.entries().map(([label, entry]) => ({ label, value: entry.value }));
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
