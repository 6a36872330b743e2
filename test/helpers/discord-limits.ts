/**
 * Asserts Discord's message limits on what we send. The numbers are written
 * out from Discord's developer documentation, not taken from the renderer, so
 * a wrong constant in src/render/discord.ts cannot make its own check pass:
 * - Messages Resource, Create Message (https://discord.com/developers/docs/resources/message#create-message):
 *   `content` up to 2000 characters, up to 10 `embeds`;
 * - Messages Resource, Embed Limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
 *   title 256, description 4096, up to 25 fields, field name 256, field value 1024,
 *   footer text 2048, author name 256, and at most 6000 characters in all of
 *   those together across every embed of a message;
 * - Component Reference (https://discord.com/developers/docs/components/reference) and the
 *   legacy component rules: up to 5 action rows a message, up to 5 buttons a row,
 *   button label 80 characters, custom_id 1 to 100 characters, unique in the message.
 * Lengths are UTF-16 code units, never fewer than Discord's characters, so the checks err on the strict side.
 */
import { expect } from 'vitest';
import type { DiscordEmbed, DiscordMessage } from '../../src/render/discord.ts';

/** An embed as sent, possibly with an author (the renderer's type has none, an API payload may). */
type SentEmbed = DiscordEmbed & { author?: { name?: string } };

/** The characters Discord counts towards the 6000 across a message's embeds. */
function countedText(e: SentEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + fields + (e.footer?.text.length ?? 0) + (e.author?.name?.length ?? 0);
}

/** Fails the test when `m` breaks any of Discord's message or embed limits, or could ping. */
export function checkLimits(m: DiscordMessage): void {
  expect(m.allowedMentions).toEqual({ parse: [] });
  expect(m.content.length).toBeLessThanOrEqual(2000);
  expect(m.embeds.length).toBeLessThanOrEqual(10);
  expect(m.content.length + m.embeds.length).toBeGreaterThan(0);
  let total = 0;
  for (const e of m.embeds as SentEmbed[]) {
    // Discord trims leading and trailing whitespace; a part that is only whitespace would be empty.
    if (e.title !== undefined) expect(e.title.trim().length).toBeGreaterThan(0);
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
    if (e.description !== undefined) expect(e.description.trim().length).toBeGreaterThan(0);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.trim().length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.trim().length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(e.author?.name?.length ?? 0).toBeLessThanOrEqual(256);
    total += countedText(e);
  }
  expect(total).toBeLessThanOrEqual(6000);
}

/** A button as sent in a component payload. */
interface SentButton {
  type: number;
  label?: string;
  custom_id?: string;
}

/** Fails the test when a message's components break Discord's limits (action rows of buttons). */
export function checkComponentLimits(components: readonly { type: number; components: readonly SentButton[] }[]): void {
  expect(components.length).toBeLessThanOrEqual(5);
  const ids: string[] = [];
  for (const row of components) {
    expect(row.type).toBe(1);
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const b of row.components) {
      expect(b.type).toBe(2);
      expect(b.label?.length ?? 0).toBeLessThanOrEqual(80);
      expect(b.custom_id?.length ?? 0).toBeGreaterThan(0);
      expect(b.custom_id!.length).toBeLessThanOrEqual(100);
      ids.push(b.custom_id!);
    }
  }
  expect(new Set(ids).size).toBe(ids.length);
}
