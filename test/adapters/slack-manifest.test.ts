/** The Slack app manifest is generated from the command definitions. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCommand } from '../../commands/index.ts';
import { buildSlackManifest, writeSlackManifest } from '../../src/adapters/slack/manifest.ts';

describe('slack manifest', () => {
  it('declares /deal from the deal command, with its options as the usage hint', () => {
    const deal = findCommand('deal')!;
    const m = buildSlackManifest() as any;
    expect(m.features.slash_commands).toHaveLength(1);
    const slash = m.features.slash_commands[0];
    expect(slash.command).toBe('/deal');
    expect(slash.description).toBe(deal.description);
    for (const o of deal.options) expect(slash.usage_hint).toContain(`[${o.name}]`);
    expect(slash.usage_hint).toMatch(/sources/);
    expect(slash.usage_hint).toMatch(/help/);
    expect(slash.usage_hint).toContain('check <claim>');
    expect(slash.usage_hint).toContain('timeline [partner] [topic]');
    expect(slash.url).toBeUndefined();
  });

  it('subscribes to mentions and direct messages, with the scopes they need, in Socket Mode', () => {
    const m = buildSlackManifest() as any;
    expect(m.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'app_mentions:read', 'chat:write', 'im:history', 'im:read']));
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
    expect(m.display_information.description.length).toBeLessThanOrEqual(140);
    expect(m.display_information.long_description.length).toBeGreaterThanOrEqual(174);
  });

  it('points every request URL at /slack/events in HTTP mode', () => {
    const m = buildSlackManifest({ httpBaseUrl: 'https://bot.example.com/' }) as any;
    const url = 'https://bot.example.com/slack/events';
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.features.slash_commands[0].url).toBe(url);
    expect(m.settings.event_subscriptions.request_url).toBe(url);
    expect(m.settings.interactivity.request_url).toBe(url);
  });

  it('writes the manifest as JSON', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-manifest-'));
    try {
      const file = path.join(dir, 'slack-manifest.json');
      await writeSlackManifest(file);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(buildSlackManifest());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
