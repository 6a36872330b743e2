import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, words } from '../../../src/core/text/analyzer.ts';
import { cleanInput, containsQuote, foldTypography, matchKey } from '../../../src/core/text/normalise.ts';
import { splitParagraphs, splitSentences } from '../../../src/core/text/passages.ts';

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
