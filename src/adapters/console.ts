/**
 * The console: type the same commands as in chat (`/deal japan autos`,
 * `/deal sources`, `/help`, or a question) and read the plain-text reply.
 * With standard input not a terminal, it answers each line and exits.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answerLine } from '../../commands/index.ts';
import { renderText } from '../render/text.ts';
import type { Engine } from '../core/engine.ts';
import type { EventStore } from '../store/types.ts';
import { recordAnswer } from './record.ts';

/** Options of `runConsole`. */
export interface ConsoleOptions {
  /** Where questions are recorded; none records nothing. */
  events?: EventStore;
  /** Who is typing (recorded only as a salted hash); default `console`. */
  user?: string;
}

/** Runs the console until input ends (or "quit"). */
export async function runConsole(engine: () => Engine, input: Readable & { isTTY?: boolean }, output: Writable, options: ConsoleOptions = {}): Promise<void> {
  const interactive = !!input.isTTY;
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  if (interactive) {
    output.write(`dealdesk: ask about trade deals. Try "/deal ${engine().exampleBriefing()}", "/deal sources", "/help" or a question. Type "quit" to leave.\n`);
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const text = line.trim();
    if (/^(quit|exit|\/quit|\/exit)$/i.test(text)) break;
    if (text || interactive) {
      const answer = answerLine(engine(), text);
      recordAnswer(options.events, 'console', options.user ?? 'console', answer);
      output.write(renderText(answer) + '\n\n');
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
