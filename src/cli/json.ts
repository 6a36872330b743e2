/** The CLI's `--json` output (a public contract: see DESIGN.md and the README). */
import type { Answer } from '../core/model/types.ts';

/** One JSON line of `npm run ask -- --json`. */
export type AnswerJson = ReturnType<typeof toJson>;

/** Converts an answer to the CLI's JSON shape: citations in rank order, quotes verbatim. */
export function toJson(answer: Answer) {
  return {
    question: answer.question,
    answered: answer.answered,
    answer: answer.headline,
    citations: answer.citations.map((c) => ({
      articleId: c.articleId,
      title: c.title,
      publisher: c.publisher ?? null,
      date: c.date,
      quote: c.quote,
      url: c.url ?? null,
      reliability: c.reliability,
      era: c.era,
      alsoReportedBy: c.alsoReportedBy.map((a) => a.articleId),
      // Claim checks: what the quote does to the claim, and what it states for it.
      ...(answer.verdict ? { stance: c.stance ?? 'context', stated: c.stated ?? null, hedge: c.hedge ?? null, about: c.about ?? c.date } : {}),
    })),
    facts: answer.facts.map((f) => ({ id: f.id, statement: f.statement, articleId: f.articleId, quote: f.quote, asOf: f.asOf, value: f.value ?? null, unit: f.unit ?? null })),
    notes: answer.notes,
    // A claim check adds its verdict and what the claim states; a timeline its events, oldest first.
    ...(answer.verdict ? { verdict: answer.verdict, claimed: answer.claimed ?? [] } : {}),
    ...(answer.events
      ? {
          events: answer.events.map((e) => ({
            date: e.date,
            label: e.label,
            quote: e.quote ?? null,
            articleId: e.articleId ?? null,
            title: e.title ?? null,
            publisher: e.publisher ?? null,
            url: e.url ?? null,
            era: e.era,
            kind: e.kind,
            alsoReportedBy: e.alsoReportedBy.map((a) => a.articleId),
          })),
        }
      : {}),
  };
}

