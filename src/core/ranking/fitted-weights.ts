/**
 * The fitted weights, written by `npm run fit` (do not edit by hand: refit).
 * A TypeScript module rather than JSON so that the compiled build carries it
 * like any other module.
 */
export const FITTED_WEIGHTS = {
  "version": 1,
  "features": {
    "sentenceBm25": 1.2788,
    "paragraphBm25": 1.802,
    "exactCoverage": 0.4318,
    "softCoverage": 2.2669,
    "contextCoverage": 2.0499,
    "neighbourSupport": 1.3401,
    "proximity": 0.5992,
    "typeCue": 0.7484
  },
  "bias": -6.8733,
  "answerability": {
    "features": {
      "bestCoverage": 4.3586,
      "bestSupport": 3.882,
      "vocabulary": 1.9475
    },
    "bias": -7.4012
  },
  "threshold": 0.3176,
  "fittedOn": "SQuAD v1.1 dev: listwise (conditional logit) fit, Platt-scaled, on every 4th question of the odd-numbered articles (1279 questions, 235208 candidates); threshold on the even-numbered half's split (every 10th question)",
  "validation": {
    "squadTop1": 0.6852,
    "squadTop3": 0.8167,
    "splitAnswerableTop3": 0.7793,
    "splitUnanswerableAbstained": 0.9
  }
};
