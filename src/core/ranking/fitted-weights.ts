/**
 * The fitted weights, written by `npm run fit` (do not edit by hand: refit).
 * A TypeScript module rather than JSON so that the compiled build carries it
 * like any other module.
 */
export const FITTED_WEIGHTS = {
  "version": 1,
  "features": {
    "sentenceBm25": 0.402,
    "paragraphBm25": 1.5081,
    "exactCoverage": 0.3542,
    "softCoverage": 2.9047,
    "contextCoverage": 1.7205,
    "neighbourSupport": 1.9841,
    "proximity": 0.8718,
    "typeCue": 0.6086,
    "sentenceGist": 2.1764,
    "paragraphGist": 1.2554
  },
  "bias": -9.2633,
  "answerability": {
    "features": {
      "bestCoverage": 1.4209,
      "bestSupport": 3.0346,
      "vocabulary": 1.4171,
      "namesFound": 0.7649,
      "margin": 1.0568
    },
    "bias": -7.9642
  },
  "threshold": 0.1628,
  "fittedOn": "SQuAD v1.1 dev: listwise (conditional logit) fit, Platt-scaled, on every 4th question of the odd-numbered articles (1279 questions, 386378 candidates); threshold on the even-numbered half's split (every 10th question)",
  "validation": {
    "squadTop1": 0.7074,
    "squadTop3": 0.8611,
    "splitAnswerableTop3": 0.831,
    "splitUnanswerableAbstained": 0.9
  }
};
