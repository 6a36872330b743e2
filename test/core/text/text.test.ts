import fc from 'fast-check';
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../../src/core/engine.ts';
import { article, makeKnowledge } from '../../helpers/knowledge.ts';
import { analyze, words } from '../../../src/core/text/analyzer.ts';
import { cleanInput, containsQuote, foldTypography, matchKey } from '../../../src/core/text/normalise.ts';
import { splitParagraphs, splitSentences } from '../../../src/core/text/passages.ts';
import { questionNamePhrases } from '../../../src/core/text/named-entities.ts';

const SEED = { seed: 20261123, numRuns: 500 };

describe('analyzer', () => {
  it('lower-cases, drops stop words and stems', () => {
    expect(analyze('What tariffs do the Japanese cars pay?')).toEqual(['tariff', 'japanes', 'car', 'pai']);
  });
  it('keeps amounts: % is "percent", thousands separators go, decimals stay', () => {
    expect(words('25% of $67.6 billion, 1,000 cars')).toEqual(['25', 'percent', 'of', '67.6', 'billion', '1000', 'cars']);
  });
  it('treats each CJK character as a word and folds full-width forms', () => {
    expect(analyze('日本の車 ＴＡＲＩＦＦ')).toEqual(['日', '本', 'の', '車', 'tariff']);
  });
  it('reads "U.S.", "US" and "USA" as the country, not as the stop word "us"', () => {
    expect(analyze('U.S. exports')).toEqual(['usa', 'export']);
    expect(analyze('US exports')).toEqual(['usa', 'export']);
    expect(analyze('the U.S.A. and the USA')).toEqual(['usa', 'usa']);
    expect(analyze('the U.S.-Japan deal')).toEqual(['usa', 'japan', 'deal']);
    // The pronoun stays a stop word, and capitals inside a word are not the country.
    expect(analyze('tell us about USB and USAID')).toEqual(['usb', 'usaid']);
  });

  it('reads a dotted abbreviation as the word its letters spell', () => {
    expect(analyze('at the U.N. in New York')).toEqual(analyze('at the UN in New York'));
    expect(analyze('E.U. rules, U.K. ports')).toEqual(['eu', 'rule', 'uk', 'port']);
    // A decimal or a version number is not an abbreviation.
    expect(words('3.5 percent')).toEqual(['3.5', 'percent']);
  });
  it('expands month abbreviations', () => {
    expect(analyze('Aug. 28')).toEqual(analyze('August 28'));
  });
  it('never throws and returns no empty or stop-word terms, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const terms = analyze(s);
        return terms.every((t) => t.length > 0 && t !== 'the' && t !== 'and');
      }),
      SEED,
    );
  });
});

describe('questionNamePhrases', () => {
  it('groups the capitalised words a space joins into one name, ends a name at a possessive or other word', () => {
    expect(questionNamePhrases('How much has South Korea pledged under its deal with Trump?')).toEqual([['south', 'korea'], ['trump']]);
    expect(questionNamePhrases("What rate did Trump's letter set for Korea?")).toEqual([['trump'], ['korea']]);
    expect(questionNamePhrases('Did Howard Lutnick say Toyota, Honda would pay?')).toEqual([['howard', 'lutnick'], ['toyota'], ['honda']]);
    expect(questionNamePhrases('what did they say?')).toEqual([]);
  });
});

describe('normalise', () => {
  it('folds typography: curly quotes, dashes, no-break spaces', () => {
    expect(foldTypography('U.S.\u2013Japan \u201cdeal\u201d it\u2019s $40\u00a0billion')).toBe('U.S.-Japan "deal" it\'s $40 billion');
  });
  it('finds quotes across typography and white space, not across words', () => {
    expect(containsQuote('He said \u201cno\u201d\n to  it.', 'he said "no" to it')).toBe(true);
    expect(containsQuote('He said no to it.', 'he said yes')).toBe(false);
    expect(containsQuote('anything', '   ')).toBe(false);
  });
  it('cleanInput removes control characters, bidi marks and lone surrogates but keeps emoji and Japanese', () => {
    expect(cleanInput('\u202ejapan\u0007 autos\ud800 😀 日本')).toBe('japan autos 😀 日本');
  });
  it('matchKey is idempotent and cleanInput output is well-formed, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const k = matchKey(s);
        const c = cleanInput(s);
        const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
        return matchKey(k) === k && !loneSurrogate.test(c) && !/[\u0000-\u0008\u200e\u200f\u202a-\u202e]/.test(c);
      }),
      SEED,
    );
  });
});

describe('sentence splitting', () => {
  it('does not split after abbreviations or initials', () => {
    const text = 'U.S. Trade Representative Robert E. Lighthizer met Mr. Motegi at the U.N. in New York. They talked.';
    const spans = splitSentences(text).map(([s, e]) => text.slice(s, e));
    expect(spans).toEqual(['U.S. Trade Representative Robert E. Lighthizer met Mr. Motegi at the U.N. in New York.', 'They talked.']);
  });
  it('splits list items onto their own, without the bullet', () => {
    const text = 'Key terms:\n- Japan will buy rice.\n  - Tariffs fall to 15%.';
    expect(splitSentences(text).map(([s, e]) => text.slice(s, e))).toEqual(['Key terms:', 'Japan will buy rice.', 'Tariffs fall to 15%.']);
  });
  it('splits after a closing quote', () => {
    const text = 'He called it “a big deal.” Others disagreed.';
    expect(splitSentences(text).map(([s, e]) => text.slice(s, e))).toEqual(['He called it “a big deal.”', 'Others disagreed.']);
  });
  it('gives spans that are exact, ordered, non-overlapping slices, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        let last = 0;
        for (const p of splitParagraphs(text)) {
          expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
          for (const [s, e] of splitSentences(p.text)) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(e).toBeGreaterThan(s);
            expect(p.start + s).toBeGreaterThanOrEqual(last);
            last = p.start + e;
          }
        }
      }),
      SEED,
    );
  });
});

/**
 * The splitters before they were made linear (issue 10, item 1): regular
 * expressions that retry from every position of a long run. Kept here only as
 * an oracle on short texts, where the new one-pass splitters must agree exactly.
 */
const oracle = {
  paragraphs(body: string) {
    return [...body.matchAll(/\S[\s\S]*?(?=\n[ \t]*\n|\s*$)/g)].map((m) => ({ text: m[0], start: m.index }));
  },
  sentences(text: string): [number, number][] {
    const LIST_ITEM = /^[ \t]*(?:[-\u2013\u2022*\u25aa\u25cf]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]+/;
    const lines: [number, number][] = [];
    let from = 0;
    for (const m of text.matchAll(/\r?\n/g)) {
      if (LIST_ITEM.test(text.slice(m.index + m[0].length)) || /[.:;!?"\u201d]$/.test(text.slice(from, m.index).trimEnd())) {
        lines.push([from, m.index]);
        from = m.index + m[0].length;
      }
    }
    lines.push([from, text.length]);
    const spans: [number, number][] = [];
    const push = (s: number, e: number) => {
      const marker = LIST_ITEM.exec(text.slice(s, e));
      if (marker) s += marker[0].length;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) spans.push([s, e]);
    };
    const ABBR = new Set('mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc corp co ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec fig approx dept est e.g i.e u.s u.k u.n e.u a.m p.m'.split(' '));
    const realStop = (line: string, dot: number) => {
      const before = /([\p{L}.]+)$/u.exec(line.slice(Math.max(0, dot - 20), dot));
      if (!before) return true;
      if (ABBR.has(before[1]!.toLowerCase().replace(/\.$/, ''))) return false;
      return !/^(\p{L}\.)*\p{Lu}$/u.test(before[1]!);
    };
    for (const [a, b] of lines) {
      const line = text.slice(a, b);
      let start = 0;
      for (const m of line.matchAll(/[.!?]+["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[]?[\p{Lu}\d])/gu)) {
        const end = m.index + m[0].length;
        if (m[0].startsWith('.') && !realStop(line, m.index)) continue;
        push(a + start, a + end);
        start = end;
      }
      push(a + start, b);
    }
    return spans;
  },
};

/** Runs of every kind of character the splitters treat specially, and some they do not. */
const RUN_CHARS: Record<string, string> = {
  space: ' ', tab: '\t', 'no-break space': '\u00a0', 'ideographic space': '\u3000', 'line separator': '\u2028', 'form feed': '\f', 'carriage return': '\r',
  newline: '\n', 'newline + space': '\n ', 'blank line': '\n\n', '!': '!', '.': '.', '?': '?', '. ': '. ', '!)': '!)', 'closing quote': '\u201d', ')': ')',
  '-': '-', '*': '*', '#': '#', '…': '…', emoji: '😀', letter: 'a', digit: '7', 'zero-width space': '\u200b', 'list item': '\n- ', 'numbered item': '\n1. ',
};

describe('splitting is linear in any run of one character (issue 10, item 1)', () => {
  const pieces = fc.constantFrom('The tariff is 15 percent.', 'U.S. officials met Mr. Motegi.', 'Key terms:', '- rice', '1. autos', '“a big deal.”', ' ', '\n', '\n\n', '\n \n', '\t', '\u00a0', '!', '.', '?', '!!', ')', '”', '"', 'a', 'B', '7', '\r\n');
  it('agrees exactly with the old splitter on short texts (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), fc.string({ maxLength: 200 })), (text) => {
        expect(splitParagraphs(text)).toEqual(oracle.paragraphs(text));
        for (const p of oracle.paragraphs(text)) expect(splitSentences(p.text)).toEqual(oracle.sentences(p.text));
      }),
      { seed: 1, numRuns: 3000 },
    );
  });

  // One million of a character between two sentences: quadratic splitting takes
  // about 20 minutes at this size (0.8 s at 25k, 2.8 s at 50k), linear well under a second.
  for (const [name, ch] of Object.entries(RUN_CHARS)) {
    it(`a run of a million ${name} characters`, { timeout: 20_000 }, () => {
      for (const next of [' The second sentence.', ' the second sentence.', 'x']) {
        const body = `The first sentence. ${ch.repeat(Math.ceil(1_000_000 / ch.length))}${next}`;
        const paragraphs = splitParagraphs(body);
        expect(paragraphs.length).toBeGreaterThan(0);
        expect(paragraphs[0]!.text.startsWith('The first sentence.')).toBe(true);
        let sentences = 0;
        for (const p of paragraphs) sentences += splitSentences(p.text).length;
        expect(sentences).toBeGreaterThan(0);
      }
    });
  }
});

describe('the probe’s articles load, index and answer (issue 10, item 1)', () => {
  // Before: about 60 s to the first answer for each; now well under a second of splitting.
  it('200,000 spaces, and 100,000 "!", between two sentences', { timeout: 30_000 }, async () => {
    for (const run of [' '.repeat(200_000), '!'.repeat(100_000)]) {
      const dir = await makeKnowledge({ 'articles/runs.md': article({ title: 'Runs', date: '2024-01-01' }, `Widget tariffs fall to 10 percent next year.${run} the widget quota stays at 500 tons.\n`) });
      try {
        const answer = (await loadEngine(dir)).ask('What is the widget quota?');
        expect(answer.citations[0]?.quote).toMatch(/500 tons/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });
});
