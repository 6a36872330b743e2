/**
 * PDFs: the text layer through pdfjs-dist (its legacy build, the one meant for
 * Node), read as positioned lines. Running headers and footers (the same line
 * at the top or bottom of several pages) and page numbers are dropped;
 * paragraphs are rebuilt from the gaps between lines, font size changes and
 * list markers; a word hyphenated across a line end is joined. A PDF with no
 * text layer (a scan) yields no paragraphs and says why.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { findDate, parseDate } from './metadata.ts';
import type { Extraction, FoundMetadata } from './types.ts';
import { normaliseSpace } from './whitespace.ts';

/** A gap between two lines larger than this many typical line gaps starts a new paragraph. */
export const PARAGRAPH_GAP = 1.45;
/** Lines this many points larger than the body text are headings (their own paragraphs). */
export const HEADING_SIZE_STEP = 1.5;
/** How many lines at the top and at the bottom of a page can be a running header, footer or page number. */
export const EDGE_LINES = 3;

// A list item marker at the start of a line: bullets, dashes, "1." "(a)" "iv)".
const LIST_MARKER = /^(?:[•◦▪▫●○■□‣⁃∙·*\-–]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+/u;
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;
// A title in the document information that is only a tool's placeholder.
const JUNK_TITLE = /^(?:untitled.*|microsoft (?:word|powerpoint) - .*|document\d*|.*\.(?:docx?|pdf|indd|rtf))$/i;

/** One line of text on a page. */
interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
  page: number;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/**
 * Extracts a PDF's text layer.
 * @throws Error with a readable reason when the file is not a PDF pdf.js can open (damaged, encrypted)
 */
export async function extractPdf(data: Uint8Array): Promise<Extraction & { pages: number; textPages: number }> {
  let doc;
  try {
    doc = await getDocument({ data, useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw new Error('the PDF is password-protected');
    throw new Error(`not a readable PDF (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    const lines: Line[] = [];
    const heights: number[] = [];
    let textPages = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      heights.push(page.view[3]! - page.view[1]!);
      const content = await page.getTextContent();
      const pageLines = linesOf(content.items.filter((i) => 'str' in i) as unknown as TextItem[], p);
      if (pageLines.length) textPages++;
      lines.push(...pageLines);
      page.cleanup();
    }
    const info = ((await doc.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    const body = dropRunningLines(lines, doc.numPages);
    const meta = pdfMetadata(lines, body, info);
    const titled = meta.titleLine ? body.filter((l) => l !== meta.titleLine) : body;
    return { format: 'pdf', paragraphs: paragraphsOf(titled), meta: meta.found, pages: doc.numPages, textPages };
  } finally {
    await doc.destroy();
  }
}

/** Groups a page's text items into lines (same baseline), top to bottom, each left to right. */
function linesOf(items: TextItem[], page: number): Line[] {
  const runs = items
    .filter((i) => i.str.trim())
    .map((i) => ({ str: i.str, x: i.transform[4]!, y: i.transform[5]!, size: Math.hypot(i.transform[2]!, i.transform[3]!) || i.height || 10, width: i.width }));
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: (Line & { end: number })[] = [];
  for (const r of runs) {
    const line = lines.find((l) => Math.abs(l.y - r.y) <= Math.min(l.size, r.size) * 0.4);
    if (!line) {
      lines.push({ text: r.str, x: r.x, y: r.y, size: r.size, page, end: r.x + r.width });
      continue;
    }
    // A visible gap between runs is a space unless one is already there.
    const gap = r.x - line.end;
    const space = gap > r.size * 0.15 && !/\s$/.test(line.text) && !/^\s/.test(r.str) ? ' ' : '';
    line.text += space + r.str;
    line.end = r.x + r.width;
    line.size = Math.max(line.size, r.size);
  }
  return lines
    .map((l) => ({ text: normaliseSpace(l.text), x: l.x, y: l.y, size: l.size, page: l.page }))
    .filter((l) => l.text)
    .sort((a, b) => b.y - a.y || a.x - b.x);
}

/** The same line (numbers aside) at the same edge of at least two pages is a running header or footer. */
function dropRunningLines(lines: readonly Line[], pages: number): Line[] {
  const key = (l: Line) => l.text.toLowerCase().replace(/\d+/g, '#');
  const byPage = new Map<number, Line[]>();
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  const edges = new Set<Line>();
  for (const pageLines of byPage.values()) {
    for (const l of [...pageLines.slice(0, EDGE_LINES), ...pageLines.slice(-EDGE_LINES)]) edges.add(l);
  }
  const seen = new Map<string, Set<number>>();
  for (const l of edges) seen.set(key(l), (seen.get(key(l)) ?? new Set()).add(l.page));
  return lines.filter((l) => {
    if (!edges.has(l)) return true;
    if (PAGE_NUMBER.test(l.text)) return false;
    return !(pages > 1 && seen.get(key(l))!.size >= 2);
  });
}

/** Title and date from the document information and the first page. */
function pdfMetadata(all: readonly Line[], body: readonly Line[], info: Record<string, unknown>): { found: FoundMetadata; titleLine?: Line } {
  const found: FoundMetadata = {};
  let titleLine: Line | undefined;
  const infoTitle = typeof info.Title === 'string' ? normaliseSpace(info.Title) : '';
  if (infoTitle && !JUNK_TITLE.test(infoTitle)) found.title = infoTitle;
  else {
    // The largest text on the first page, clearly larger than the body, is the title.
    const first = body.filter((l) => l.page === body[0]?.page).slice(0, 10);
    const bodySize = typicalSize(body);
    const largest = first.reduce<Line | undefined>((best, l) => (!best || l.size > best.size ? l : best), undefined);
    if (largest && largest.size >= bodySize + HEADING_SIZE_STEP) {
      found.title = largest.text;
      titleLine = largest;
    }
  }
  // A date printed near the top of the first page (a dateline), else the file's creation date.
  const printed = findDate(all.filter((l) => l.page === 1).slice(0, 15).map((l) => l.text).join('\n'));
  const created = typeof info.CreationDate === 'string' ? parseDate(info.CreationDate) : undefined;
  if (printed) found.date = printed;
  else if (created) {
    found.date = created;
    found.dateSource = "the PDF's creation date";
  }
  const author = typeof info.Author === 'string' ? normaliseSpace(info.Author) : '';
  if (author && /\b(?:office|ministry|department|agency|commission|council|house|bureau|government|representative|inc|ltd|association)\b/i.test(author)) found.publisher = author;
  return { found, titleLine };
}

/** The font size most of the text is set in. */
function typicalSize(lines: readonly Line[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(Math.round(l.size * 2) / 2, (chars.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/** The usual distance between two lines of body text. */
function typicalGap(lines: readonly Line[], size: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page && Math.abs(a.size - size) < 0.5 && Math.abs(b.size - size) < 0.5 && a.y > b.y) gaps.push(a.y - b.y);
  }
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length / 2)] ?? size * 1.2;
}

/** A paragraph in the making: lines of running text, or list items. */
interface Para {
  lines: string[];
  items?: { x: number; lines: string[] }[];
  last: Line;
  heading: boolean;
}

/** Rebuilds paragraphs (and lists, and headings) from lines in reading order. */
function paragraphsOf(lines: readonly Line[]): string[] {
  if (!lines.length) return [];
  const size = typicalSize(lines);
  const gap = typicalGap(lines, size);
  const words = wordSet(lines);
  const paras: Para[] = [];
  for (const line of lines) {
    const cur = paras.at(-1);
    const heading = line.size >= size + HEADING_SIZE_STEP;
    const marker = LIST_MARKER.test(line.text);
    const ended = !cur || /[.!?:;"”’)]$/.test(lastText(cur));
    const newPage = !!cur && line.page !== cur.last.page;
    const bigGap = !!cur && !newPage && cur.last.y - line.y > gap * PARAGRAPH_GAP;
    const sizeChange = !!cur && Math.abs(line.size - cur.last.size) >= HEADING_SIZE_STEP / 2;
    // A heading set on two lines stays one heading.
    if (cur?.heading && heading && !newPage && Math.abs(line.size - cur.last.size) < 0.5 && cur.last.y - line.y <= line.size * 1.6) {
      cur.lines.push(line.text);
      cur.last = line;
      continue;
    }
    if (!cur || heading || cur.heading || sizeChange || bigGap || (newPage && ended)) {
      paras.push({ lines: marker ? [] : [line.text], items: marker ? [{ x: line.x, lines: [line.text] }] : undefined, last: line, heading });
      continue;
    }
    if (marker) {
      // A list item: a new line in the current list, or a list starting after running text.
      if (cur.items) cur.items.push({ x: line.x, lines: [line.text] });
      else paras.push({ lines: [], items: [{ x: line.x, lines: [line.text] }], last: line, heading: false });
    } else if (cur.items) {
      const item = cur.items.at(-1)!;
      // Indented past the marker: the item goes on; back at the margin: the list has ended.
      if (line.x > item.x + 1 || newPage) item.lines.push(line.text);
      else {
        paras.push({ lines: [line.text], last: line, heading: false });
        continue;
      }
    } else cur.lines.push(line.text);
    paras.at(-1)!.last = line;
  }
  return paras.map((p) => (p.items ? p.items.map((i) => joinLines(i.lines, words)).join('\n') : joinLines(p.lines, words))).filter(Boolean);
}

function lastText(p: Para): string {
  return p.items ? (p.items.at(-1)!.lines.at(-1) ?? '') : (p.lines.at(-1) ?? '');
}

/** Every hyphenated and plain word of the document, lower-cased (to decide how to join a word split at a line end). */
function wordSet(lines: readonly Line[]): Set<string> {
  const words = new Set<string>();
  for (const l of lines) for (const w of l.text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []) words.add(w);
  return words;
}

/**
 * Joins the lines of one paragraph with spaces; a word hyphenated at a line
 * end ("negoti-" / "ations") is joined without the hyphen, unless the document
 * writes that word with a hyphen elsewhere ("long-" / "term" stays "long-term"),
 * or the next line starts with a capital or a digit ("U.S.-" / "Japan").
 */
export function joinLines(lines: readonly string[], words: ReadonlySet<string> = new Set()): string {
  let out = '';
  for (const line of lines) {
    if (!out) {
      out = line;
      continue;
    }
    const split = /([\p{L}]+)[-\u00ad\u2010]$/u.exec(out);
    const next = /^[\p{L}]+/u.exec(line)?.[0];
    if (split && next) {
      const keepHyphen = !/^\p{Ll}/u.test(next) || words.has(`${split[1]!}-${next}`.toLowerCase());
      out = out.slice(0, -1) + (keepHyphen ? '-' : '') + line;
    } else out += ' ' + line;
  }
  return out;
}
