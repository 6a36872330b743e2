/**
 * The fitted weights, written by `npm run fit` (do not edit by hand: refit).
 * A TypeScript module rather than JSON so that the compiled build carries it
 * like any other module.
 */
export const FITTED_WEIGHTS = {
  "version": 1,
  "features": {
    "sentenceBm25": 0.5461,
    "paragraphBm25": 1.7423,
    "exactCoverage": 1.1868,
    "softCoverage": 2.2236,
    "contextCoverage": 1.684,
    "neighbourSupport": 1.6747,
    "proximity": 0.5187,
    "typeCue": 0.5383
  },
  "bias": -6.952,
  "answerability": {
    "features": {
      "bestCoverage": 1.2758,
      "bestSupport": 2.4417,
      "vocabulary": 1.412,
      "namesFound": 0.3236,
      "margin": 1.2159
    },
    "bias": -6.9849
  },
  "threshold": 0.2045,
  "fittedOn": "SQuAD v1.1 dev: listwise (conditional logit) fit, Platt-scaled, on every 4th question of the odd-numbered articles (1279 questions, 235209 candidates); threshold on the even-numbered half's split (every 10th question)",
  "validation": {
    "squadTop1": 0.7,
    "squadTop3": 0.8444,
    "splitAnswerableTop3": 0.7828,
    "splitUnanswerableAbstained": 0.9
  }
};
