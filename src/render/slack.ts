/** Slack Block Kit rendering of an `Answer` (owned by the Slack adapter work). */
import type { Answer } from '../core/types.ts';

/** A Slack message payload (chat.postMessage / response_url body). */
export interface SlackMessage {
  text: string;
  blocks: Record<string, unknown>[];
  unfurl_links: false;
  unfurl_media: false;
}

/** Renders an answer as a Slack message. First version: to be finished by the Slack issue. */
export function renderSlack(answer: Answer): SlackMessage {
  return { text: answer.headline, blocks: [], unfurl_links: false, unfurl_media: false };
}
