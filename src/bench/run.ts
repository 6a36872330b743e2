/**
 * `npm run bench -- [--squad FILE] [--sizes shipped,10k,100k,300k] [--out FILE]
 *   [--questions N] [--raw-questions N] [--retrievers compact,minisearch] [--eval FILE] [--seed N]`
 *
 * Measures the engine on the shipped knowledge and on larger corpora: SQuAD
 * v1.1 dev articles (real text, real questions with gold answers) plus
 * generated distractor articles up to each size. Without `--squad`, the
 * larger corpora grow from the shipped knowledge and only speed is measured.
 * Prints a table and writes the same figures as JSON (default bench-results.json).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { words, isStopWord } from '../core/text/analyzer.ts';
import { loadCorpus } from '../core/knowledge/load.ts';
import { articlePassages } from '../core/text/passages.ts';
import type { RetrieverKind } from '../core/retrieval/retriever.ts';
import type { Article } from '../core/model/types.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../startup.ts';
import { scaledCorpus } from './corpora.ts';
import { measureCorpus, type BenchQuestion } from './measure.ts';
import { sample, seeded } from './random.ts';
import { containsAnswer, loadSquad, type SquadSet } from './squad.ts';
import { formatTable, parseSize } from './table.ts';

const ROOT = path.resolve(DEFAULT_KNOWLEDGE_DIR, '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      squad: { type: 'string' },
      sizes: { type: 'string', default: 'shipped,10k,100k,300k' },
      out: { type: 'string', default: 'bench-results.json' },
      questions: { type: 'string', default: '1000' },
      'raw-questions': { type: 'string', default: '200' },
      retrievers: { type: 'string', default: 'compact' },
      eval: { type: 'string', default: path.join(ROOT, '..', 'shared', 'eval', 'questions.jsonl') },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: npm run bench -- [--squad FILE] [--sizes shipped,10k,100k,300k] [--out FILE] [--questions N] [--raw-questions N] [--retrievers compact,minisearch] [--eval FILE] [--seed N]\n');
    return;
  }
  const log = (line: string) => process.stderr.write(line + '\n');
  const seed = Number(values.seed);
  const questionCount = Number(values.questions);
  const retrievers = values.retrievers.split(',') as RetrieverKind[];
  for (const r of retrievers) if (r !== 'compact' && r !== 'minisearch') throw new Error(`bench: unknown retriever "${r}"`);
  const sizes = values.sizes.split(',').map((s) => s.trim());

  const shipped = await loadCorpus(DEFAULT_KNOWLEDGE_DIR);
  const squad: SquadSet | undefined = values.squad ? await loadSquad(values.squad) : undefined;
  if (!squad) log('bench: no --squad file: larger corpora grow from the shipped knowledge, speed only');
  const tmpDir = await mkdtemp(path.join(tmpdir(), 'dealdesk-bench-'));
  const results = [];
  try {
    for (const size of sizes) {
      const started = performance.now();
      let corpus;
      let questions: BenchQuestion[];
      if (size === 'shipped') {
        corpus = shipped;
        questions = [...(await evalQuestions(values.eval)), ...derivedQuestions(shipped.articles, 300, seeded(seed))];
      } else {
        const target = parseSize(size);
        const base = squad?.articles ?? shipped.articles;
        corpus = scaledCorpus(base, target, seed);
        const included = new Set(corpus.articles.map((a) => a.id));
        questions = squad
          ? sample(squad.questions.filter((q) => included.has(q.articleId)), questionCount, seeded(seed)).map((q) => ({
              question: q.question,
              gold: (quote: string) => containsAnswer(quote, q.answers),
            }))
          : derivedQuestions(base, questionCount, seeded(seed));
      }
      log(`bench: ${size}: ${corpus.articles.length} articles, ${questions.length} questions`);
      const figures = await measureCorpus(corpus, questions, { retrievers, rawQuestions: Number(values['raw-questions']), tmpDir, log });
      results.push({ corpus: size, articles: corpus.articles.length, questions: questions.length, ...figures, seconds: (performance.now() - started) / 1000 });
    }
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    options: { squad: values.squad ?? null, sizes, questions: questionCount, rawQuestions: Number(values['raw-questions']), retrievers, seed },
    results,
  };
  await writeFile(values.out, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(formatTable(results) + '\n');
  log(`bench: figures written to ${values.out}`);
}

/** The eval sample's fact questions (gold: their `expect` pattern) and topic requests, when the file exists. */
async function evalQuestions(file: string): Promise<BenchQuestion[]> {
  if (!existsSync(file)) return [];
  const out: BenchQuestion[] = [];
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (!line.trim()) continue;
    const q = JSON.parse(line) as { kind?: string; question: string; expect?: string };
    const pattern = q.kind === 'fact' && q.expect ? new RegExp(q.expect, 'i') : undefined;
    out.push({ question: q.question, gold: pattern ? (quote) => pattern.test(quote) : undefined });
  }
  return out;
}

/** Speed-only questions: four to six content words of random sentences of the corpus. */
function derivedQuestions(articles: readonly Article[], n: number, random: ReturnType<typeof seeded>): BenchQuestion[] {
  const sentences = articles.flatMap((a) => articlePassages(a).passages.map((p) => p.text));
  const out: BenchQuestion[] = [];
  for (let i = 0; i < n && sentences.length; i++) {
    const content = words(random.pick(sentences)).filter((w) => !isStopWord(w));
    if (content.length === 0) continue;
    out.push({ question: sample(content, 4 + random.int(3), random).join(' ') });
  }
  return out;
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
