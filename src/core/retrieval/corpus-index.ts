/**
 * The searchable form of a corpus: sentence passages and paragraphs, each in a
 * `Retriever`, plus the lookups ranking needs (article, era, fact passages).
 */
import { analyze } from '../text/analyzer.ts';
import { eraOf, type Era } from '../knowledge/eras.ts';
import { matchKey } from '../text/normalise.ts';
import { articlePassages } from '../text/passages.ts';
import { DEFAULT_RETRIEVER, RETRIEVERS } from './registry.ts';
import type { Retriever, RetrieverKind, RetrieverSnapshot } from './retriever.ts';
import type { Article, Corpus, Fact, Passage } from '../model/types.ts';
import { namedStems } from '../text/named-entities.ts';
import { wordVectors } from '../text/vector-source.ts';
import { decodeVectors, type WordVectors } from '../text/vectors.ts';
import { decodeWordNet, type WordNetTable } from '../text/wordnet.ts';
import { wordNet } from '../text/wordnet-source.ts';

/** Bump when the index layout or analyser changes, so old snapshots are not reused. */
export const INDEX_VERSION = 4;

/** An article plus what the index derived from it. */
export interface IndexedArticle extends Article {
  era: Era;
}

/** A fact plus the analysed terms used to match it to questions. */
export interface IndexedFact extends Fact {
  /** Stems of the fact's own words (statement and quote). */
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
  /**
   * The analysed terms of passage `i`, in order: equal to
   * `analyze(passages[i].text)`, but read from the index when the retriever
   * kept them, so ranking need not re-analyse every hit.
   */
  termsOf(i: number): string[];
  /** Word vectors for soft matching (null when the vector package is missing: exact matching only). */
  vectors: WordVectors | null;
  /** WordNet synonyms for soft matching (null when the package is missing). */
  wordnet: WordNetTable | null;
  /** Stems the corpus writes as names (see `namedStems`): they match only exactly. */
  names: Set<string>;
}

/** Options of `buildIndex`. */
export interface BuildOptions {
  /** Which embedded retriever to use. Default `DEFAULT_RETRIEVER` ("compact"). */
  retriever?: RetrieverKind;
  /** Word vectors for soft matching. Default: the compiled table from `wordVectors()`; null turns soft matching off. */
  vectors?: WordVectors | null;
  /** WordNet synonyms. Default: the compiled table from `wordNet()`; null turns them off. */
  wordnet?: WordNetTable | null;
}

/**
 * Snapshot of the expensive parts: the passage layout (so loading does not
 * re-split sentences) and the two retrievers, for one corpus hash and index version.
 */
export interface IndexSnapshot {
  version: number;
  hash: string;
  /** Per passage: article number (in corpus order), paragraph, start offset and length in the body. */
  passages: { article: Uint32Array; paragraph: Uint32Array; start: Uint32Array; length: Uint32Array };
  paragraphOf: Uint32Array;
  /** Per fact (corpus order): its stems and the passages holding its quote. */
  facts: { stems: string[]; passages: number[] }[];
  sentences: RetrieverSnapshot;
  paragraphs: RetrieverSnapshot;
  /** Stems written as names. */
  names: string[];
  /** The compiled vector table, or null. */
  vectors: Uint8Array | null;
  /** The compiled WordNet table, or null. */
  wordnet: Uint8Array | null;
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

/**
 * True when the quote begins in this sentence and runs on past it: the rest of
 * the sentence from the quote's head is the start of the quote. Sharing the
 * head alone is not enough ("President X and Prime Minister Y committed to …"
 * opens several sentences of a fact sheet).
 */
function startsQuote(key: string, quoteKey: string, head: string): boolean {
  const at = key.indexOf(head);
  return at >= 0 && quoteKey.startsWith(key.slice(at).trimEnd());
}

function indexFacts(corpus: Corpus, passages: Passage[]): IndexedFact[] {
  // Each passage's match key is computed once, and only for articles that carry facts.
  const keys = new Map<string, { i: number; key: string }[]>();
  const wanted = new Set(corpus.facts.map((f) => f.articleId));
  passages.forEach((p, i) => {
    if (!wanted.has(p.articleId)) return;
    let list = keys.get(p.articleId);
    if (!list) keys.set(p.articleId, (list = []));
    list.push({ i, key: matchKey(p.text) });
  });
  return corpus.facts.map((f) => {
    // The fact's own words only: a topic label alone must not make a fact match a question.
    const stems = new Set(analyze(`${f.statement} ${f.quote}`));
    const quoteKey = matchKey(f.quote);
    const head = quoteKey.slice(0, 40);
    const found: number[] = [];
    for (const { i, key } of keys.get(f.articleId) ?? []) {
      if (key.includes(quoteKey) || quoteKey.includes(key) || startsQuote(key, quoteKey, head)) found.push(i);
    }
    return { ...f, stems, passages: found };
  });
}

/** Builds the index of a corpus. */
export function buildIndex(corpus: Corpus, options: BuildOptions = {}): CorpusIndex {
  const d = derive(corpus);
  const factory = RETRIEVERS[options.retriever ?? DEFAULT_RETRIEVER];
  return assemble(
    corpus,
    d.articles,
    d.passages,
    d.paragraphOf,
    factory.build(d.passages.map((p, id) => ({ id, text: p.text })), { keepTerms: true }),
    factory.build(d.paragraphTexts.map((text, id) => ({ id, text }))),
    options.vectors === undefined ? wordVectors() : options.vectors,
    options.wordnet === undefined ? wordNet() : options.wordnet,
    namedStems(d.passages.map((p) => p.text)),
  );
}

function assemble(
  corpus: Corpus,
  articles: Map<string, IndexedArticle>,
  passages: Passage[],
  paragraphOf: number[],
  sentences: Retriever,
  paragraphs: Retriever,
  vectors: WordVectors | null,
  wordnet: WordNetTable | null,
  names: Set<string>,
  facts: IndexedFact[] = indexFacts(corpus, passages),
): CorpusIndex {
  const termsOf = (i: number): string[] => sentences.termsOf?.(i) ?? (passages[i] ? analyze(passages[i].text) : []);
  return { corpus, articles, passages, paragraphOf, sentences, paragraphs, facts, termsOf, vectors, wordnet, names };
}

/** A plain Uint8Array view (the snapshot encoder stores typed arrays by constructor name; a Buffer is not one). */
function plainBytes(b: Uint8Array): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Serialises an index: passage layout plus both retrievers. */
export function snapshotIndex(index: CorpusIndex): IndexSnapshot {
  const order = new Map(index.corpus.articles.map((a, i) => [a.id, i]));
  const n = index.passages.length;
  const passages = { article: new Uint32Array(n), paragraph: new Uint32Array(n), start: new Uint32Array(n), length: new Uint32Array(n) };
  index.passages.forEach((p, i) => {
    passages.article[i] = order.get(p.articleId)!;
    passages.paragraph[i] = p.paragraph;
    passages.start[i] = p.start;
    passages.length[i] = p.text.length;
  });
  return {
    version: INDEX_VERSION,
    hash: index.corpus.hash,
    passages,
    paragraphOf: Uint32Array.from(index.paragraphOf),
    facts: index.facts.map((f) => ({ stems: [...f.stems], passages: f.passages })),
    sentences: index.sentences.snapshot(),
    paragraphs: index.paragraphs.snapshot(),
    names: [...index.names],
    vectors: index.vectors ? plainBytes(index.vectors.bytes()) : null,
    wordnet: index.wordnet ? plainBytes(index.wordnet.bytes()) : null,
  };
}

/**
 * Restores an index from a snapshot of the same corpus, without re-splitting
 * or re-analysing any text.
 * @throws Error when the snapshot is for another corpus or index version, or is inconsistent.
 */
export function loadIndex(corpus: Corpus, snapshot: IndexSnapshot): CorpusIndex {
  if (snapshot.version !== INDEX_VERSION || snapshot.hash !== corpus.hash) {
    throw new Error('index: snapshot does not match this knowledge or code version');
  }
  const articles = new Map<string, IndexedArticle>();
  for (const a of corpus.articles) articles.set(a.id, { ...a, era: eraOf(a.date, corpus.deals) });
  const { article, paragraph, start, length } = snapshot.passages;
  const n = article.length;
  if (paragraph.length !== n || start.length !== n || length.length !== n || snapshot.paragraphOf.length !== n) {
    throw new Error('index: snapshot passage arrays differ in length');
  }
  const passages: Passage[] = new Array(n);
  let sentence = 0;
  for (let i = 0; i < n; i++) {
    const a = corpus.articles[article[i]!];
    const end = start[i]! + length[i]!;
    if (!a || end > a.body.length) throw new Error(`index: snapshot passage ${i} is outside its article`);
    // Passages of an article are contiguous and numbered from 0.
    sentence = i > 0 && article[i - 1] === article[i] ? sentence + 1 : 0;
    passages[i] = { id: `${a.id}#${sentence}`, articleId: a.id, paragraph: paragraph[i]!, sentence, text: a.body.slice(start[i]!, end), start: start[i]! };
  }
  const sentences = RETRIEVERS[snapshot.sentences.kind]?.load(snapshot.sentences);
  const paragraphs = RETRIEVERS[snapshot.paragraphs.kind]?.load(snapshot.paragraphs);
  if (!sentences || !paragraphs) throw new Error('index: snapshot names an unknown retriever');
  if (sentences.size !== n) throw new Error('index: snapshot retriever and passages disagree');
  if (snapshot.facts.length !== corpus.facts.length) throw new Error('index: snapshot facts differ from the corpus');
  const facts = corpus.facts.map((f, i) => ({ ...f, stems: new Set(snapshot.facts[i]!.stems), passages: snapshot.facts[i]!.passages }));
  const vectors = snapshot.vectors ? decodeVectors(snapshot.vectors) : null;
  const wordnet = snapshot.wordnet ? decodeWordNet(snapshot.wordnet) : null;
  return assemble(corpus, articles, passages, [...snapshot.paragraphOf], sentences, paragraphs, vectors, wordnet, new Set(snapshot.names), facts);
}
