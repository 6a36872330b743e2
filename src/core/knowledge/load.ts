/**
 * Loads and validates a knowledge folder (see README, "Knowledge format").
 * All-or-nothing: every problem in every file is collected, and one
 * `KnowledgeError` lists them, each with its file; no partial corpus is ever
 * returned, and nothing in a file (a YAML alias bomb included) stops the
 * other files from being checked.
 *
 * Line endings are normalised as files are read (CRLF, CR, NEL, LS and form
 * feeds become "\n"; a paragraph separator a blank line), so paragraphs split
 * the same whatever system saved the file; any other control character is an
 * error naming file and line, so a quote can never hold one.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { matchKey } from '../text/normalise.ts';
import { evidenceProblems } from './fact-evidence.ts';
import { paraphraseTells, PARAPHRASE_MIN_TELLS } from './quality.ts';
import { dealSchema, dealsFileSchema, factSchema, factsFileSchema, frontMatterSchema, idProblem, topicSchema, topicsFileSchema } from './schema.ts';
import { KnowledgeError } from '../model/knowledge-error.ts';
import type { Article, Corpus, Deal, Fact, Topic } from '../model/types.ts';

export { KnowledgeError };

/** Largest accepted knowledge file; bigger ones are refused rather than half-read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface RawFile {
  rel: string;
  text: string;
}

/**
 * Loads a knowledge folder. Only `articles/` is required; `deals.yaml`,
 * `topics.yaml` and `facts/*.yaml` are optional.
 * @throws KnowledgeError listing every problem found.
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  const problems: string[] = [];
  const root = await realpath(dir).catch(() => {
    throw new KnowledgeError([`${dir}: knowledge folder not found`]);
  });
  const articleFiles = await listFiles(root, 'articles', ['.md'], problems, true);
  const factFiles = await listFiles(root, 'facts', ['.yaml', '.yml'], problems, false);
  const dealsFile = await readOptional(root, 'deals.yaml', problems);
  const topicsFile = await readOptional(root, 'topics.yaml', problems);

  const articles: Article[] = [];
  for (const file of articleFiles) {
    const article = parseArticle(file, problems);
    if (article) articles.push(article);
  }
  if (articleFiles.length === 0 && problems.length === 0) problems.push('articles/: no articles (*.md) found');
  checkUnique(articles, (a) => `${a.file}: id "${a.id}" is already used by another article`, problems);

  const deals: Deal[] = (dealsFile ? parseList(dealsFile, dealsFileSchema, 'deals', dealSchema, problems) : []).map((d) => ({
    ...d,
    era: d.era ?? d.name,
  }));
  const topics = topicsFile ? parseList(topicsFile, topicsFileSchema, 'topics', topicSchema, problems) : [];
  checkUnique(deals.map((d) => ({ ...d, file: 'deals.yaml' })), (d) => `deals.yaml: deal "${d.id}" is defined twice`, problems);
  checkUnique(topics.map((t) => ({ ...t, file: 'topics.yaml' })), (t) => `topics.yaml: topic "${t.id}" is defined twice`, problems);

  const facts: Fact[] = [];
  for (const file of factFiles) {
    for (const raw of parseList(file, factsFileSchema, 'facts', factSchema, problems)) {
      const { article, ...rest } = raw;
      facts.push({ ...rest, articleId: article, file: file.rel });
    }
  }
  checkUnique(facts, (f) => `${f.file}: fact "${f.id}" is defined twice`, problems);
  checkFactReferences(facts, articles, deals, topics, problems);

  if (problems.length) throw new KnowledgeError(problems);
  const hash = createHash('sha256');
  for (const f of [...articleFiles, ...factFiles, dealsFile, topicsFile]) {
    if (f) hash.update(f.rel).update('\0').update(f.text).update('\0');
  }
  return {
    articles,
    deals,
    topics,
    facts,
    hash: hash.digest('hex'),
  };
}

async function listFiles(root: string, sub: string, exts: string[], problems: string[], required: boolean): Promise<RawFile[]> {
  const folder = path.join(root, sub);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    if (required || (err as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${sub}/: cannot read folder (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return [];
  }
  const files: RawFile[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || !exts.some((e) => entry.name.endsWith(e))) continue;
    const file = await readKnowledgeFile(root, `${sub}/${entry.name}`, problems);
    if (file) files.push(file);
  }
  return files;
}

async function readOptional(root: string, rel: string, problems: string[]): Promise<RawFile | undefined> {
  try {
    await lstat(path.join(root, rel));
  } catch {
    return undefined;
  }
  return readKnowledgeFile(root, rel, problems);
}

/** Reads one file safely: inside the folder, not too big, valid UTF-8 text. */
async function readKnowledgeFile(root: string, rel: string, problems: string[]): Promise<RawFile | undefined> {
  const full = path.join(root, rel);
  try {
    const real = await realpath(full);
    if (real !== root && !real.startsWith(root + path.sep)) {
      problems.push(`${rel}: is a link to a file outside the knowledge folder`);
      return undefined;
    }
    const info = await stat(real);
    if (!info.isFile()) {
      problems.push(`${rel}: is not a regular file`);
      return undefined;
    }
    if (info.size > MAX_FILE_BYTES) {
      problems.push(`${rel}: too large (${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`);
      return undefined;
    }
    const bytes = await readFile(real);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      problems.push(`${rel}: is not UTF-8 text (binary file?)`);
      return undefined;
    }
    if (text.includes('\u0000')) {
      problems.push(`${rel}: is not text (contains NUL bytes)`);
      return undefined;
    }
    const normalised = normaliseLineEndings(text.replace(/^\ufeff/, ''));
    const control = CONTROL.exec(normalised);
    if (control) {
      const line = lineAt(normalised, control.index);
      const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      problems.push(`${rel}: line ${line}: control character U+${code} (a source's text may hold letters, punctuation, spaces, tabs and line breaks, not terminal or device controls)`);
      return undefined;
    }
    return { rel, text: normalised };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.push(`${rel}: cannot be read (${code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'broken link' : code ?? 'error'})`);
    return undefined;
  }
}

/** Line breaks of every kind, and page or vertical tabs, as "\n" (a paragraph separator as a blank line). */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?|[\u0085\u2028\f\v]/g, '\n').replace(/\u2029/g, '\n\n');
}

/** Control characters left after `normaliseLineEndings`: C0 except tab and line feed, DEL, C1. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The YAML document as plain data, or a problem naming the file (an alias bomb or an unresolved alias throws). */
function toData(doc: ReturnType<typeof parseDocument>, where: string, problems: string[]): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: doc.toJS() };
  } catch (err) {
    problems.push(`${where}: ${firstLine((err as Error).message)}`);
    return { ok: false };
  }
}

/** Splits `---` front matter from the body; the body is kept as written (line endings aside). */
function parseArticle(file: RawFile, problems: string[]): Article | undefined {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(file.text);
  if (!m) {
    problems.push(`${file.rel}: missing front matter (the file must start with a "---" line, YAML, and a closing "---" line)`);
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(m[1]!, { prettyErrors: false, lineCounter: lines });
  if (doc.errors.length) {
    // +1: the opening "---" is the file's first line.
    for (const e of doc.errors) problems.push(`${file.rel}: front matter line ${lineOf(lines, e) + 1}: ${e.code}: ${firstLine(e.message)}`);
    return undefined;
  }
  const data = toData(doc, `${file.rel}: front matter`, problems);
  if (!data.ok) return undefined;
  const parsed = frontMatterSchema.safeParse(data.data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${file.rel}: ${issue.path.join('.') || 'front matter'}: ${issue.message}`);
    return undefined;
  }
  const body = file.text.slice(m[0].length);
  if (!body.trim()) {
    problems.push(`${file.rel}: body is empty`);
    return undefined;
  }
  const fm = parsed.data;
  const base = path.basename(file.rel).replace(/\.md$/, '');
  // The id comes from the file name unless the front matter gives one: it must be a valid id either way.
  const nameProblem = fm.id ? undefined : idProblem(base);
  if (nameProblem) {
    problems.push(`${file.rel}: the file name "${base}" is not a valid article id (it ${nameProblem}); rename the file or set "id" in the front matter`);
    return undefined;
  }
  // A source that reads as machine-paraphrased is flagged unless its front matter states a reliability.
  const declared = typeof data.data === 'object' && data.data !== null && 'reliability' in data.data;
  const tells = declared ? [] : paraphraseTells(body);
  if (tells.length >= PARAPHRASE_MIN_TELLS) {
    return { ...fm, id: fm.id ?? base, body, file: file.rel, reliability: 'low', note: fm.note ?? `Flagged automatically: the text looks machine-paraphrased (${tells.map((t) => `"${t}"`).join(', ')}).` };
  }
  return { ...fm, id: fm.id ?? base, body, file: file.rel };
}

/** Parses a YAML file holding `{ key: [items] }`, validating each item; problems name the item. */
function parseList<T>(
  file: RawFile,
  fileSchema: z.ZodType<Record<string, unknown[]>>,
  key: string,
  itemSchema: z.ZodType<T>,
  problems: string[],
): T[] {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { prettyErrors: false, lineCounter: lines });
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push(`${file.rel}: line ${lineOf(lines, e)}: ${e.code}: ${firstLine(e.message)}`);
    return [];
  }
  const data = toData(doc, file.rel, problems);
  if (!data.ok) return [];
  const top = fileSchema.safeParse(data.data);
  if (!top.success) {
    problems.push(`${file.rel}: must be a mapping with one key "${key}" holding a list`);
    return [];
  }
  const out: T[] = [];
  top.data[key]!.forEach((item, i) => {
    const parsed = itemSchema.safeParse(item);
    const label = typeof (item as { id?: unknown })?.id === 'string' ? `"${(item as { id: string }).id}"` : `#${i + 1}`;
    if (parsed.success) out.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push(`${file.rel}: ${key.replace(/s$/, '')} ${label}: ${issue.path.join('.') || 'item'}: ${issue.message}`);
  });
  return out;
}

function checkUnique<T extends { id: string; file: string }>(items: T[], message: (item: T) => string, problems: string[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) problems.push(message(item));
    seen.add(item.id);
  }
}

function checkFactReferences(facts: Fact[], articles: Article[], deals: Deal[], topics: Topic[], problems: string[]): void {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const dealIds = new Set(deals.map((d) => d.id));
  const topicIds = new Set(topics.map((t) => t.id));
  // Each article's match key once, however many facts quote it.
  const keys = new Map<string, string>();
  const keyOf = (a: Article) => keys.get(a.id) ?? keys.set(a.id, matchKey(a.body)).get(a.id)!;
  for (const f of facts) {
    const where = `${f.file}: fact "${f.id}"`;
    const article = byId.get(f.articleId);
    const quoteKey = matchKey(f.quote);
    if (!article) problems.push(`${where}: article: unknown article "${f.articleId}"`);
    else if (!quoteKey || !keyOf(article).includes(quoteKey)) problems.push(`${where}: quote: not found in article ${f.articleId}`);
    else for (const p of evidenceProblems(f)) problems.push(`${where}: ${p}`);
    if (f.deal && !dealIds.has(f.deal)) problems.push(`${where}: deal: unknown deal "${f.deal}"`);
    if (f.topic && !topicIds.has(f.topic)) problems.push(`${where}: topic: unknown topic "${f.topic}"`);
  }
}

function lineOf(lines: LineCounter, e: YAMLError): number {
  return lines.linePos(e.pos[0]).line;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!;
}
