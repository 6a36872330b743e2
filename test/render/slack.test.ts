/**
 * Slack Block Kit rendering: snapshots of typical answers, unit tests of the
 * escaping and shortening helpers, and property tests that for any answer
 * (hostile text, 5,000-character quotes, 50 quotes) every Slack limit holds
 * and nothing unescaped comes through.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeVote, encodeVote } from '../../src/adapters/feedback.ts';
import type { Answer, AnswerKind, Citation, Fact } from '../../src/core/model/types.ts';
import {
  escapeSlack,
  fitEscaped,
  isEphemeral,
  questionFromBlocks,
  renderSlack,
  unescapeSlack,
  voteButtonValue,
  VOTE_ACTION_IDS,
  VOTE_BLOCK_ID,
  type SlackMessage,
} from '../../src/render/slack.ts';
import { checkSlackLimits } from '../helpers/slack-limits.ts';

// ---------- fixtures ----------

function citation(over: Partial<Citation> = {}): Citation {
  return {
    articleId: 'ref03-wh-factsheet-2025-09-05',
    title: 'Fact Sheet: U.S.-Japan Framework Agreement',
    publisher: 'The White House',
    date: '2025-09-05',
    url: 'https://www.whitehouse.gov/fact-sheets/2025/09/japan/?a=1&b=2',
    reliability: 'high',
    quote: 'The United States will apply a baseline 15 percent tariff on nearly all Japanese imports, including automobiles and auto parts.',
    era: '2025 agreement',
    alsoReportedBy: [],
    ...over,
  };
}

function fact(over: Partial<Fact> = {}): Fact {
  return {
    id: 'auto-tariff-2025',
    statement: 'Japanese cars pay 15% in total under the 2025 agreement.',
    value: 15,
    unit: 'percent',
    asOf: '2025-09-04',
    articleId: 'ref02-eo14345-2025-09-04',
    quote: 'shall be 15 percent',
    file: 'facts/us-japan-2025.yaml',
    ...over,
  };
}

function answer(over: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer',
    question: 'what tariff do Japanese cars pay now?',
    answered: true,
    headline: 'Japanese cars pay 15% in total under the 2025 agreement.',
    citations: [citation()],
    facts: [fact()],
    notes: [],
    lines: [],
    ...over,
  };
}

const fixtures: Record<string, Answer> = {
  answer: answer({
    facts: [fact(), fact({ id: 'f2', statement: 'Cars paid 2.5% before 2025.', asOf: '2019-09-25' })],
    citations: [
      citation({ alsoReportedBy: [{ articleId: 'ref02', publisher: 'Federal Register', title: 'EO 14345', date: '2025-09-04' }] }),
      citation({
        articleId: '001_ffa5b9290ad23072',
        title: 'Japan deal reached',
        publisher: 'Taipei Times',
        date: '2019-07-18',
        url: undefined,
        reliability: 'low',
        note: 'machine-paraphrased copy of a Reuters report',
        quote: 'Cars made in Japan face a tariff of 2.5 percent.',
        era: '2019 agreement',
      }),
    ],
    notes: ['Figures for auto tariff differ by date: 2.5% as of 2019-09-25; 15% as of 2025-09-04.'],
  }),
  briefing: answer({
    kind: 'briefing',
    question: 'japan autos',
    headline: 'United States–Japan: Autos',
    lines: ['U.S.-Japan Trade Agreement (United States, Japan): Signed 2019-10-07; in force 2020-01-01'],
  }),
  abstain: answer({ kind: 'abstain', question: 'what about bananas in Peru?', answered: false, headline: 'I have no source on that.', citations: [], facts: [], lines: ['I cover: autos, agriculture, investment.'] }),
  deals: answer({ kind: 'deals', question: '', headline: 'I know 2 deal(s).', citations: [], facts: [], lines: ['U.S.-Japan Trade Agreement (United States, Japan): in force 2020-01-01', 'U.S.-Japan Framework (United States, Japan): 2025'] }),
  help: answer({ kind: 'help', question: '', headline: 'dealdesk: cited answers on trade deals', citations: [], facts: [], lines: ['/deal japan autos: Briefing on a trade deal', '/deal sources: List the sources I quote'] }),
  error: answer({ kind: 'error', question: 'x', answered: false, headline: 'Questions are limited to 1,000 characters; this one has 1,200.', citations: [], facts: [] }),
  hostile: answer({
    question: 'is <!channel> & <@U123> <https://evil.example|safe> ok? @here #general',
    headline: '<!here> pays & <#C1> @channel',
    facts: [fact({ statement: '<@U999> & <!everyone> @everyone' })],
    citations: [
      citation({
        quote: 'Ping <!channel> & <@U123>, see <https://evil.example|this> > now; @here @channel @everyone, #general, https://evil.example/x www.evil.example evil.example mailto:a@evil.example',
        title: 'A <b> & c #random',
        publisher: '<!subteam^S1> @here',
        url: 'javascript:alert(1)',
      }),
    ],
    notes: ['<!channel> note & more @everyone'],
  }),
};

// ---------- checks shared by unit and property tests ----------

/** Every displayed text in a message: [path, text]. */
function texts(message: SlackMessage): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [{ where: 'text', text: message.text }];
  message.blocks.forEach((b, i) => {
    if ('text' in b && b.text) out.push({ where: `${i}.${b.type}.text`, text: b.text.text });
    if ('fields' in b && b.fields) b.fields.forEach((f) => out.push({ where: `${i}.field`, text: f.text }));
    if (b.type === 'context') b.elements.forEach((e) => out.push({ where: `${i}.context`, text: e.text }));
    if (b.type === 'actions') b.elements.forEach((e) => out.push({ where: `${i}.button`, text: e.text.text }));
  });
  return out;
}

const OUR_LINK = /<(https?:\/\/[^\s<>|]+)\|[^<>]*>/g;

/**
 * What Slack auto-parses in plain text (a mention, a channel, a link), written
 * out from Slack's formatting docs rather than taken from the renderer.
 */
const AUTO_PARSE_TOKENS: [string, RegExp][] = [
  ['special mention', /@(here|channel|everyone|group)\b/i],
  ['user or e-mail mention', /@[\p{L}\p{N}_]/u],
  ['channel name', /#[\p{L}\p{N}_-]/u],
  ['URL', /[a-z][a-z0-9+.-]*:\/\//i],
  ['bare domain', /[\p{L}\p{N}]\.[\p{L}]{2}/u],
];

/** Tokens Slack would turn into a mention, a broadcast, a link or an entity (its formatting docs). */
const DANGEROUS = fc.constantFrom(
  '<!channel>', '<!here>', '<!everyone>', '<@U123>', '<#C1|general>', '<!subteam^S1>', '<https://evil.example|click>', '<mailto:a@evil.example>',
  '@here', '@channel', '@everyone', '@alice', '#general', 'https://evil.example/x', 'evil.example', 'www.evil.com', 'a@evil.org',
  '&', '&amp;', '&lt;', '&gt;', '<', '>', '\u200b',
);
/** Any text with at least one dangerous token in it. */
const withDanger = fc
  .tuple(fc.array(fc.oneof(DANGEROUS, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 6 }), DANGEROUS, fc.array(fc.oneof(DANGEROUS, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 6 }))
  .map(([before, token, after]) => [...before, token, ...after].join(''));

/**
 * What Slack shows for mrkdwn text with no markup left, written from Slack's
 * formatting docs rather than taken from the renderer: `&amp;`, `&lt;` and
 * `&gt;` decoded, once; zero-width spaces invisible.
 */
const shownBySlack = (text: string) => text.replace(/&(amp|lt|gt);/g, (_, e: 'amp' | 'lt' | 'gt') => ({ amp: '&', lt: '<', gt: '>' })[e]).replaceAll('\u200b', '');

/** Throws unless every limit holds and no unescaped markup comes from the answer. */
function checkMessage(a: Answer, m: SlackMessage): void {
  expect(m.unfurl_links).toBe(false);
  expect(m.unfurl_media).toBe(false);
  // Slack's limits, as literal numbers from its docs (not the renderer's SLACK_LIMITS).
  checkSlackLimits(m, isEphemeral(a));
  const all = texts(m);
  // Every mrkdwn object is verbatim: Slack must not link anything by itself.
  for (const b of m.blocks) {
    const objects = b.type === 'section' ? [...(b.text ? [b.text] : []), ...(b.fields ?? [])] : b.type === 'context' ? b.elements : [];
    for (const o of objects) if (o.type === 'mrkdwn') expect(o.verbatim, `${b.type} text object`).toBe(true);
  }
  const urls = new Set(a.citations.map((c) => c.url?.replace(/&/g, '&amp;')));
  for (const { where, text } of all) {
    // Links: only ours, to a source's own URL.
    for (const [, url] of text.matchAll(OUR_LINK)) expect(urls.has(url), `${where}: unexpected link ${url}`).toBe(true);
    let rest = text.replace(OUR_LINK, '');
    // The quote marker is the one intended ">".
    if (/^\d+\.section\.text$/.test(where) && rest.startsWith('> ')) rest = rest.slice(2);
    expect(rest, `${where} has unescaped markup`).not.toMatch(/[<>]/);
    expect(rest, `${where} has a bare &`).not.toMatch(/&(?!amp;|lt;|gt;)/);
    for (const [what, token] of AUTO_PARSE_TOKENS) expect(rest, `${where} has a ${what} Slack would parse`).not.toMatch(token);
  }
}

/** The quote sections, in order. */
const quoteSections = (m: SlackMessage) => m.blocks.flatMap((b) => (b.type === 'section' && b.text?.text.startsWith('> ') ? [b.text.text.slice(2)] : []));
const moreSources = (m: SlackMessage) => Number(/(\d+) more sources?/.exec(texts(m).map((t) => t.text).join('\n'))?.[1] ?? 0);

// ---------- snapshots ----------

describe('renderSlack snapshots', () => {
  for (const [name, a] of Object.entries(fixtures)) {
    it(`renders ${name}`, () => {
      const m = renderSlack(a);
      checkMessage(a, m);
      expect(m).toMatchSnapshot();
    });
  }
});

// ---------- unit tests ----------

describe('renderSlack', () => {
  it('shows each quote as a quote block with publisher, date, era and link', () => {
    const m = renderSlack(fixtures.answer!);
    expect(quoteSections(m)).toEqual([fixtures.answer!.citations[0]!.quote, fixtures.answer!.citations[1]!.quote]);
    const context = JSON.stringify(m.blocks);
    expect(context).toContain('*The White House* · 2025-09-05 · 2025 agreement · <https://www.whitehouse.gov/fact-sheets/2025/09/japan/?a=1&amp;b=2|Fact Sheet: U.S.-Japan Framework Agreement>');
    expect(context).toContain('Also reported by: Federal Register (2025-09-04)');
  });

  it('flags a low-reliability source visibly, with its note', () => {
    const m = renderSlack(fixtures.answer!);
    expect(JSON.stringify(m.blocks)).toContain('⚠ *Low-reliability source*: machine-paraphrased copy of a Reuters report');
    expect(JSON.stringify(renderSlack(answer()).blocks)).not.toContain('⚠');
  });

  it('shows facts as fields (not repeating the headline), and the conflict notes', () => {
    const m = renderSlack(fixtures.answer!);
    const fields = m.blocks.flatMap((b) => (b.type === 'section' && b.fields ? b.fields.map((f) => f.text) : []));
    expect(fields).toEqual(['Cars paid 2.5% before 2025.\n_as of 2019-09-25_']);
    expect(JSON.stringify(m.blocks)).toContain('Note: Figures for auto tariff differ by date');
  });

  it('puts 👍/👎 buttons on answers only, carrying the cited article ids', () => {
    const m = renderSlack(fixtures.answer!);
    const actions = m.blocks.find((b) => b.block_id === VOTE_BLOCK_ID);
    expect(actions?.type).toBe('actions');
    const buttons = actions?.type === 'actions' ? actions.elements : [];
    expect(buttons.map((b) => b.action_id)).toEqual([VOTE_ACTION_IDS.up, VOTE_ACTION_IDS.down]);
    expect(decodeVote(buttons[0]!.value)).toEqual({ vote: 'up', articleIds: ['ref03-wh-factsheet-2025-09-05', '001_ffa5b9290ad23072'] });
    for (const kind of ['help', 'error', 'deals'] as const) expect(renderSlack(fixtures[kind]!).blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('escapes hostile text so no mention or link can form', () => {
    const m = renderSlack(fixtures.hostile!);
    const json = JSON.stringify(m);
    for (const bad of ['<!channel>', '<!here>', '<@U123>', '<@U999>', '<#C1>', '<!everyone>', '<!subteam', '<https://evil', '<javascript:']) expect(json).not.toContain(bad);
    expect(json).toContain('&lt;!channel&gt;');
  });

  it('breaks bare @here, @channel, @everyone, #channel and URLs in blocks and in the fallback text, and marks every text verbatim', () => {
    const m = renderSlack(fixtures.hostile!);
    checkMessage(fixtures.hostile!, m);
    for (const { text } of texts(m)) {
      for (const bare of ['@here', '@channel', '@everyone', '#general', '#random', 'https://evil', 'www.evil', 'evil.example', 'a@evil']) expect(text).not.toContain(bare);
    }
    // The fallback text (notifications) is neutralised too.
    expect(m.text).toBe('&lt;!here&gt; pays &amp; &lt;#\u200bC1&gt; @\u200bchannel');
    // Still readable: the same words once the zero-width spaces are gone.
    expect(quoteSections(m).map(unescapeSlack)).toEqual([fixtures.hostile!.citations[0]!.quote]);
  });

  it('reads the question back from the blocks, even with markup in it', () => {
    for (const a of [fixtures.answer!, fixtures.hostile!]) expect(questionFromBlocks(renderSlack(a).blocks)).toBe(a.question);
    expect(questionFromBlocks(renderSlack(fixtures.help!).blocks)).toBeUndefined();
    expect(questionFromBlocks(undefined)).toBeUndefined();
  });

  it('drops whole quotes from the end and says how many', () => {
    const citations = Array.from({ length: 30 }, (_, i) => citation({ articleId: `a${i}`, quote: `Quote ${i}: ${'tariff '.repeat(200)}end.` }));
    const m = renderSlack(answer({ citations }));
    const shown = quoteSections(m);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(30);
    shown.forEach((q, i) => expect(q).toBe(citations[i]!.quote));
    expect(moreSources(m)).toBe(30 - shown.length);
    checkMessage(answer({ citations }), m);
  });

  it('cuts a single very long quote at a word boundary with "…"', () => {
    const quote = 'Tariffs & quotas '.repeat(400).trim();
    const [shown] = quoteSections(renderSlack(answer({ citations: [citation({ quote })] })));
    expect(shown!.endsWith('…')).toBe(true);
    const raw = unescapeSlack(shown!.slice(0, -1));
    expect(quote.startsWith(raw)).toBe(true);
    expect(quote[raw.length]).toBe(' ');
  });

  it('keeps help, errors and the source list private and within 3,000 characters', () => {
    const lines = Array.from({ length: 80 }, (_, i) => `2025-01-${i}: Article ${i} & co (Publisher; reliability normal) https://example.com/${i}`);
    const a = answer({ kind: 'sources', question: '', headline: '80 source(s), newest first.', citations: [], facts: [], lines });
    const m = renderSlack(a);
    expect(isEphemeral(a)).toBe(true);
    checkMessage(a, m);
    expect(JSON.stringify(m)).toMatch(/\d+ more lines/);
    expect(isEphemeral(fixtures.answer!)).toBe(false);
    expect(isEphemeral(fixtures.error!)).toBe(true);
  });
});

describe('escaping helpers', () => {
  it('escapes and unescapes &, < and >', () => {
    expect(escapeSlack('a & <b> c')).toBe('a &amp; &lt;b&gt; c');
    expect(unescapeSlack(escapeSlack('&lt; & <!channel>'))).toBe('&lt; & <!channel>');
  });

  it('breaks what Slack auto-parses with a zero-width space, and nothing else', () => {
    const Z = '\u200b';
    expect(escapeSlack('@here @channel @everyone @alice')).toBe(`@${Z}here @${Z}channel @${Z}everyone @${Z}alice`);
    expect(escapeSlack('see #general and #1')).toBe(`see #${Z}general and #${Z}1`);
    expect(escapeSlack('https://evil.example/x')).toBe(`https:${Z}//evil${Z}.example/x`);
    expect(escapeSlack('www.evil.com or a@b.org')).toBe(`www${Z}.evil${Z}.com or a@${Z}b${Z}.org`);
    // Ordinary prose is untouched: abbreviations, decimals, a lone @ or #.
    for (const plain of ['The U.S. tariff is 2.5 percent.', 'e.g. autos', 'a @ b # c', 'ratio 3:1']) expect(escapeSlack(plain)).toBe(plain);
  });

  it('fitEscaped keeps short text, cuts at a space, and never splits an escape or a surrogate pair', () => {
    expect(fitEscaped('short & sweet', 100)).toBe('short &amp; sweet');
    expect(fitEscaped('one two three', 9)).toBe('one two…');
    expect(fitEscaped('&&&&&&', 12)).toBe('&amp;&amp;…');
    expect(fitEscaped('😀😀😀😀', 6)).toBe('😀😀…');
  });

  it('round-trips any text, and what it returns has no markup and nothing Slack would parse', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), withDanger), (s) => {
        const escaped = escapeSlack(s);
        expect(unescapeSlack(escaped)).toBe(s.replaceAll('\u200b', ''));
        expect(escaped).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
        for (const [what, token] of AUTO_PARSE_TOKENS) expect(escaped, what).not.toMatch(token);
      }),
      { seed: 6, numRuns: 500 },
    );
  });

  it('text with a mention, link or entity in it comes out changed, with none of them live, and reads the same in Slack (an escape that does nothing fails)', () => {
    fc.assert(
      fc.property(withDanger, (s) => {
        const escaped = escapeSlack(s);
        // Every case holds a dangerous token, so the escape has work to do in every run.
        expect(escaped).not.toBe(s);
        expect(escaped).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
        for (const [what, token] of AUTO_PARSE_TOKENS) expect(escaped, what).not.toMatch(token);
        // What a reader sees, decoded by the test's own model of Slack rather than unescapeSlack.
        expect(shownBySlack(escaped)).toBe(s.replaceAll('\u200b', ''));
      }),
      { seed: 61, numRuns: 500 },
    );
  });

  it('the vote value is encodeVote’s format, and decodes back', () => {
    fc.assert(
      fc.property(fc.constantFrom('up' as const, 'down' as const), fc.array(fc.stringMatching(/^[a-z0-9_-]{1,80}$/), { maxLength: 60 }), (vote, ids) => {
        const value = voteButtonValue(vote, ids);
        expect(value).toBe(encodeVote(vote, ids, 2000));
        const decoded = decodeVote(value)!;
        expect(decoded.vote).toBe(vote);
        expect(ids.slice(0, decoded.articleIds.length)).toEqual(decoded.articleIds);
      }),
    );
  });
});

// ---------- properties ----------

const hostile = fc.constantFrom('<!channel>', '<!here>', '<@U123>', '<#C123|general>', '<!subteam^S1>', '&', '&amp;', '&lt;', '<', '>', '> ', '<https://evil.example|click>', '*', '_', '`', '|', '\n', ' ', '…', '😀', 'tariff ');
const words = (maxLength: number) => fc.array(fc.oneof(hostile, fc.string({ maxLength: 12 })), { maxLength }).map((a) => a.join(''));
const longText = fc.oneof(
  { weight: 3, arbitrary: words(40) },
  { weight: 1, arbitrary: fc.integer({ min: 3000, max: 5000 }).map((n) => 'tariffs & <!channel> quotas '.repeat(Math.ceil(n / 28)).slice(0, n)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 4000, maxLength: 5000 }) },
);
const url = fc.option(fc.oneof(fc.constant('https://example.com/a?b=1&c=2'), fc.webUrl(), words(5), fc.constant('https://x.example/|<!channel>')), { nil: undefined });
const citationArb: fc.Arbitrary<Citation> = fc.record({
  articleId: fc.stringMatching(/^[a-z0-9_-]{1,40}$/),
  title: words(10),
  publisher: fc.option(words(5), { nil: undefined }),
  date: fc.oneof(fc.constant('2025-09-05'), words(3)),
  url,
  reliability: fc.constantFrom('high' as const, 'normal' as const, 'low' as const),
  note: fc.option(words(10), { nil: undefined }),
  quote: longText,
  era: words(4),
  alsoReportedBy: fc.array(fc.record({ articleId: fc.string(), publisher: fc.option(words(3), { nil: undefined }), title: words(5), date: words(2) }), { maxLength: 3 }),
});
const factArb: fc.Arbitrary<Fact> = fc.record({
  id: fc.string(),
  statement: longText,
  asOf: fc.oneof(fc.constant('2025-09-04'), words(3)),
  articleId: fc.string(),
  quote: fc.string(),
  file: fc.string(),
});
const kinds: AnswerKind[] = ['answer', 'briefing', 'abstain', 'deals', 'sources', 'help', 'error'];
const answerArb: fc.Arbitrary<Answer> = fc.record({
  kind: fc.constantFrom(...kinds),
  question: fc.oneof(words(20), fc.string({ maxLength: 1000 }), fc.constant('&'.repeat(1000))),
  answered: fc.boolean(),
  headline: longText,
  citations: fc.array(citationArb, { maxLength: 50 }),
  facts: fc.array(factArb, { maxLength: 12 }),
  notes: fc.array(words(20), { maxLength: 5 }),
  lines: fc.array(fc.oneof(words(20), longText), { maxLength: 60 }),
});

describe('renderSlack properties', () => {
  it('keeps every limit and lets nothing unescaped through, for any answer', () => {
    fc.assert(
      fc.property(answerArb, (a) => {
        checkMessage(a, renderSlack(a));
      }),
      { numRuns: 150 },
    );
  });

  it('shows quotes in order, whole or cut at a word boundary, and counts the dropped ones', () => {
    fc.assert(
      fc.property(answerArb, (a) => {
        const m = renderSlack(a);
        const shown = quoteSections(m);
        expect(shown.length + moreSources(m)).toBe(a.citations.length);
        shown.forEach((q, i) => {
          const original = a.citations[i]!.quote.replace(/\s+/g, ' ').trim().replaceAll('\u200b', '');
          if (!q.endsWith('…') || escapeSlack(original) === q) return expect(unescapeSlack(q)).toBe(original);
          const kept = unescapeSlack(q.slice(0, -1));
          expect(original.startsWith(kept)).toBe(true);
          // Cut at a space, unless the kept part is one word too long to break anywhere else.
          if (/\s/.test(kept)) expect(original[kept.length]).toMatch(/\s/);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('recovers the question from any votable answer', () => {
    fc.assert(
      fc.property(answerArb, fc.string({ maxLength: 250 }), (a, question) => {
        const q = question.trim();
        fc.pre(q.length > 0);
        const m = renderSlack({ ...a, kind: 'answer', question: q });
        expect(questionFromBlocks(m.blocks)).toBe(q);
      }),
      { numRuns: 50 },
    );
  });
});
