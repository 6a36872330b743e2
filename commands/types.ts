import type { z } from 'zod';
import type { Answer } from '../src/core/model/types.ts';
import type { Engine } from '../src/core/engine.ts';

/** One option of a command, platform-neutral (Discord options, Slack usage text). */
export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  /** Suggest values from the knowledge's deal partners or topics. */
  autocomplete?: 'partner' | 'topic';
  /** Longest accepted value, in characters. */
  maxLength?: number;
}

/** What a command handler gets besides its input. */
export interface CommandContext {
  engine: Engine;
  /** Every registered command (help lists them). */
  commands: readonly Command[];
}

/**
 * A platform-neutral command: Discord registration and the Slack manifest are
 * generated from these definitions.
 */
export interface Command<I = any> {
  name: string;
  description: string;
  /** Example invocations shown in help, e.g. `/deal <partner> <topic>`. */
  examples: string[];
  options: CommandOption[];
  /** Validates the options (as an object keyed by option name). */
  input: z.ZodType<I>;
  /** Private (ephemeral) on chat platforms: help and errors. */
  ephemeral: boolean;
  run(ctx: CommandContext, input: I): Answer;
}
