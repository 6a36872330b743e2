/**
 * `npm run slack:manifest [-- --out FILE] [--http https://your.host]`
 * Writes the Slack app manifest (default `slack-manifest.json`), generated
 * from `commands/`. Paste it into "Create New App → From a manifest".
 * Socket Mode by default; `--http BASE` sets `BASE/slack/events` as the request URL instead.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSlackManifest } from '../adapters/slack/manifest.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'slack-manifest.json' },
      http: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: npm run slack:manifest -- [--out FILE] [--http https://your.host] [--name NAME]\n');
    return;
  }
  if (values.http && !/^https:\/\/\S+$/.test(values.http)) throw new Error(`slack-manifest: --http must be an https:// URL (got "${values.http}")`);
  const file = path.resolve(values.out);
  await writeSlackManifest(file, { httpBaseUrl: values.http, name: values.name });
  process.stdout.write(`slack-manifest: wrote ${file} (${values.http ? 'HTTP mode' : 'Socket Mode'})\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
