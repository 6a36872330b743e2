/**
 * The fitted weights, written by `npm run fit` (do not edit by hand: refit).
 * A TypeScript module rather than JSON so that the compiled build carries it
 * like any other module.
 */
export const FITTED_WEIGHTS = {
  "version": 1,
  "features": {
    "sentenceBm25": 0.4168,
    "paragraphBm25": 1.5844,
    "exactCoverage": 0.3342,
    "softCoverage": 3.2152,
    "contextCoverage": 1.6516,
    "neighbourSupport": 2.0726,
    "proximity": 0.9052,
    "typeCue": 0.6212
  },
  "bias": -7.1918,
  "answerability": {
    "features": {
      "bestCoverage": 1.4316,
      "bestSupport": 2.3242,
      "vocabulary": 1.5684,
      "namesFound": 0.6596,
      "margin": 1.1053
    },
    "bias": -7.3934
  },
  "threshold": 0.2239,
  "fittedOn": "SQuAD v1.1 dev: listwise (conditional logit) fit, Platt-scaled, on every 4th question of the odd-numbered articles (1279 questions, 386378 candidates); threshold on the even-numbered half's split (every 10th question)",
  "validation": {
    "squadTop1": 0.6944,
    "squadTop3": 0.85,
    "splitAnswerableTop3": 0.7897,
    "splitUnanswerableAbstained": 0.9
  }
};
