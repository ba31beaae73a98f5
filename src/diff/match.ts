/**
 * Pairing the items of two years (documents, projects, indicators) in stages: each stage
 * pairs what the earlier ones left, either by an equal key (a project code, a normalized
 * name) or by a similarity score above a threshold, best scores first. Within a key,
 * items pair in order, so two indicators with the same name pair first with first.
 */

export type Stage<T, By extends string> =
  | { by: By; key: (item: T) => string | null }
  | { by: By; score: (before: T, after: T) => number | null; threshold: number };

export interface Pair<By extends string> {
  oldIndex: number;
  newIndex: number;
  by: By;
  /** The similarity, rounded to two decimals, for a score stage; null for a key stage. */
  score: number | null;
}

export interface Matching<By extends string> {
  /** In the order of the new items. */
  pairs: Pair<By>[];
  unmatchedOld: number[];
  unmatchedNew: number[];
}

export function matchItems<T, By extends string>(olds: readonly T[], news: readonly T[], stages: readonly Stage<T, By>[]): Matching<By> {
  const oldFree = new Set(olds.keys());
  const newFree = new Set(news.keys());
  const pairs: Pair<By>[] = [];
  const take = (oldIndex: number, newIndex: number, by: By, score: number | null): void => {
    oldFree.delete(oldIndex);
    newFree.delete(newIndex);
    pairs.push({ oldIndex, newIndex, by, score });
  };

  for (const stage of stages) {
    if ('key' in stage) {
      const waiting = new Map<string, number[]>();
      for (const i of oldFree) {
        const key = stage.key(olds[i] as T);
        if (key !== null && key !== '') waiting.set(key, [...(waiting.get(key) ?? []), i]);
      }
      for (const j of [...newFree]) {
        const key = stage.key(news[j] as T);
        const oldIndex = key === null ? undefined : waiting.get(key)?.shift();
        if (oldIndex !== undefined) take(oldIndex, j, stage.by, null);
      }
    } else {
      const candidates: Array<{ i: number; j: number; score: number }> = [];
      for (const i of oldFree) {
        for (const j of newFree) {
          const score = stage.score(olds[i] as T, news[j] as T);
          if (score !== null && score >= stage.threshold) candidates.push({ i, j, score });
        }
      }
      candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
      for (const { i, j, score } of candidates) {
        if (oldFree.has(i) && newFree.has(j)) take(i, j, stage.by, Math.round(score * 100) / 100);
      }
    }
  }
  pairs.sort((x, y) => x.newIndex - y.newIndex);
  return { pairs, unmatchedOld: [...oldFree].sort((a, b) => a - b), unmatchedNew: [...newFree].sort((a, b) => a - b) };
}
