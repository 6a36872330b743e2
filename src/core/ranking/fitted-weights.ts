/**
 * The fitted weights, written by `npm run fit` (do not edit by hand: refit).
 * A TypeScript module rather than JSON so that the compiled build carries it
 * like any other module.
 */
export const FITTED_WEIGHTS = {
  "version": 1,
  "features": {
    "sentenceBm25": 0.5234,
    "paragraphBm25": 1.3932,
    "exactCoverage": 1.1442,
    "softCoverage": 2.2375,
    "contextCoverage": 1.7865,
    "neighbourSupport": 1.9728,
    "proximity": 0.5325,
    "typeCue": 0.545
  },
  "bias": -6.8505,
  "answerability": {
    "features": {
      "bestCoverage": 3.9694,
      "bestSupport": 4.3256,
      "vocabulary": 2.0428,
      "namesFound": 0.6241
    },
    "bias": -8.1516
  },
  "threshold": 0.3172,
  "fittedOn": "SQuAD v1.1 dev: listwise (conditional logit) fit, Platt-scaled, on every 4th question of the odd-numbered articles (1279 questions, 235208 candidates); threshold on the even-numbered half's split (every 10th question)",
  "validation": {
    "squadTop1": 0.6963,
    "squadTop3": 0.8426,
    "splitAnswerableTop3": 0.8138,
    "splitUnanswerableAbstained": 0.9
  }
};
