import { describe, expect, it } from 'vitest';
import { runText } from '../../../commands/index.ts';
import { loadEngine } from '../../../src/core/engine.ts';
import { containsQuote } from '../../../src/core/text/normalise.ts';
import { UserError } from '../../../src/core/model/types.ts';
import { article, tempKnowledge } from '../../helpers/knowledge.ts';

// Every knowledge folder this file makes is deleted after its tests.
const makeKnowledge = tempKnowledge();

const deals = `deals:
  - id: old-deal
    name: "Old Widget Accord"
    parties: ["Aland", "Bland"]
    aliases: ["bland"]
    era: "2010 accord"
    from: "2009-01-01"
    to: "2014-12-31"
    status: "In force 2010-2015"
  - id: new-deal
    name: "New Widget Pact"
    parties: ["Aland", "Bland"]
    aliases: ["bland"]
    era: "2020 pact"
    from: "2019-01-01"
    status: "Signed 2020-03-01"
`;
const topics = `topics:
  - { id: widgets, name: "Widgets", synonyms: ["widget", "gadget", "gadgets"] }
  - { id: steel, name: "Steel", synonyms: ["steel", "metal"] }
`;
const facts = `facts:
  - { id: w-old, deal: old-deal, topic: widgets, subject: widget-tariff, statement: "Bland widgets paid a 10% tariff in 2010.", value: 10, unit: percent, asOf: "2010-06-01", article: old-wire, quote: "Bland widgets face a 10 percent tariff under the accord." }
  - { id: w-new, deal: new-deal, topic: widgets, subject: widget-tariff, statement: "Bland widgets pay a 4% tariff under the 2020 pact.", value: 4, unit: percent, asOf: "2020-03-01", article: new-official, quote: "The tariff on Bland widgets falls to 4 percent." }
`;

async function widgetEngine() {
  const dir = await makeKnowledge({
    'deals.yaml': deals,
    'topics.yaml': topics,
    'facts/widgets.yaml': facts,
    'articles/old-wire.md': article({ title: 'Accord sets widget duties', date: '2010-06-01', publisher: 'Old Wire' }, 'Bland widgets face a 10 percent tariff under the accord.\n\nSteel is not covered by the accord at all.\n'),
    'articles/new-official.md': article(
      { title: 'Widget pact text', date: '2020-03-01', publisher: 'Ministry', reliability: 'high' },
      'The tariff on Bland widgets falls to 4 percent. Gadget makers in Aland welcomed the change to widget duties.\n',
    ),
    'articles/new-copy.md': article(
      { title: 'Pact copy', date: '2020-03-02', publisher: 'Content Farm', reliability: 'low', note: 'Machine-paraphrased copy.' },
      'The tariff on Bland widgets falls to 4 percent, the copy says.\n\nGadget importers remain wary of the pact and its widget rules.\n',
    ),
  });
  return loadEngine(dir);
}

describe('answers', () => {
  it('merges the same statement from two sources, keeping the reliable one and naming the other', async () => {
    const engine = await widgetEngine();
    const a = engine.ask('What tariff do Bland widgets pay now?');
    expect(a.answered).toBe(true);
    const first = a.citations[0]!;
    expect(first.articleId).toBe('new-official');
    expect(first.alsoReportedBy.map((x) => x.articleId)).toEqual(['new-copy']);
    expect(a.citations.filter((c) => /falls to 4 percent/.test(c.quote))).toHaveLength(1);
  });

  it('notes figures that differ by date, oldest first', async () => {
    const engine = await widgetEngine();
    const a = engine.ask('What tariff do Bland widgets pay?');
    expect(a.notes).toEqual(['Figures for widget tariff differ by date: 10% as of 2010-06-01 (Old Wire); 4% as of 2020-03-01 (Ministry).']);
  });

  it('answers a comparison of eras with a quote from each and the figures note', async () => {
    const engine = await widgetEngine();
    const a = engine.ask('Is the tariff on Bland widgets lower now than in 2010?');
    expect(new Set(a.citations.map((c) => c.era))).toEqual(new Set(['2020 pact', '2010 accord']));
    expect(a.notes).toHaveLength(1);
  });

  it('briefs a topic across eras, newest era first, with facts, citing each era', async () => {
    const engine = await widgetEngine();
    const a = engine.brief('bland widgets');
    expect(a.kind).toBe('briefing');
    const eras = a.citations.map((c) => c.era);
    expect(eras[0]).toBe('2020 pact');
    expect(eras).toContain('2010 accord');
    expect([...eras].sort((x, y) => (x === y ? 0 : x === '2020 pact' ? -1 : 1))).toEqual(eras);
    expect(a.facts.map((f) => f.id)).toEqual(['w-new', 'w-old']);
    expect(a.citations.length).toBeLessThanOrEqual(6);
  });

  it('briefs a partner alone with each deal\'s status and one fact per tracked figure', async () => {
    const engine = await widgetEngine();
    const a = engine.brief('bland');
    expect(a.kind).toBe('briefing');
    expect(a.lines).toEqual(['Old Widget Accord (Aland, Bland): In force 2010-2015', 'New Widget Pact (Aland, Bland): Signed 2020-03-01']);
    // Both facts track the same figure, so the briefing lists it once.
    expect(a.facts.map((f) => f.subject)).toEqual(['widget-tariff']);
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it('does not brief on a topic while ignoring words it cannot place', async () => {
    const engine = await widgetEngine();
    // "zanzibar" is neither a partner nor a topic: the request is answered as a question, and no source covers it.
    expect(engine.brief('zanzibar widgets')).toMatchObject({ answered: false, citations: [] });
    expect(engine.brief('bland widgets').kind).toBe('briefing');
  });

  it('flags low-reliability sources with their note', async () => {
    const engine = await widgetEngine();
    const a = engine.ask('Are gadget importers wary of the widget rules?');
    const low = a.citations.find((c) => c.articleId === 'new-copy');
    expect(low?.reliability).toBe('low');
    expect(low?.note).toBe('Machine-paraphrased copy.');
  });

  it('abstains plainly with no citations, saying what it covers', async () => {
    const engine = await widgetEngine();
    const a = engine.ask('What is the best pizza topping?');
    expect(a).toMatchObject({ kind: 'abstain', answered: false, citations: [], facts: [], headline: 'I have no source on that.' });
    expect(a.lines.join('\n')).toMatch(/Old Widget Accord; New Widget Pact/);
  });

  it('abstains on a name no source mentions, and says so', async () => {
    const engine = await widgetEngine();
    const a = engine.ask('What tariff do Zanzibar widgets pay?');
    expect(a).toMatchObject({ answered: false, citations: [] });
    expect(a.lines[0]).toBe('None of my sources mentions "Zanzibar".');
    // A known name passes the same check.
    expect(engine.ask('What tariff do Bland widgets pay?').answered).toBe(true);
  });

  it('quotes only verbatim text', async () => {
    const engine = await widgetEngine();
    for (const q of ['widgets', 'steel', 'What tariff do Bland widgets pay?', 'gadget makers']) {
      for (const c of runText(engine, q).citations) {
        expect(containsQuote(engine.corpus.articles.find((a) => a.id === c.articleId)!.body, c.quote)).toBe(true);
      }
    }
  });

  it('lists deals newest first, and sources with reliability', async () => {
    const engine = await widgetEngine();
    expect(runText(engine, '/deal').lines).toEqual(['New Widget Pact (Aland, Bland): Signed 2020-03-01', 'Old Widget Accord (Aland, Bland): In force 2010-2015']);
    const sources = runText(engine, '/deal sources');
    expect(sources.kind).toBe('sources');
    expect(sources.lines[0]).toMatch(/^2020-03-02: Pact copy \(Content Farm; reliability low: Machine-paraphrased copy\.\)/);
  });
});

describe('a knowledge folder of articles alone', () => {
  it('answers from the articles, with the year as era', async () => {
    const engine = await loadEngine(
      await makeKnowledge({
        'articles/a.md': article({ title: 'Grain quota', date: '2023-04-05' }, 'The grain quota rises to 2 million tonnes next year, officials said.\n'),
        'articles/b.md': article({ title: 'Fishing', date: '2022-01-01' }, 'Fishing rights remain disputed between the two sides.\n'),
      }),
    );
    const a = engine.ask('How big is the grain quota?');
    expect(a.answered).toBe(true);
    expect(a.citations[0]).toMatchObject({ articleId: 'a', era: '2023' });
    expect(engine.ask('What about semiconductors?').answered).toBe(false);
    expect(runText(engine, '/deal').headline).toMatch(/lists no deals/);
  });
});

describe('list items', () => {
  it('a short list item is read with the line that introduces it', async () => {
    const body = 'The finance ministry published new duty letters on Monday.\n\nThe duty letters set these rates for each partner:\n- Aland (10%)\n- Bland (20%)\n- Cland (30%)\n';
    const engine = await loadEngine(await makeKnowledge({ 'articles/letters.md': article({ title: 'Duty letters', date: '2024-07-07' }, body) }));
    const quotes = engine.ask('What duty rate did the letters set for Bland?').citations.map((c) => c.quote);
    expect(quotes).toContain('Bland (20%)');
  });
});

describe('bad input', () => {
  it('gives help for an empty question, and a clear error for a huge one', async () => {
    const engine = await widgetEngine();
    expect(runText(engine, '   ').kind).toBe('help');
    expect(() => engine.ask('x'.repeat(10_000))).toThrowError(new UserError('too_long', 'Questions are limited to 1,000 characters; this one has 10,000.'));
  });

  it('survives control characters, emoji, right-to-left marks and Japanese', async () => {
    const engine = await widgetEngine();
    for (const q of ['\u0000\u0007widgets\u001b', '😀 widgets 😀', '\u202ewidgets\u202c', '関税はいくらですか', '\ud800widgets']) {
      expect(() => runText(engine, q)).not.toThrow();
    }
    expect(runText(engine, '\u0000\u0007widgets\u001b').answered).toBe(true);
  });
});
