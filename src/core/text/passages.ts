/**
 * Splits an article body into paragraphs and sentences, keeping character
 * offsets so every passage is an exact slice of the original text.
 *
 * Every split is one pass over the text (linear time, whatever it holds):
 * bodies come from saved web pages too, and a long run of one character
 * (200,000 spaces, 100,000 "!") made the earlier regular expressions retry
 * from every position of the run, which is quadratic (25k spaces 0.8 s, 50k 2.8 s).
 */
import type { Article, Passage } from '../model/types.ts';

// Words that end with a period without ending the sentence.
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc corp co ltd no vs etc jan feb mar apr jun jul aug sep
sept oct nov dec fig approx dept est e.g i.e u.s u.k u.n e.u a.m p.m`.split(/\s+/),
);

/** A paragraph: a run of text between blank lines, with its offset in the body. */
export interface Paragraph {
  text: string;
  start: number;
}

/** White space as in a regular expression's `\s`. */
const SPACE = /\s/;
const isSpace = (ch: string) => SPACE.test(ch);

/**
 * Splits a body into paragraphs on blank lines (lines of spaces and tabs
 * only). A paragraph starts at its first non-space character and ends where
 * the next blank line starts, or, for the last one, at its last non-space character.
 */
export function splitParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  // Where the body's trailing white space starts: no paragraph reaches past it.
  let tail = body.length;
  while (tail > 0 && isSpace(body[tail - 1]!)) tail--;
  let i = 0;
  while (i < tail) {
    while (i < tail && isSpace(body[i]!)) i++;
    if (i >= tail) break;
    const start = i;
    let end = tail;
    // The first "\n[ \t]*\n" after the start; each character is looked at once.
    for (let nl = body.indexOf('\n', start); nl !== -1 && nl < tail; ) {
      let k = nl + 1;
      while (k < body.length && (body[k] === ' ' || body[k] === '\t')) k++;
      if (body[k] === '\n') {
        end = nl;
        break;
      }
      nl = body.indexOf('\n', k);
    }
    out.push({ text: body.slice(start, end), start });
    i = end;
  }
  return out;
}

/**
 * Splits a paragraph into sentences: [start, end) offsets into `text`.
 * A boundary is ., ! or ? (plus closing quotes/brackets) followed by space and
 * an upper-case letter, digit or opening quote, unless the word before the
 * period is a known abbreviation or an initial.
 */
export function splitSentences(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const [from, to] of splitLines(text)) {
    const line = text.slice(from, to);
    let start = 0;
    for (let i = 0; i < line.length; ) {
      if (!STOPS.has(line[i]!)) {
        i++;
        continue;
      }
      // A run of stops, then closing quotes or brackets: both whole (a shorter
      // run would be followed by a stop or a closer, never by white space).
      const dot = i;
      while (i < line.length && STOPS.has(line[i]!)) i++;
      while (i < line.length && CLOSERS.has(line[i]!)) i++;
      const end = i;
      if (!startsSentence(line, end)) continue;
      if (line[dot] === '.' && !isRealStop(line, dot)) continue;
      pushSpan(text, from + start, from + end, spans);
      start = end;
    }
    pushSpan(text, from + start, to, spans);
  }
  return spans;
}

const STOPS = new Set(['.', '!', '?']);
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']']);
const OPENERS = new Set(['"', "'", '\u201c', '\u2018', '(', '[']);
const SENTENCE_START = /[\p{Lu}\d]/u;

/** True when white space, then maybe an opening quote or bracket, then an upper-case letter or a digit follow `at`. */
function startsSentence(line: string, at: number): boolean {
  let j = at;
  while (j < line.length && isSpace(line[j]!)) j++;
  if (j === at || j >= line.length) return false;
  if (OPENERS.has(line[j]!)) j++;
  const cp = line.codePointAt(j);
  return cp !== undefined && SENTENCE_START.test(String.fromCodePoint(cp));
}

// A list item, or a line after one that ends a clause, starts a new unit.
const LIST_ITEM = /^[ \t]*(?:[-\u2013\u2022*\u25aa\u25cf]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]+/;

const CLAUSE_ENDS = new Set(['.', ':', ';', '!', '?', '"', '\u201d']);

/** Splits a paragraph at line breaks that start a list item or follow a clause end. */
function splitLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  // The last non-space character seen, kept as we go (looking back from each break would be quadratic).
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\n') {
      if (!isSpace(ch)) last = i;
      continue;
    }
    const brk = i > 0 && text[i - 1] === '\r' ? i - 1 : i;
    const endsClause = last >= start && last < brk && CLAUSE_ENDS.has(text[last]!);
    if (endsClause || LIST_ITEM.test(text.slice(i + 1))) {
      out.push([start, brk]);
      start = i + 1;
    }
  }
  out.push([start, text.length]);
  return out;
}

function isRealStop(text: string, dot: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 20), dot));
  if (!before) return true;
  const word = before[1]!.toLowerCase();
  if (ABBREVIATIONS.has(word.replace(/\.$/, ''))) return false;
  // Initials such as "J." or "U.S" (before the final dot) are not sentence ends.
  return !/^(\p{L}\.)*\p{Lu}$/u.test(before[1]!);
}

function pushSpan(text: string, start: number, end: number, spans: [number, number][]): void {
  const marker = LIST_ITEM.exec(text.slice(start, end));
  if (marker) start += marker[0].length;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push([start, end]);
}

/** Cuts an article into sentence passages, each an exact slice of the body. */
export function articlePassages(article: Article): { passages: Passage[]; paragraphs: Paragraph[] } {
  const paragraphs = splitParagraphs(article.body);
  const passages: Passage[] = [];
  paragraphs.forEach((para, p) => {
    for (const [s, e] of splitSentences(para.text)) {
      const n = passages.length;
      passages.push({
        id: `${article.id}#${n}`,
        articleId: article.id,
        paragraph: p,
        sentence: n,
        text: para.text.slice(s, e),
        start: para.start + s,
      });
    }
  });
  return { passages, paragraphs };
}
