/**
 * Asserts Slack's message limits on a rendered message. The numbers are
 * written out from Slack's documentation, not taken from the renderer, so a
 * wrong constant in src/render/slack.ts cannot make its own check pass:
 * - Block Kit blocks reference (https://api.slack.com/reference/block-kit/blocks): up to 50
 *   blocks in a message; `block_id` up to 255 characters; section `text` up to 3000
 *   characters and up to 10 `fields` of up to 2000 each; context up to 10 elements;
 *   actions up to 25 elements;
 * - composition objects (https://api.slack.com/reference/block-kit/composition-objects#text):
 *   a text object holds up to 3000 characters;
 * - button element (https://api.slack.com/reference/block-kit/block-elements#button):
 *   `text` (plain_text only) up to 75 characters, `action_id` up to 255, `value` up to 2000;
 * - chat.postMessage (https://api.slack.com/methods/chat.postMessage, and the changelog
 *   https://api.slack.com/changelog/2018-04-truncating-really-long-messages): `text` is
 *   truncated after 40,000 characters.
 * The whole-message budgets (12,000 characters, 3,000 for ephemeral replies) are
 * not a documented Slack limit: Slack refuses long block payloads with
 * `msg_blocks_too_long` at an undocumented size (reported at about 13,200
 * characters, slackapi/bolt-js#2509), so the project keeps under 12,000, the
 * documented cumulative cap of markdown blocks. They are written out here too.
 */
import { expect } from 'vitest';
import type { SlackMessage } from '../../src/render/slack.ts';

/** Every displayed text of a message: the fallback text, block texts, fields, context elements, button labels. */
export function slackTexts(m: SlackMessage): string[] {
  return [
    m.text,
    ...m.blocks.flatMap((b) => {
      if (b.type === 'section') return [...(b.text ? [b.text.text] : []), ...(b.fields ?? []).map((f) => f.text)];
      if (b.type === 'context') return b.elements.map((e) => e.text);
      if (b.type === 'actions') return b.elements.map((e) => e.text.text);
      return [];
    }),
  ];
}

/** Fails the test when `m` breaks a Slack limit; `ephemeral` for replies only the asker sees. */
export function checkSlackLimits(m: SlackMessage, ephemeral: boolean): void {
  expect(m.text.length).toBeGreaterThan(0);
  expect(m.text.length).toBeLessThanOrEqual(40_000);
  expect(m.blocks.length).toBeLessThanOrEqual(50);
  for (const b of m.blocks) {
    expect(b.block_id?.length ?? 0).toBeLessThanOrEqual(255);
    if (b.type === 'section') {
      expect(b.text !== undefined || (b.fields?.length ?? 0) > 0).toBe(true);
      expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
      expect(b.fields?.length ?? 0).toBeLessThanOrEqual(10);
      for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
    }
    if (b.type === 'context') {
      expect(b.elements.length).toBeGreaterThan(0);
      expect(b.elements.length).toBeLessThanOrEqual(10);
      for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(3000);
    }
    if (b.type === 'actions') {
      expect(b.elements.length).toBeLessThanOrEqual(25);
      for (const e of b.elements) {
        expect(e.text.type).toBe('plain_text');
        expect(e.text.text.length).toBeLessThanOrEqual(75);
        expect(e.action_id.length).toBeLessThanOrEqual(255);
        expect(e.value.length).toBeLessThanOrEqual(2000);
      }
    }
  }
  const total = slackTexts(m).reduce((n, t) => n + t.length, 0);
  expect(total).toBeLessThanOrEqual(ephemeral ? 3000 : 12_000);
}
