/** Picks a renderer by target name (CLI `--render`). */
import type { Answer } from '../core/model/types.ts';
import { renderDiscord } from './discord.ts';
import { renderSlack } from './slack.ts';
import { renderText } from './text.ts';

/** Where a reply is going. */
export type RenderTarget = 'text' | 'slack' | 'discord';

/** Renders an answer for a target: text gives a string, the platforms the exact payload their adapter sends. */
export function renderFor(target: RenderTarget, answer: Answer): unknown {
  switch (target) {
    case 'text':
      return renderText(answer);
    case 'slack':
      return renderSlack(answer);
    case 'discord':
      return renderDiscord(answer);
  }
}
