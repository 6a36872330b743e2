/**
 * `npm run knowledge:check [-- DIR]`: validates a knowledge folder (exit 1
 * listing every problem) and prints quality warnings (exit 0).
 */
import { loadCorpus } from '../core/knowledge/load.ts';
import { qualityWarnings } from '../core/knowledge/quality.ts';
import { printable } from '../core/model/knowledge-error.ts';
import { readConfig } from '../config.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../startup.ts';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? readConfig().knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
  const corpus = await loadCorpus(dir);
  const warnings = qualityWarnings(corpus);
  process.stdout.write(
    `knowledge: ${dir}: valid: ${corpus.articles.length} article(s), ${corpus.deals.length} deal(s), ${corpus.topics.length} topic(s), ${corpus.facts.length} fact(s)\n`,
  );
  // Warnings quote the knowledge (notes, titles): control and bidi characters are shown as escapes.
  for (const w of warnings) process.stdout.write(`warning: ${printable(w.file)}: ${printable(w.message)}\n`);
  process.stdout.write(`${warnings.length} warning(s)\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
