import { createHash } from 'node:crypto';

/** What the digests need to know of a file: its content hash (null when it cannot be read) and text. */
export interface DigestSource {
  hash: string | null;
  text: string | undefined;
}

/**
 * A digest of each file together with every file it reaches through imports, re-exports and
 * requires (followed as the analysis resolves them): it changes when any of those files changes,
 * appears, disappears or resolves differently. Cycles are one strongly connected component, whose
 * digest covers all its members; the digests form a Merkle tree over the component graph, so each
 * file's digest costs its own imports once per scan.
 */
export class ImportDigests {
  private readonly digests = new Map<string, string>();
  private readonly reachableFrom = new Map<string, Set<string>>();
  private readonly edgesOf = new Map<string, Array<[string, string | null]>>();

  constructor(
    private readonly sourceOf: (file: string) => DigestSource,
    private readonly resolve: (fromFile: string, specifier: string) => string | undefined,
  ) {}

  digestOf(file: string): string {
    const known = this.digests.get(file);
    if (known) return known;
    this.computeFrom(file);
    return this.digests.get(file)!;
  }

  /** Every file `file` reaches through imports, itself included. */
  reachable(file: string): Set<string> {
    const known = this.reachableFrom.get(file);
    if (known) return known;
    const seen = new Set([file]);
    const pending = [file];
    while (pending.length > 0) {
      for (const [, target] of this.edges(pending.pop()!)) {
        if (target !== null && !seen.has(target)) {
          seen.add(target);
          pending.push(target);
        }
      }
    }
    this.reachableFrom.set(file, seen);
    return seen;
  }

  private edges(file: string): Array<[string, string | null]> {
    let edges = this.edgesOf.get(file);
    if (!edges) {
      const text = this.sourceOf(file).text;
      const specifiers = text === undefined ? [] : [...new Set(importedSpecifiers(text))].sort();
      edges = specifiers.map((specifier) => [specifier, this.resolve(file, specifier) ?? null]);
      this.edgesOf.set(file, edges);
    }
    return edges;
  }

  /** Tarjan's components, iteratively (import chains can be thousands of files long). */
  private computeFrom(start: string): void {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const work: Array<{ file: string; next: number }> = [];
    const visit = (file: string) => {
      index.set(file, index.size);
      low.set(file, index.get(file)!);
      stack.push(file);
      onStack.add(file);
      work.push({ file, next: 0 });
    };
    visit(start);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const edges = this.edges(frame.file);
      if (frame.next < edges.length) {
        const target = edges[frame.next++]![1];
        if (target === null || this.digests.has(target)) continue;
        if (!index.has(target)) visit(target);
        else if (onStack.has(target)) low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
      if (low.get(frame.file) !== index.get(frame.file)) continue;
      const members: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
      } while (member !== frame.file);
      this.finishComponent(members);
    }
  }

  private finishComponent(members: string[]): void {
    const inside = new Set(members);
    const hash = createHash('sha256');
    const below = new Set<string>();
    for (const file of members.sort()) {
      hash.update(`${file}\0${this.sourceOf(file).hash ?? '-'}\0`);
      for (const [specifier, target] of this.edges(file)) {
        hash.update(`${specifier}\0${target ?? '-'}\0`);
        if (target !== null && !inside.has(target)) below.add(this.digests.get(target)!);
      }
      hash.update('\n');
    }
    for (const digest of [...below].sort()) hash.update(digest);
    const digest = hash.digest('hex');
    for (const file of members) this.digests.set(file, digest);
  }
}

/** Module specifiers a file imports, requires or re-exports, read from its text (over-approximate: comments count too). */
function importedSpecifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom|\bimport|\brequire\s*\()\s*\(?\s*['"`]([^'"`\n]+)['"`]/g)].map((match) => match[1]!);
}
