/**
 * The ranker's weights, in one documented place (as minisearch documents its
 * options). The fitted values live in `fitted-weights.ts`, written by `npm run fit`
 * (logistic regression on SQuAD questions from odd-numbered articles; see the
 * README for the protocol and the validation figures). `DEFAULT_WEIGHTS` is
 * those values, checked for shape when the module loads.
 */
import { FITTED_WEIGHTS } from './fitted-weights.ts';
import { FEATURE_NAMES, type FeatureName } from './features.ts';
import { ANSWERABILITY_FEATURES, type AnswerabilityWeights } from './abstention.ts';

/** A ranker: one weight per feature, a bias, and the abstention thresholds. */
export interface RankWeights {
  /** Version of the weights file layout. */
  version: number;
  /** Weight of each feature in the logit (see features.ts for what each measures). */
  features: Record<FeatureName, number>;
  /** Logit bias. */
  bias: number;
  /** The answerability model (abstention.ts): question-level features to the probability the knowledge answers it. */
  answerability: AnswerabilityWeights;
  /**
   * Least answerability for the bot to answer; below it the bot abstains.
   * Chosen on the validation half of the SQuAD split (half the articles
   * loaded, questions from all of them), maximising the mean of answerable
   * questions answered in the top 3 and unanswerable ones abstained.
   */
  threshold: number;
  /** Where the weights came from (data, protocol, date), for people. */
  fittedOn?: string;
  /** Validation figures at fitting time, for people. */
  validation?: Record<string, number>;
}

/** Version of the weights layout this code reads. */
export const WEIGHTS_VERSION = 1;

/**
 * Checks a weights object: every feature present and finite, nothing extra.
 * @throws Error "ranking: weights ..." naming the problem.
 */
export function checkWeights(w: unknown): RankWeights {
  const x = w as RankWeights;
  if (!x || typeof x !== 'object' || x.version !== WEIGHTS_VERSION) throw new Error(`ranking: weights file version must be ${WEIGHTS_VERSION}`);
  for (const name of FEATURE_NAMES) {
    if (!Number.isFinite(x.features?.[name])) throw new Error(`ranking: weights: feature "${name}" has no finite weight`);
  }
  for (const name of Object.keys(x.features)) {
    if (!FEATURE_NAMES.includes(name as FeatureName)) throw new Error(`ranking: weights: unknown feature "${name}"`);
  }
  for (const name of ANSWERABILITY_FEATURES) {
    if (!Number.isFinite(x.answerability?.features?.[name])) throw new Error(`ranking: weights: answerability feature "${name}" has no finite weight`);
  }
  if (!Number.isFinite(x.answerability?.bias)) throw new Error('ranking: weights: answerability "bias" must be a finite number');
  for (const k of ['bias', 'threshold'] as const) {
    if (!Number.isFinite(x[k])) throw new Error(`ranking: weights: "${k}" must be a finite number`);
  }
  return x;
}

/** The fitted weights shipped with the code. */
export const DEFAULT_WEIGHTS: RankWeights = checkWeights(FITTED_WEIGHTS);

/** The logistic function: a logit to a probability. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
