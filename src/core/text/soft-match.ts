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
 * Default 0.45 (refitted at 0.35 and 0.55, SQuAD validation top-3 fell from
 * 84.4% to 84.1%: see README).
 */
export const SOFT_MATCH_FLOOR = 0.45;

/** Credit (0–1) for each (question stem, text stem) pair. */
export interface SoftMatcher {
  /** 1 for the same stem; the scaled similarity above the floor when neither is a name; else 0. */
  credit(asked: string, found: string): number;
  /**
   * `credit` against one asked stem, with the asked side (name guard, vector
   * row, synonyms) looked up once: what a question's context calls for each
   * stem it meets.
   */
  against(asked: string): (found: string) => number;
  /**
   * `against` for several asked stems at once (null: one that earns no soft
   * credit): writes `against(asked[i])(found)` into `out[i]`, except where
   * `found` is `asked[i]` itself (the caller credits the same stem). The
   * found side (digit guard, vector row) is read once, and the caller may
   * supply the row (`rowOf(found)`, from a table by term id, say) or pass
   * `UNKNOWN_ROW` for the lookup. What a question's context calls for each
   * new stem it meets.
   */
  againstAll(asked: readonly (string | null)[]): (found: string, row: number, out: Float64Array) => void;
  /** A stem's vector row (-1: none, or no vectors), cached per table. */
  rowOf(stem: string): number;
}

/** For `SoftMatcher.againstAll`: the caller has not looked the found stem's vector row up. */
export const UNKNOWN_ROW = -2;

/** The stems that match only exactly (a `Set` will do). */
export interface NameSet {
  has(stem: string): boolean;
}

// `/^\d/` without the regex: the first character is an ASCII digit.
function startsWithDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}

// Rows of stems, per vector table, shared by every question: the lookup hashes the stem's bytes, so
// once per stem and process is enough.
const rowCache = new WeakMap<WordVectors, Map<string, number>>();
function rowsOf(vectors: WordVectors): Map<string, number> {
  let rows = rowCache.get(vectors);
  if (!rows) rowCache.set(vectors, (rows = new Map()));
  return rows;
}
function rowOf(vectors: WordVectors, rows: Map<string, number>, stem: string): number {
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
export function softMatcher(vectors: WordVectors | null, names: NameSet, options: Partial<SoftMatchOptions> = {}): SoftMatcher {
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
  // A question's context scores each stem it meets against every asked stem in a row: the last
  // stem's vector row is kept, so it is looked up once, not once per asked stem.
  const rows = vectors ? rowsOf(vectors) : new Map<string, number>();
  let lastFound = '';
  let lastRow = -1;
  const foundRow = (found: string) => {
    if (found !== lastFound) {
      lastFound = found;
      lastRow = rowOf(vectors!, rows, found);
    }
    return lastRow;
  };
  const against = (asked: string) => {
    // The guard: an asked name ("Tokyo", "Japan") matches only itself, never a neighbour ("Seoul", "Korea").
    // A common word may still find a name ("carmakers" → "Toyota", "languages" → "English").
    const exactOnly = names.has(asked) || startsWithDigit(asked);
    const a = vectors ? rowOf(vectors, rows, asked) : -1;
    const synonymSet = wordnet ? synonymsOf(asked) : null;
    return (found: string): number => {
      if (asked === found) return 1;
      if (exactOnly || startsWithDigit(found)) return 0;
      let sim = 0;
      if (a >= 0) {
        const b = foundRow(found);
        sim = b < 0 ? 0 : vectors!.similarity(a, b);
      }
      return withSynonym(synonymSet, found, scaled(sim));
    };
  };
  const scaled = (sim: number) => (sim > floor ? (sim - floor) / (1 - floor) : 0);
  const withSynonym = (synonymSet: Set<string> | null, found: string, soft: number) =>
    synonymSet && soft < wordnetCredit && synonymSet.has(found) ? wordnetCredit : soft;
  const againstAll = (asked: readonly (string | null)[]) => {
    // What `against` works out for each asked stem, once; an exact-only stem gets no row, so no similarity.
    const exactOnly = asked.map((a) => a === null || names.has(a) || startsWithDigit(a));
    const askedRows = Int32Array.from(asked, (a, i) => (vectors && !exactOnly[i] ? rowOf(vectors, rows, a!) : -1));
    const synonymSets = asked.map((a, i) => (wordnet && !exactOnly[i] ? synonymsOf(a!) : null));
    const anyRow = askedRows.some((r) => r >= 0);
    const sims = new Float64Array(asked.length);
    return (found: string, row: number, out: Float64Array): void => {
      if (startsWithDigit(found)) {
        out.fill(0, 0, asked.length);
        return;
      }
      const b = anyRow ? (row === UNKNOWN_ROW ? foundRow(found) : row) : -1;
      if (b >= 0) vectors!.similarities(askedRows, b, sims);
      else sims.fill(0);
      for (let i = 0; i < asked.length; i++) out[i] = exactOnly[i] ? 0 : withSynonym(synonymSets[i]!, found, scaled(sims[i]!));
    };
  };
  return {
    credit: (asked, found) => against(asked)(found),
    against,
    againstAll,
    rowOf: (stem) => (vectors ? rowOf(vectors, rows, stem) : -1),
  };
}
