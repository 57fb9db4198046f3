/**
 * Answers about a file's exports, kept with the content hashes of every file they were derived
 * from. An answer is reused only while all those hashes still match, so a cache kept across runs
 * cannot serve a constant that changed in an imported file.
 */
export interface CachedAnswer<T> {
  value: T;
  dependencies: ReadonlyMap<string, string>;
}

export class AnswerCache {
  private readonly answers = new Map<string, CachedAnswer<unknown>>();

  get<T>(key: string, currentHash: (file: string) => string | undefined): CachedAnswer<T> | undefined {
    const entry = this.answers.get(key) as CachedAnswer<T> | undefined;
    if (!entry) return undefined;
    for (const [file, hash] of entry.dependencies) {
      if (currentHash(file) !== hash) {
        this.answers.delete(key);
        return undefined;
      }
    }
    return entry;
  }

  set<T>(key: string, answer: CachedAnswer<T>): void {
    this.answers.set(key, answer);
  }

  get size(): number {
    return this.answers.size;
  }
}
