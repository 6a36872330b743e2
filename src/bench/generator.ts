/**
 * Realistic distractor text for scale benchmarks: sentences from a word-bigram
 * model trained on real text, with a share of content words replaced by
 * made-up words. New made-up words appear at a rate that falls as more are
 * used (a Pitman-Yor process), so the vocabulary keeps growing with corpus
 * size roughly as Heaps' law says real text does, instead of saturating at
 * the training vocabulary. Seeded: the same seed gives the same text.
 */
import { isStopWord } from '../core/text/analyzer.ts';
import type { Random } from './random.ts';

const START = '\u0002';
const END = '\u0003';

/** Options of `createGenerator`, with their defaults. */
export interface GeneratorOptions {
  /** Share of words considered for replacement by made-up words (stop words and short words are kept). Default 0.2. */
  inventedShare: number;
  /** Pitman-Yor discount: higher means faster vocabulary growth (0-1). Default 0.75. */
  discount: number;
  /** Pitman-Yor strength: how eagerly the first made-up words are created. Default 50. */
  strength: number;
  /** Longest generated sentence, in words. Default 40. */
  maxWords: number;
}

const DEFAULTS: GeneratorOptions = { inventedShare: 0.2, discount: 0.75, strength: 50, maxWords: 40 };

/** A trained text generator. */
export interface Generator {
  /** One sentence (at least 5 words, ending where a training sentence ended). */
  sentence(): string;
  /** A paragraph of `sentences` sentences. */
  paragraph(sentences: number): string;
  /** A short title: a few generated words, capitalised. */
  title(): string;
  /** Distinct made-up words so far. */
  readonly inventedWords: number;
}

/**
 * Trains a bigram model on sentences of real text (words split on white space,
 * punctuation kept on the words so the output reads like text).
 */
export function createGenerator(sentences: readonly string[], random: Random, options: Partial<GeneratorOptions> = {}): Generator {
  const opts = { ...DEFAULTS, ...options };
  // successor lists with repetition: sampling uniformly is sampling by bigram count.
  const next = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  };
  for (const s of sentences) {
    const words = s.split(/\s+/).filter(Boolean);
    if (words.length < 3) continue;
    add(START, words[0]!);
    for (let i = 1; i < words.length; i++) add(words[i - 1]!, words[i]!);
    add(words.at(-1)!, END);
  }
  if (!next.has(START)) throw new Error('generator: no training sentences of three words or more');

  const invented: string[] = []; // one entry per use: picking uniformly reuses a word by its frequency
  const inventedSet = new Set<string>();
  let types = 0;

  const newWord = (): string => {
    for (;;) {
      const syllables = 1 + random.int(3);
      let w = '';
      for (let i = 0; i < syllables; i++) w += random.pick(ONSETS) + random.pick(VOWELS) + (random.next() < 0.3 ? random.pick(CODAS) : '');
      if (!inventedSet.has(w)) {
        inventedSet.add(w);
        types++;
        return w;
      }
    }
  };
  const inventedWord = (): string => {
    const n = invented.length;
    const pNew = n === 0 ? 1 : (opts.strength + opts.discount * types) / (n + opts.strength);
    const w = random.next() < pNew ? newWord() : random.pick(invented);
    invented.push(w);
    return w;
  };
  // Keep the word's shape: capitals (names stay names) and trailing punctuation.
  const disguise = (word: string): string => {
    const m = /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u.exec(word);
    if (!m || m[2]!.length < 4 || isStopWord(m[2]!.toLowerCase())) return word;
    let w = inventedWord();
    if (/^\p{Lu}/u.test(m[2]!)) w = w[0]!.toUpperCase() + w.slice(1);
    return m[1]! + w + m[3]!;
  };

  const sentence = (): string => {
    for (;;) {
      const out: string[] = [];
      let w = random.pick(next.get(START)!);
      while (w !== END && out.length < opts.maxWords) {
        out.push(random.next() < opts.inventedShare ? disguise(w) : w);
        w = random.pick(next.get(w) ?? [END]);
      }
      if (out.length >= 5) {
        // Sentence ends must look like ends so the splitter cuts here.
        const last = out.length - 1;
        if (!/[.!?]["')\]]*$/.test(out[last]!)) out[last] = out[last]!.replace(/[,;:]$/, '') + '.';
        out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
        return out.join(' ');
      }
    }
  };

  return {
    sentence,
    paragraph: (k) => Array.from({ length: k }, sentence).join(' '),
    title: () => {
      const words = sentence().replace(/[^\p{L}\p{N}\s-]/gu, '').split(/\s+/).slice(0, 2 + random.int(3));
      return words.map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');
    },
    get inventedWords() {
      return types;
    },
  };
}

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['n', 'r', 'l', 's', 'm', 'nd', 'rt', 'st', 'x'];
