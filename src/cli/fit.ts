/**
 * `npm run fit -- [--squad FILE] [--step N] [--validate-step N] [--paraphrase N] [--out FILE]`: fits the ranker's
 * feature weights by logistic regression on SQuAD v1.1 dev questions from
 * odd-numbered articles (0-based, file order), then chooses the abstention
 * threshold on the even-numbered (validation) half's split, and writes
 * `src/core/ranking/fitted-weights.ts` (or JSON when `--out` ends in .json). Prints the validation figures (the ones to
 * quote) and the fitting figures (not to quote). Each fitting question also
 * yields `--paraphrase` copies (default `FIT_PARAPHRASES`) asked in other words
 * (`fit/paraphrase.ts`).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndex } from '../core/retrieval/corpus-index.ts';
import { createEngine } from '../core/engine.ts';
import { parseQuery } from '../core/query/parse.ts';
import { queryContext } from '../core/ranking/context.ts';
import { FEATURE_NAMES, featureVector } from '../core/ranking/features.ts';
import { candidateViews } from '../core/ranking/rank.ts';
import { ANSWERABILITY_FEATURES, answerability } from '../core/ranking/abstention.ts';
import { DEFAULT_WEIGHTS, WEIGHTS_VERSION, type RankWeights } from '../core/ranking/weights.ts';
import { corpusOf } from '../bench/corpora.ts';
import { containsAnswer, everyNth, loadSquad, squadHalves } from '../bench/squad.ts';
import { fitListwise, fitLogistic } from '../fit/logistic.ts';
import { chooseThreshold, squadFigures, squadSplitRun } from '../fit/squad-eval.ts';
import { projectRoot } from '../startup.ts';
import { paraphraseQuery, standIns } from '../fit/paraphrase.ts';
import { seeded } from '../bench/random.ts';

/** Default SQuAD file: the shared data folder beside the project, when present. */
const DEFAULT_SQUAD = path.join(projectRoot(), '..', 'shared', 'data', 'squad-dev-v1.1.json');

/**
 * BM25 hits per question the ranker is fitted on: more than the serving pool
 * (`SENTENCE_POOL`), so the fit sees the harder negatives too. Measured:
 * fitted on 50, SQuAD validation top-3 84.1% and the paraphrase set 44%;
 * fitted on 200 and served with 50, 84.4% and 48%.
 */
const FIT_POOL = 200;
/** Paragraphs whose sentences join each question's candidates in the fit: as many as before `PARAGRAPH_POOL` went from 8 to 4, for the same reason. */
const FIT_PARAGRAPHS = 8;
/**
 * Paraphrased copies of each fitting question (`fit/paraphrase.ts`). Measured
 * (validation): with none, SQuAD ranking top-3 84.4% and the paraphrase set
 * 48% (52% ranking alone); with one, 85.0% and 56% (56%); with two (at a
 * share of 0.5), 84.4% and 56%.
 */
const FIT_PARAPHRASES = 1;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      squad: { type: 'string', default: DEFAULT_SQUAD },
      step: { type: 'string', default: '2' },
      'validate-step': { type: 'string', default: '10' },
      paraphrase: { type: 'string', default: String(FIT_PARAPHRASES) },
      out: { type: 'string', default: path.join(projectRoot(), 'src', 'core', 'ranking', 'fitted-weights.ts') },
    },
  });
  if (!existsSync(values.squad!)) throw new Error(`fit: no SQuAD file at ${values.squad} (pass --squad FILE)`);
  const squad = await loadSquad(values.squad!);
  const { fit, validate } = squadHalves(squad);
  const step = Number(values.step);
  const vstep = Number(values['validate-step']);
  const log = (s: string) => process.stderr.write(s + '\n');

  // 1. Fitting rows: every candidate of every sampled fit question, labelled by whether it holds an answer.
  const fitIndex = buildIndex(corpusOf(fit.articles));
  const groups: { rows: number[][]; labels: number[] }[] = [];
  let used = 0;
  const find = standIns(fitIndex);
  const random = seeded(9);
  const copies = Number(values.paraphrase);
  let paraphrased = 0;
  for (const q of everyNth(fit.questions, step)) {
    const original = parseQuery(q.question, [], []);
    const queries = [original];
    for (let k = 0; k < copies; k++) {
      const p = paraphraseQuery(original, fitIndex, find, random);
      if (p) queries.push(p);
    }
    for (const query of queries) {
      const ctx = queryContext(fitIndex, query, []);
      const views = candidateViews(fitIndex, ctx, { pool: FIT_POOL, paragraphs: FIT_PARAGRAPHS });
      const ys = views.map((v) => (v.passage.articleId === q.articleId && containsAnswer(v.passage.text, q.answers) ? 1 : 0));
      // A question whose answer no candidate holds teaches nothing about ranking.
      if (!ys.some(Boolean)) continue;
      if (query === original) used++;
      else paraphrased++;
      groups.push({ rows: views.map((v) => featureVector(v, ctx)), labels: ys });
    }
  }
  log(`fit: ${paraphrased} paraphrased copies`);
  const rowCount = groups.reduce((n, g) => n + g.rows.length, 0);
  log(`fit: ${used} questions, ${rowCount} candidate rows`);
  // Weights from the listwise fit (ranking), then Platt scaling of the score into a probability (abstention).
  const w = fitListwise(groups);
  const scores = groups.flatMap((g) => g.rows.map((x) => [x.reduce((s, v, i) => s + v * w[i]!, 0)]));
  const platt = fitLogistic(scores, groups.flatMap((g) => g.labels));
  const scale = platt.weights[0]!;
  log(`fit: listwise ${w.map((x) => x.toFixed(3)).join(" ")}; platt ${scale.toFixed(3)} ${platt.bias.toFixed(3)}`);
  const features = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, round(w[i]! * scale)])) as RankWeights['features'];
  const rows = { length: rowCount };
  const weights: RankWeights = { ...DEFAULT_WEIGHTS, version: WEIGHTS_VERSION, features, bias: round(platt.bias) };

  // 2. Ranking quality, fitting half (not to quote) and validation half (to quote), threshold 0.
  const open = { ...weights, threshold: 0 };
  log('fit: ranking fitted; measuring');
  const fitFigures = squadFigures(createEngine(fitIndex, { weights: open }), everyNth(fit.questions, vstep));
  const valIndex = buildIndex(corpusOf(validate.articles));
  const valFigures = squadFigures(createEngine(valIndex, { weights: open }), everyNth(validate.questions, vstep));

  // 3. The answerability model, fitted on the fitting half's split; its threshold chosen on the validation half's.
  const fitSplit = squadSplitRun(fit, open, vstep).filter((o) => o.features);
  const answerModel = fitLogistic(
    fitSplit.map((o) => ANSWERABILITY_FEATURES.map((n) => o.features![n]!)),
    fitSplit.map((o) => (o.answerable && o.top3 ? 1 : 0)),
  );
  weights.answerability = {
    features: Object.fromEntries(ANSWERABILITY_FEATURES.map((n, i) => [n, round(answerModel.weights[i]!)])) as RankWeights['answerability']['features'],
    bias: round(answerModel.bias),
  };
  const split = squadSplitRun(validate, open, vstep).map((o) => ({ ...o, confidence: o.features ? answerability(o.features as never, weights.answerability) : -1 }));
  const chosen = chooseThreshold(split);
  weights.threshold = round(chosen.threshold);
  weights.fittedOn = `SQuAD v1.1 dev: listwise (conditional logit) fit, Platt-scaled, on every ${step}th question of the odd-numbered articles (${used} questions, ${rows.length} candidates); threshold on the even-numbered half's split (every ${vstep}th question)`;
  weights.validation = {
    squadTop1: round(valFigures.top1),
    squadTop3: round(valFigures.top3),
    splitAnswerableTop3: round(chosen.answerableTop3),
    splitUnanswerableAbstained: round(chosen.unanswerableAbstained),
  };
  await writeFile(values.out!, values.out!.endsWith('.ts') ? weightsModule(weights) : JSON.stringify(weights, null, 2) + '\n');
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  process.stdout.write(
    [
      `weights written to ${path.relative(process.cwd(), values.out!)}`,
      ...FEATURE_NAMES.map((n) => `  ${n.padEnd(18)} ${features[n].toFixed(3)}`),
      `  ${'bias'.padEnd(18)} ${weights.bias.toFixed(3)}`,
      `answerability: ${ANSWERABILITY_FEATURES.map((n) => `${n} ${weights.answerability.features[n].toFixed(3)}`).join('  ')}  bias ${weights.answerability.bias.toFixed(3)}`,
      `validation (even articles, ${valFigures.questions} questions): top-1 ${pct(valFigures.top1)}  top-3 ${pct(valFigures.top3)}`,
      `validation split (threshold ${weights.threshold}): answerable top-3 ${pct(chosen.answerableTop3)}  unanswerable abstained ${pct(chosen.unanswerableAbstained)}`,
      `fitting half (not a validation figure): top-1 ${pct(fitFigures.top1)}  top-3 ${pct(fitFigures.top3)}`,
      '',
    ].join('\n'),
  );
}


/** The weights as the TypeScript module the core imports. */
function weightsModule(weights: RankWeights): string {
  return `/**
 * The fitted weights, written by \`npm run fit\` (do not edit by hand: refit).
 * A TypeScript module rather than JSON so that the compiled build carries it
 * like any other module.
 */
export const FITTED_WEIGHTS = ${JSON.stringify(weights, null, 2)};
`;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
