/**
 * One benchmark corpus, measured: index build, snapshot write and load, heap
 * after load, per-question latency of the whole pipeline and of the retrieval
 * step alone, and a plain minisearch (default options) on the same sentences
 * and questions. Quality where questions have gold answers: the share whose
 * first (top-1) or first three (top-3) cited sentences hold the answer.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import MiniSearch from 'minisearch';
import { createEngine } from '../core/engine.ts';
import { endianness } from 'node:os';
import { CACHE_FORMAT, decodeSnapshot, encodeSnapshot } from '../core/retrieval/index-cache.ts';
import { buildIndex, INDEX_VERSION, loadIndex, snapshotIndex, type CorpusIndex } from '../core/retrieval/corpus-index.ts';
import { parseQuery } from '../core/query/parse.ts';
import type { RetrieverKind } from '../core/retrieval/retriever.ts';
import type { Corpus } from '../core/model/types.ts';
import { renderText } from '../render/text.ts';
import { liveBytes, percentile, timed } from './stats.ts';

/** A benchmark question; `gold` (when known) says whether a quote answers it. */
export interface BenchQuestion {
  question: string;
  gold?: (quote: string) => boolean;
}

/** Latency percentiles in milliseconds. */
export interface Latency {
  p50: number;
  p99: number;
}

/** Quality on questions with gold answers (shares 0-1). */
export interface Quality {
  questions: number;
  top1: number;
  top3: number;
}

/** Figures for one retriever over one corpus. */
export interface VariantFigures {
  retriever: RetrieverKind;
  buildMs: number;
  writeMs: number;
  snapshotBytes: number;
  loadMs: number;
  /** Heap plus typed-array memory held after loading (corpus and index), in bytes. */
  heapBytes: number;
  /** The snapshot opened by a fresh process (`load-snapshot.ts`), as a starting replica opens it. */
  fresh: FreshLoad;
  pipeline: Latency;
  retrieve: Latency;
  quality?: Quality;
  answered: number;
}

/** Opening a snapshot in a process of its own. */
export interface FreshLoad {
  loadMs: number;
  /** CPU time of the load (user + system), ms: what the load costs when a core is free. */
  loadCpuMs: number;
  /** Heap plus typed-array memory the process holds after loading, in bytes. */
  heapBytes: number;
  /** Resident set size of that process after loading, in bytes. */
  rssBytes: number;
}

/** Figures of plain minisearch with default options over the same sentences. */
export interface RawFigures {
  buildMs: number;
  heapBytes: number;
  latency: Latency;
  questions: number;
  quality?: Quality;
}

/** Options of `measureCorpus`. */
export interface MeasureOptions {
  retrievers: RetrieverKind[];
  /** Questions timed on the raw minisearch (it is slow at scale); 0 skips it (not even built). */
  rawQuestions: number;
  /** Scratch folder for snapshot files. */
  tmpDir: string;
  log: (line: string) => void;
}

const WARM_UP = 30;

/**
 * Measures one corpus. Drops its own references between steps so heap
 * figures hold only what is being measured.
 */
export async function measureCorpus(
  corpus: Corpus,
  questions: readonly BenchQuestion[],
  options: MeasureOptions,
): Promise<{ sentences: number; paragraphs: number; vocabulary: number; variants: VariantFigures[]; raw?: RawFigures }> {
  const variants: VariantFigures[] = [];
  let loaded: CorpusIndex | undefined;
  let shape = { sentences: 0, paragraphs: 0, vocabulary: 0 };
  for (const retriever of options.retrievers) {
    loaded = undefined;
    const base = liveBytes();
    const file = path.join(options.tmpDir, `bench-${retriever}.bin`);
    // Built, written and dropped in a function of its own, so only the loaded copy is alive when memory is counted.
    const { buildMs, writeMs, snapshotBytes, sentences, paragraphs, vocabulary } = await buildAndWrite(corpus, retriever, file);
    shape = { sentences, paragraphs, vocabulary: Number.isNaN(vocabulary) ? shape.vocabulary : vocabulary };
    options.log(`  ${retriever}: built in ${(buildMs / 1000).toFixed(1)} s, snapshot ${(snapshotBytes / 1024 / 1024).toFixed(1)} MB`);
    // Load from the file into a fresh corpus copy, as a starting process would.
    const t1 = performance.now();
    const decoded = decodeSnapshot(await readFile(file));
    loaded = loadIndex(decoded.corpus, decoded.snapshot);
    const loadMs = performance.now() - t1;
    const heapBytes = liveBytes() - base;
    const fresh = await freshLoad(file);
    options.log(`  ${retriever}: fresh process: loaded in ${(fresh.loadMs / 1000).toFixed(2)} s (CPU ${(fresh.loadCpuMs / 1000).toFixed(2)} s), heap ${(fresh.heapBytes / 1024 / 1024).toFixed(0)} MB, RSS ${(fresh.rssBytes / 1024 / 1024).toFixed(0)} MB`);
    const engine = createEngine(loaded);
    const index = loaded;
    const pipeline = latencyOf(questions, (q) => renderText(engine.ask(q.question)));
    // Retrieval alone: the two searches ranking makes (questions parsed beforehand).
    const parsed = new Map(questions.map((q) => [q, parseQuery(q.question, corpus.deals, corpus.topics)]));
    const retrieve = latencyOf(questions, (q) => {
      const terms = parsed.get(q)!.terms;
      index.sentences.search(terms, 200);
      index.paragraphs.search(terms, 200);
    });
    const answers = new Map(questions.map((q) => [q, engine.ask(q.question)]));
    const quality = qualityOf(questions, (q) => answers.get(q)!.citations.map((c) => c.quote));
    const answered = [...answers.values()].filter((a) => a.answered).length / Math.max(1, questions.length);
    variants.push({ retriever, buildMs, writeMs, snapshotBytes, loadMs, heapBytes, fresh, pipeline: pipeline, retrieve, quality, answered });
    options.log(`  ${retriever}: pipeline p50 ${pipeline.p50.toFixed(2)} ms, p99 ${pipeline.p99.toFixed(2)} ms`);
  }
  const raw = options.rawQuestions > 0 ? measureRaw(loaded!, questions.slice(0, options.rawQuestions), options) : undefined;
  return { ...shape, variants, raw };
}

/** Builds the index, writes its snapshot file, and lets both go. */
async function buildAndWrite(corpus: Corpus, retriever: RetrieverKind, file: string) {
  const built = timed(() => buildIndex(corpus, { retriever }));
  const shape = { sentences: built.value.passages.length, paragraphs: built.value.paragraphs.size, vocabulary: vocabularyOf(built.value) };
  const key = { format: CACHE_FORMAT, indexVersion: INDEX_VERSION, code: 'bench', knowledge: corpus.hash, retriever, endian: endianness(), vectors: 'bench', wordnet: 'bench' };
  const t0 = performance.now();
  const bytes = encodeSnapshot(key, corpus, snapshotIndex(built.value));
  await writeFile(file, bytes);
  return { ...shape, buildMs: built.ms, writeMs: performance.now() - t0, snapshotBytes: bytes.length };
}

/** Opens a snapshot file in a fresh process (the same node and loader as this one) and reads its figures. */
async function freshLoad(file: string): Promise<FreshLoad> {
  const script = fileURLToPath(new URL(`./load-snapshot${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, script, file], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as FreshLoad;
}

/** Plain minisearch, default options, over the same sentences: the obvious alternative. */
function measureRaw(index: CorpusIndex, questions: readonly BenchQuestion[], options: MeasureOptions): RawFigures {
  const base = liveBytes();
  const built = timed(() => {
    const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    ms.addAll(index.passages.map((p, id) => ({ id, text: p.text })));
    return ms;
  });
  const heapBytes = liveBytes() - base;
  options.log(`  raw minisearch: built in ${(built.ms / 1000).toFixed(1)} s`);
  const ms = built.value;
  // One timed search per question (it is slow at scale); its top 3 also give the quality figures.
  for (const q of questions.slice(0, 5)) ms.search(q.question);
  const times: number[] = [];
  const top3 = new Map<BenchQuestion, string[]>();
  for (const q of questions) {
    const t = performance.now();
    const results = ms.search(q.question);
    times.push(performance.now() - t);
    top3.set(q, results.slice(0, 3).map((r) => index.passages[r.id as number]!.text));
  }
  const latency = { p50: percentile(times, 50), p99: percentile(times, 99) };
  const quality = qualityOf(questions, (q) => top3.get(q) ?? []);
  return { buildMs: built.ms, heapBytes, latency, questions: questions.length, quality };
}

/** Times `fn` on every question (after a short warm-up). */
export function latencyOf(questions: readonly BenchQuestion[], fn: (q: BenchQuestion) => unknown): Latency {
  for (const q of questions.slice(0, WARM_UP)) fn(q);
  const times = questions.map((q) => timed(() => fn(q)).ms);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Top-1 and top-3 rates over the questions that have gold answers. */
export function qualityOf(questions: readonly BenchQuestion[], quotes: (q: BenchQuestion) => string[]): Quality | undefined {
  const gold = questions.filter((q) => q.gold);
  if (gold.length === 0) return undefined;
  let top1 = 0;
  let top3 = 0;
  for (const q of gold) {
    const cited = quotes(q).slice(0, 3);
    if (cited[0] !== undefined && q.gold!(cited[0])) top1++;
    if (cited.some((c) => q.gold!(c))) top3++;
  }
  return { questions: gold.length, top1: top1 / gold.length, top3: top3 / gold.length };
}

function vocabularyOf(index: CorpusIndex): number {
  const v = (index.sentences as { vocabulary?: number }).vocabulary;
  return typeof v === 'number' ? v : NaN;
}
