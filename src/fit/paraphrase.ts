/**
 * Paraphrased fitting questions. SQuAD's questions were written with the
 * article in view and share far more words with their answers than people's
 * questions do, so a ranker fitted on them alone learns to trust exact
 * matches. Each fitting question also yields a copy in which some of its
 * words are swapped for a near-synonym the corpus uses (a WordNet synonym,
 * else the nearest word vector): the same answer asked in other words, as
 * people ask it. Names, numbers and the partner are never swapped.
 */
import type { CorpusIndex } from '../core/retrieval/corpus-index.ts';
import type { ParsedQuery } from '../core/query/parse.ts';
import type { Random } from '../bench/random.ts';

/** Options of `paraphraseQuery`, with their defaults. */
export interface ParaphraseOptions {
  /** Chance that each swappable word of the question is swapped. Default `PARAPHRASE_SHARE`. */
  share: number;
  /** Least cosine similarity of a word-vector stand-in. Default `PARAPHRASE_MIN_SIMILARITY`. */
  minSimilarity: number;
}

/**
 * Default `ParaphraseOptions.share`: 0.3. Measured (one copy a question,
 * refitted; SQuAD validation ranking top-3): 85.0% at 0.3, 84.6% at 0.5,
 * 84.3% at 0.7; the paraphrase set 56% at each.
 */
export const PARAPHRASE_SHARE = 0.3;
/**
 * Default `ParaphraseOptions.minSimilarity`: 0.6. At 0.5 the SQuAD split's
 * answerable top-3 is 78.6% against 79.0% (ranking top-3 85.0% at both).
 */
export const PARAPHRASE_MIN_SIMILARITY = 0.6;

/**
 * Least cosine similarity of a WordNet stand-in, so that rare senses are left
 * out. Default 0.35; with no such filter (0), SQuAD validation ranking top-3
 * 84.6% against 85.0%.
 */
export const PARAPHRASE_WORDNET_SIMILARITY = 0.35;

/** Builds a stand-in finder over an index's vocabulary (the stems its sentences use and the vectors know). */
export function standIns(index: CorpusIndex, minSimilarity = PARAPHRASE_MIN_SIMILARITY): (stem: string) => string[] {
  const vectors = index.vectors;
  const wordnet = index.wordnet;
  const known = (s: string) => index.sentences.documentFrequency(s) > 0 && !index.names.has(s) && !/^\d/.test(s);
  const vocabulary = vectors ? vectors.stems().filter(known) : [];
  const rows = vectors ? vocabulary.map((s) => vectors.row(s)) : [];
  const memo = new Map<string, string[]>();
  return (stem) => {
    let out = memo.get(stem);
    if (out) return out;
    // WordNet synonyms in a common sense: the vectors must find them related too ("company" is not "troupe" here).
    const a0 = vectors ? vectors.row(stem) : -1;
    const related = (s: string) => {
      if (!vectors || a0 < 0) return true;
      const b = vectors.row(s);
      return b >= 0 && vectors.similarity(a0, b) >= PARAPHRASE_WORDNET_SIMILARITY;
    };
    out = (wordnet?.synonymsOf(stem) ?? []).filter((s) => s !== stem && known(s) && related(s));
    if (out.length === 0 && vectors) {
      const a = vectors.row(stem);
      if (a >= 0) {
        let best = '';
        let bestSim = minSimilarity;
        for (let i = 0; i < vocabulary.length; i++) {
          if (vocabulary[i] === stem) continue;
          const sim = vectors.similarity(a, rows[i]!);
          if (sim > bestSim) {
            bestSim = sim;
            best = vocabulary[i]!;
          }
        }
        if (best) out = [best];
      }
    }
    memo.set(stem, out);
    return out;
  };
}

/**
 * A copy of the parsed question with some subject words swapped for stand-ins,
 * or undefined when no word was swapped.
 */
export function paraphraseQuery(query: ParsedQuery, index: CorpusIndex, find: (stem: string) => string[], random: Random, options: Partial<ParaphraseOptions> = {}): ParsedQuery | undefined {
  const share = options.share ?? PARAPHRASE_SHARE;
  const terms = new Map(query.terms);
  let swapped = 0;
  const concepts = query.concepts.map((c) => {
    const asked = c.stems[0]!;
    if (c.partner || index.names.has(asked) || /^\d/.test(asked) || random.next() >= share) return c;
    const options = find(asked);
    if (options.length === 0) return c;
    const stand = options[Math.floor(random.next() * options.length)]!;
    swapped++;
    const weight = terms.get(asked) ?? 1;
    terms.delete(asked);
    terms.set(stand, Math.max(terms.get(stand) ?? 0, weight));
    return { ...c, stems: [stand, ...c.stems.slice(1).filter((s) => s !== stand)] };
  });
  return swapped ? { ...query, concepts, terms } : undefined;
}
