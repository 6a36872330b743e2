/**
 * Writing articles in the public knowledge format: YAML front matter (each
 * value a double-quoted string, as in the shipped articles), then the body's
 * paragraphs separated by blank lines. Files appear atomically and never
 * overwrite: each is written to a temporary name in the knowledge folder, then
 * hard-linked to `articles/<id>.md` (which fails if that name exists).
 */
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Front matter fields, in the order they are written. */
export interface ArticleFront {
  title: string;
  date: string;
  publisher?: string;
  url?: string;
  reliability?: 'high' | 'normal' | 'low';
  note?: string;
}

/** The text of an article file. */
export function renderArticle(front: ArticleFront, paragraphs: readonly string[]): string {
  const fields = (['title', 'date', 'publisher', 'url', 'reliability', 'note'] as const).filter((k) => front[k] !== undefined);
  // A JSON string is a valid YAML double-quoted scalar.
  const yaml = fields.map((k) => `${k}: ${JSON.stringify(front[k])}`).join('\n');
  return `---\n${yaml}\n---\n${paragraphs.join('\n\n')}\n`;
}

/** One file to write. */
export interface ArticleFile {
  id: string;
  text: string;
}

/**
 * Writes `articles/<id>.md` for each file, all or nothing.
 * @returns the paths written (to undo with `removeArticles` if later validation fails)
 * @throws Error naming the file when one cannot be written (those already written are removed)
 */
export async function writeArticles(knowledgeDir: string, files: readonly ArticleFile[]): Promise<string[]> {
  const articles = path.join(knowledgeDir, 'articles');
  await mkdir(articles, { recursive: true });
  const written: string[] = [];
  try {
    for (const [i, f] of files.entries()) {
      const target = path.join(articles, `${f.id}.md`);
      // Outside articles/ so a watching bot never sees a half-written article.
      const temp = path.join(knowledgeDir, `.knowledge-add-${process.pid}-${i}.tmp`);
      await writeFile(temp, f.text, { flag: 'wx' });
      try {
        await link(temp, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${path.relative(knowledgeDir, target)} appeared while adding; nothing was added`);
        throw err;
      } finally {
        await unlink(temp).catch(() => {});
      }
      written.push(target);
    }
  } catch (err) {
    await removeArticles(written);
    throw err;
  }
  return written;
}

/** Removes files written by `writeArticles`. */
export async function removeArticles(paths: readonly string[]): Promise<void> {
  for (const p of paths) await unlink(p).catch(() => {});
}
