/**
 * The fitted weights, written by `npm run fit` (do not edit by hand: refit).
 * A TypeScript module rather than JSON so that the compiled build carries it
 * like any other module.
 */
export const FITTED_WEIGHTS = {
  "version": 1,
  "features": {
    "sentenceBm25": 0.4012,
    "paragraphBm25": 1.511,
    "exactCoverage": 0.3567,
    "softCoverage": 2.9043,
    "contextCoverage": 1.7203,
    "neighbourSupport": 1.979,
    "proximity": 0.8738,
    "typeCue": 0.626,
    "sentenceGist": 2.175,
    "paragraphGist": 1.2602
  },
  "bias": -9.2634,
  "answerability": {
    "features": {
      "bestCoverage": 1.4161,
      "bestSupport": 2.9061,
      "vocabulary": 1.788,
      "namesFound": 0.8087,
      "margin": 1.0505
    },
    "bias": -8.2321
  },
  "threshold": 0.1696,
  "fittedOn": "SQuAD v1.1 dev: listwise (conditional logit) fit, Platt-scaled, on every 4th question of the odd-numbered articles (1279 questions, 386378 candidates); threshold on the even-numbered half's split (every 10th question)",
  "validation": {
    "squadTop1": 0.7074,
    "squadTop3": 0.8611,
    "splitAnswerableTop3": 0.831,
    "splitUnanswerableAbstained": 0.9
  }
};
