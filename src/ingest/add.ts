/**
 * `knowledge:add` as a function: extract each file (saved web page, PDF or
 * text), settle its metadata (flags first, then what the source says), refuse
 * what cannot be a good article, write every article or none, then validate the
 * whole folder as `knowledge:check` does. Nothing is written when any file is
 * refused, when the folder is invalid to begin with, or on a dry run.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpus, KnowledgeError } from '../core/knowledge/load.ts';
import { containment, NEAR_DUPLICATE_SHARE, qualityWarnings, shingles } from '../core/knowledge/quality.ts';
import { frontMatterSchema } from '../core/knowledge/schema.ts';
import type { Corpus, Reliability } from '../core/model/types.ts';
import { decodeHtml, extractHtml } from './html.ts';
import { idFromFile, isWebUrl, parseDate } from './metadata.ts';
import { extractText } from './text.ts';
import { IngestRefusal, type Extraction } from './types.ts';
import { removeArticles, renderArticle, writeArticles, type ArticleFront } from './write.ts';

/** Fewest characters of body text an article may have: less is a page of script, a cookie wall, or a scan. */
export const MIN_BODY_CHARS = 200;
/** Fewest words of body text. */
export const MIN_BODY_WORDS = 30;
/** Largest input file read (a PDF of a long report is a few MB). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
/** Share of shared wording from which a new text counts as the same text as an article (rather than a near-duplicate). */
export const SAME_TEXT_SHARE = 0.95;

/** What to add, and the flags that override what the sources say. */
export interface AddOptions {
  knowledgeDir: string;
  files: readonly string[];
  date?: string;
  publisher?: string;
  title?: string;
  url?: string;
  reliability?: Reliability;
  id?: string;
  /** The front matter `note` (e.g. that the copy ends early); default what the file says of itself, if anything. */
  note?: string;
  /** Prepare and check everything, write nothing. */
  dryRun?: boolean;
}

/** One article ready to write (or written). */
export interface PreparedArticle {
  /** The input file, as given. */
  source: string;
  id: string;
  /** Path relative to the knowledge folder: `articles/<id>.md`. */
  file: string;
  front: ArticleFront;
  paragraphs: string[];
  /** The file's text. */
  text: string;
  format: Extraction['format'];
  /** Milliseconds spent extracting. */
  extractMs: number;
}

/** The outcome: what was (or would be) written, and the folder's state after. */
export interface AddResult {
  articles: PreparedArticle[];
  dryRun: boolean;
  /** `knowledge:check` warnings about the new articles. */
  warnings: { file: string; message: string }[];
  /** The whole folder after adding (absent on a dry run). */
  corpus?: Corpus;
}

/** Every reason nothing was added, one line each (`file: reason`). */
export class AddError extends Error {
  constructor(readonly problems: string[]) {
    super(`knowledge:add: nothing was added:\n- ${problems.join('\n- ')}`);
    this.name = 'AddError';
  }
}

const FORMATS: Record<string, Extraction['format']> = { '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.pdf': 'pdf', '.txt': 'text', '.md': 'text', '.markdown': 'text' };
const ID = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

/**
 * Adds the files as articles, all or nothing.
 * @throws AddError listing every refusal and problem (nothing written)
 */
export async function addArticles(options: AddOptions): Promise<AddResult> {
  const problems = checkFlags(options);
  if (problems.length) throw new AddError(problems);
  const dir = options.knowledgeDir;
  const corpus = await existingCorpus(dir);

  const prepared: PreparedArticle[] = [];
  const refusals: string[] = [];
  const existingShingles = corpus.articles.map((a) => ({ id: a.id, file: a.file, title: a.title, shingles: shingles(a.body) }));
  for (const source of options.files) {
    try {
      const article = await prepare(source, options);
      if (corpus.articles.some((a) => a.id === article.id) || existsSync(path.join(dir, article.file))) {
        throw new IngestRefusal(source, `an article with id "${article.id}" already exists (${article.file}); choose another with --id`);
      }
      if (prepared.some((p) => p.id === article.id)) throw new IngestRefusal(source, `gives the same id "${article.id}" as ${prepared.find((p) => p.id === article.id)!.source}; add it on its own with --id`);
      const mine = shingles(article.paragraphs.join('\n\n'));
      const others = [...existingShingles, ...prepared.map((p) => ({ id: p.id, file: p.file, title: p.front.title, shingles: shingles(p.paragraphs.join('\n\n')) }))];
      for (const other of others) {
        const share = containment(mine, other.shingles);
        if (share >= SAME_TEXT_SHARE) throw new IngestRefusal(source, `is the same text as article "${other.id}" (${other.file}: "${other.title}")`);
        if (share >= NEAR_DUPLICATE_SHARE) throw new IngestRefusal(source, `is a near-duplicate of article "${other.id}" (${other.file}: "${other.title}"; ${Math.round(share * 100)}% shared wording)`);
      }
      prepared.push(article);
    } catch (err) {
      refusals.push(err instanceof IngestRefusal ? err.message : `${source}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (refusals.length) throw new AddError(refusals);
  if (options.dryRun) return { articles: prepared, dryRun: true, warnings: [] };

  const written = await writeArticles(
    dir,
    prepared.map((p) => ({ id: p.id, text: p.text })),
  );
  let after: Corpus;
  try {
    after = await loadCorpus(dir);
  } catch (err) {
    // The folder must stay loadable: undo, and say why.
    await removeArticles(written);
    throw new AddError([`the knowledge folder did not validate with the new article(s), so they were removed again:\n${err instanceof Error ? err.message : String(err)}`]);
  }
  const newFiles = new Set(prepared.map((p) => p.file));
  const warnings = qualityWarnings(after).filter((w) => newFiles.has(w.file.split(path.sep).join('/')));
  return { articles: prepared, dryRun: false, warnings, corpus: after };
}

/** Flags that are wrong whatever the files hold. */
function checkFlags(o: AddOptions): string[] {
  const problems: string[] = [];
  if (!o.files.length) problems.push('no files given: name one or more .html, .htm, .pdf, .txt or .md files');
  if (o.date !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(o.date) && parseDate(o.date) === o.date)) problems.push(`--date: "${o.date}" is not a date YYYY-MM-DD`);
  if (o.url !== undefined && !isWebUrl(o.url)) problems.push(`--url: "${o.url}" is not an http(s) URL`);
  if (o.id !== undefined && !ID.test(o.id)) problems.push(`--id: "${o.id}" must be letters, digits, "_", "." or "-"`);
  if (o.title !== undefined && !o.title.trim()) problems.push('--title: must not be empty');
  if (o.publisher !== undefined && !o.publisher.trim()) problems.push('--publisher: must not be empty');
  for (const flag of ['id', 'title', 'url'] as const) if (o[flag] !== undefined && o.files.length > 1) problems.push(`--${flag} names one article: add the files one at a time`);
  return problems;
}

/** The folder's articles now; a folder with no articles yet is empty, an invalid one is refused. */
async function existingCorpus(dir: string): Promise<Pick<Corpus, 'articles'>> {
  if (!existsSync(path.join(dir, 'articles'))) return { articles: [] };
  try {
    return await loadCorpus(dir);
  } catch (err) {
    if (err instanceof KnowledgeError) throw new AddError([`the knowledge folder ${dir} is not valid now; fix it first (npm run knowledge:check):\n${err.message}`]);
    throw err;
  }
}

/** Extracts one file and settles its front matter; refuses what cannot make an article. */
async function prepare(source: string, o: AddOptions): Promise<PreparedArticle> {
  const format = FORMATS[path.extname(source).toLowerCase()];
  if (!format) throw new IngestRefusal(source, 'unsupported file type: use a saved web page (.html, .htm), a PDF (.pdf) or text (.txt, .md)');
  let size: number;
  try {
    size = (await stat(source)).size;
  } catch (err) {
    throw new IngestRefusal(source, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (size > MAX_INPUT_BYTES) throw new IngestRefusal(source, `is ${(size / 1048576).toFixed(0)} MB; files over ${MAX_INPUT_BYTES / 1048576} MB are not read`);
  const bytes = await readFile(source);
  const started = performance.now();
  let extraction: Extraction;
  let noTextLayer = false;
  if (format === 'pdf') {
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new IngestRefusal(source, 'is not a PDF (it does not start with %PDF-)');
    try {
      // pdf.js is large (about 2 MB of code): loaded only when a PDF is added.
      const { extractPdf } = await import('./pdf.ts');
      const pdf = await extractPdf(new Uint8Array(bytes));
      noTextLayer = pdf.textPages === 0;
      extraction = {
        ...pdf,
        note: `Text extracted from a PDF (${path.basename(source)}): paragraphs rebuilt from line positions; running headers, footers and page numbers left out; words hyphenated at line ends joined.${pdf.meta.dateSource ? ` Date from ${pdf.meta.dateSource}.` : ''}`,
      };
    } catch (err) {
      throw new IngestRefusal(source, err instanceof Error ? err.message : String(err));
    }
  } else {
    // NUL bytes: binary, unless the page is UTF-16 (which a byte-order mark says).
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    if (!utf16 && bytes.includes(0)) throw new IngestRefusal(source, 'looks binary (it contains NUL bytes), not a web page or text');
    extraction = format === 'html' ? extractHtml(decodeHtml(bytes)) : extractText(bytes.toString('utf8'));
  }
  const extractMs = performance.now() - started;

  const body = extraction.paragraphs.join('\n\n');
  const words = body.split(/\s+/).filter(Boolean).length;
  if (noTextLayer) throw new IngestRefusal(source, 'the PDF has no text layer (a scanned document?): nothing to quote; run it through OCR and add the text instead');
  if (body.length < MIN_BODY_CHARS || words < MIN_BODY_WORDS) {
    const why = format === 'html' ? 'the page may be all script, a cookie or login wall, or not an article' : format === 'pdf' ? 'the PDF holds almost no text' : 'the file holds almost no text';
    throw new IngestRefusal(source, `only ${body.length} characters (${words} words) of text could be extracted, at least ${MIN_BODY_CHARS} characters and ${MIN_BODY_WORDS} words are needed: ${why}`);
  }
  const title = o.title?.trim() ?? extraction.meta.title;
  const date = o.date ?? extraction.meta.date;
  if (!date) throw new IngestRefusal(source, `no publication date found in the ${format === 'html' ? 'page' : 'file'}; give one with --date YYYY-MM-DD`);
  if (!title) throw new IngestRefusal(source, 'no title found; give one with --title');
  const front: ArticleFront = {
    title,
    date,
    ...((o.publisher?.trim() ?? extraction.meta.publisher) ? { publisher: o.publisher?.trim() ?? extraction.meta.publisher } : {}),
    ...((o.url ?? extraction.meta.url) ? { url: o.url ?? extraction.meta.url } : {}),
    ...(o.reliability ? { reliability: o.reliability } : {}),
    ...((o.note?.trim() || extraction.note) ? { note: o.note?.trim() || extraction.note } : {}),
  };
  const checked = frontMatterSchema.safeParse(front);
  if (!checked.success) throw new IngestRefusal(source, `front matter would be invalid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const id = o.id ?? idFromFile(source);
  if (!ID.test(id)) throw new IngestRefusal(source, `cannot make an id from the file name ("${id}"); give one with --id`);
  return { source, id, file: `articles/${id}.md`, front, paragraphs: extraction.paragraphs, text: renderArticle(front, extraction.paragraphs), format, extractMs };
}
