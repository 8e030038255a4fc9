/**
 * "Did you mean ...?" for a mistyped command or flag: the closest known word by edit distance, when it is
 * close enough to be a typo rather than another word.
 * @module
 */

/** Levenshtein distance (insertions, deletions, substitutions; a swap of two neighbours counts as one). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/**
 * The known word `typed` was most likely meant to be: at most 2 edits away (1 for words of up to 4
 * letters), or one the typed text starts. `undefined` when none is that close.
 * @example
 * ```ts
 * suggest('lsit', ['list', 'create']); // → 'list'
 * ```
 */
export function suggest(typed: string, known: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  const limit = word.length <= 4 ? 1 : 2;
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(word, name);
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? (word.length >= 3 ? known.find((name) => name.startsWith(word)) : undefined);
}
