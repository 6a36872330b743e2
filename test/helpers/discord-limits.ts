/** Asserts every Discord message limit (DESIGN.md) on a rendered message. */
import { expect } from 'vitest';
import { DISCORD_LIMITS, embedLength, type DiscordMessage } from '../../src/render/discord.ts';

/** Fails the test when `m` breaks any of Discord's limits or could ping. */
export function checkLimits(m: DiscordMessage): void {
  expect(m.allowedMentions).toEqual({ parse: [] });
  expect(m.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(m.embeds.length).toBeLessThanOrEqual(10);
  expect(m.content.length + m.embeds.length).toBeGreaterThan(0);
  let total = 0;
  for (const e of m.embeds) {
    if (e.title !== undefined) expect(e.title.length).toBeGreaterThan(0);
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    if (e.description !== undefined) expect(e.description.length).toBeGreaterThan(0);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    total += embedLength(e);
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
}
