/**
 * `npm run index -- [--knowledge DIR] [--cache-dir DIR] [--retriever compact|minisearch]`
 * Builds the index of a knowledge folder and writes its snapshot to the cache
 * (default `.cache/` in the project root), so later start-ups only load it.
 * Run it at deploy time to ship one prebuilt snapshot to every replica.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { saveIndex } from '../core/retrieval/index-cache.ts';
import { buildIndex } from '../core/retrieval/corpus-index.ts';
import { loadCorpus } from '../core/knowledge/load.ts';
import { DEFAULT_RETRIEVER } from '../core/retrieval/registry.ts';
import type { RetrieverKind } from '../core/retrieval/retriever.ts';
import { DEFAULT_CACHE_DIR, DEFAULT_KNOWLEDGE_DIR, openEngine } from '../startup.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      knowledge: { type: 'string' },
      'cache-dir': { type: 'string' },
      retriever: { type: 'string', default: DEFAULT_RETRIEVER },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: npm run index -- [--knowledge DIR] [--cache-dir DIR] [--retriever compact|minisearch]\n');
    return;
  }
  const retriever = values.retriever as RetrieverKind;
  if (retriever !== 'compact' && retriever !== 'minisearch') throw new Error(`build-index: --retriever must be compact or minisearch (got "${values.retriever}")`);
  const dir = path.resolve(values.knowledge ?? DEFAULT_KNOWLEDGE_DIR);
  const cacheDir = path.resolve(values['cache-dir'] ?? DEFAULT_CACHE_DIR);

  let t = performance.now();
  const corpus = await loadCorpus(dir);
  const loadMs = performance.now() - t;
  t = performance.now();
  const index = buildIndex(corpus, { retriever });
  const buildMs = performance.now() - t;
  t = performance.now();
  const { file, bytes } = await saveIndex(dir, cacheDir, index);
  const writeMs = performance.now() - t;
  // Open it the way start-up does, to show what a start costs now.
  t = performance.now();
  const engine = await openEngine(dir, { cacheDir });
  const openMs = performance.now() - t;
  t = performance.now();
  engine.ask(corpus.topics[0]?.name ?? corpus.articles[0]!.title);
  const askMs = performance.now() - t;

  const lines = [
    `knowledge   ${dir}`,
    `articles    ${corpus.articles.length}, sentences ${index.passages.length}, paragraphs ${index.paragraphs.size}, facts ${corpus.facts.length}`,
    `retriever   ${retriever}`,
    `load+check  ${loadMs.toFixed(0)} ms`,
    `build       ${buildMs.toFixed(0)} ms`,
    `snapshot    ${file} (${(bytes / 1024).toFixed(0)} KB) written in ${writeMs.toFixed(0)} ms`,
    `open (hit)  ${openMs.toFixed(0)} ms, first answer ${askMs.toFixed(0)} ms`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
