/**
 * The searchable form of a corpus: sentence passages and paragraphs, each in a
 * `Retriever`, plus the lookups ranking needs (article, era, fact passages).
 */
import { analyze } from './analyzer.ts';
import { eraOf, type Era } from './eras.ts';
import { matchKey } from './normalise.ts';
import { articlePassages } from './passages.ts';
import { MiniSearchRetriever, type Retriever } from './retriever.ts';
import type { Article, Corpus, Fact, Passage } from './types.ts';

/** Bump when the index layout or analyser changes, so old snapshots are not reused. */
export const INDEX_VERSION = 1;

/** An article plus what the index derived from it. */
export interface IndexedArticle extends Article {
  era: Era;
}

/** A fact plus the analysed terms used to match it to questions. */
export interface IndexedFact extends Fact {
  stems: Set<string>;
  /** Passage indexes holding the fact's quote. */
  passages: number[];
}

/** The corpus made searchable. Build with `buildIndex`, or restore with `loadIndex`. */
export interface CorpusIndex {
  corpus: Corpus;
  articles: Map<string, IndexedArticle>;
  passages: Passage[];
  /** Global paragraph number of each passage (index into the paragraph retriever). */
  paragraphOf: number[];
  sentences: Retriever;
  paragraphs: Retriever;
  facts: IndexedFact[];
}

/** Snapshot of the expensive parts (the two retrievers), keyed by corpus hash and index version. */
export interface IndexSnapshot {
  version: number;
  hash: string;
  sentences: ReturnType<MiniSearchRetriever['toJSON']>;
  paragraphs: ReturnType<MiniSearchRetriever['toJSON']>;
}

function derive(corpus: Corpus) {
  const articles = new Map<string, IndexedArticle>();
  const passages: Passage[] = [];
  const paragraphOf: number[] = [];
  const paragraphTexts: string[] = [];
  for (const a of corpus.articles) {
    articles.set(a.id, { ...a, era: eraOf(a.date, corpus.deals) });
    const { passages: ps, paragraphs } = articlePassages(a);
    const base = paragraphTexts.length;
    // The title joins each paragraph so a paragraph about the headline's subject ranks with it.
    for (const p of paragraphs) paragraphTexts.push(`${a.title}\n${p.text}`);
    for (const p of ps) {
      passages.push(p);
      paragraphOf.push(base + p.paragraph);
    }
  }
  return { articles, passages, paragraphOf, paragraphTexts };
}

function indexFacts(corpus: Corpus, passages: Passage[]): IndexedFact[] {
  const topicWords = new Map(corpus.topics.map((t) => [t.id, [t.name, ...t.synonyms].join(' ')]));
  return corpus.facts.map((f) => {
    const stems = new Set(analyze(`${f.statement} ${f.quote} ${f.topic ? topicWords.get(f.topic) ?? '' : ''}`));
    const quoteKey = matchKey(f.quote);
    const head = quoteKey.slice(0, 40);
    const found: number[] = [];
    passages.forEach((p, i) => {
      if (p.articleId !== f.articleId) return;
      const key = matchKey(p.text);
      if (key.includes(quoteKey) || quoteKey.includes(key) || key.includes(head)) found.push(i);
    });
    return { ...f, stems, passages: found };
  });
}

/** Builds the index of a corpus. */
export function buildIndex(corpus: Corpus): CorpusIndex {
  const d = derive(corpus);
  return {
    corpus,
    articles: d.articles,
    passages: d.passages,
    paragraphOf: d.paragraphOf,
    sentences: MiniSearchRetriever.build(d.passages.map((p, id) => ({ id, text: p.text }))),
    paragraphs: MiniSearchRetriever.build(d.paragraphTexts.map((text, id) => ({ id, text }))),
    facts: indexFacts(corpus, d.passages),
  };
}

/** Serialises the retrievers of an index. */
export function snapshotIndex(index: CorpusIndex): IndexSnapshot {
  return {
    version: INDEX_VERSION,
    hash: index.corpus.hash,
    sentences: (index.sentences as MiniSearchRetriever).toJSON(),
    paragraphs: (index.paragraphs as MiniSearchRetriever).toJSON(),
  };
}

/**
 * Restores an index from a snapshot of the same corpus.
 * @throws Error when the snapshot is for another corpus or index version.
 */
export function loadIndex(corpus: Corpus, snapshot: IndexSnapshot): CorpusIndex {
  if (snapshot.version !== INDEX_VERSION || snapshot.hash !== corpus.hash) {
    throw new Error('index: snapshot does not match this knowledge or code version');
  }
  const d = derive(corpus);
  return {
    corpus,
    articles: d.articles,
    passages: d.passages,
    paragraphOf: d.paragraphOf,
    sentences: MiniSearchRetriever.load(snapshot.sentences),
    paragraphs: MiniSearchRetriever.load(snapshot.paragraphs),
    facts: indexFacts(corpus, d.passages),
  };
}
