/**
 * What the knowledge:add probe tests share: a knowledge folder to add pages
 * to (deleted after each test), a hash listing of a folder (to show a refused
 * add touched nothing), the words of a page as a reader gets them, the share
 * of expected words a body kept in order, the written article read back, and
 * an add that must be refused.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, expect, it } from 'vitest';
import { addArticles, AddError, type AddOptions } from '../../src/ingest/add.ts';
import { article, makeKnowledge } from './knowledge.ts';

/** The folder of saved pages the probes read. */
export const PAGES = path.resolve(import.meta.dirname, '../fixtures/pages');

/** What a probe expects of one saved page (a `probe*-expected.json` entry, keyed by the article id). */
export interface ExpectedPage {
  file: string;
  title: string;
  date: string;
  publisher: string;
  /** The page's article text, paragraph by paragraph (list items and table rows one to a line, items as "- item"). */
  body: string[];
  /** Lines that may be kept or dropped (footnote texts, a standfirst, an endnotes heading): each, kept, must be a whole line. */
  neutral?: string[];
  /** Text of the page's chrome that must not reach the body. */
  chrome: string[];
  /** A question the added article must answer. */
  question: string;
}

/** A probe's expectations, from `test/fixtures/pages/<name>`. */
export async function expectedPages(name: string): Promise<Record<string, ExpectedPage>> {
  return JSON.parse(await readFile(path.join(PAGES, name), 'utf8'));
}

/**
 * Adds probe page `e` (from `PAGES`) to the knowledge folder `dir` as article
 * `id` and reads it back, checking the title, date and publisher it expects.
 */
export async function addExpectedPage(dir: string, id: string, e: ExpectedPage): Promise<{ file: string; front: Record<string, string>; lines: string[] }> {
  const file = path.join(PAGES, e.file);
  await addArticles({ knowledgeDir: dir, files: [file], id });
  const { front, lines } = await written(dir, id);
  expect({ title: front.title, date: front.date, publisher: front.publisher }).toEqual({ title: e.title, date: e.date, publisher: e.publisher });
  return { file, front, lines };
}

/** The share of the expected words a body must keep, in order. */
export const MIN_KEPT = 0.9;

/**
 * Call at the top of a test file: a maker of knowledge folders holding one
 * unrelated article on `crop` (pick one the file's pages do not discuss, so it
 * is never a near-duplicate), and of temp folders; each is deleted after its test.
 */
export function probeFolders(crop = 'wheat'): { knowledge: () => Promise<string>; tempDir: (prefix: string) => Promise<string> } {
  const folders: string[] = [];
  afterEach(async () => {
    for (const f of folders.splice(0)) await rm(f, { recursive: true, force: true });
  });
  const tempDir = async (prefix: string) => {
    const dir = await mkdtemp(path.join(tmpdir(), prefix));
    folders.push(dir);
    return dir;
  };
  const knowledge = async () => {
    const dir = await makeKnowledge({
      'articles/existing.md': article(
        { title: `${crop[0]!.toUpperCase()}${crop.slice(1)} quota raised`, date: '2023-03-01', publisher: 'Farm Wire' },
        `The government raised the ${crop} import quota to 2 million tonnes this year, officials said on Monday, after a poor harvest pushed prices up for a third month in a row.\n`,
      ),
    });
    folders.push(dir);
    return dir;
  };
  return { knowledge, tempDir };
}

/** Every file under a folder with a hash of its bytes. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    out[path.relative(dir, p)] = createHash('sha256').update(await readFile(p)).digest('hex');
  }
  return out;
}

/** White space (no-break spaces included) collapsed to single spaces. */
export const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
/** The words of a text. */
export const words = (s: string) => collapse(s).split(' ').filter(Boolean);
/** A body line without its list marker (`- `, `1. `), which is markup. */
export const unmarked = (line: string) => collapse(line.replace(/^\s*(?:-|\d+\.)\s+/, ''));

const BLOCK_TAGS = new Set('address article aside blockquote body div dl dt dd figure figcaption footer form h1 h2 h3 h4 h5 h6 header li main nav ol p pre section table td th tr ul'.split(' '));
/** A link to a note ("1", "[2]") or back from one ("↩"): a marker, not words of the text. */
const isNoteLink = (el: any) => el.tagName.toLowerCase() === 'a' && (el.getAttribute('href') ?? '').startsWith('#') && /^(?:\[?\d{1,3}\]?|↩)$/.test(collapse(el.textContent));

/** The words of a page as a reader gets them: its text, entities decoded, blocks and cells apart, links to and from notes left out. */
export function pageWords(html: string): string {
  const { document } = parseHTML(html);
  let text = '';
  const walk = (n: any) => {
    for (const c of n.childNodes) {
      if (c.nodeType === 3) text += c.textContent;
      else if (c.nodeType === 1 && !['script', 'style'].includes(c.tagName.toLowerCase()) && !isNoteLink(c)) {
        const block = BLOCK_TAGS.has(c.tagName.toLowerCase());
        if (block) text += ' ';
        walk(c);
        if (block) text += ' ';
      }
    }
  };
  walk(document);
  return collapse(text);
}

/** How many of the expected words the body has, in order (longest common subsequence of words), as a share. */
export function keptShare(expected: string[], body: string[]): number {
  let prev = new Array<number>(body.length + 1).fill(0);
  for (const w of expected) {
    const row = new Array<number>(body.length + 1).fill(0);
    for (let j = 1; j <= body.length; j++) row[j] = w === body[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[body.length]! / expected.length;
}

/** The article `id` as written: its front matter, its body, and its lines without list markers. */
export async function written(dir: string, id: string): Promise<{ front: Record<string, string>; body: string; lines: string[] }> {
  const text = await readFile(path.join(dir, 'articles', `${id}.md`), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  const front = Object.fromEntries(m[1]!.split('\n').map((l) => [l.slice(0, l.indexOf(':')), JSON.parse(l.slice(l.indexOf(':') + 1))]));
  return { front, body: m[2]!, lines: m[2]!.split('\n').map(unmarked).filter(Boolean) };
}

/** Adds that must be refused: resolves with the problems named. */
export async function refusal(o: Partial<AddOptions> & { knowledgeDir: string; files: string[] }): Promise<string[]> {
  const err = await addArticles(o).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AddError);
  return (err as AddError).problems;
}

/**
 * The probes' check of one added page: at least `MIN_KEPT` of the expected
 * words kept in order, every written line article text (list markers aside)
 * or one of its `neutral` lines whole, and word for word in the page as a
 * reader sees it (`pageText`), and none of the page's chrome anywhere (nor
 * in the fixture's own article text or neutral lines).
 */
export function expectCleanArticle(e: ExpectedPage, lines: string[], pageText: string): void {
  expect(keptShare(words(e.body.join(' ')), words(lines.join(' ')))).toBeGreaterThanOrEqual(MIN_KEPT);
  const expectedText = collapse(e.body.map((p) => p.split('\n').map(unmarked).join(' ')).join(' '));
  const neutral = (e.neutral ?? []).map(collapse);
  for (const line of lines) expect(expectedText.includes(line) || neutral.includes(line), `not article text: ${JSON.stringify(line)}`).toBe(true);
  for (const c of e.chrome) {
    expect(neutral.join('\n'), `the fixture's chrome list holds a neutral line: ${c}`).not.toContain(c);
    expect(expectedText, `the fixture's chrome list holds article text: ${c}`).not.toContain(c);
    for (const line of lines) expect(line, `chrome in the body: ${c}`).not.toContain(c);
  }
  const source = pageWords(pageText);
  for (const line of lines) expect(source, `not verbatim: ${JSON.stringify(line)}`).toContain(line);
}

/**
 * The two tests every page of a probe gets (call inside a `describe`): added,
 * its body keeps at least `MIN_KEPT` of the text with no chrome, verbatim, and
 * the page's title, date and publisher; added again (the same file, and a
 * renamed copy), refused with the folder untouched. `folders` from `probeFolders`.
 */
export function probePageTests(expected: Record<string, ExpectedPage>, folders: ReturnType<typeof probeFolders>): void {
  for (const [id, e] of Object.entries(expected)) {
    const file = path.join(PAGES, e.file);

    it(`${id}: the body kept (at least 90%), no chrome, verbatim, metadata from the page`, async () => {
      const dir = await folders.knowledge();
      const { lines } = await addExpectedPage(dir, id, e);
      expectCleanArticle(e, lines, await readFile(file, 'utf8'));
    });

    it(`${id}: refused a second time, by file and as a renamed copy, with the folder untouched`, async () => {
      const dir = await folders.knowledge();
      await addArticles({ knowledgeDir: dir, files: [file], id });
      const before = await snapshot(dir);
      expect(await refusal({ knowledgeDir: dir, files: [file], id })).toEqual([`${file}: an article with id "${id}" already exists (articles/${id}.md); choose another with --id`]);
      const copy = path.join(await folders.tempDir('probe-copy-'), `article (1)${path.extname(file)}`);
      await copyFile(file, copy);
      expect(await refusal({ knowledgeDir: dir, files: [copy] })).toEqual([`${copy}: is the same text as article "${id}" (articles/${id}.md: "${e.title}")`]);
      expect(await snapshot(dir)).toEqual(before);
    });
  }
}

/** Two paragraphs of prose that every synthetic page of the probe tests carries, and the page they make (TITLE, H1, DATED: a head and a headline). */
export const P1 = 'The two governments said on Tuesday that talks on the barley quota had stalled after negotiators failed to agree on the size of the tariff-free allowance for the coming year.';
export const P2 = 'Officials on both sides said the gap was narrower than it had been in the spring, but that the question of how the quota would be shared remained open.';
export const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;
export const TITLE = '<title>Barley talks stall</title>';
export const H1 = '<h1>Barley talks stall</h1>';
export const DATED = `${TITLE}<meta property="article:published_time" content="2024-05-02T08:00:00Z">`;
