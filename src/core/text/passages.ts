/**
 * Splits an article body into paragraphs and sentences, keeping character
 * offsets so every passage is an exact slice of the original text.
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

/** Splits a body into paragraphs on blank lines. */
export function splitParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\S[\s\S]*?(?=\n[ \t]*\n|\s*$)/g;
  for (const m of body.matchAll(re)) out.push({ text: m[0], start: m.index });
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
    const boundary = /[.!?]+["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[]?[\p{Lu}\d])/gu;
    const line = text.slice(from, to);
    let start = 0;
    for (const m of line.matchAll(boundary)) {
      const end = m.index + m[0].length;
      if (m[0].startsWith('.') && !isRealStop(line, m.index)) continue;
      pushSpan(text, from + start, from + end, spans);
      start = end;
    }
    pushSpan(text, from + start, to, spans);
  }
  return spans;
}

// A list item, or a line after one that ends a clause, starts a new unit.
const LIST_ITEM = /^[ \t]*(?:[-\u2013\u2022*\u25aa\u25cf]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]+/;

/** Splits a paragraph at line breaks that start a list item or follow a clause end. */
function splitLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(/\r?\n/g)) {
    const next = text.slice(m.index + m[0].length);
    const prev = text.slice(start, m.index).trimEnd();
    if (LIST_ITEM.test(next) || /[.:;!?"\u201d]$/.test(prev)) {
      out.push([start, m.index]);
      start = m.index + m[0].length;
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
