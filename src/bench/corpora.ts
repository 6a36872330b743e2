/**
 * Benchmark corpora: real articles (the needles) plus generated distractor
 * articles up to a target number of sentences, as in-memory `Corpus` objects
 * (no files: `createEngine(buildIndex(corpus))` takes them directly).
 */
import { articlePassages } from '../core/text/passages.ts';
import type { Article, Corpus } from '../core/model/types.ts';
import { createGenerator } from './generator.ts';
import { seeded } from './random.ts';
import { hashArticles } from './squad.ts';

/** Sentences of a set of articles (as the index will cut them). */
export function sentencesOf(articles: readonly Article[]): string[] {
  return articles.flatMap((a) => articlePassages(a).passages.map((p) => p.text));
}

/** A corpus of bare articles (no deals, topics or facts), with a content hash. */
export function corpusOf(articles: Article[]): Corpus {
  return { articles, deals: [], topics: [], facts: [], hash: hashArticles(articles) };
}

/**
 * Real articles plus distractors up to about `target` sentences. The real
 * articles are spread at seeded positions among the distractors; with the same
 * seed, a larger corpus holds every distractor of a smaller one.
 * When `target` is below the real articles' size, a prefix of them is used.
 */
export function scaledCorpus(real: readonly Article[], target: number, seed = 1): Corpus {
  const counts = real.map((a) => articlePassages(a).passages.length);
  const total = counts.reduce((s, n) => s + n, 0);
  if (target <= total) {
    const picked: Article[] = [];
    let n = 0;
    for (let i = 0; i < real.length && (n < target || picked.length === 0); i++) {
      picked.push(real[i]!);
      n += counts[i]!;
    }
    return corpusOf(picked);
  }
  const random = seeded(seed);
  const generator = createGenerator(sentencesOf(real), random);
  const distractors: Article[] = [];
  let n = total;
  while (n < target) {
    const paragraphs: string[] = [];
    const k = 4 + random.int(9);
    for (let p = 0; p < k && n < target; p++) {
      const s = 3 + random.int(5);
      paragraphs.push(generator.paragraph(s));
      n += s;
    }
    const id = `gen-${String(distractors.length).padStart(6, '0')}`;
    distractors.push({ id, title: generator.title(), date: '2016-06-16', reliability: 'normal', body: paragraphs.join('\n\n'), file: `articles/${id}.md` });
  }
  // Real articles at seeded positions, so ties and order favour neither side.
  const placed = new Map<number, Article[]>();
  const place = seeded(seed + 1);
  for (const a of real) {
    const at = place.int(distractors.length + 1);
    placed.set(at, [...(placed.get(at) ?? []), a]);
  }
  const articles: Article[] = [];
  for (let i = 0; i <= distractors.length; i++) {
    articles.push(...(placed.get(i) ?? []));
    if (i < distractors.length) articles.push(distractors[i]!);
  }
  return corpusOf(articles);
}
