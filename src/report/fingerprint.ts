import { createHash } from 'node:crypto';
import type { TraceStep } from './finding.js';

/**
 * A fingerprint that survives edits elsewhere in the file: it hashes the rule, the file and the
 * matched text with whitespace folded, plus the occurrence number among identical matches,
 * never the line number.
 */
export function fingerprintOf(ruleId: string, file: string, matchedText: string, occurrence: number): string {
  const normalized = matchedText.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${ruleId}\0${file}\0${normalized}\0${occurrence}`).digest('hex').slice(0, 32);
}

/**
 * The fingerprint of a data-flow finding's path: the rule, the sink (file and matched text) and
 * where the value came from (the first `source` step's file and note, which quotes the source
 * code). A pull request that changes the source makes a new flow even when the sink line stays
 * the same, which `--diff-base` needs. Without a source step it is the location fingerprint.
 */
export function flowFingerprintOf(ruleId: string, file: string, matchedText: string, trace: readonly TraceStep[], locationFingerprint: string): string {
  const source = trace.find((step) => step.kind === 'source');
  if (!source) return locationFingerprint;
  const normalized = matchedText.replace(/\s+/g, ' ').trim();
  const sourceNote = source.note.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`flow\0${ruleId}\0${file}\0${normalized}\0${source.file}\0${sourceNote}`).digest('hex').slice(0, 32);
}

/** Assigns occurrence numbers in order of appearance so identical matches get distinct fingerprints. */
export class OccurrenceCounter {
  private readonly seen = new Map<string, number>();

  next(key: string): number {
    const count = this.seen.get(key) ?? 0;
    this.seen.set(key, count + 1);
    return count;
  }
}
