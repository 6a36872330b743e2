/**
 * `npm run discord:shards` for real: the ShardingManager process starts two
 * shard processes (`src/main.ts --discord-shard`) against the fake Discord,
 * which splits the guilds by shard as Discord does (`(guild_id >> 22) % 2`)
 * and recommends 2 shards on `/gateway/bot` (so `auto` means 2). Each shard
 * gets only its guilds and answers their commands; a shard process that is
 * killed is respawned and answers again; SIGTERM stops everything.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, ROOT, startBot, type BotProcess } from '../helpers/bot-process.ts';
import { ALL_PERMISSIONS, FakeDiscord, IDS, shardOf, type FakeGuild, type RecordedRequest } from '../helpers/discord-fake.ts';
import { human, slashCommand } from '../helpers/discord-payloads.ts';
import { waitFor } from '../helpers/slack-server.ts';

/** Snowflakes whose timestamp part puts them on shard 0 and shard 1 of 2. */
const GUILD_0 = ((1_000_000n << 22n) + 11n).toString();
const GUILD_1 = ((1_000_001n << 22n) + 12n).toString();
const CHANNEL_0 = ((1_000_000n << 22n) + 21n).toString();
const CHANNEL_1 = ((1_000_001n << 22n) + 22n).toString();
const GUILDS: FakeGuild[] = [
  { id: GUILD_0, name: 'Shard zero guild', channels: [{ id: CHANNEL_0, name: 'general' }] },
  { id: GUILD_1, name: 'Shard one guild', channels: [{ id: CHANNEL_1, name: 'general' }] },
];

const EDIT = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(`/webhooks/${IDS.app}/${token}/messages/`);

let fake: FakeDiscord;
let work: string;
let manager: BotProcess;
let users = 0;

/** `/ask` in a guild's channel, as that guild's shard receives it. */
function askIn(guild: FakeGuild, question: string) {
  const channel = guild.channels[0]!;
  const interaction = slashCommand('ask', [{ name: 'question', value: question }], human(`9100000000000000${String(++users).padStart(2, '0')}`, `user${users}`));
  return { ...interaction, guild_id: guild.id, channel_id: channel.id, channel: { id: channel.id, type: 0, guild_id: guild.id, name: channel.name, permissions: ALL_PERMISSIONS, flags: 0 } };
}

async function answered(guild: FakeGuild, question: string): Promise<RecordedRequest> {
  const since = fake.requests.length;
  const interaction = askIn(guild, question);
  fake.dispatch('INTERACTION_CREATE', interaction);
  return fake.request(EDIT(interaction.token), since, 20_000);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  expect([shardOf(GUILD_0, 2), shardOf(GUILD_1, 2)]).toEqual([0, 1]);
  fake = await FakeDiscord.start({ guilds: GUILDS, recommendedShards: 2, maxConcurrency: 16 });
  work = await mkdtemp(path.join(tmpdir(), 'dealdesk-shards-'));
  // The deploy step: one snapshot every shard loads.
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/build-index.ts', '--cache-dir', work], { cwd: ROOT, env: baseEnv({}), stdio: 'ignore' });
    child.on('exit', resolve);
  });
  expect(code).toBe(0);
  manager = startBot(
    baseEnv({
      DISCORD_TOKEN: 'FAKE.SHARD.TOKEN',
      DISCORD_API_URL: fake.apiUrl,
      INDEX_CACHE_DIR: work,
      INDEX_CACHE_READONLY: 'true',
      // Slack settings too: a shard process must not start Slack (the manager never does).
      SLACK_BOT_TOKEN: 'xoxb-NOT-USED-BY-SHARDS',
      SLACK_SIGNING_SECRET: 'not-used-by-shards',
      SLACK_PORT: '0',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    }),
    'src/cli/discord-shards.ts',
  );
  await manager.waitForLog('discord-shards: all shards ready', 60_000);
}, 90_000);

afterAll(async () => {
  manager?.kill();
  for (const l of manager?.lines() ?? []) if (l.msg === 'discord-shards: shard started' && alive(l.pid)) process.kill(l.pid, 'SIGKILL');
  await fake?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('npm run discord:shards', () => {
  it('starts the recommended two shards, each identifying with its shard and receiving only its guilds', async () => {
    // The manager hears "ready" from discord.js in each shard; the shard's own start-up log follows it.
    await waitFor(() => manager.lines().filter((l) => l.msg === 'adapters started').length === 2, 'both shards to log their start', 10_000);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts['discord:shards']).toBe('tsx src/cli/discord-shards.ts');
    expect(manager.lines().find((l) => l.msg === 'discord-shards: starting')).toMatchObject({ totalShards: 2, recommended: 2, maxConcurrency: 16 });
    const byShard = Object.fromEntries(fake.identified.map((i) => [i.shard.join('/'), i.guilds]));
    expect(byShard).toEqual({ '0/2': [GUILD_0], '1/2': [GUILD_1] });
    const connected = manager.lines().filter((l) => l.msg === 'discord: connected');
    expect(connected.map((l) => l.guilds)).toEqual([1, 1]);
    // Only Discord runs in a shard: no Slack start, no console.
    expect(manager.lines().some((l) => l.msg.startsWith('slack:'))).toBe(false);
    expect(manager.lines().filter((l) => l.msg === 'adapters started').map((l) => l.adapters)).toEqual([['discord'], ['discord']]);
  });

  it("answers each guild's command from the shard that owns it", async () => {
    const [zero, one] = await Promise.all([answered(GUILDS[0]!, 'What tariff do Japanese cars pay now?'), answered(GUILDS[1]!, 'japan autos')]);
    for (const edit of [zero, one]) {
      expect(edit.body.embeds[0].fields.length).toBeGreaterThan(0);
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    }
  }, 30_000);

  it('respawns a shard whose process is killed, and the new one answers', async () => {
    const started = manager.lines().filter((l) => l.msg === 'discord-shards: shard started' && l.shard === 1);
    expect(started).toHaveLength(1);
    const pid = started[0]!.pid as number;
    const since = fake.identified.length;
    process.kill(pid, 'SIGKILL');
    const died = await manager.waitForLog('discord-shards: shard died; respawning', 20_000, (l) => l.shard === 1);
    expect(died).toMatchObject({ level: 'error', pid, signal: 'SIGKILL' });
    const again = await fake.identify(1, since, 30_000);
    expect(again.guilds).toEqual([GUILD_1]);
    await manager.waitForLog('discord-shards: shard ready', 30_000, (l) => l.shard === 1 && manager.lines().filter((x) => x.msg === 'discord-shards: shard ready' && x.shard === 1).length >= 2);
    const respawned = manager.lines().filter((l) => l.msg === 'discord-shards: shard started' && l.shard === 1);
    expect(respawned).toHaveLength(2);
    expect(respawned[1]!.pid).not.toBe(pid);
    expect(alive(pid)).toBe(false);
    const edit = await answered(GUILDS[1]!, 'japan autos');
    expect(edit.body.embeds[0].fields.length).toBeGreaterThan(0);
    // Shard 0 was not disturbed.
    expect(manager.lines().filter((l) => l.msg === 'discord-shards: shard started' && l.shard === 0)).toHaveLength(1);
  }, 60_000);

  it('SIGTERM stops every shard (each drains) and the manager, exit 0, no respawn', async () => {
    const pids = manager.lines().filter((l) => l.msg === 'discord-shards: shard started').map((l) => l.pid as number);
    manager.child.kill('SIGTERM');
    expect(await manager.exited).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    const msgs = manager.lines().map((l) => l.msg);
    expect(msgs.filter((m) => m === 'discord: stopped')).toHaveLength(2);
    expect(msgs.at(-1)).toBe('discord-shards: stopped');
    expect(msgs.filter((m) => m === 'discord-shards: shard started')).toHaveLength(3);
  }, 40_000);
});
