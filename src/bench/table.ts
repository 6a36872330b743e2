/** Formatting of benchmark figures: sizes such as "100k", and the printed table. */
import type { RawFigures, VariantFigures } from './measure.ts';

/** "10k" → 10000, "1.5m" → 1500000, "2500" → 2500. @throws Error "bench: ..." on anything else. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`bench: bad size "${text}" (use e.g. 10k, 100k, 2500 or "shipped")`);
  const n = Number(m[1]) * (m[2]!.toLowerCase() === 'k' ? 1e3 : m[2]!.toLowerCase() === 'm' ? 1e6 : 1);
  return Math.round(n);
}

/** One measured corpus, as `run.ts` collects it. */
export interface CorpusResult {
  corpus: string;
  sentences: number;
  vocabulary: number;
  variants: VariantFigures[];
  /** Absent when skipped (`--raw-questions 0`). */
  raw?: RawFigures;
}

const MB = 1024 * 1024;
const pct = (x: number | undefined) => (x === undefined ? '–' : `${(100 * x).toFixed(1)}%`);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** A fixed-width table: one row per corpus and retriever, with the raw minisearch beside it. */
export function formatTable(results: readonly CorpusResult[]): string {
  const head = ['corpus', 'sentences', 'terms', 'retriever', 'build s', 'write s', 'snap MB', 'load s', 'heap MB', 'fresh load s', 'fresh heap MB', 'fresh RSS MB', 'pipe p50', 'pipe p99', 'retr p50', 'retr p99', 'raw p50', 'raw p99', 'x p50', 'x p99', 'top-1', 'top-3', 'raw top-1', 'raw top-3', 'raw build s', 'raw heap MB'];
  const rows: string[][] = [];
  for (const r of results) {
    for (const v of r.variants) {
      rows.push([
        r.corpus,
        String(r.sentences),
        String(r.vocabulary),
        v.retriever,
        (v.buildMs / 1000).toFixed(2),
        (v.writeMs / 1000).toFixed(2),
        (v.snapshotBytes / MB).toFixed(1),
        (v.loadMs / 1000).toFixed(2),
        (v.heapBytes / MB).toFixed(0),
        v.fresh ? (v.fresh.loadMs / 1000).toFixed(2) : '–',
        v.fresh ? (v.fresh.heapBytes / MB).toFixed(0) : '–',
        v.fresh ? (v.fresh.rssBytes / MB).toFixed(0) : '–',
        ms(v.pipeline.p50),
        ms(v.pipeline.p99),
        ms(v.retrieve.p50),
        ms(v.retrieve.p99),
        r.raw ? ms(r.raw.latency.p50) : '–',
        r.raw ? ms(r.raw.latency.p99) : '–',
        r.raw ? (v.pipeline.p50 / r.raw.latency.p50).toFixed(2) : '–',
        r.raw ? (v.pipeline.p99 / r.raw.latency.p99).toFixed(2) : '–',
        pct(v.quality?.top1),
        pct(v.quality?.top3),
        pct(r.raw?.quality?.top1),
        pct(r.raw?.quality?.top3),
        r.raw ? (r.raw.buildMs / 1000).toFixed(2) : '–',
        r.raw ? (r.raw.heapBytes / MB).toFixed(0) : '–',
      ]);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i < 4 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|')}|`, ...rows.map(line)].join('\n');
}
