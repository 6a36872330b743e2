/**
 * Question sets (JSON lines: fact, topic and offtopic questions) scored
 * through the same code as the CLI: used by `npm run eval` and by the CI
 * floor test on the public sets.
 */
import { z } from 'zod';
import { containsQuote, foldTypography } from '../core/text/normalise.ts';
import type { Engine } from '../core/engine.ts';
import { answerLine } from '../../commands/index.ts';
import { toJson, type AnswerJson } from '../cli/json.ts';

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
  /** The ranker's confidence in its best sentence (questions only). */
  confidence?: number;
  answer: AnswerJson;
}

/** Scores one question against an engine. */
export function scoreQuestion(engine: Engine, q: EvalQuestion): EvalResult {
  const raw = answerLine(engine, q.question);
  const answer = toJson(raw);
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
    confidence: raw.confidence,
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
    /** Answerable (fact) questions the bot abstained on. */
    abstainedAnswerable: share(facts.map((r) => r.abstained)),
    /** Off-topic questions the bot answered with citations. */
    answeredOfftopic: share(off.map((r) => !r.abstained)),
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

