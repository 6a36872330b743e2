/**
 * Ranking set: real questions against the shipped knowledge, each with the
 * sentence that should come first and why it should win.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src/core/engine.ts';
import { buildIndex } from '../../../src/core/retrieval/corpus-index.ts';
import { loadCorpus } from '../../../src/core/knowledge/load.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../../src/startup.ts';

let engine: Engine;
beforeAll(async () => {
  engine = createEngine(buildIndex(await loadCorpus(DEFAULT_KNOWLEDGE_DIR)));
});

const top = (q: string) => engine.ask(q).citations[0]?.quote ?? '';
/** The quotes of the answer, best first (an answer shows up to three). */
const quotes = (q: string) => engine.ask(q).citations.map((c) => c.quote);

describe('ranking set (shipped knowledge)', () => {
  it('a threat question prefers the sentence with the threat and its rate over 2025 baseline rates', () => {
    // "threatened" + "25 percent" + vehicles: the question's rare words meet in one sentence.
    expect(quotes('What tariff has Trump threatened to put on Japanese autos?').slice(0, 2).some((q) => /threatened to impose 25 percent tariffs/.test(q))).toBe(true);
  });

  it('"now" prefers the newest era', () => {
    // Recency cue: a 2025 source beats 2019 reporting on the same subject.
    const answer = engine.ask('what tariff do Japanese cars pay now?');
    expect(answer.citations[0]!.date >= '2025-01-01').toBe(true);
    expect(answer.citations[0]!.quote).toMatch(/15/);
  });

  it('a year picks its era', () => {
    // "April 2025" fits the 2025 report that names the April rate.
    expect(top('What tariff did Trump impose on Japan in April 2025?')).toMatch(/24%/);
  });

  it('word vectors bridge wording: "offer … in exchange for" meets "offering … in return for"', () => {
    // Soft coverage credits "offering" for "offer" and related words; the sentence is among the quotes.
    expect(quotes('What did Japan offer in exchange for lower tariffs on auto parts?').some((q) => /in return for the US reducing tariffs/.test(q))).toBe(true);
  });

  it('a "why" question reaches a sentence that states the reason', () => {
    // Either the sentence that gives the cause ("because of complications") or the neighbour with the reason.
    const found = quotes("Why did Japan's negotiator cancel his trip to Washington in August 2025?");
    expect(found.some((q) => /because of complications|technical discussion/.test(q))).toBe(true);
  });

  it("a topic's other words count once: 'how much … invest' leads with the investment figure, not the profit split", () => {
    // The Investment topic also lists "fund", "projects", "profits", "profit split"; summed in BM25 they made
    // the profit-split quote (which never says "invest") outscore the $550 billion commitment.
    expect(top('How much will Japan invest in the US?')).toMatch(/\$550 billion/);
  });

  it('a fact heads the answer only when its sentence is the first quote', () => {
    // The 2019 joint statement is quoted first; a 2025 signing fact, backed by the third quote, headed it.
    const a = engine.ask('Who signed the 2019 trade agreement?');
    expect(a.citations[0]!.date.startsWith('2019')).toBe(true);
    expect(a.headline).not.toMatch(/2025/);
    expect(a.headline).toBe(a.citations[0]!.quote);
    // A fact whose sentence is the first quote still heads it, in its own words.
    const rice = engine.ask('By how much will Japan increase rice imports?');
    expect(rice.citations[0]!.quote).toMatch(/rice by 75%/);
    expect(rice.headline).toMatch(/75%/);
    expect(rice.headline).not.toBe(rice.citations[0]!.quote);
  });

  it('an amount question prefers the sentence with the figure', () => {
    // "How much" wants a number; the sentence with $192 billion wins.
    expect(top('How much did the US import from Japan in 2024?')).toMatch(/192 billion/);
  });

  it('a person question finds the named official', () => {
    expect(top('Who is the U.S. Trade Representative in the talks?')).toMatch(/Lighthizer/);
  });
});

describe('abstention (shipped knowledge)', () => {
  for (const q of ['How do I bake sourdough bread?', 'Who won the 2018 FIFA World Cup?', 'What is the capital of France?', 'Recommend a good laptop for programming', '?!?!', '😀😀😀', 'What tariff does Brazil pay?']) {
    it(`abstains on ${JSON.stringify(q)} with no citations`, () => {
      const a = engine.ask(q);
      expect(a.answered).toBe(false);
      expect(a.citations).toEqual([]);
      expect(a.headline).toBe('I have no source on that.');
    });
  }
});

describe('headlines (shipped knowledge)', () => {
  it('a fact heads an answer only when its own sentence is quoted in the same reply', () => {
    const questions = [
      'What tariff has Trump threatened to put on Japanese autos?',
      'How are profits from projects financed by Japan split?',
      'how much will japan invest in the us',
      'what did japan agree to buy',
      'What was Japan’s trade surplus in goods with the US last year?',
      'when was executive order 14345 signed',
    ];
    let factHeadlines = 0;
    for (const q of questions) {
      const a = engine.ask(q);
      const fact = a.facts.find((f) => f.statement === a.headline);
      if (!fact) continue;
      factHeadlines++;
      const key = (s: string) => s.toLowerCase().replace(/\W+/g, ' ').trim();
      const backed = a.citations.some((c) => key(c.quote).includes(key(fact.quote)) || key(fact.quote).includes(key(c.quote)) || key(c.quote).includes(key(fact.quote).slice(0, 40)));
      const merged = a.citations.some((c) => c.alsoReportedBy.some((r) => r.articleId === fact.articleId));
      expect(backed || merged, q).toBe(true);
    }
    expect(factHeadlines).toBeGreaterThan(2);
  });
});

describe('verbatim quotes (shipped knowledge)', () => {
  it('every citation of every reply stands word for word in its article', async () => {
    const { runText } = await import('../../../commands/index.ts');
    const { containsQuote } = await import('../../../src/core/text/normalise.ts');
    const bodies = new Map(engine.corpus.articles.map((a) => [a.id, a.body]));
    const inputs = [
      'japan autos', 'japan agriculture', 'japan investment', 'rice', 'boeing', 'digital trade', 'currency manipulation', 'japan',
      "what's the tariff on japanese cars", 'how much will japan invest in the us', 'who gets the profits from japan\'s investments',
      'What baseline tariff did the July 2025 negotiations set?', 'Why was Japan worried about signing the deal in September 2019?',
      'What does Washington want from Tokyo on farm products?', 'Is the tariff on Japanese cars lower now than in 2019?',
      'What did the Commerce Department decide in May about foreign cars?', 'Does Japan oppose a currency manipulation clause?',
    ];
    let citations = 0;
    for (const q of inputs) {
      for (const c of runText(engine, q).citations) {
        citations++;
        expect(containsQuote(bodies.get(c.articleId)!, c.quote), `${q}: ${c.quote}`).toBe(true);
        // A quote is a slice of the body itself, not just equal after folding.
        expect(bodies.get(c.articleId)!.includes(c.quote), `${q}: ${c.quote}`).toBe(true);
      }
    }
    expect(citations).toBeGreaterThan(40);
  });
});
