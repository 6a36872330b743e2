/**
 * Discord rendering: snapshots of fixed answers (layout), and fast-check
 * properties that every Discord limit holds and nothing can ping, for any answer.
 */
import fc from 'fast-check';
import { checkLimits } from '../helpers/discord-limits.ts';
import { activeMarkup, foreignText } from '../helpers/discord-markup.ts';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerKind, Citation, Fact } from '../../src/core/model/types.ts';
import {
  escapeDiscord,
  escapeMarkdown,
  neutraliseLinks,
  neutraliseMentions,
  renderDiscord,
  renderDiscordNotice,
  safeContent,
  truncate,
  unescapeMarkdown,
  wrapLinks,
  type DiscordMessage,
} from '../../src/render/discord.ts';

const PINGABLE = /@(everyone|here)|<@[!&]?\d+>|<#\d+>/i;

function citation(over: Partial<Citation> = {}): Citation {
  return {
    articleId: 'ref03-wh-factsheet-2025-09-05',
    title: 'Fact Sheet: U.S.-Japan Framework Agreement',
    publisher: 'The White House',
    date: '2025-09-05',
    url: 'https://www.whitehouse.gov/fact-sheets/2025/09/japan/',
    reliability: 'high',
    quote: 'The United States will apply a baseline 15 percent tariff on nearly all Japanese imports, including automobiles and auto parts.',
    era: '2025 agreement',
    alsoReportedBy: [],
    ...over,
  };
}

function fact(over: Partial<Fact> = {}): Fact {
  return { id: 'auto-15', statement: 'Japanese cars pay 15% in total.', asOf: '2025-09-04', articleId: 'ref02', quote: 'shall be 15 percent', file: 'facts/x.yaml', ...over };
}

function answer(over: Partial<Answer> = {}): Answer {
  return { kind: 'answer', question: 'what tariff do Japanese cars pay now?', answered: true, headline: 'Japanese cars pay 15% in total.', citations: [], facts: [], notes: [], lines: [], ...over };
}

/** Every string Discord shows from a message. */
function texts(m: DiscordMessage): string[] {
  return [m.content, ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])];
}


const norm = (s: string) => s.replaceAll('\u200b', '').replace(/\s+/g, ' ').trim();

/** Markdown Discord renders (Markdown Text 101): emphasis, code, spoilers, masked links, headings, subtext, quotes, lists. */
const MARKDOWN_TOKENS = ['**bold**', '*it*', '__under__', '_it_', '~~gone~~', '`tick`', '```code```', '||spoiler||', '[click](http://e.x)', '# ', '## ', '-# ', '> ', '>>> ', '- ', '* ', '1. '];
/** Markdown plus Discord's angle-bracket tokens, @everyone/@here and scheme links (Message Formatting). */
const NASTY_TOKENS = [...MARKDOWN_TOKENS, '</deal:1>', '<t:1:R>', '<:e:1>', '<a:e:2>', '<@1>', '<@&2>', '<#3>', '<id:browse>', '@here', '@everyone', 'https://e.x/a'];

/**
 * Text with at least one of `tokens` in it, at the start of a line (where line
 * markup is live), among more tokens, line breaks, backslashes (an escape must
 * escape them too, or `\*` would show as `*`) and `filler`.
 */
function withMarkup(tokens: readonly string[], filler: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const part = fc.oneof(fc.constantFrom(...tokens, '\n', '\\', '\\*'), filler);
  return fc
    .tuple(fc.array(part, { maxLength: 6 }), fc.constantFrom(...tokens), fc.array(part, { maxLength: 6 }))
    // Two line breaks: a backslash just before would take the first.
    .map(([before, token, after]) => [...before, '\n\n', token, ...after].join(''));
}

/**
 * What Discord shows for text with no live markup left, as Markdown defines it
 * (CommonMark: a backslash before ASCII punctuation shows that character, any
 * other backslash is literal), with zero-width spaces invisible. The test's own
 * model, so an escape and unescapeMarkdown that are wrong the same way cannot pass.
 */
const shownByDiscord = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replaceAll('\u200b', '');

describe('renderDiscord snapshots', () => {
  it('an answer: headline, facts, one field per quote with source, era, link and flags, conflict note, footer', () => {
    const a = answer({
      citations: [
        citation({ alsoReportedBy: [{ articleId: 'ref02', publisher: 'Federal Register', title: 'EO 14345', date: '2025-09-04' }] }),
        citation({ articleId: 'blog-1', publisher: 'Trade Blog', reliability: 'low', note: 'machine-paraphrased copy', url: undefined, quote: 'Cars from Japan face *25%* tariffs, says @everyone at <@123>.', era: '2019 agreement', date: '2019-09-23' }),
      ],
      facts: [fact(), fact({ id: 'f2', statement: 'Before the deal, cars paid 2.5% plus 25% under section 232.', asOf: '2019-09-23' })],
      notes: ['Figures for auto tariff differ by date: 25% as of 2019-09-23; 15% as of 2025-09-04.'],
    });
    expect(renderDiscord(a)).toMatchSnapshot();
  });

  it('a briefing, the deal list, the source list, help and an abstention', () => {
    expect(renderDiscord(answer({ kind: 'briefing', question: 'japan autos', headline: 'United States–Japan: Autos', citations: [citation()], facts: [fact()] }))).toMatchSnapshot();
    expect(renderDiscord(answer({ kind: 'deals', question: '', headline: 'I know 2 deal(s).', lines: ['U.S.-Japan Trade Agreement (2019): in force 2020-01-01', 'U.S.-Japan Agreement (2025): announced 2025-07-22'] }))).toMatchSnapshot();
    expect(renderDiscord(answer({ kind: 'sources', question: '', headline: '2 source(s), newest first.', lines: ['2025-09-05: Fact Sheet (The White House; reliability high) https://www.whitehouse.gov/x', '2019-09-23: Blog post (Trade Blog; reliability low: paraphrased)'] }))).toMatchSnapshot();
    expect(renderDiscord(answer({ kind: 'help', question: '', headline: 'dealdesk: cited answers on trade deals', lines: ['/deal japan autos  |  /deal: Briefing on a trade deal', '/ask what tariff?: Ask a question'] }))).toMatchSnapshot();
    expect(renderDiscord(answer({ kind: 'abstain', question: 'what about bananas?', answered: false, headline: 'I have no source on that.', lines: ['I cover: autos, agriculture.'] }))).toMatchSnapshot();
  });

  it('an error is plain content: links and mentions broken, markdown escaped', () => {
    const m = renderDiscord(answer({ kind: 'error', answered: false, headline: 'Bad input @everyone, see https://example.com/help and <@42> *now*' }));
    expect(m).toMatchSnapshot();
    expect(m.content).toBe('Bad input @\u200beveryone, see https:\u200b//example.com/help and <@\u200b42> \\*now\\*');
  });

  it('neutralises every Discord markup in text that is not ours, in the title, description, field names and values', () => {
    const hostile = [
      '</deal:1234> <t:1:R> <t:1700000000:F> <:pepe:123> <a:dance:456> <id:customize> <@&7> <#8> <@9> @everyone @here',
      '[click](http://evil.example) ||spoiler|| ```code``` `tick` **bold** __under__ ~~gone~~ https://evil.example/x',
    ].join(' ');
    const a = answer({
      question: `${hostile} what tariff?`,
      headline: `# ${hostile}`,
      lines: [`> ${hostile}`, `-# ${hostile}`, `1. ${hostile}`],
      facts: [fact({ statement: hostile })],
      notes: [hostile],
      citations: [citation({ quote: `## ${hostile}`, publisher: `* ${hostile}`, title: hostile, note: hostile, reliability: 'low', era: hostile, alsoReportedBy: [{ articleId: 'x', publisher: hostile, title: hostile, date: hostile }] })],
    });
    for (const kind of ['answer', 'briefing', 'abstain'] as const) {
      const m = renderDiscord({ ...a, kind });
      checkLimits(m);
      for (const { where, text } of foreignText(m)) expect(activeMarkup(text), `${kind}: ${where}: ${text.slice(0, 80)}`).toEqual([]);
      // Still readable: the words are all there once escapes and zero-width spaces are gone.
      expect(norm(unescapeMarkdown(m.embeds[0]!.title!))).toContain('</deal:1234> <t:1:R>');
    }
  });

  it('a long answer drops whole quotes and says how many more sources there are; a huge quote is cut at a word', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const a = answer({ citations: [citation({ quote: words(400) }), ...Array.from({ length: 12 }, (_, i) => citation({ articleId: `a${i}`, quote: `${words(120)} end${i}.` }))] });
    const m = renderDiscord(a);
    checkLimits(m);
    const fields = m.embeds[0]!.fields!;
    const hidden = a.citations.length - fields.length;
    expect(hidden).toBeGreaterThan(0);
    expect(m.embeds[0]!.footer!.text).toBe(`dealdesk · quotes are verbatim; check the source · ${hidden} more sources not shown`);
    const first = fields[0]!.value.split('\n')[0]!;
    expect(first).toMatch(/ word\d+…$/);
    expect(m).toMatchSnapshot();
  });
});

describe('safety helpers', () => {
  it('neutraliseMentions breaks every kind of mention and angle-bracket token', () => {
    expect(neutraliseMentions('@everyone @here <@1> <@!2> <@&3> <#4>')).not.toMatch(PINGABLE);
    expect(neutraliseMentions('mail me at a@b.c').replaceAll('\u200b', '')).toBe('mail me at a@b.c');
    for (const token of ['</deal:1234>', '<t:1:R>', '<T:1:R>', '<:pepe:1>', '<a:dance:2>', '<id:browse>']) {
      const out = neutraliseMentions(token);
      expect(activeMarkup(out), token).toEqual([]);
      expect(out.replaceAll('\u200b', '')).toBe(token);
    }
    // An ordinary "<" stays as it is.
    expect(neutraliseMentions('a < b and <b>')).toBe('a < b and <b>');
  });

  it('neutraliseLinks breaks scheme links, and escapeDiscord leaves nothing live', () => {
    expect(neutraliseLinks('see https://a.b/c or ftp://x')).toBe('see https:\u200b//a.b/c or ftp:\u200b//x');
    expect(neutraliseLinks('ratio 3:1, time 10:30')).toBe('ratio 3:1, time 10:30');
    fc.assert(
      fc.property(withMarkup(NASTY_TOKENS, fc.string({ maxLength: 6 })), (t) => {
        const escaped = escapeDiscord(t);
        // Every case holds live markup, so an escape that does nothing fails here.
        expect(activeMarkup(t)).not.toEqual([]);
        expect(activeMarkup(escaped)).toEqual([]);
        // Reads the same: by the test's own model of Discord's display, and by unescapeMarkdown.
        expect(shownByDiscord(escaped)).toBe(t.replaceAll('\u200b', ''));
        expect(unescapeMarkdown(escaped).replaceAll('\u200b', '')).toBe(t.replaceAll('\u200b', ''));
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('wrapLinks wraps bare links once', () => {
    expect(wrapLinks('see https://a.b/c and <https://d.e/f>')).toBe('see <https://a.b/c> and <https://d.e/f>');
  });

  it('truncate cuts at a word boundary with an ellipsis', () => {
    expect(truncate('the quick brown fox jumps', 16)).toBe('the quick brown…');
    expect(truncate('short', 16)).toBe('short');
  });

  it('renderDiscordNotice is safe content', () => {
    expect(renderDiscordNotice('hi @here')).toEqual({ content: 'hi @\u200bhere', embeds: [], allowedMentions: { parse: [] } });
  });

  it('escapeMarkdown round-trips and leaves no live markdown (property)', () => {
    // Markdown only (mentions and links are neutraliseMentions' and neutraliseLinks' job).
    const markdown = (t: string) => activeMarkup(t).filter((f) => !/token|@|link/.test(f));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme-ascii' }), withMarkup(MARKDOWN_TOKENS, fc.string({ unit: 'grapheme-ascii', maxLength: 6 }))), (s) => {
        const escaped = escapeMarkdown(s);
        expect(unescapeMarkdown(escaped)).toBe(s);
        expect(shownByDiscord(escaped)).toBe(s);
        expect(markdown(escaped)).toEqual([]);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('escapeMarkdown changes text that has live markdown and leaves none (an escape that does nothing fails)', () => {
    const markdown = (t: string) => activeMarkup(t).filter((f) => !/token|@|link/.test(f));
    fc.assert(
      fc.property(withMarkup(MARKDOWN_TOKENS, fc.string({ unit: 'grapheme-ascii', maxLength: 6 })), (s) => {
        expect(markdown(s)).not.toEqual([]);
        const escaped = escapeMarkdown(s);
        expect(markdown(escaped)).toEqual([]);
        expect(shownByDiscord(escaped)).toBe(s);
      }),
      { seed: 71, numRuns: 500 },
    );
  });
});

// ---- properties over arbitrary answers ----

const nasty = fc.constantFrom('@everyone', '@here', '<@123456>', '<@!42>', '<@&77>', '<#999>', '@', '<', '#', '>', '-', '*', '_', '~', '`', '|', '\\', '[', ']', '(', ')', 'https://example.com/a_b', 'http://x.y/@everyone', '\n', '  ', '…', '😀', '\u200b');
const text = (max: number) =>
  fc.array(fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.lorem({ maxCount: 3 })), { maxLength: max }).map((parts) => parts.join(''));
const bigText = fc.oneof(text(8), text(60), fc.string({ minLength: 1000, maxLength: 5000 }));

const arbCitation: fc.Arbitrary<Citation> = fc.record({
  articleId: fc.string({ minLength: 1, maxLength: 40 }),
  title: text(10),
  publisher: fc.option(text(6), { nil: undefined }),
  date: fc.oneof(fc.constant('2025-09-05'), text(3)),
  url: fc.option(fc.oneof(fc.webUrl(), text(4)), { nil: undefined }),
  reliability: fc.constantFrom('high', 'normal', 'low'),
  note: fc.option(text(10), { nil: undefined }),
  quote: bigText,
  era: text(3),
  alsoReportedBy: fc.array(fc.record({ articleId: fc.string(), publisher: fc.option(text(3), { nil: undefined }), title: text(5), date: text(2) }), { maxLength: 30 }),
});
const arbFact: fc.Arbitrary<Fact> = fc.record({ id: fc.string(), statement: bigText, asOf: text(2), articleId: fc.string(), quote: fc.string(), file: fc.string() });
const arbAnswer: fc.Arbitrary<Answer> = fc.record({
  kind: fc.constantFrom<AnswerKind>('answer', 'briefing', 'abstain', 'deals', 'sources', 'help', 'error'),
  question: fc.oneof(text(6), fc.string({ maxLength: 1200 })),
  answered: fc.boolean(),
  headline: bigText,
  citations: fc.array(arbCitation, { maxLength: 40 }),
  facts: fc.array(arbFact, { maxLength: 12 }),
  notes: fc.array(bigText, { maxLength: 6 }),
  lines: fc.array(fc.oneof(text(6), fc.string({ maxLength: 600 })), { maxLength: 400 }),
});

describe('renderDiscord properties (any answer)', () => {
  it('every Discord limit holds and allowedMentions is always empty', () => {
    fc.assert(fc.property(arbAnswer, (a) => checkLimits(renderDiscord(a))), { numRuns: 300 });
  });

  it('nothing can ping: no @everyone, @here, user, role or channel mention anywhere', () => {
    fc.assert(
      fc.property(arbAnswer, (a) => {
        for (const t of texts(renderDiscord(a))) expect(t).not.toMatch(PINGABLE);
      }),
      { numRuns: 300 },
    );
  });

  it('content has no live link, mention or markdown, and at most 2,000 characters', () => {
    fc.assert(
      fc.property(bigText, (t) => {
        const content = safeContent(t);
        expect(content.length).toBeLessThanOrEqual(2000);
        expect(activeMarkup(content)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('nothing that is not ours is live markup, in any part of any message', () => {
    fc.assert(
      fc.property(arbAnswer, (a) => {
        for (const { where, text } of foreignText(renderDiscord(a))) expect(activeMarkup(text), where).toEqual([]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('quotes are shown in order, verbatim or cut cleanly, and the rest are counted in the footer', () => {
    fc.assert(
      fc.property(arbAnswer, (a) => {
        const m = renderDiscord(a);
        if (a.kind === 'error') return;
        const embed = m.embeds[0]!;
        const fields = embed.fields ?? [];
        const hidden = a.citations.length - fields.length;
        if (hidden > 0) expect(embed.footer!.text).toContain(`${hidden.toLocaleString('en-US')} more source${hidden === 1 ? '' : 's'} not shown`);
        else expect(embed.footer!.text).not.toContain('more source');
        fields.forEach((f, i) => {
          expect(f.name).toMatch(new RegExp(`^(⚠ )?${i + 1}\\. `));
          const shown = norm(unescapeMarkdown(f.value.split('\n')[0]!.replace(/^> /, '')));
          const quote = norm(a.citations[i]!.quote);
          if (shown.endsWith('…') && shown !== quote) expect(quote.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
          else expect(shown).toBe(quote);
        });
      }),
      { numRuns: 300 },
    );
  });
});
