/**
 * "Did you mean" for every place that rejects a word (rule keys, rule ids, flags, flag values,
 * commands): the closest candidate by edit distance, when it is close enough to be a typo.
 */
export function closestWord(word: string, candidates: Iterable<string>): string | undefined {
  const typed = word.toLowerCase();
  // Short words get one edit, longer ones one per three letters: "jsn" → json, "pattern-eiter" → pattern-either.
  const allowed = Math.max(1, Math.floor(typed.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance < bestDistance && distance <= allowed) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` Did you mean "x"?` or nothing, to append to a message that already ends a sentence. */
export function didYouMean(word: string, candidates: Iterable<string>, quote: (word: string) => string = (text) => `"${text}"`): string {
  const best = closestWord(word, candidates);
  return best === undefined || best === word ? '' : ` Did you mean ${quote(best)}?`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, table[i - 2]![j - 2]! + 1);
      table[i]![j] = distance;
    }
  }
  return table[rows - 1]![columns - 1]!;
}
