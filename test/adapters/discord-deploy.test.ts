/**
 * `npm run discord:deploy`: the command JSON generated from `commands/` obeys
 * Discord's rules, and the script PUTs exactly that to the right route of a
 * local fake Discord (guild or global), or fails clearly without settings.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Command } from '../../commands/types.ts';
import { discordCommandData } from '../../src/adapters/discord/command-data.ts';
import { FakeDiscord, IDS } from '../helpers/discord-fake.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

describe('discordCommandData', () => {
  const data = discordCommandData();

  it('has one chat-input command per definition in commands/, in order', () => {
    expect(data.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    expect(data.map((c) => c.name)).toEqual(['deal', 'ask', 'check', 'timeline', 'sources', 'help']);
    for (const c of data) expect(c.type ?? ApplicationCommandType.ChatInput).toBe(ApplicationCommandType.ChatInput);
  });

  it('obeys Discord: lower-case names ≤ 32, descriptions 1–100, string options, required first', () => {
    for (const c of data) {
      expect(c.name).toMatch(NAME);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      const options = c.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      let seenOptional = false;
      for (const o of options) {
        expect(o.name).toMatch(NAME);
        expect(o.description.length).toBeGreaterThan(0);
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect(o.type).toBe(ApplicationCommandOptionType.String);
        if (!o.required) seenOptional = true;
        else expect(seenOptional).toBe(false);
        if ('max_length' in o && o.max_length !== undefined) expect(o.max_length).toBeLessThanOrEqual(6000);
      }
    }
  });

  it('autocompletes /deal partner and topic, and requires /ask question', () => {
    const deal = data.find((c) => c.name === 'deal')!;
    expect(deal.options?.map((o) => [o.name, 'autocomplete' in o && o.autocomplete, o.required ?? false])).toEqual([
      ['partner', true, false],
      ['topic', true, false],
    ]);
    const ask = data.find((c) => c.name === 'ask')!;
    expect(ask.options).toEqual([expect.objectContaining({ name: 'question', required: true, max_length: 1000 })]);
  });

  it('refuses a definition Discord would reject', () => {
    const bad: Command = { name: 'Deal', description: 'x', examples: [], options: [], input: z.object({}), ephemeral: false, run: () => {
        throw new Error('not run');
      } };
    expect(() => discordCommandData([bad])).toThrow();
  });
});

// Each test starts the script in a child process (tsx + discord.js take a few seconds under load).
describe('npm run discord:deploy (against a fake Discord)', { timeout: 30_000 }, () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake?.close();
  });

  /** Runs the script with only these Discord settings (empty strings count as unset and block .env). */
  async function deploy(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    const blank = { DISCORD_TOKEN: '', DISCORD_APP_ID: '', DISCORD_GUILD_ID: '', DISCORD_CHANNELS: '', DISCORD_API_URL: '' };
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/discord-deploy.ts'], { cwd: ROOT, env: { ...process.env, ...blank, ...env } });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it.concurrent('registers the generated commands in one server when DISCORD_GUILD_ID is set', async () => {
    const run = await deploy({ DISCORD_TOKEN: 'deploy-token-guild', DISCORD_APP_ID: IDS.app, DISCORD_GUILD_ID: IDS.guild, DISCORD_API_URL: fake.apiUrl });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/registered 6 commands \(\/deal, \/ask, \/check, \/timeline, \/sources, \/help\) in server/);
    const put = fake.requests.find((r) => r.method === 'PUT' && r.authorization === 'Bot deploy-token-guild')!;
    expect(put.path).toBe(`/api/v10/applications/${IDS.app}/guilds/${IDS.guild}/commands`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(discordCommandData())));
    expect(run.stdout + run.stderr).not.toContain('deploy-token-guild');
  });

  it.concurrent('registers globally without DISCORD_GUILD_ID', async () => {
    const run = await deploy({ DISCORD_TOKEN: 'deploy-token-global', DISCORD_APP_ID: IDS.app, DISCORD_API_URL: fake.apiUrl });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/globally/);
    const put = fake.requests.find((r) => r.method === 'PUT' && r.authorization === 'Bot deploy-token-global')!;
    expect(put.path).toBe(`/api/v10/applications/${IDS.app}/commands`);
  });

  it.concurrent('fails clearly without DISCORD_APP_ID, sending nothing', async () => {
    const run = await deploy({ DISCORD_TOKEN: 'deploy-token-missing', DISCORD_API_URL: fake.apiUrl });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^discord-deploy: DISCORD_APP_ID must be set/);
    expect(run.stderr).not.toContain('deploy-token-missing');
    expect(fake.requests.some((r) => r.authorization === 'Bot deploy-token-missing')).toBe(false);
  });
});
