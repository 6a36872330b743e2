/**
 * What every adapter records in the event store, written once: each question
 * or briefing with its outcome (answered or abstained, cited articles, the
 * verdict of a check). Help, source and deal lists and error replies are not
 * questions and are not recorded. Recording only queues the event (the store
 * writes later), so it costs the answer path microseconds.
 */
import type { Answer } from '../core/model/types.ts';
import type { EventStore, Platform, Verdict } from '../store/types.ts';

/** Reply kinds that are not questions people asked. */
const NOT_QUESTIONS: ReadonlySet<string> = new Set(['help', 'sources', 'deals', 'error', 'report']);

/** True when an answer is a question worth recording. */
export function isRecordedQuestion(answer: Pick<Answer, 'kind'>): boolean {
  return !NOT_QUESTIONS.has(answer.kind);
}

/** Queues one answered (or abstained) question; does nothing without a store or for non-questions. */
export function recordAnswer(store: EventStore | undefined, platform: Platform, user: string, answer: Answer): void {
  if (!store || !isRecordedQuestion(answer)) return;
  // Claim checks carry a verdict; other answers do not.
  const verdict = (answer as Answer & { verdict?: Verdict }).verdict;
  store.recordQuestion({
    platform,
    user,
    question: answer.question,
    kind: answer.kind,
    answered: answer.answered,
    articleIds: [...new Set(answer.citations.map((c) => c.articleId))],
    ...(verdict ? { verdict } : {}),
  });
}
