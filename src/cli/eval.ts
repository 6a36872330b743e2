/**
 * `npm run eval -- PATH/questions.jsonl [--knowledge DIR]`: scores a question
 * set through the same code as the CLI and prints per-question results and
 * the summary figures. Question kinds: fact, topic, offtopic (see README).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { containsQuote, foldTypography } from '../core/text/normalise.ts';
import type { Engine } from '../core/engine.ts';
import { openEngine } from '../startup.ts';
import { answerLine } from '../../commands/index.ts';
import { toJson, type AnswerJson } from './json.ts';

const questionSchema = z.object({
  id: z.string(),
  kind: z.enum(['fact', 'topic', 'offtopic']),
  question: z.string(),
  expect: z.string().optional(),
  sources: z.array(z.string()).optional(),
  eras: z.array(z.string()).optional(),
});
/** One line of a question set. */
export type EvalQuestion = z.infer<typeof questionSchema>;

/** The verdict on one question. */
export interface EvalResult {
  id: string;
  kind: EvalQuestion['kind'];
  top1: boolean;
  top3: boolean;
  abstained: boolean;
  erasOk: boolean;
  verbatim: boolean;
  answer: AnswerJson;
}

/** Scores one question against an engine. */
export function scoreQuestion(engine: Engine, q: EvalQuestion): EvalResult {
  const answer = toJson(answerLine(engine, q.question));
  const re = q.expect ? new RegExp(q.expect, 'i') : undefined;
  const sources = new Set(q.sources ?? []);
  const good = answer.citations.map((c) => !!re?.test(foldTypography(c.quote).replace(/\s+/g, ' ')) && (sources.size === 0 || sources.has(c.articleId) || c.alsoReportedBy.some((a) => sources.has(a))));
  const bodies = new Map(engine.corpus.articles.map((a) => [a.id, a.body]));
  const years = new Set(answer.citations.map((c) => c.date.slice(0, 4)));
  return {
    id: q.id,
    kind: q.kind,
    top1: good[0] ?? false,
    // A briefing is judged on all its quotes, a question on its top three.
    top3: (q.kind === 'topic' ? good : good.slice(0, 3)).some(Boolean),
    abstained: !answer.answered && answer.citations.length === 0,
    erasOk: (q.eras ?? []).every((e) => years.has(e)),
    verbatim: answer.citations.every((c) => containsQuote(bodies.get(c.articleId) ?? '', c.quote)),
    answer,
  };
}

/** Summary figures of a run (shares between 0 and 1). */
export function summarise(results: readonly EvalResult[]) {
  const share = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : 1);
  const facts = results.filter((r) => r.kind === 'fact');
  const topics = results.filter((r) => r.kind === 'topic');
  const off = results.filter((r) => r.kind === 'offtopic');
  return {
    questions: results.length,
    factTop1: share(facts.map((r) => r.top1)),
    factTop3: share(facts.map((r) => r.top3)),
    topicEras: share(topics.map((r) => r.erasOk && r.top3)),
    offtopicAbstain: share(off.map((r) => r.abstained)),
    verbatim: share(results.map((r) => r.verbatim)),
  };
}

/** Parses a JSON-lines question set; errors name the line. */
export function parseQuestions(text: string, file: string): EvalQuestion[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line)
    .map(([line, n]) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`eval: ${file}:${n}: not valid JSON`);
      }
      const parsed = questionSchema.safeParse(json);
      if (!parsed.success) throw new Error(`eval: ${file}:${n}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
      return parsed.data;
    });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { knowledge: { type: 'string' }, verbose: { type: 'boolean', short: 'v', default: false } } });
  const file = positionals[0];
  if (!file) throw new Error('eval: usage: npm run eval -- PATH/questions.jsonl [--knowledge DIR] [--verbose]');
  const questions = parseQuestions(await readFile(file, 'utf8'), file);
  const engine = await openEngine(values.knowledge);
  const results = questions.map((q) => scoreQuestion(engine, q));
  for (const r of results) {
    const ok = r.kind === 'offtopic' ? r.abstained : r.kind === 'topic' ? r.erasOk && r.top3 : r.top1;
    const mark = ok ? 'ok  ' : r.top3 ? 'top3' : 'MISS';
    process.stdout.write(`${mark} ${r.id} ${r.kind.padEnd(8)} ${questions.find((q) => q.id === r.id)!.question}\n`);
    if (values.verbose || !ok) for (const c of r.answer.citations.slice(0, 3)) process.stdout.write(`       [${c.articleId.slice(0, 12)}] ${c.quote.slice(0, 140)}\n`);
  }
  const s = summarise(results);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  process.stdout.write(
    `\nfact top-1 ${pct(s.factTop1)}  fact top-3 ${pct(s.factTop3)}  topic eras ${pct(s.topicEras)}  off-topic abstain ${pct(s.offtopicAbstain)}  verbatim ${pct(s.verbatim)}  (${s.questions} questions)\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
