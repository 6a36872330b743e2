/** One line of chat-style input to an `Answer`, user errors turned into replies. */
import { runText } from '../../commands/index.ts';
import type { Engine } from '../core/engine.ts';
import { UserError, type Answer } from '../core/types.ts';

/** Answers one line as typed in chat; bad input becomes an `error` answer, never a crash. */
export function answerLine(engine: Engine, line: string): Answer {
  try {
    const answer = runText(engine, line);
    return { ...answer, question: answer.question || line.trim() };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return errorAnswer(line.trim(), err.message);
  }
}

/** An answer that only carries a message for the user. */
export function errorAnswer(question: string, message: string): Answer {
  return { kind: 'error', question, answered: false, headline: message, citations: [], facts: [], notes: [], lines: [] };
}
