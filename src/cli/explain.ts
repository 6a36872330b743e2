/**
 * `--explain`: why each cited sentence ranked where it did — its probability,
 * its logit, the domain priors' part, and every fitted feature's value with
 * its weight (see src/core/ranking/features.ts and fitted-weights.ts).
 */
import { DEFAULT_WEIGHTS } from '../core/ranking/weights.ts';
import type { Answer } from '../core/model/types.ts';

/**
 * The JSON additions: `confidence` (the answerability), `threshold` (what this question
 * needed: the fitted one, lowered by the abstention priors that applied), the answerability
 * features, and per citation its `score`.
 */
export function explainJson(answer: Answer) {
  return {
    confidence: answer.confidence ?? null,
    threshold: answer.threshold ?? DEFAULT_WEIGHTS.threshold,
    answerability: answer.answerability ?? null,
    scores: answer.scores ?? [],
  };
}

/** The plain-text form: the abstention decision and its features, then one block per cited sentence. */
export function explainText(answer: Answer): string {
  const needed = answer.threshold ?? DEFAULT_WEIGHTS.threshold;
  const decision = answer.confidence === undefined ? '' : answer.confidence >= needed ? ': answered' : ': abstained';
  const lowered = needed < DEFAULT_WEIGHTS.threshold ? `, lowered from ${DEFAULT_WEIGHTS.threshold} because the question names a known partner or topic` : '';
  const lines = [`explain: answerability ${answer.confidence?.toFixed(3) ?? 'n/a'} against ${needed.toFixed(4)}${lowered}${decision}`];
  const w = DEFAULT_WEIGHTS.answerability;
  if (answer.answerability) {
    lines.push(`  answerability = sigmoid(bias ${w.bias.toFixed(2)} + features):`);
    for (const [name, weight] of Object.entries(w.features)) {
      const value = answer.answerability[name] ?? 0;
      lines.push(`        ${name.padEnd(17)} ${value.toFixed(3)} × ${weight.toFixed(3)} = ${(value * weight).toFixed(3)}`);
    }
  }
  (answer.scores ?? []).forEach((s, i) => {
    lines.push(`  [${i + 1}] p ${s.probability.toFixed(3)}  logit ${s.logit.toFixed(2)} = bias ${DEFAULT_WEIGHTS.bias.toFixed(2)} + priors ${s.priors.toFixed(2)} + features:`);
    for (const [name, value] of Object.entries(s.features)) {
      const w = DEFAULT_WEIGHTS.features[name as keyof typeof DEFAULT_WEIGHTS.features] ?? 0;
      lines.push(`        ${name.padEnd(17)} ${value.toFixed(3)} × ${w.toFixed(3)} = ${(value * w).toFixed(3)}`);
    }
  });
  return lines.join('\n');
}
