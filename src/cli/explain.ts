/**
 * `--explain`: why each cited sentence ranked where it did — its probability,
 * its logit, the domain priors' part, and every fitted feature's value with
 * its weight (see src/core/ranking/features.ts and fitted-weights.ts).
 */
import { DEFAULT_WEIGHTS } from '../core/ranking/weights.ts';
import type { Answer } from '../core/model/types.ts';

/** The JSON additions: `confidence` (the best sentence's probability) and, per citation, its `score`. */
export function explainJson(answer: Answer) {
  return {
    confidence: answer.confidence ?? null,
    threshold: DEFAULT_WEIGHTS.threshold,
    scores: answer.scores ?? [],
  };
}

/** The plain-text form, one block per cited sentence. */
export function explainText(answer: Answer): string {
  const lines = [`explain: confidence ${answer.confidence?.toFixed(3) ?? 'n/a'} (answers from ${DEFAULT_WEIGHTS.threshold}, less when the question names a known partner or topic)`];
  (answer.scores ?? []).forEach((s, i) => {
    lines.push(`  [${i + 1}] p ${s.probability.toFixed(3)}  logit ${s.logit.toFixed(2)} = bias ${DEFAULT_WEIGHTS.bias.toFixed(2)} + priors ${s.priors.toFixed(2)} + features:`);
    for (const [name, value] of Object.entries(s.features)) {
      const w = DEFAULT_WEIGHTS.features[name as keyof typeof DEFAULT_WEIGHTS.features] ?? 0;
      lines.push(`        ${name.padEnd(17)} ${value.toFixed(3)} × ${w.toFixed(3)} = ${(value * w).toFixed(3)}`);
    }
  });
  return lines.join('\n');
}
