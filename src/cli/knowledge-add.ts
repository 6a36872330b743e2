/**
 * `npm run knowledge:add -- [--knowledge DIR] [--date YYYY-MM-DD] [--publisher NAME]
 * [--title TEXT] [--url URL] [--reliability high|normal|low] [--id ID] [--dry-run] FILE...`:
 * adds saved web pages, PDFs and text files as articles (see `src/ingest/add.ts`).
 * Prints the new ids and their `knowledge:check` warnings; `--dry-run` prints
 * the articles instead of writing them. Exit 1 when anything is refused (then
 * nothing is written), 2 for bad usage.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { addArticles, AddError } from '../ingest/add.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../startup.ts';

const USAGE = `usage: npm run knowledge:add -- [--knowledge DIR] [--date YYYY-MM-DD] [--publisher NAME] [--title TEXT] [--url URL]
                                [--reliability high|normal|low] [--id ID] [--note TEXT] [--dry-run] FILE...
Adds saved web pages (.html, .htm), PDFs (.pdf) and text (.txt, .md) as articles of the knowledge folder.`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        knowledge: { type: 'string' },
        date: { type: 'string' },
        publisher: { type: 'string' },
        title: { type: 'string' },
        url: { type: 'string' },
        reliability: { type: 'string' },
        id: { type: 'string' },
        note: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`knowledge:add: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const { values: v, positionals: files } = parsed;
  if (v.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (v.reliability !== undefined && !['high', 'normal', 'low'].includes(v.reliability)) {
    process.stderr.write(`knowledge:add: --reliability must be high, normal or low (got "${v.reliability}")\n`);
    return 2;
  }
  const dir = path.resolve(v.knowledge ?? readConfig().knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  const result = await addArticles({
    knowledgeDir: dir,
    files,
    date: v.date,
    publisher: v.publisher,
    title: v.title,
    url: v.url,
    reliability: v.reliability as 'high' | 'normal' | 'low' | undefined,
    id: v.id,
    note: v.note,
    dryRun: v['dry-run'],
  });
  for (const a of result.articles) {
    if (result.dryRun) {
      // The article itself on standard output (ready to save), the header on standard error.
      process.stderr.write(`--dry-run: would write ${path.join(dir, a.file)} from ${a.source} (${a.format}, extracted in ${Math.round(a.extractMs)} ms)\n`);
      process.stdout.write(a.text);
      continue;
    }
    const chars = a.paragraphs.join('\n\n').length;
    process.stdout.write(
      `added ${a.id} (${a.file}): "${a.front.title}"${a.front.publisher ? `, ${a.front.publisher}` : ''}, ${a.front.date}; ${a.paragraphs.length} paragraphs, ${chars.toLocaleString('en-US')} characters from ${a.format} in ${Math.round(a.extractMs)} ms\n`,
    );
  }
  if (!result.dryRun && result.corpus) {
    for (const w of result.warnings) process.stdout.write(`warning: ${w.file}: ${w.message}\n`);
    const c = result.corpus;
    process.stdout.write(`knowledge: ${dir}: valid: ${c.articles.length} article(s), ${c.deals.length} deal(s), ${c.topics.length} topic(s), ${c.facts.length} fact(s); ${result.warnings.length} warning(s) on the new article(s)\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof AddError ? err.message : `knowledge:add: ${err instanceof Error ? err.message : String(err)}`}\n`);
    process.exit(1);
  },
);
