/**
 * The command registry (explicit, no folder scanning) and the text router used
 * by the console, Slack's `/deal` text and channel messages.
 */
import { UserError, type Answer } from '../src/core/model/types.ts';
import type { Engine } from '../src/core/engine.ts';
import { ask } from './ask.ts';
import { check } from './check.ts';
import { deal } from './deal.ts';
import { help } from './help.ts';
import { sources } from './sources.ts';
import { timeline } from './timeline.ts';
import type { Command, CommandContext } from './types.ts';

/** Every command, in help order. */
export const commands: readonly Command[] = [deal, ask, check, timeline, sources, help];

/** Finds a command by name. */
export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}

/**
 * Runs a command with raw options, validating them with its zod schema.
 * @throws UserError('bad_option') naming the bad option; UserError from the core.
 */
export function runCommand(engine: Engine, name: string, options: Record<string, unknown>): Answer {
  const command = findCommand(name);
  if (!command) throw new UserError('unknown_command', `Unknown command "/${name}". Try /help.`);
  const parsed = command.input.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError('bad_option', `/${name}: option "${issue.path.join('.')}": ${issue.message}`);
  }
  const ctx: CommandContext = { engine, commands };
  return command.run(ctx, parsed.data);
}

const QUESTION_START = /^(what|what's|whats|how|who|whom|whose|when|where|why|which|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had)\b/i;

/** True when text reads as a question rather than topic words. */
export function looksLikeQuestion(text: string): boolean {
  return /\?\s*$/.test(text) || QUESTION_START.test(text.trim());
}

/**
 * Routes free text as typed in chat or the console:
 * `/deal japan autos`, `/deal sources`, `/help`, `sources`, `help`, or a plain question.
 * Empty text gives help. Text after `/deal` that reads as a question is answered as one.
 */
export function runText(engine: Engine, input: string): Answer {
  let text = input.trim();
  let name = 'ask';
  const slash = /^\/(\w+)\s*([\s\S]*)$/.exec(text);
  if (slash) {
    name = slash[1]!.toLowerCase();
    text = slash[2]!.trim();
  }
  // The analyst commands: "/deal check <claim>", "/deal timeline <partner> [topic]", "/check …", and "check: …" in plain text.
  const analyst = /^(check|timeline)\b\s*(:)?\s*([\s\S]*)$/i.exec(text);
  if (name === 'check' || name === 'timeline') return runAnalyst(engine, name, text);
  if (analyst && (name === 'deal' || (name === 'ask' && !slash && analyst[2]))) return runAnalyst(engine, analyst[1]!.toLowerCase() as 'check' | 'timeline', analyst[3]!.trim());
  if (!text && (name === 'ask' || name === 'help')) return runCommand(engine, 'help', {});
  const word = text.toLowerCase();
  if ((name === 'deal' || name === 'ask') && (word === 'help' || word === 'sources')) return runCommand(engine, word, {});
  if (name === 'deal') {
    if (!text) return runCommand(engine, 'deal', {});
    return looksLikeQuestion(text) ? runCommand(engine, 'ask', { question: text }) : runCommand(engine, 'deal', { topic: text });
  }
  // Plain text that names topics rather than asking reads as a briefing request.
  if (name === 'ask' && !slash && !looksLikeQuestion(text)) return runCommand(engine, 'deal', { topic: text });
  if (name === 'ask') return runCommand(engine, 'ask', { question: text });
  return runCommand(engine, name, {});
}

/** Longest partner-and-topic text a timeline takes. */
const MAX_TIMELINE_WORDS = 200;

/** Runs `check` or `timeline` on the words after it. @throws UserError for an empty claim or over-long timeline words. */
function runAnalyst(engine: Engine, name: 'check' | 'timeline', words: string): Answer {
  if (name === 'check') {
    if (!words) throw new UserError('empty', `Give me a claim to check, for example: /deal check ${engine.exampleClaim()}`);
    return runCommand(engine, 'check', { claim: words });
  }
  if (words.length > MAX_TIMELINE_WORDS) throw new UserError('too_long', `A timeline takes a partner and an optional topic (at most ${MAX_TIMELINE_WORDS} characters); this has ${words.length.toLocaleString('en-US')}.`);
  return runCommand(engine, 'timeline', words ? { topic: words } : {});
}

/** An answer that only carries a message for the user (bad input, rate limit, failure). */
export function errorAnswer(question: string, message: string): Answer {
  return { kind: 'error', question, answered: false, headline: message, citations: [], facts: [], notes: [], lines: [] };
}

/**
 * Runs a command; a `UserError` (bad input) becomes an `error` answer for the
 * user, anything else propagates to the caller's top-level catch.
 */
export function answerOrUserError(question: string, run: () => Answer): Answer {
  try {
    const answer = run();
    return { ...answer, question: answer.question || question };
  } catch (err) {
    if (err instanceof UserError) return errorAnswer(question, err.message);
    throw err;
  }
}

/** Answers one line as typed in chat or the console; bad input becomes an `error` answer, never a crash. */
export function answerLine(engine: Engine, line: string): Answer {
  return answerOrUserError(line.trim(), () => runText(engine, line));
}
