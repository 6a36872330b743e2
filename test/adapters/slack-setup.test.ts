/** Set-up files for the adapters: `.env.example` documents every setting `src/config.ts` reads. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';

const root = path.resolve(import.meta.dirname, '../..');
const example = readFileSync(path.join(root, '.env.example'), 'utf8');
const configSource = readFileSync(path.join(root, 'src/config.ts'), 'utf8');

describe('.env.example', () => {
  it('lists every variable src/config.ts reads, each under a comment', () => {
    const wanted = [...configSource.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(wanted).toContain('SLACK_BOT_TOKEN');
    const lines = example.split('\n');
    for (const name of wanted) {
      const i = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(i, `${name} missing`).toBeGreaterThan(0);
      expect(lines[i - 1], `${name} has no comment`).toMatch(/^# /);
    }
  });

  it('is a valid configuration as it stands (console only, defaults)', () => {
    const config = readConfig(parse(example));
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
    expect(config.rateLimitPerMinute).toBe(10);
  });
});
