/**
 * Plain text (`.txt`) and Markdown (`.md`): paragraphs are separated by blank
 * lines; inside a paragraph, hard-wrapped lines are joined with a space and
 * list items keep their own lines. A Markdown file with front matter gives its
 * title, date, publisher and URL. Without front matter, a short first line with
 * no closing punctuation is the title, and a date in the lines before the text
 * proper (a dateline) is the date; lines used that way are not part of the body.
 * A file that opens with a header block of `key: value` lines instead (`source:`,
 * `date:`, `publisher:`, `title:`, `license:`, several keys to a line or one a
 * line, then a blank line), as archived documents often do, gives its metadata
 * from those keys; the block is not part of the body, and what `license:` says
 * of the copy's completeness goes to the note.
 */
import { parse as parseYaml } from 'yaml';
import { findDate, isWebUrl, parseDate } from './metadata.ts';
import type { Extraction, FoundMetadata } from './types.ts';
import { normaliseSpace } from './whitespace.ts';

/** The longest first line read as a title. */
export const MAX_TITLE_LENGTH = 200;
/** Leading short lines searched for a dateline ("September 16, 2019", "By … | 2019-09-16"). */
const HEADER_LINES = 3;
const LIST_ITEM = /^\s*(?:[-*•–]|\d{1,2}[.)]|\(?[a-z][.)])\s+/;

/** The keys a header block may hold (any case), as `readHeader` knows them. */
const HEADER_KEYS = ['source', 'url', 'date', 'publisher', 'title', 'author', 'license', 'note'] as const;
const HEADER_KEY = new RegExp(`(?:^|\\s)(${HEADER_KEYS.join('|')}):\\s`, 'gi');

/**
 * A leading header block: the lines before the first blank line, when each
 * starts with a known key. Returns its values by key and the text after it.
 */
export function readHeader(text: string): { values: Partial<Record<(typeof HEADER_KEYS)[number], string>>; rest: string } | undefined {
  const end = text.search(/\n[ \t]*\n/);
  if (end < 0) return undefined;
  const block = text.slice(0, end);
  const lines = block.split('\n').filter((l) => l.trim());
  const starts = new RegExp(`^(${HEADER_KEYS.join('|')}):\\s`, 'i');
  if (lines.length === 0 || !lines.every((l) => starts.test(l.trim()))) return undefined;
  const values: Partial<Record<(typeof HEADER_KEYS)[number], string>> = {};
  for (const line of lines) {
    const marks = [...line.matchAll(HEADER_KEY)];
    marks.forEach((m, i) => {
      const key = m[1]!.toLowerCase() as (typeof HEADER_KEYS)[number];
      const from = m.index! + m[0].length;
      const to = i + 1 < marks.length ? marks[i + 1]!.index! : line.length;
      const value = normaliseSpace(line.slice(from, to));
      if (value && values[key] === undefined) values[key] = value;
    });
  }
  return { values, rest: text.slice(end).replace(/^\s*\n/, '') };
}

// What a header's `license:` line says when the copy is not the whole text.
const INCOMPLETE = /\b(truncated|ends? early|ends mid|opening (?:portion )?only|extract|summary (?:section )?only|not included|excerpt|partial)\b/i;

/** Extracts a text or Markdown file. */
export function extractText(raw: string): Extraction {
  let text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const meta: FoundMetadata = {};
  let note: string | undefined;
  const header = /^---\n/.test(text) ? undefined : readHeader(text);
  if (header) {
    const h = header.values;
    meta.title = h.title;
    meta.publisher = h.publisher;
    // Only a full date the value starts with: "page undated; describes events 2018-09-26 to …"
    // and "2019-09/10 (exact day not known)" give none.
    const day = h.date ? /^(\d{4}-\d{2}-\d{2})(?=$|[\s;,(])/.exec(h.date)?.[1] : undefined;
    meta.date = day ? parseDate(day) : undefined;
    const url = /https?:\/\/\S+/.exec(h.source ?? h.url ?? '')?.[0]?.replace(/[),.;]+$/, '');
    if (isWebUrl(url)) meta.url = url;
    const license = h.license ?? '';
    if (h.note) note = h.note;
    else if (INCOMPLETE.test(license)) note = `Incomplete copy; the file's header says: ${license}`;
    text = header.rest;
  }
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (front) {
    let data: unknown;
    try {
      data = parseYaml(front[1]!);
    } catch {
      data = undefined;
    }
    if (data && typeof data === 'object') {
      const d = data as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' && normaliseSpace(v) ? normaliseSpace(v) : undefined);
      meta.title = str(d.title);
      meta.publisher = str(d.publisher);
      meta.date = d.date instanceof Date ? d.date.toISOString().slice(0, 10) : parseDate(str(d.date));
      if (isWebUrl(str(d.url))) meta.url = str(d.url);
      text = text.slice(front[0].length);
    }
  }
  let paragraphs = text
    .split(/\n[ \t]*\n/)
    .map(joinParagraph)
    .filter(Boolean);
  if (header) {
    // The header's title usually opens the text again as its heading.
    if (meta.title && paragraphs.length > 1 && normaliseSpace(paragraphs[0]!) === meta.title) paragraphs = paragraphs.slice(1);
  } else if (!front) {
    // A title line, then perhaps a dateline, before the text itself.
    const first = paragraphs[0];
    if (first && paragraphs.length > 1 && !first.includes('\n') && first.length <= MAX_TITLE_LENGTH && !/[.,;:!?"”]$/.test(first)) {
      meta.title = first;
      paragraphs = paragraphs.slice(1);
    }
    for (let i = 0; i < Math.min(HEADER_LINES, paragraphs.length - 1); i++) {
      const p = paragraphs[i]!;
      // A dateline is short and is not a sentence ("March 3, 2024", "By Jane Roe | 2024-03-03").
      if (p.length > 80 || /[.!?]$/.test(p)) break;
      const date = findDate(p);
      if (date) {
        meta.date = date;
        paragraphs = [...paragraphs.slice(0, i), ...paragraphs.slice(i + 1)];
        break;
      }
    }
  }
  return { format: 'text', paragraphs, meta, ...(note ? { note } : {}) };
}

/** One paragraph: wrapped lines joined with spaces, list items on lines of their own. */
function joinParagraph(block: string): string {
  const lines = block.split('\n').filter((l) => l.trim());
  const out: string[] = [];
  for (const line of lines) {
    const indent = /^\s*/.exec(line)![0].replace(/\t/g, '  ');
    if (LIST_ITEM.test(line) || !out.length) out.push((LIST_ITEM.test(line) ? indent.slice(0, 8) : '') + normaliseSpace(line));
    else out[out.length - 1] += ' ' + normaliseSpace(line);
  }
  return out.join('\n');
}
