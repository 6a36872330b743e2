/**
 * Last step of `npm run build` (run compiled: `node dist/src/cli/stamp-build.js [SRC_CORE]`):
 * stamps the compiled core with the fingerprint of the sources it came from
 * (default `src/core` under the current folder, which `npm run` sets to the
 * project root), so snapshots built by `npm run index` are used by
 * `npm run start:prod` and the other way round.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { stampBuild } from '../core/retrieval/index-cache.ts';

async function main(): Promise<void> {
  const sources = path.resolve(process.argv[2] ?? path.join('src', 'core'));
  if (!existsSync(sources)) throw new Error(`stamp-build: no core sources at ${sources}`);
  const code = await stampBuild(sources);
  process.stdout.write(`stamp-build: compiled core stamped with the fingerprint of ${path.relative(process.cwd(), sources) || sources} (${code.slice(0, 12)})\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
