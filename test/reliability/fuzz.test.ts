/**
 * Fuzzing with fast-check, fixed seeds (the same cases every run, in CI too):
 * the query parser and the normaliser on any Unicode text, and both renderers
 * on answers made of hostile text (mentions, link syntax, markup, control and
 * bidi characters, Japanese, emoji, huge strings). Every platform limit and
 * escaping invariant is checked on every case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkComponentLimits, checkLimits } from '../helpers/discord-limits.ts';
import { checkSlackLimits } from '../helpers/slack-limits.ts';
import { answerPayload } from '../../src/adapters/discord/payload.ts';
import type { Answer, AnswerKind, Citation, Fact } from '../../src/core/model/types.ts';
import { cleanInput, foldTypography, matchKey } from '../../src/core/text/normalise.ts';
import { parseQuery } from '../../src/core/query/parse.ts';
import { renderDiscord } from '../../src/render/discord.ts';
import { isEphemeral, renderSlack } from '../../src/render/slack.ts';
import { openEngine } from '../../src/startup.ts';

const SEED = 6_000_006;
const PARSER_RUNS = { seed: SEED, numRuns: 1000 };
const RENDER_RUNS = { seed: SEED, numRuns: 300 };
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const atoms = fc.constantFrom(
  '<!channel>', '<!here>', '<!everyone>', '<@U123>', '<@U123|bob>', '<#C1|general>', '<!subteam^S1>', '<http://evil.example|click>', '<https://x.example>',
  '@everyone', '@here', '<@123456789012345678>', '<@!42>', '<@&77>', '<#999>', '[click](http://evil.example)', '](', '[', ']', '(', ')',
  '&', '&amp;', '&lt;', '<', '>', '> ', '# ', '- ', '1. ', '*', '_', '~', '`', '```', '|', '||', '\\', '\n', '\n\n', ' ', '\t',
  '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u202e', '\u202c', '\u200f', '\u200e', '\u200b', '\ufeff',
  '日本の自動車関税', '関税', '😀', '🇯🇵', '👍🏽', '…', 'tariff ', 'https://example.com/a_b?c=1&d=2',
);
/** Hostile text: atoms mixed with arbitrary well-formed Unicode. */
const text = (maxParts: number) => fc.array(fc.oneof(atoms, fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: maxParts }).map((p) => p.join(''));
const big = fc.oneof({ weight: 4, arbitrary: text(12) }, { weight: 1, arbitrary: text(200) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 3000, maxLength: 7000 }) });
const url = fc.option(fc.oneof(fc.webUrl(), fc.constant('https://example.com/a?b=1&c=2'), fc.constant('http://evil.example/|<!channel>'), fc.constant('javascript:alert(1)'), text(3)), { nil: undefined });

const citation: fc.Arbitrary<Citation> = fc.record({
  articleId: fc.stringMatching(/^[a-z0-9_-]{1,30}$/),
  title: text(8),
  publisher: fc.option(text(4), { nil: undefined }),
  date: fc.oneof(fc.constant('2024-03-01'), text(2)),
  url,
  reliability: fc.constantFrom('high' as const, 'normal' as const, 'low' as const),
  note: fc.option(text(6), { nil: undefined }),
  quote: big,
  era: text(3),
  alsoReportedBy: fc.array(fc.record({ articleId: fc.string(), publisher: fc.option(text(3), { nil: undefined }), title: text(4), date: text(2) }), { maxLength: 4 }),
});
const fact: fc.Arbitrary<Fact> = fc.record({ id: fc.string(), statement: big, asOf: text(2), articleId: fc.string(), quote: fc.string(), file: fc.string() });
const answer: fc.Arbitrary<Answer> = fc.record({
  kind: fc.constantFrom<AnswerKind>('answer', 'briefing', 'abstain', 'deals', 'sources', 'help', 'error'),
  question: fc.oneof(text(10), fc.string({ unit: 'grapheme', maxLength: 1000 })),
  answered: fc.boolean(),
  headline: big,
  citations: fc.array(citation, { maxLength: 40 }),
  facts: fc.array(fact, { maxLength: 15 }),
  notes: fc.array(text(10), { maxLength: 5 }),
  lines: fc.array(fc.oneof(text(8), big), { maxLength: 80 }),
});

/** Every string anywhere in a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('fuzz: query parser and normaliser (any Unicode)', async () => {
  const engine = await openEngine();
  const { deals, topics } = engine.corpus;

  it('parseQuery never throws and gives well-formed concepts and weights', () => {
    fc.assert(
      fc.property(fc.oneof(text(20), fc.string({ unit: 'binary', maxLength: 500 })), (s) => {
        const q = parseQuery(s, deals, topics);
        for (const c of q.concepts) expect(c.stems.every((x) => x.length > 0)).toBe(true);
        for (const w of q.terms.values()) expect(w > 0 && w <= 1).toBe(true);
      }),
      PARSER_RUNS,
    );
  });

  it('cleanInput leaves no control, bidi or lone-surrogate character; matchKey and foldTypography are idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(text(20), fc.string({ unit: 'binary', maxLength: 500 })), (s) => {
        const c = cleanInput(s);
        expect(c).not.toMatch(LONE_SURROGATE);
        expect(c).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
        expect(matchKey(matchKey(s))).toBe(matchKey(s));
        expect(foldTypography(foldTypography(s))).toBe(foldTypography(s));
      }),
      PARSER_RUNS,
    );
  });
});

describe('fuzz: renderSlack (hostile answers)', () => {
  it('keeps every Slack limit (numbers from Slack\'s docs, test/helpers/slack-limits.ts)', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const m = renderSlack(a);
        checkSlackLimits(m, isEphemeral(a));
        expect(m.unfurl_links).toBe(false);
      }),
      RENDER_RUNS,
    );
  });

  it('lets nothing form a mention, broadcast or link except links to the cited sources; well-formed text', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const m = renderSlack(a);
        const allowed = new Set(a.citations.map((c) => c.url?.replace(/&/g, '&amp;')));
        for (const s of strings(m)) {
          expect(s).not.toMatch(/<[!@#]/);
          expect(s).not.toMatch(/&(?!amp;|lt;|gt;)/);
          expect(s).not.toMatch(LONE_SURROGATE);
          for (const link of s.matchAll(/<([^>]*)>?/g)) {
            const [target, label] = link[1]!.split('|');
            expect(link[0].endsWith('>')).toBe(true);
            expect(target).toMatch(/^https?:\/\//);
            expect(allowed.has(target)).toBe(true);
            expect(label).toBeDefined();
          }
        }
      }),
      RENDER_RUNS,
    );
  });
});

describe('fuzz: renderDiscord (hostile answers)', () => {
  it('keeps every Discord limit, vote buttons included, and sends no allowed mentions (numbers from Discord\'s docs)', () => {
    fc.assert(
      fc.property(answer, (a) => {
        // The exact body the adapter sends: the rendered message plus the 👍/👎 row.
        const payload = answerPayload(a);
        checkLimits(payload);
        checkComponentLimits(payload.components);
      }),
      RENDER_RUNS,
    );
  });

  it('keeps Discord\'s component limits on the vote buttons, however many and however long the cited article ids', () => {
    const cited: Citation = { articleId: 'x', title: 'A title', date: '2024-03-01', reliability: 'normal', quote: 'A quote.', era: 'an era', alsoReportedBy: [] };
    // Many long ids, so the custom_id (which carries them) is pushed past 100 characters unless it is cut.
    const ids = fc.array(fc.stringMatching(/^[a-z0-9_-]{8,40}$/), { minLength: 1, maxLength: 60, size: 'max' });
    fc.assert(
      fc.property(answer, ids, (a, articleIds) => {
        const payload = answerPayload({ ...a, kind: 'answer', answered: true, citations: articleIds.map((articleId) => ({ ...cited, articleId })) });
        expect(payload.components.length).toBe(1);
        checkComponentLimits(payload.components);
      }),
      RENDER_RUNS,
    );
  });

  it('breaks every mention, masks links only to cited sources, and keeps text well-formed', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const m = renderDiscord(a);
        const allowed = new Set(a.citations.map((c) => c.url));
        for (const s of strings({ content: m.content, embeds: m.embeds })) {
          expect(s).not.toMatch(/@(?!\u200b)(everyone|here)/i);
          expect(s).not.toMatch(/<[@#](?!\u200b)/);
          expect(s).not.toMatch(LONE_SURROGATE);
        }
        // Masked links (`[label](url)`, unescaped `](`) render in descriptions and field values only.
        const rendered = m.embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]);
        for (const s of rendered) for (const link of s.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)) expect(allowed.has(link[1]!)).toBe(true);
      }),
      RENDER_RUNS,
    );
  });
});
