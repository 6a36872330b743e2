/**
 * Retrieval behind a small interface so a very large archive can move to an
 * external search engine. The embedded default is minisearch with our analyser.
 */
import MiniSearch from 'minisearch';
import { analyze } from './analyzer.ts';

/** A document to index: a numeric id and its text. */
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

/** A search engine over analysed text. Terms given to `search` are already analysed (stems). */
export interface Retriever {
  /** Best hits for weighted terms (OR semantics), at most `limit`. */
  search(terms: ReadonlyMap<string, number>, limit: number): Hit[];
  /** Number of indexed documents holding a term. */
  documentFrequency(term: string): number;
  /** Number of indexed documents. */
  readonly size: number;
  /** A JSON-serialisable snapshot, loadable with the matching `load` function. */
  toJSON(): unknown;
}

const OPTIONS = {
  fields: ['text'],
  idField: 'id',
  // Documents and queries arrive already analysed (space-separated stems).
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => term,
};

/** minisearch-backed `Retriever` (the default). */
export class MiniSearchRetriever implements Retriever {
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

  /** Restores a snapshot made by `toJSON`. */
  static load(snapshot: { index: string; df: [string, number][] }): MiniSearchRetriever {
    const engine = MiniSearch.loadJSON<RetrievalDoc>(snapshot.index, OPTIONS);
    return new MiniSearchRetriever(engine, new Map(snapshot.df));
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

  toJSON(): { index: string; df: [string, number][] } {
    return { index: JSON.stringify(this.engine), df: [...this.df] };
  }
}
