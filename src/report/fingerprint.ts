import { createHash } from 'node:crypto';

/**
 * A fingerprint that survives edits elsewhere in the file: it hashes the rule, the file and the
 * matched text with whitespace folded, plus the occurrence number among identical matches,
 * never the line number.
 */
export function fingerprintOf(ruleId: string, file: string, matchedText: string, occurrence: number): string {
  const normalized = matchedText.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${ruleId}\0${file}\0${normalized}\0${occurrence}`).digest('hex').slice(0, 32);
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
