/**
 * Soft matching: partial credit when a sentence uses a word that means
 * nearly what the question's word means ("automakers" for "carmakers"),
 * scored by word-vector similarity or WordNet synonymy, with the named-entity
 * guard: a name matches only itself.
 */
import type { WordVectors } from './vectors.ts';
import type { WordNetTable } from './wordnet.ts';

/**
 * Least cosine similarity that earns credit; below it two words are only
 * topically related. Credit rises linearly from 0 at the floor to 1 at
 * similarity 1, so loosely related words (0.5–0.6, common between any two
 * news words) earn little and near-synonyms (0.8+) nearly full credit.
 * Default 0.45.
 */
export const SOFT_MATCH_FLOOR = 0.45;

/** Credit (0–1) for each (question stem, text stem) pair. */
export interface SoftMatcher {
  /** 1 for the same stem; the scaled similarity above the floor when neither is a name; else 0. */
  credit(asked: string, found: string): number;
}

// Rows of stems, per vector table, shared by every question: the lookup hashes the stem's bytes, so
// once per stem and process is enough.
const rowCache = new WeakMap<WordVectors, Map<string, number>>();
function rowOf(vectors: WordVectors, stem: string): number {
  let rows = rowCache.get(vectors);
  if (!rows) rowCache.set(vectors, (rows = new Map()));
  let r = rows.get(stem);
  if (r === undefined) rows.set(stem, (r = vectors.row(stem)));
  return r;
}

/**
 * Credit for a WordNet synonym (same synset, a derivation such as
 * notify/notification, a similar adjective) when the vectors give less: the
 * vectors miss exact synonyms of rare senses (tariff/duty 0.30). Below 1,
 * since WordNet's senses are not the question's. Default 0.8.
 */
export const WORDNET_CREDIT = 0.8;

/** Options of `softMatcher`. */
export interface SoftMatchOptions {
  /** Default `SOFT_MATCH_FLOOR`. */
  floor: number;
  /** WordNet synonyms (null: vectors only). Default null. */
  wordnet: WordNetTable | null;
  /** Default `WORDNET_CREDIT`. */
  wordnetCredit: number;
}

/** A matcher over a vector table and WordNet; `names` are asked stems that match only exactly. */
export function softMatcher(vectors: WordVectors | null, names: ReadonlySet<string>, options: Partial<SoftMatchOptions> = {}): SoftMatcher {
  const floor = options.floor ?? SOFT_MATCH_FLOOR;
  const wordnet = options.wordnet ?? null;
  const wordnetCredit = options.wordnetCredit ?? WORDNET_CREDIT;
  // Each asked stem's WordNet synonyms, looked up once: a set lookup per pair, not a table probe.
  const synonyms = new Map<string, Set<string>>();
  const synonymsOf = (asked: string) => {
    let set = synonyms.get(asked);
    if (!set) synonyms.set(asked, (set = new Set(wordnet?.synonymsOf(asked) ?? [])));
    return set;
  };
  return {
    credit(asked, found) {
      if (asked === found) return 1;
      // The guard: an asked name ("Tokyo", "Japan") matches only itself, never a neighbour ("Seoul", "Korea").
      // A common word may still find a name ("carmakers" → "Toyota", "languages" → "English").
      if (names.has(asked) || /^\d/.test(asked) || /^\d/.test(found)) return 0;
      let sim = 0;
      if (vectors) {
        const a = rowOf(vectors, asked);
        const b = a < 0 ? -1 : rowOf(vectors, found);
        sim = b < 0 ? 0 : vectors.similarity(a, b);
      }
      const soft = sim > floor ? (sim - floor) / (1 - floor) : 0;
      return wordnet && soft < wordnetCredit && synonymsOf(asked).has(found) ? wordnetCredit : soft;
    },
  };
}
