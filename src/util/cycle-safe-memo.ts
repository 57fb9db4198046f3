/**
 * A per-node memo that also stops cycles (`const a = b; const b = a;`, mutual re-exports): a
 * value asked for while it is being computed is unknown, never an endless recursion.
 */
export class CycleSafeMemo<K, V> {
  private readonly values = new Map<K, V | null>();
  private readonly inProgress = new Set<K>();

  get(key: K, compute: () => V | undefined): V | undefined {
    const cached = this.values.get(key);
    if (cached !== undefined) return cached ?? undefined;
    if (this.inProgress.has(key)) return undefined;
    this.inProgress.add(key);
    let value: V | undefined;
    try {
      value = compute();
    } finally {
      this.inProgress.delete(key);
    }
    this.values.set(key, value ?? null);
    return value;
  }
}
