import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/config.ts';

describe('readConfig', () => {
  it('with nothing set: console only, defaults filled in, empty strings unset', () => {
    const c = readConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '  ', LOG_LEVEL: '' });
    expect(c).toMatchObject({ logLevel: 'info', feedbackFile: 'feedback.jsonl', rateLimitPerMinute: 10 });
    expect(c.slack).toBeUndefined();
    expect(c.discord).toBeUndefined();
  });

  it('reads Slack (socket or HTTP) and Discord settings', () => {
    const c = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'shh',
      SLACK_PORT: '4000',
      DISCORD_TOKEN: 'tok',
      DISCORD_CHANNELS: '123, 456',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(c.slack).toEqual({ botToken: 'xoxb-1', signingSecret: 'shh', port: 4000, appToken: undefined, apiUrl: undefined });
    expect(c.discord).toMatchObject({ token: 'tok', channels: ['123', '456'], apiUrl: 'http://127.0.0.1:9/api' });
  });

  it('reports every problem in one message, naming variables but never their secret values', () => {
    let error: unknown;
    try {
      readConfig({
        SLACK_BOT_TOKEN: 'not-a-bot-token-SECRET1',
        SLACK_APP_TOKEN: 'bad-app-SECRET2',
        SLACK_PORT: 'eighty',
        DISCORD_CHANNELS: 'general',
        LOG_LEVEL: 'loud',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_PORT', 'DISCORD_CHANNELS', 'LOG_LEVEL']) expect(message).toContain(name);
    expect(message).not.toMatch(/SECRET1|SECRET2/);
  });

  it('says what is missing for a half-configured platform', () => {
    expect(() => readConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: one is required/);
    expect(() => readConfig({ DISCORD_APP_ID: '42' })).toThrow(/DISCORD_TOKEN: required/);
  });

  it('reads the event store settings: defaults, STORE=off, retention, salt; problems named together', () => {
    expect(readConfig({}).store).toEqual({ enabled: true, dataFile: 'data/dealdesk.sqlite', retainDays: 90, salt: undefined });
    const c = readConfig({ STORE: 'off', DATA_FILE: '/srv/events.sqlite', RETAIN_DAYS: '30', STORE_SALT: 'a-long-enough-salt' });
    expect(c.store).toEqual({ enabled: false, dataFile: '/srv/events.sqlite', retainDays: 30, salt: 'a-long-enough-salt' });
    let message = '';
    try {
      readConfig({ STORE: 'maybe', RETAIN_DAYS: '0', STORE_SALT: 'short-SECRET3' });
    } catch (err) {
      message = (err as Error).message;
    }
    for (const name of ['STORE:', 'RETAIN_DAYS', 'STORE_SALT']) expect(message).toContain(name);
    expect(message).not.toContain('SECRET3');
  });
});
