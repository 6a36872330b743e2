/**
 * The command registry (explicit, no folder scanning) and the text router used
 * by the console, Slack's `/deal` text and channel messages. Chat markup
 * (mentions, channel references, links) is stripped here, once for every surface.
 */
import { UserError, type Answer } from '../src/core/model/types.ts';
import type { Engine } from '../src/core/engine.ts';
import { ask } from './ask.ts';
import { check } from './check.ts';
import { deal } from './deal.ts';
import { help } from './help.ts';
import { MAX_TOPIC_LENGTH } from './limits.ts';
import { stripChatMarkup } from './markup.ts';
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
 * Runs a command with raw options (chat markup stripped from text options),
 * validating them with its zod schema.
 * @throws UserError('too_long') for an option over its length limit, UserError('bad_option')
 *   for any other invalid option, both in plain words; UserError from the core.
 */
export function runCommand(engine: Engine, name: string, options: Record<string, unknown>): Answer {
  const command = findCommand(name);
  if (!command) throw new UserError('unknown_command', `Unknown command "/${name}". Try /help.`);
  const input = Object.fromEntries(Object.entries(options).map(([k, v]) => [k, typeof v === 'string' ? stripChatMarkup(v) : v]));
  const parsed = command.input.safeParse(input);
  if (!parsed.success) throw optionError(name, parsed.error.issues[0]!, input);
  const ctx: CommandContext = { engine, commands };
  return command.run(ctx, parsed.data);
}

/** A zod issue in words for the user (zod's own messages are for developers). */
function optionError(name: string, issue: { code: string; path: PropertyKey[]; maximum?: unknown }, input: Record<string, unknown>): UserError {
  const option = String(issue.path[0] ?? 'input');
  const value = input[option];
  if (issue.code === 'too_big' && typeof value === 'string') {
    const max = Number(issue.maximum).toLocaleString('en-US');
    return new UserError('too_long', `The ${option} of /${name} is limited to ${max} characters; this one has ${value.length.toLocaleString('en-US')}.`);
  }
  return new UserError('bad_option', `/${name} could not use the ${option} given. See /help.`);
}

const QUESTION_START = /^(what|what's|whats|how|who|whom|whose|when|where|why|which|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had)\b/i;

/** True when text reads as a question rather than topic words (chat markup aside). */
export function looksLikeQuestion(text: string): boolean {
  const words = stripChatMarkup(text);
  return /\?\s*$/.test(words) || QUESTION_START.test(words);
}

/**
 * Routes free text as typed in chat or the console:
 * `/deal japan autos`, `/deal sources`, `/help`, `sources`, `help`, or a plain question.
 * Empty text gives help. Text after `/deal` that reads as a question, or is too long
 * to be a partner and topic, is answered as a question. Chat markup is stripped first.
 */
export function runText(engine: Engine, input: string): Answer {
  let text = stripChatMarkup(input);
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
  if (name === 'deal') return text ? briefOrAsk(engine, text) : runCommand(engine, 'deal', {});
  // Plain text that names topics rather than asking reads as a briefing request.
  if (name === 'ask' && !slash) return briefOrAsk(engine, text);
  if (name === 'ask') return runCommand(engine, 'ask', { question: text });
  return runCommand(engine, name, {});
}

/**
 * A briefing on topic words, or an answer when the text reads as a question.
 * Text too long to be a partner and topic is a question too: it then has the
 * question length limit and message, not a topic option's.
 */
function briefOrAsk(engine: Engine, text: string): Answer {
  if (looksLikeQuestion(text) || text.length > MAX_TOPIC_LENGTH) return runCommand(engine, 'ask', { question: text });
  return runCommand(engine, 'deal', { topic: text });
}

/** Longest partner-and-topic text a timeline takes (it goes in as the topic option). */
const MAX_TIMELINE_WORDS = MAX_TOPIC_LENGTH;

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
 * user, anything else propagates to the caller's top-level catch. `shown`
 * (the question echoed when the answer has none) is echoed without chat markup.
 */
export function answerOrUserError(shown: string, run: () => Answer): Answer {
  const question = stripChatMarkup(shown);
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
  return answerOrUserError(line, () => runText(engine, line));
}
