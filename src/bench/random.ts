/**
 * A small seeded pseudo-random generator, so every benchmark corpus and
 * question sample is the same from run to run.
 */

/** A seeded random source: `next()` returns a float in [0, 1). */
export interface Random {
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

/**
 * mulberry32: tiny, fast and good enough for sampling (not for cryptography).
 * @example const r = seeded(42); r.int(10) // same value on every run
 */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

/** A seeded sample of `k` items (all of them when there are fewer), in a stable order. */
export function sample<T>(items: readonly T[], k: number, random: Random): T[] {
  const copy = [...items];
  const n = Math.min(k, copy.length);
  // Partial Fisher-Yates: the first n slots end up a uniform sample.
  for (let i = 0; i < n; i++) {
    const j = i + random.int(copy.length - i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
