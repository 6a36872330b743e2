/**
 * The minisearch-backed `Retriever`: the reference implementation that the
 * compact retriever must score exactly like, and the model of a third-party
 * engine behind the interface.
 */
import MiniSearch from 'minisearch';
import { analyze } from '../text/analyzer.ts';
import type { Hit, RetrievalDoc, Retriever, RetrieverSnapshot } from './retriever.ts';

const OPTIONS = {
  fields: ['text'],
  idField: 'id',
  // Documents and queries arrive already analysed (space-separated stems).
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => term,
};

/** minisearch-backed `Retriever`: the reference implementation. */
export class MiniSearchRetriever implements Retriever {
  readonly kind = 'minisearch' as const;

  private constructor(
    private readonly engine: MiniSearch<RetrievalDoc>,
    private readonly df: Map<string, number>,
  ) {}

  /** Builds an index over `docs`. */
  static build(docs: readonly RetrievalDoc[]): MiniSearchRetriever {
    const engine = new MiniSearch<RetrievalDoc>(OPTIONS);
    const df = new Map<string, number>();
    for (const doc of docs) {
      const terms = analyze(doc.text);
      for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
      // Pass the analysed terms through so the text is analysed once.
      engine.add({ id: doc.id, text: terms.join(' ') });
    }
    return new MiniSearchRetriever(engine, df);
  }

  /** Restores a snapshot made by `snapshot()`. */
  static load(snapshot: RetrieverSnapshot): MiniSearchRetriever {
    const { index, df } = snapshot.arrays;
    if (snapshot.kind !== 'minisearch' || !(index instanceof Uint8Array) || !(df instanceof Uint8Array)) {
      throw new Error('retriever: not a minisearch snapshot');
    }
    const decoder = new TextDecoder();
    const engine = MiniSearch.loadJSON<RetrievalDoc>(decoder.decode(index), OPTIONS);
    return new MiniSearchRetriever(engine, new Map(JSON.parse(decoder.decode(df)) as [string, number][]));
  }

  get size(): number {
    return this.engine.documentCount;
  }

  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  search(terms: ReadonlyMap<string, number>, limit: number): Hit[] {
    if (terms.size === 0) return [];
    const results = this.engine.search([...terms.keys()].join(' '), {
      tokenize: (q) => q.split(' '),
      processTerm: (t) => t,
      combineWith: 'OR',
      boostTerm: (term) => terms.get(term) ?? 1,
    });
    return results.slice(0, limit).map((r) => ({ id: r.id as number, score: r.score, matched: r.queryTerms }));
  }

  snapshot(): RetrieverSnapshot {
    const encoder = new TextEncoder();
    return {
      kind: 'minisearch',
      meta: {},
      arrays: { index: encoder.encode(JSON.stringify(this.engine)), df: encoder.encode(JSON.stringify([...this.df])) },
    };
  }
}
