/**
 * `npm run eval -- PATH/questions.jsonl [--knowledge DIR]`: scores a question
 * set through the same code as the CLI and prints per-question results and
 * the summary figures. Question kinds: fact, topic, offtopic (see README).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openEngine } from '../startup.ts';
import { parseQuestions, scoreQuestion, summarise, type EvalResult } from '../fit/question-set.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * The precision/recall curve of abstention on a question set: at each
 * threshold, the share of answerable (fact) questions answered with a good
 * top-3 quote (recall) and the share of answered questions that were
 * answerable and well answered (precision).
 */
function curveLines(results: readonly EvalResult[], steps = 10): string[] {
  const scored = results.filter((r) => r.kind !== 'topic');
  const lines = ['threshold  recall(top-3)  precision  answered'];
  for (let i = 0; i <= steps; i++) {
    const t = (0.5 * i) / steps;
    const answered = scored.filter((r) => (r.confidence ?? -1) >= t && !r.abstained);
    const good = answered.filter((r) => r.kind === 'fact' && r.top3);
    const facts = scored.filter((r) => r.kind === 'fact').length || 1;
    lines.push(`${t.toFixed(3).padStart(9)}  ${pct(good.length / facts).padStart(13)}  ${pct(answered.length ? good.length / answered.length : 1).padStart(9)}  ${String(answered.length).padStart(8)}`);
  }
  return lines;
}

async function squadReport(file: string, step: number, curve: boolean): Promise<void> {
  const { loadSquad, squadHalves, everyNth } = await import('../bench/squad.ts');
  const { buildIndex } = await import('../core/retrieval/corpus-index.ts');
  const { createEngine } = await import('../core/engine.ts');
  const { corpusOf } = await import('../bench/corpora.ts');
  const { squadFigures, squadSplitRun, splitAt, splitCurve } = await import('../fit/squad-eval.ts');
  const { DEFAULT_WEIGHTS } = await import('../core/ranking/weights.ts');
  const { validate } = squadHalves(await loadSquad(file));
  const index = buildIndex(corpusOf(validate.articles));
  const sample = everyNth(validate.questions, step);
  const figures = squadFigures(createEngine(index), sample);
  const ranking = squadFigures(createEngine(index, { weights: { ...DEFAULT_WEIGHTS, threshold: 0 } }), sample);
  process.stdout.write(`SQuAD validation half (even articles, ${figures.questions} questions): top-1 ${pct(figures.top1)}  top-3 ${pct(figures.top3)}  abstained-but-answerable ${pct(figures.abstained)}\n`);
  process.stdout.write(`  ranking alone (no abstention threshold): top-1 ${pct(ranking.top1)}  top-3 ${pct(ranking.top3)}\n`);
  const run = squadSplitRun(validate, DEFAULT_WEIGHTS, step);
  const at = splitAt(run, DEFAULT_WEIGHTS.threshold);
  process.stdout.write(`SQuAD split (half the validation articles loaded, threshold ${DEFAULT_WEIGHTS.threshold}): answerable top-3 ${pct(at.answerableTop3)} (abstained ${pct(at.answerableAbstained)})  unanswerable abstained ${pct(at.unanswerableAbstained)}\n`);
  if (curve) {
    process.stdout.write('threshold  answerable-top-3  answerable-abstained  unanswerable-abstained\n');
    for (const c of splitCurve(run)) process.stdout.write(`${c.threshold.toFixed(3).padStart(9)}  ${pct(c.answerableTop3).padStart(16)}  ${pct(c.answerableAbstained).padStart(20)}  ${pct(c.unanswerableAbstained).padStart(22)}\n`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      knowledge: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
      curve: { type: 'boolean', default: false },
      squad: { type: 'string' },
      step: { type: 'string', default: '10' },
    },
  });
  if (!positionals.length && !values.squad) {
    throw new Error('eval: usage: npm run eval -- [PATH/questions.jsonl ...] [--knowledge DIR] [--verbose] [--curve] [--squad squad-dev-v1.1.json [--step 10]]');
  }
  const engine = positionals.length ? await openEngine(values.knowledge) : undefined;
  for (const file of positionals) {
    const questions = parseQuestions(await readFile(file, 'utf8'), file);
    const results = questions.map((q) => scoreQuestion(engine!, q));
    process.stdout.write(`== ${file}\n`);
    for (const r of results) {
      const ok = r.kind === 'offtopic' ? r.abstained : r.kind === 'topic' ? r.erasOk && r.top3 : r.top1;
      const mark = ok ? 'ok  ' : r.top3 ? 'top3' : r.abstained ? 'ABST' : 'MISS';
      process.stdout.write(`${mark} ${r.id} ${r.kind.padEnd(8)} ${questions.find((q) => q.id === r.id)!.question}\n`);
      if (values.verbose || !ok) for (const c of r.answer.citations.slice(0, 3)) process.stdout.write(`       [${c.articleId.slice(0, 12)}] ${c.quote.slice(0, 140)}\n`);
    }
    const s = summarise(results);
    process.stdout.write(
      `\nfact top-1 ${pct(s.factTop1)}  fact top-3 ${pct(s.factTop3)}  abstained-but-answerable ${pct(s.abstainedAnswerable)}  answered-but-off-topic ${pct(s.answeredOfftopic)}  topic eras ${pct(s.topicEras)}  verbatim ${pct(s.verbatim)}  (${s.questions} questions)\n`,
    );
    if (values.curve) process.stdout.write(curveLines(results).join('\n') + '\n');
    process.stdout.write('\n');
  }
  if (values.squad) await squadReport(values.squad, Number(values.step), values.curve);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
