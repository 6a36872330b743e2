/**
 * A compact inverted index in typed arrays, scoring exactly like minisearch
 * (BM25+ with k 1.2, b 0.7, d 0.5, and the sum multiplied by the number of
 * query terms matched) so rankings do not change, but built for top-k:
 * - postings are flat `Uint32Array`s sorted by document, one block per term,
 *   and the dictionary is a sorted string array (no per-document objects, so
 *   heap and snapshot size stay small and a snapshot loads as memory views);
 * - a query is evaluated term by term, rarest (highest upper bound) first;
 *   once documents not yet seen can no longer reach the current top `limit`,
 *   later (common) terms only update known candidates, by binary search when
 *   that is cheaper than a scan (max-score pruning, exact for the top `limit`).
 */
import { analyze } from '../text/analyzer.ts';
import type { Hit, RetrievalDoc, Retriever, RetrieverSnapshot, TermSequences } from './retriever.ts';

// minisearch's defaults (`defaultBM25params`), so scores match its own.
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** What the last search did (for benchmarks and tests). */
export interface CompactSearchStats {
  /** Postings read (scanned or probed) by the last search. */
  postings: number;
  /** Term index at which pruning started in the last search (-1: never). */
  prunedFrom: number;
}

/** Options of `CompactRetriever.build`. */
export interface CompactBuildOptions {
  /** Keep each document's analysed terms in order (see `termsOf`). Default false. */
  keepTerms?: boolean;
}

type Sequences = TermSequences;

/** A query term's weight: its boost times its idf among `n` documents, `df` of them holding it (minisearch's formula). */
function termWeight(boost: number, n: number, df: number): number {
  return boost * Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Typed-array BM25 retriever with max-score pruning. */
export class CompactRetriever implements Retriever {
  readonly kind = 'compact' as const;
  /** Figures of the last search, for benchmarks. */
  readonly stats: CompactSearchStats = { postings: 0, prunedFrom: -1 };

  // Per document: BM25 length normalisation k·(1 − b + b·len/avg).
  private readonly norm: Float64Array;
  // Per term: the largest tf part of its BM25 score over its postings (upper bound).
  private readonly maxPart: Float64Array;
  private readonly identityIds: boolean;
  private idToIndex?: Map<number, number>;
  // Scratch space reused by every search (searches are synchronous).
  private acc?: Float64Array;
  private cnt?: Uint16Array;
  private touched?: Uint32Array;
  private heap?: Uint32Array;

  private constructor(
    private readonly terms: string[],
    private readonly offsets: Uint32Array,
    private readonly postings: Uint32Array,
    private readonly freqs: Uint16Array,
    private readonly lengths: Uint32Array,
    private readonly ids: Float64Array,
    private readonly sequences?: Sequences,
  ) {
    const n = lengths.length;
    let total = 0;
    for (let d = 0; d < n; d++) total += lengths[d]!;
    const avg = n ? total / n : 1;
    this.norm = new Float64Array(n);
    for (let d = 0; d < n; d++) this.norm[d] = K * (1 - B + (B * lengths[d]!) / avg);
    this.maxPart = new Float64Array(terms.length);
    for (let t = 0; t < terms.length; t++) {
      let best = 0;
      for (let p = offsets[t]!; p < offsets[t + 1]!; p++) {
        const tf = freqs[p]!;
        const part = (tf * (K + 1)) / (tf + this.norm[postings[p]!]!);
        if (part > best) best = part;
      }
      this.maxPart[t] = D + best;
    }
    let identity = true;
    for (let d = 0; d < n && identity; d++) identity = ids[d] === d;
    this.identityIds = identity;
  }

  /**
   * Builds an index over `docs` (analysed with `analyze`).
   * @param options.keepTerms keep each document's analysed terms in order (see `termsOf`). Default false.
   */
  static build(docs: readonly RetrievalDoc[], options: CompactBuildOptions = {}): CompactRetriever {
    const n = docs.length;
    const dict = new Map<string, number>();
    const names: string[] = [];
    // Pass 1: each document's distinct term ids and frequencies, in growable flat arrays.
    let pairTerm = new Uint32Array(1024);
    let pairFreq = new Uint16Array(1024);
    let pairs = 0;
    const docStart = new Uint32Array(n + 1);
    const lengths = new Uint32Array(n);
    const ids = new Float64Array(n);
    const local = new Map<number, number>();
    const seqStart = options.keepTerms ? new Uint32Array(n + 1) : undefined;
    let seq = new Uint32Array(seqStart ? 1024 : 0);
    let tokens = 0;
    for (let d = 0; d < n; d++) {
      const doc = docs[d]!;
      ids[d] = doc.id;
      local.clear();
      const analysed = analyze(doc.text);
      if (seqStart && tokens + analysed.length > seq.length) seq = grow(seq, Math.max(seq.length * 2, tokens + analysed.length));
      for (const term of analysed) {
        let t = dict.get(term);
        if (t === undefined) {
          t = names.length;
          dict.set(term, t);
          names.push(term);
        }
        local.set(t, (local.get(t) ?? 0) + 1);
        if (seqStart) seq[tokens++] = t;
      }
      if (seqStart) seqStart[d + 1] = tokens;
      // minisearch counts the distinct tokens of the field; an empty field still counts 1.
      lengths[d] = local.size || 1;
      if (pairs + local.size > pairTerm.length) {
        const size = Math.max(pairTerm.length * 2, pairs + local.size);
        pairTerm = grow(pairTerm, size);
        pairFreq = grow(pairFreq, size);
      }
      for (const [t, f] of local) {
        pairTerm[pairs] = t;
        pairFreq[pairs] = Math.min(f, 0xffff);
        pairs++;
      }
      docStart[d + 1] = pairs;
    }
    // Pass 2: terms in code-unit order (for binary search), postings grouped by term, in document order.
    const order = names.map((_, i) => i).sort((a, b) => byCodeUnit(names[a]!, names[b]!));
    const rank = new Uint32Array(names.length);
    order.forEach((old, r) => (rank[old] = r));
    const offsets = new Uint32Array(names.length + 1);
    for (let p = 0; p < pairs; p++) offsets[rank[pairTerm[p]!]! + 1]!++;
    for (let t = 0; t < names.length; t++) offsets[t + 1]! += offsets[t]!;
    const cursor = offsets.slice(0, names.length);
    const postings = new Uint32Array(pairs);
    const freqs = new Uint16Array(pairs);
    for (let d = 0; d < n; d++) {
      for (let p = docStart[d]!; p < docStart[d + 1]!; p++) {
        const at = cursor[rank[pairTerm[p]!]!]!++;
        postings[at] = d;
        freqs[at] = pairFreq[p]!;
      }
    }
    let sequences: Sequences | undefined;
    if (seqStart) {
      const terms = seq.slice(0, tokens);
      for (let i = 0; i < tokens; i++) terms[i] = rank[terms[i]!]!;
      sequences = { offsets: seqStart, terms };
    }
    return new CompactRetriever(order.map((i) => names[i]!), offsets, postings, freqs, lengths, ids, sequences);
  }

  /** Restores a snapshot made by `snapshot()`. @throws Error when it is malformed. */
  static load(snapshot: RetrieverSnapshot): CompactRetriever {
    const a = snapshot.arrays;
    const { terms, offsets, postings, freqs, lengths, ids, seqOffsets, seqTerms } = a;
    if (
      snapshot.kind !== 'compact' ||
      !(terms instanceof Uint8Array) ||
      !(offsets instanceof Uint32Array) ||
      !(postings instanceof Uint32Array) ||
      !(freqs instanceof Uint16Array) ||
      !(lengths instanceof Uint32Array) ||
      !(ids instanceof Float64Array)
    ) {
      throw new Error('compact-retriever: not a compact snapshot');
    }
    const text = new TextDecoder().decode(terms);
    const names = text ? text.split('\n') : [];
    const n = lengths.length;
    const ok =
      offsets.length === names.length + 1 &&
      offsets[0] === 0 &&
      offsets[names.length] === postings.length &&
      freqs.length === postings.length &&
      ids.length === n &&
      isMonotone(offsets) &&
      maxOf(postings) < Math.max(n, 1);
    let sequences: Sequences | undefined;
    if (seqOffsets instanceof Uint32Array && seqTerms instanceof Uint32Array) {
      const fits = seqOffsets.length === n + 1 && seqOffsets[n] === seqTerms.length && isMonotone(seqOffsets) && maxOf(seqTerms) < Math.max(names.length, 1);
      if (!fits) throw new Error('compact-retriever: snapshot term sequences are inconsistent');
      sequences = { offsets: seqOffsets, terms: seqTerms };
    }
    if (!ok) throw new Error('compact-retriever: snapshot arrays are inconsistent');
    return new CompactRetriever(names, offsets, postings, freqs, lengths, ids, sequences);
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Number of distinct terms. */
  get vocabulary(): number {
    return this.terms.length;
  }

  documentFrequency(term: string): number {
    const t = this.termId(term);
    return t < 0 ? 0 : this.offsets[t + 1]! - this.offsets[t]!;
  }

  /**
   * A document's analysed terms in order (what `analyze` gave at build time),
   * when built with `keepTerms`; else undefined. Lets ranking read a hit's
   * stems instead of re-analysing its text.
   */
  termsOf(id: number): string[] | undefined {
    const d = this.indexOf(id);
    if (d < 0 || !this.sequences) return undefined;
    const { offsets, terms } = this.sequences;
    const out: string[] = new Array(offsets[d + 1]! - offsets[d]!);
    for (let p = offsets[d]!, i = 0; p < offsets[d + 1]!; p++, i++) out[i] = this.terms[terms[p]!]!;
    return out;
  }

  /** `termsOf` as ids into `term`: a view of the stored sequence, no copy; undefined when not kept. */
  termIdsOf(id: number): Uint32Array | undefined {
    const d = this.indexOf(id);
    if (d < 0 || !this.sequences) return undefined;
    const { offsets, terms } = this.sequences;
    return terms.subarray(offsets[d]!, offsets[d + 1]!);
  }

  /** Every document's term ids in one flat array (see `Retriever.termSequences`); undefined when not kept or ids are not positions. */
  termSequences(): TermSequences | undefined {
    return this.identityIds ? this.sequences : undefined;
  }

  /** The text of term id `t` (ids are positions in the sorted dictionary). */
  term(t: number): string {
    return this.terms[t]!;
  }

  scoreOf(id: number, query: ReadonlyMap<string, number>): number {
    const d = this.indexOf(id);
    if (d < 0) return 0;
    const n = this.size;
    let acc = 0;
    let matched = 0;
    for (const [term, boost] of query) {
      const t = this.termId(term);
      if (t < 0) continue;
      const from = this.offsets[t]!;
      const to = this.offsets[t + 1]!;
      const p = lowerBound(this.postings, from, to, d);
      if (p >= to || this.postings[p] !== d) continue;
      const df = to - from;
      const tf = this.freqs[p]!;
      acc += termWeight(boost, n, df) * this.tfPart(tf, d);
      matched++;
    }
    return acc * matched;
  }

  search(query: ReadonlyMap<string, number>, limit: number): Hit[] {
    this.stats.postings = 0;
    this.stats.prunedFrom = -1;
    const n = this.size;
    if (query.size === 0 || limit <= 0 || n === 0) return [];
    type QTerm = { term: string; t: number; weight: number; ub: number; df: number };
    const qterms: QTerm[] = [];
    for (const [term, boost] of query) {
      const t = this.termId(term);
      if (t < 0) continue;
      const df = this.offsets[t + 1]! - this.offsets[t]!;
      const weight = termWeight(boost, n, df);
      qterms.push({ term, t, weight, ub: weight * this.maxPart[t]!, df });
    }
    if (qterms.length === 0) return [];
    // Highest possible contribution first: rare terms build the candidate set, common ones refine it.
    qterms.sort((a, b) => b.ub - a.ub || a.df - b.df);
    const nq = qterms.length;
    const rest = new Float64Array(nq + 1);
    for (let j = nq - 1; j >= 0; j--) rest[j] = rest[j + 1]! + qterms[j]!.ub;

    const acc = (this.acc ??= new Float64Array(n));
    const cnt = (this.cnt ??= new Uint16Array(n));
    const touched = (this.touched ??= new Uint32Array(n));
    let seen = 0;
    let pruning = false;
    for (let j = 0; j < nq; j++) {
      const q = qterms[j]!;
      if (!pruning && seen >= limit) {
        // Worth checking only when the remaining lists are longer than the candidate set.
        let remaining = 0;
        for (let i = j; i < nq; i++) remaining += qterms[i]!.df;
        if (remaining > seen) {
          // A document first met now scores at most (sum of remaining bounds) × (terms left).
          const bound = rest[j]! * (nq - j);
          const theta = this.kthScore(touched, seen, limit);
          if (bound < theta) {
            pruning = true;
            this.stats.prunedFrom = j;
          }
        }
      }
      const from = this.offsets[q.t]!;
      const to = this.offsets[q.t + 1]!;
      if (pruning && seen * Math.log2(q.df + 1) * 2 < q.df) {
        // Few candidates, long list: look each candidate up instead of scanning.
        for (let i = 0; i < seen; i++) {
          const d = touched[i]!;
          const p = lowerBound(this.postings, from, to, d);
          this.stats.postings += Math.ceil(Math.log2(q.df + 1));
          if (p < to && this.postings[p] === d) this.addPosting(acc, cnt, d, p, q.weight);
        }
        continue;
      }
      this.stats.postings += to - from;
      for (let p = from; p < to; p++) {
        const d = this.postings[p]!;
        if (cnt[d] === 0) {
          if (pruning) continue;
          touched[seen++] = d;
        }
        this.addPosting(acc, cnt, d, p, q.weight);
      }
    }

    const top = this.topK(touched, seen, limit);
    const hits: Hit[] = top.map((d) => ({
      id: this.ids[d]!,
      score: acc[d]! * cnt[d]!,
      matched: qterms.filter((q) => this.has(q.t, d)).map((q) => q.term),
    }));
    for (let i = 0; i < seen; i++) {
      const d = touched[i]!;
      acc[d] = 0;
      cnt[d] = 0;
    }
    return hits;
  }

  snapshot(): RetrieverSnapshot {
    return {
      kind: 'compact',
      meta: { documents: this.size, terms: this.terms.length },
      arrays: {
        terms: new TextEncoder().encode(this.terms.join('\n')),
        offsets: this.offsets,
        postings: this.postings,
        freqs: this.freqs,
        lengths: this.lengths,
        ids: this.ids,
        ...(this.sequences ? { seqOffsets: this.sequences.offsets, seqTerms: this.sequences.terms } : {}),
      },
    };
  }

  /** BM25+'s term-frequency part for document `d` (its length normalised). */
  private tfPart(tf: number, d: number): number {
    return D + (tf * (K + 1)) / (tf + this.norm[d]!);
  }

  private addPosting(acc: Float64Array, cnt: Uint16Array, d: number, p: number, weight: number): void {
    const tf = this.freqs[p]!;
    acc[d]! += weight * this.tfPart(tf, d);
    cnt[d]!++;
  }

  private has(t: number, d: number): boolean {
    const to = this.offsets[t + 1]!;
    const p = lowerBound(this.postings, this.offsets[t]!, to, d);
    return p < to && this.postings[p] === d;
  }

  private score(d: number): number {
    return this.acc![d]! * this.cnt![d]!;
  }

  // True when document a ranks before b: higher score, then lower index (stable, like minisearch).
  private before(a: number, b: number): boolean {
    const sa = this.score(a);
    const sb = this.score(b);
    return sa > sb || (sa === sb && a < b);
  }

  /** The `limit` best candidates, best first (a bounded heap: O(seen · log limit)). */
  private topK(touched: Uint32Array, seen: number, limit: number): number[] {
    const size = this.heapOf(touched, seen, limit);
    return Array.from(this.heap!.subarray(0, size)).sort((a, b) => (this.before(a, b) ? -1 : 1));
  }

  /** Score of the `limit`-th best candidate so far. */
  private kthScore(touched: Uint32Array, seen: number, limit: number): number {
    const size = this.heapOf(touched, seen, limit);
    return size < limit ? 0 : this.score(this.heap![0]!);
  }

  // Min-heap (worst at the root) of the best `limit` candidates, in `this.heap`; returns its size.
  // The heap array is reused: searches call this once per query term, and fresh arrays kept the collector busy.
  private heapOf(touched: Uint32Array, seen: number, limit: number): number {
    if (!this.heap || this.heap.length < limit) this.heap = new Uint32Array(limit);
    const heap = this.heap;
    let size = 0;
    for (let i = 0; i < seen; i++) {
      const d = touched[i]!;
      if (size < limit) {
        // Sift up: the new candidate rises while it is worse than its parent.
        let at = size++;
        heap[at] = d;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (!this.before(heap[parent]!, d)) break;
          heap[at] = heap[parent]!;
          heap[parent] = d;
          at = parent;
        }
      } else if (this.before(d, heap[0]!)) {
        // Replace the worst and sift down: swap with the worse child while it is worse.
        heap[0] = d;
        let at = 0;
        for (;;) {
          const l = 2 * at + 1;
          const r = l + 1;
          let m = at;
          if (l < size && this.before(heap[m]!, heap[l]!)) m = l;
          if (r < size && this.before(heap[m]!, heap[r]!)) m = r;
          if (m === at) break;
          heap[at] = heap[m]!;
          heap[m] = d;
          at = m;
        }
      }
    }
    return size;
  }

  /** The id of a term (its position in the sorted dictionary, by binary search), or -1. */
  termId(term: string): number {
    let lo = 0;
    let hi = this.terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = this.terms[mid]!;
      if (m === term) return mid;
      if (m < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private indexOf(id: number): number {
    if (this.identityIds) return Number.isInteger(id) && id >= 0 && id < this.size ? id : -1;
    this.idToIndex ??= new Map([...this.ids].map((x, i) => [x, i]));
    return this.idToIndex.get(id) ?? -1;
  }
}

function grow<T extends Uint32Array | Uint16Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** First position in [from, to) whose value is ≥ x (the array is sorted there). */
function lowerBound(a: Uint32Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isMonotone(a: Uint32Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i]! < a[i - 1]!) return false;
  return true;
}

function maxOf(a: Uint32Array): number {
  let m = -1;
  for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
  return m;
}
