/**
 * Plain text (`.txt`) and Markdown (`.md`): paragraphs are separated by blank
 * lines; inside a paragraph, hard-wrapped lines are joined with a space and
 * list items keep their own lines. A Markdown file with front matter gives its
 * title, date, publisher and URL. Without front matter, a short first line with
 * no closing punctuation is the title, and a date in the lines before the text
 * proper (a dateline) is the date; lines used that way are not part of the body.
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

/** Extracts a text or Markdown file. */
export function extractText(raw: string): Extraction {
  let text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const meta: FoundMetadata = {};
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
  if (!front) {
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
  return { format: 'text', paragraphs, meta };
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
