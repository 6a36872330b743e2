/** `npm run load` in small: both platforms, the bot in its own process, a table, exit 0. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('npm run load (small run)', () => {
  it('reports every ack in time and every answer delivered once, for Slack and Discord', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/load.ts', '--n', '30', '--c', '10'], { cwd: path.resolve(import.meta.dirname, '../..') });
    const rows = stdout.split('\n').filter((l) => /^(slack|discord)\s/.test(l)).map((l) => l.split(/\s{2,}/));
    expect(rows.map((r) => r[0])).toEqual(['slack', 'discord']);
    for (const row of rows) expect(row.slice(1, 6)).toEqual(['30', '100.0%', '100.0%', '0', '0']);
    expect(stdout).toMatch(/load: OK/);
  }, 60_000);
});
