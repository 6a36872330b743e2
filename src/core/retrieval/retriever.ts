/**
 * Retrieval behind a small interface so a very large archive can move to an
 * external search engine (OpenSearch, Elasticsearch, Meilisearch...) without
 * touching ranking. A retriever does three things: index (build from
 * documents), search (weighted OR query, top `limit`), snapshot (something
 * `load` can restore). This file holds only the interface and its types;
 * implementations import it and nothing imports them but `registry.ts`:
 * - `compact` (the default, see `compact-retriever.ts`): typed-array inverted
 *   index with minisearch's BM25+ formula and top-k pruning; chosen on the
 *   figures in README "Speed and scale".
 * - `minisearch` (`minisearch-retriever.ts`): the reference implementation,
 *   kept for comparison and as the model of a third-party engine behind the interface.
 */
/** A document to index: a numeric id and its text (raw: the retriever analyses it). */
export interface RetrievalDoc {
  id: number;
  text: string;
}

/** One hit: document id, engine score, and which query terms it matched. */
export interface Hit {
  id: number;
  score: number;
  matched: string[];
}

/** Typed arrays a snapshot may hold (stored as raw bytes in the cache file). */
export type SnapshotArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/**
 * What a retriever saves: `kind` picks the loader, `meta` is small JSON, and
 * `arrays` hold the bulk as typed arrays (so loading is a memory view, not a parse).
 * An external engine would save only `meta` (e.g. its URL and index name).
 */
export interface RetrieverSnapshot {
  kind: RetrieverKind;
  meta: Record<string, unknown>;
  arrays: Record<string, SnapshotArray>;
}

/**
 * A search engine over analysed text. Query terms given to `search` are
 * already analysed (stems, see `analyzer.ts`); documents are analysed by the
 * retriever with the same analyser. Synchronous because the embedded engines
 * answer in well under a millisecond; an external engine would make `search`
 * return a Promise (see README "Running at scale").
 */
export interface Retriever {
  /** Which implementation this is (the key of `RETRIEVERS`). */
  readonly kind: RetrieverKind;
  /** Number of indexed documents. */
  readonly size: number;
  /** Number of indexed documents holding a term (ranking's rarity weights). */
  documentFrequency(term: string): number;
  /** Best hits for weighted terms (OR semantics), best first, at most `limit`. */
  search(terms: ReadonlyMap<string, number>, limit: number): Hit[];
  /** Everything needed to restore this index with `RETRIEVERS[kind].load`. */
  snapshot(): RetrieverSnapshot;
  /**
   * Optional: the score `search` would give one document for these terms (0 when it holds none).
   * Ranking uses it to score candidates on the asked words alone (see rank.ts `candidateViews`).
   */
  scoreOf?(id: number, terms: ReadonlyMap<string, number>): number;
  /** Optional: a document's analysed terms in order, when kept at build time. */
  termsOf?(id: number): string[] | undefined;
  /**
   * Optional: every document's terms as ids (`term(t)` gives each one's
   * text), document `id`'s at `terms[offsets[id]]` up to `terms[offsets[id + 1]]`,
   * when they were kept and the ids are the documents' positions: ranking
   * keys its per-question tables by id, not by string, and reads them in place.
   */
  termSequences?(): TermSequences | undefined;
  /** Optional, with `termSequences`: the text of term id `t` (0 ≤ t < `vocabulary`). */
  term?(t: number): string;
  /** Optional, with `termSequences`: the id of a term, or -1 when no document holds it. */
  termId?(term: string): number;
  /** Optional, with `termSequences`: the number of distinct terms (one past the largest id). */
  readonly vocabulary?: number;
}

/** Documents' terms as ids, in one flat array (see `Retriever.termSequences`). */
export interface TermSequences {
  offsets: Uint32Array;
  terms: Uint32Array;
}

/** How a retriever is made: from documents (index) or from a snapshot. */
export interface RetrieverFactory {
  /**
   * Indexes documents. `keepTerms` asks to keep each document's analysed terms
   * (`termsOf`) so ranking need not re-analyse hits; engines may ignore it.
   */
  build(docs: readonly RetrievalDoc[], options?: { keepTerms?: boolean }): Retriever;
  /** @throws Error when the snapshot is malformed. */
  load(snapshot: RetrieverSnapshot): Retriever;
}

/** Names of the embedded retrievers. */
export type RetrieverKind = 'compact' | 'minisearch';
