/**
 * The gist of a bag of words: the rarity-weighted (idf) sum of its words'
 * unit vectors, a sentence embedding in the manner of smooth inverse
 * frequency. Its cosine with the question's gist says whether a sentence
 * speaks of what the question asks as a whole, even where no word matches
 * one to one ("which department foots the bill for printing the order"
 * against "the costs for publication of this order shall be borne by the
 * Department"), and, unlike a sum of best matches, a long sentence does not
 * gain by holding more loosely related words. Names are left out by the
 * caller: the guard keeps "Seoul" from standing in for "Tokyo" here too.
 */
import type { WordVectors } from '../text/vectors.ts';

/** Accumulates one bag of words at a time and compares it with the question's gist. */
export class GistMeter {
  private readonly sum: Float32Array;
  private any = false;

  /** @param question the question's gist, normalised (`questionGist`) */
  constructor(
    private readonly vectors: WordVectors,
    private readonly question: Float32Array,
  ) {
    this.sum = new Float32Array(vectors.dims);
  }

  /** Starts a new bag. */
  begin(): void {
    this.sum.fill(0);
    this.any = false;
  }

  /** Adds a word: its vector row and its weight. */
  add(row: number, weight: number): void {
    this.vectors.addRow(row, weight, this.sum);
    this.any = true;
  }

  /** Cosine of the bag with the question, 0 when negative or when the bag had no word with a vector. */
  cosine(): number {
    if (!this.any) return 0;
    let dot = 0;
    let norm = 0;
    for (let k = 0; k < this.sum.length; k++) {
      const v = this.sum[k]!;
      dot += v * this.question[k]!;
      norm += v * v;
    }
    return norm > 0 ? Math.max(0, dot / Math.sqrt(norm)) : 0;
  }
}

/**
 * The question's gist, normalised: its words (each once) with their weights;
 * null when none has a vector.
 */
export function questionGist(vectors: WordVectors, words: Iterable<{ row: number; weight: number }>): Float32Array | null {
  const sum = new Float32Array(vectors.dims);
  let any = false;
  for (const { row, weight } of words) {
    if (row < 0) continue;
    vectors.addRow(row, weight, sum);
    any = true;
  }
  if (!any) return null;
  let norm = 0;
  for (let k = 0; k < sum.length; k++) norm += sum[k]! * sum[k]!;
  if (norm === 0) return null;
  const scale = 1 / Math.sqrt(norm);
  for (let k = 0; k < sum.length; k++) sum[k] = sum[k]! * scale;
  return sum;
}
