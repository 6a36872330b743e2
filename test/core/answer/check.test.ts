/**
 * Claim checks (`/deal check`): verdicts on the shipped knowledge (a
 * ranking-set style list with a reason per claim, test/fixtures/claims.jsonl),
 * the verdict rules on a small made-up knowledge base, and fuzzing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Engine } from '../../../src/core/engine.ts';
import { UserError, type Answer, type Stance } from '../../../src/core/model/types.ts';
import { containsQuote, matchKey } from '../../../src/core/text/normalise.ts';
import { spellingVariants } from '../../../src/core/answer/spelling.ts';
import { openEngine } from '../../../src/startup.ts';
import { WIDGET_CLAIMS_KNOWLEDGE, WIDGET_KNOWLEDGE, WIDGET_SET6_KNOWLEDGE, WIDGET_SET7_KNOWLEDGE, WIDGET_SET8_KNOWLEDGE, WIDGET_SET9_KNOWLEDGE } from '../../helpers/widget-knowledge.ts';
import { tempEngines } from '../../helpers/temp-engines.ts';

/** One claim of a claims set: the verdict it must get, a pattern a deciding quote must match, and why. */
interface ClaimCase {
  claim: string;
  verdict: Answer['verdict'];
  expect?: string;
  why: string;
}

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const readClaims = (file: string): ClaimCase[] =>
  readFileSync(path.join(fixtures, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

/** Every quote of an answer stands verbatim in its article; a no-source verdict carries none. */
function checkQuotes(engine: Engine, a: Answer): void {
  if (a.verdict === 'no-source') expect(a.citations).toEqual([]);
  for (const c of a.citations) {
    const body = engine.corpus.articles.find((x) => x.id === c.articleId)!.body;
    expect(containsQuote(body, c.quote), `${c.articleId}: ${c.quote}`).toBe(true);
    expect(['supports', 'contradicts', 'context']).toContain(c.stance);
  }
}

describe('claim checks on the shipped knowledge (test/fixtures/claims.jsonl)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine();
  });
  const cases = readClaims('claims.jsonl');

  it('spans all four verdicts, with at least 25 claims', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.verdict))).toEqual(new Set(['supported', 'contradicted', 'differs-by-date', 'no-source']));
  });

  it.each(cases.map((c) => [c.claim, c] as const))('%s', (_claim, c) => {
    const a = engine.check(c.claim);
    expect(a.kind).toBe('check');
    expect(a.verdict, c.why).toBe(c.verdict);
    checkQuotes(engine, a);
    if (c.expect) {
      // The quote that decides (not a context one) states what the reason says.
      const deciding = a.citations.filter((q) => q.stance !== 'context' || a.verdict === 'differs-by-date');
      expect(deciding.some((q) => new RegExp(c.expect!, 'i').test(matchKey(q.quote))), `${c.why}\n${a.citations.map((q) => `${q.stance}: ${q.quote}`).join('\n')}`).toBe(true);
    }
    // Newest first.
    const dates = a.citations.map((q) => q.about ?? q.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('puts the claim’s figure and the sources’ side by side', () => {
    const a = engine.check('Japan pledged $1 trillion of new investment in America');
    expect(a.claimed).toEqual(['$1 trillion']);
    expect(a.citations.find((c) => c.stance === 'contradicts')?.stated).toBe('$550 billion');
    expect(a.headline).toMatch(/\$550 billion, not \$1 trillion/);
  });

  it('a claim of several figures with one right and another stated otherwise is not supported (the wrong part is on another topic)', () => {
    const a = engine.check('Japan agreed to invest $550 billion and buy 200 Boeing aircraft');
    expect(a.verdict).toBe('no-source');
    expect(a.lines.join(' ')).toMatch(/100 aircraft/);
    expect(engine.check('Japan agreed to invest $550 billion and buy 100 Boeing aircraft').verdict).toBe('supported');
  });

  it('an approximate sum is held to the approximate tolerance, and a list item (a part) does not contradict the whole', () => {
    // "about half a trillion" is neither "over $550 billion" nor the "Up to $332 billion" item of a list of investments.
    const a = engine.check('Japan pledged about half a trillion dollars of investment');
    expect(a.verdict).toBe('no-source');
    expect(engine.check('Japan pledged $1 trillion of new investment in America').verdict).toBe('contradicted');
  });

  it('reports the hedge of a threatened rate with its quote', () => {
    const a = engine.check('In 2019 the United States imposed 25% tariffs on Japanese cars');
    expect(a.citations.some((c) => c.hedge === 'threatened')).toBe(true);
  });

  it('rejects an empty or over-long claim with a user error', () => {
    expect(() => engine.check('   ')).toThrow(UserError);
    expect(() => engine.check('x'.repeat(1001))).toThrow(/limited to 1,000 characters/);
  });
});

describe('verdict rules (a made-up knowledge base)', () => {
  const engineFor = tempEngines();
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(WIDGET_KNOWLEDGE);
  });

  // Each case: a claim, the verdict it must get, the stance and quote of the deciding citation, and why.
  it.each([
    ['Bland cut its widget tariff to 5 percent', 'supported', 'supports', /cut its widget tariff to 5 percent/, 'the same figure for the same thing'],
    ['Bland cut its widget tariff to 8 percent', 'contradicted', 'contradicts', /5 percent/, 'a different figure for the same thing'],
    ['Bland widgets pay a 20 percent tariff', 'differs-by-date', 'supports', /20 percent/, '20% in 2018, 5% from 2020: the tracked figure changed'],
    ['Aland imposed a 40 percent tariff on Bland steel', 'contradicted', 'contradicts', /threatened a 40 percent/, 'only threatened: a threat never supports "imposed"'],
    ['Aland threatened a 40 percent tariff on Bland steel', 'supported', 'supports', /threatened a 40 percent/, 'a claim of a threat, and the source states the threat'],
    ['The Widget Pact was signed on March 1, 2020', 'supported', 'supports', /Yesterday, Aland and Bland signed/, '"yesterday" in an article of 2 March 2020'],
    ['The Widget Pact was signed in 2019', 'contradicted', 'contradicts', /Yesterday, Aland and Bland signed/, 'a year off by one'],
    ['The pact enters into force on June 1, 2020', 'contradicted', 'contradicts', /July 1, 2020/, 'a different day'],
    ['Bland will buy 30 Aland ferries', 'supported', 'supports', /30 Aland ferries/, 'the same count of the same thing'],
    ['Bland will buy 50 Aland ferries', 'contradicted', 'contradicts', /30 Aland ferries/, 'a different count'],
    ['Aland will buy 30 Bland ferries', 'contradicted', 'contradicts', /Bland will buy 30 Aland ferries/, 'the parties swapped: Bland buys from Aland'],
  ] as const)('%s → %s', (claim, verdict, stance, quote, why) => {
    const a = engine.check(claim);
    expect(a.verdict, why).toBe(verdict);
    expect(a.citations.some((c) => c.stance === stance && quote.test(c.quote)), why).toBe(true);
    checkQuotes(engine, a);
  });

  it.each([
    ['Cland will buy 30 ferries', 'a name no source mentions'],
    ['Bland will buy Aland cheese', 'a word no source uses: nothing can state it'],
    ['Bland will buy 30 Aland cheeses', 'the figure counts something else'],
  ])('%s → no-source, with no citation (%s)', (claim, why) => {
    const a = engine.check(claim);
    expect(a.verdict, why).toBe('no-source');
    expect(a.answered).toBe(false);
    expect(a.citations).toEqual([]);
  });

  it('a proposed rate followed by other applied rates is shown with each date', () => {
    const a = engine.check('Aland imposed a 12 percent tariff on Bland widgets');
    expect(a.verdict).toBe('differs-by-date');
    expect(a.citations.find((c) => c.hedge === 'proposed')?.about).toBe('2018-05-08'); // "on Tuesday" before 10 May 2018
    expect(a.headline).toMatch(/12%( for Bland)? \(proposed\) as of 2018-05-08.*20% as of 2018-05-10.*5% as of 2020-03-01/);
  });

  it('a negated claim is contradicted by a source that states the event', async () => {
    const a = engine.check('Bland did not sign the Widget Pact');
    expect(a.verdict).toBe('contradicted');
  });
});

/**
 * The classes held-out set 4 found, each on made-up knowledge (the widget
 * knowledge and one more article, `WIDGET_CLAIMS_KNOWLEDGE`), so the rule is
 * tested apart from the shipped corpus.
 */
describe('claim classes of held-out set 4 (a made-up knowledge base)', () => {
  const engineFor = tempEngines();
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(WIDGET_CLAIMS_KNOWLEDGE);
  });
  const deciding = (a: Answer, stance: Stance) => a.citations.filter((c) => c.stance === stance);

  it('"signed up to buy" commits to buying: it is not the signing topic', () => {
    const a = engine.check('Bland signed up to buy 30 Aland ferries');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'supports').some((c) => /buy 30 Aland ferries/.test(c.quote))).toBe(true);
    checkQuotes(engine, a);
  });

  it('a share ("nearly half of …", "nearly two-thirds coming from …") is compared with shares, never with a rate ("a 5 percent tariff")', () => {
    const a = engine.check('Nearly half of Bland’s exports to Aland come from widgets');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').length).toBeGreaterThan(0);
    expect(deciding(a, 'contradicts').every((c) => /two-thirds/.test(c.quote))).toBe(true);
    checkQuotes(engine, a);
  });

  it.each([
    ['Ana Ruiz is Bland’s trade minister', 'differs-by-date', 'the title changed: Trade Minister in 2019 (a weak source, but no better one speaks of that month), Foreign Minister in 2021'],
    ['Ana Ruiz is Bland’s foreign minister', 'differs-by-date', 'the same two titles, the other way round'],
    ['Ana Ruiz is now Bland’s trade minister', 'contradicted', '"now": the newest source decides, and it says Foreign Minister'],
    ['Ana Ruiz was Bland’s trade minister in June 2019', 'supported', 'the claim names the date of the weak source, the only one that speaks of it'],
    ['Ana Ruiz is Bland’s deputy trade minister', 'contradicted', 'a rank ("deputy") no source gives her'],
  ] as const)('a title is a value like a figure: %s → %s', (claim, verdict, why) => {
    const a = engine.check(claim);
    expect(a.verdict, why).toBe(verdict);
    checkQuotes(engine, a);
    if (verdict === 'differs-by-date') {
      expect(a.citations.find((c) => /Trade Minister Ana Ruiz/.test(c.quote))?.about).toMatch(/^2019-06/);
      expect(a.citations.find((c) => /Foreign Minister Ana Ruiz/.test(c.quote))?.about).toMatch(/^2021-09/);
    }
    if (verdict === 'contradicted') expect(deciding(a, 'contradicts').some((c) => c.stated === 'Foreign Minister')).toBe(true);
  });

  it('the claim’s figure is right and its date is not: the sentence that dates the event decides, not the figure’s own date', () => {
    const wrong = engine.check('Bland’s decree made the 5 percent widget tariff retroactive to May 1, 2020');
    expect(wrong.verdict).toBe('contradicted');
    expect(deciding(wrong, 'contradicts').map((c) => c.stated)).toEqual(['1 April 2020']);
    expect(deciding(wrong, 'contradicts')[0]!.quote).toMatch(/applies retroactively/);
    checkQuotes(engine, wrong);
    const right = engine.check('Bland’s decree made the 5 percent widget tariff retroactive to April 1, 2020');
    expect(right.verdict).toBe('supported');
    expect(deciding(right, 'supports').some((c) => /applies retroactively/.test(c.quote))).toBe(true);
  });

  it('a figure and date the sources give another party, while they give the claim’s party another figure, contradict', () => {
    const a = engine.check('Bland will buy 60 Aland ferries by 2024');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated).sort()).toEqual(['30 ferries', '60 ferries for Dland']);
    checkQuotes(engine, a);
    // The other party's own claim stands; the claim's party's figure without the date is contradicted as before.
    expect(engine.check('Dland has agreed to buy 60 Aland ferries by 2024').verdict).toBe('supported');
    expect(engine.check('Bland will buy 60 Aland ferries').verdict).toBe('contradicted');
  });

  it('a tracked figure said in other words is found by its value (on the claim’s topic, for its party), and a verb ("shipped") is not the shipping topic', () => {
    // Too few shared words for the sentences to be found by them ("shipped by sea", "face", "levy").
    const a = engine.check('Bland widgets shipped by sea to Aland face a 20 percent levy');
    expect(a.verdict).toBe('differs-by-date');
    expect(a.citations.find((c) => c.stated === '20%')?.about).toBe('2018-05-10');
    expect(a.citations.some((c) => c.stated === '5%')).toBe(true);
    checkQuotes(engine, a);
    // A value no tracked figure has, or a topic the tracked figure is not on, still finds nothing.
    expect(engine.check('Bland widgets shipped by sea to Aland face a 30 percent levy').verdict).toBe('no-source');
    expect(engine.check('Bland ferries shipped by sea to Aland face a 20 percent levy').verdict).toBe('no-source');
  });

  it('"by half" is a figure (50%)', () => {
    const a = engine.check('Aland will increase its purchases of Bland ferries by half');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').some((c) => /by 75 percent/.test(c.quote))).toBe(true);
  });
});

/**
 * The classes held-out set 5 found, on the same made-up knowledge: each was a
 * confident wrong verdict on the shipped corpus before its fix.
 */
describe('claim classes of held-out set 5 (a made-up knowledge base)', () => {
  const engineFor = tempEngines();
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(WIDGET_CLAIMS_KNOWLEDGE);
  });
  const deciding = (a: Answer, stance: Stance) => a.citations.filter((c) => c.stance === stance);

  it('a share of a scale ("more than half a billion dollars") is a qualified sum, met by the exact one', () => {
    const a = engine.check('Bland will invest more than half a billion dollars in Aland ports');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'supports').some((c) => /\$600 million/.test(c.quote))).toBe(true);
    checkQuotes(engine, a);
    expect(engine.check('Bland will invest more than a billion dollars in Aland ports').verdict).toBe('contradicted');
  });

  it('an approximate sum against a minimum ("about half a billion" against "more than $550 million") is unclear, not a contradiction', () => {
    expect(engine.check('Aland firms have put about half a billion dollars into Bland ports').verdict).toBe('no-source');
    const a = engine.check('Aland firms have put $300 million into Bland ports');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated)).toEqual(['over $550 million']);
  });

  it('a split with its owners swapped is contradicted, even when the claim’s other figure is right', () => {
    const a = engine.check('Bland will keep four-fifths of the profits of its $600 million port fund, leaving Aland with a fifth');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').some((c) => /split 80% to Aland and 20% to Bland/.test(c.quote))).toBe(true);
    checkQuotes(engine, a);
    expect(engine.check('Aland will keep four-fifths of the profits of the port fund, leaving Bland with a fifth').verdict).toBe('supported');
  });

  it('"with Bland getting 80%" gives the figure to Bland: the split with its owners swapped is contradicted', () => {
    const a = engine.check('Aland will keep 20% of the profits of the fund, with Bland getting 80%');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').some((c) => /split 80% to Aland and 20% to Bland/.test(c.quote))).toBe(true);
  });

  it('a deadline ("by 2021") is not contradicted by an earlier date, neither a sentence’s nor a deal milestone’s', () => {
    const a = engine.check('The Widget Pact will enter into force by 2021');
    expect(a.verdict).toBe('no-source');
    expect(a.lines.some((l) => /Deal record/.test(l))).toBe(false);
    // A date the claim gives as the day it happened still is.
    expect(engine.check('The Widget Pact entered into force in 2021').verdict).toBe('contradicted');
  });

  it('a claim that denies its figure is contradicted by a source that states it, and not judged by another figure', () => {
    const a = engine.check('Bland will not buy 30 Aland ferries');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').some((c) => /Bland will buy 30 Aland ferries/.test(c.quote) && c.hedge === 'not')).toBe(true);
    expect(a.headline).toMatch(/the claim says “not”/);
    // "Not 50" is not contradicted by 30 (it is true, but no source says so in those words).
    expect(engine.check('Bland will not buy 50 Aland ferries').verdict).toBe('no-source');
  });

  it.each([
    ['Cal Ito was Bland’s trade minister in 2019', 'supported', 'a weak copy’s garbled title does not contradict a better source that backs the claim within its year'],
    ['Ben Ota was Bland’s deputy minister in 2019', 'differs-by-date', 'one title in 2019-08, another in 2019-09: the title changed within the year the claim names'],
  ] as const)('a claim dated coarser than its sources: %s → %s', (claim, verdict, why) => {
    const a = engine.check(claim);
    expect(a.verdict, why).toBe(verdict);
    expect(a.lines.some((l) => /Deal record/.test(l)), 'a title is not dated by deal milestones').toBe(false);
    checkQuotes(engine, a);
  });

  it('a change ("increase … by 75 percent") is neither a level ("a tariff of 75 percent") nor a change the other way ("cut … by 75 percent")', () => {
    expect(engine.check('Aland will raise its purchases of Bland ferries by 75 percent').verdict).toBe('supported');
    for (const claim of ['Aland’s tariff on Bland ferries is 75 percent', 'Aland will cut its purchases of Bland ferries by 75 percent']) {
      const a = engine.check(claim);
      expect(a.verdict, claim).toBe('no-source');
    }
  });

  it('"currently" is judged against the newest statement: an older proposal is history, not a date the value differs by', () => {
    const a = engine.check('Aland currently imposes a 12 percent tariff on Bland widgets');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated)).toEqual(['5%']);
    checkQuotes(engine, a);
    // Without "currently" the proposal, the 20% and the 5% are each shown with their dates, as before.
    expect(engine.check('Aland imposed a 12 percent tariff on Bland widgets').verdict).toBe('differs-by-date');
  });

  it('the claim’s figure with a date its sentence does not state (only its fact’s, in the same year) does not contradict the claim’s date', () => {
    const a = engine.check('Bland widgets paid a 20 percent tariff at the Aland border from January 2018');
    expect(a.verdict).toBe('no-source');
    expect(a.citations).toEqual([]);
    // Another year still contradicts.
    const other = engine.check('Bland widgets paid a 20 percent tariff at the Aland border from January 2016');
    expect(other.verdict).toBe('contradicted');
    expect(deciding(other, 'contradicts').map((c) => c.stated)).toEqual(['20% on 10 May 2018']);
  });

  it('a figure the sentence gives someone the claim does not name (no party) is not the claim’s, even when the claim’s figure has no owner', () => {
    const a = engine.check('Widgets from Bland face a 9 percent tariff');
    expect(a.verdict).toBe('contradicted');
    expect(a.citations.some((c) => /Dland/.test(c.quote))).toBe(false);
    checkQuotes(engine, a);
  });

  it('a capitalised first word the sources write in lower case ("Widgets shipped …") is no name: it owns no figure', () => {
    const a = engine.check('Widgets shipped from Bland will see the tariff cut to 5 percent');
    expect(deciding(a, 'supports').some((c) => /Bland will cut its widget tariff to 5 percent/.test(c.quote))).toBe(true);
    checkQuotes(engine, a);
    // A name there that no source writes in lower case is still a name ("Cland will buy 30 ferries": no source).
    expect(engine.check('Cland will buy 30 ferries').verdict).toBe('no-source');
  });

  it('an event word no source uses ("ratified") is not dated by a sentence or deal milestone of another event ("signed")', () => {
    const a = engine.check('Bland ratified the Widget Pact in May 2020');
    expect(a.verdict).toBe('no-source');
    expect(a.lines.some((l) => /Deal record/.test(l))).toBe(false);
    expect(engine.check('Aland and Bland signed the Widget Pact in May 2020').verdict).toBe('contradicted');
  });

  it('a body named after a party’s possessive that no source mentions ("Bland’s Senate") leaves the claim without a source', () => {
    const a = engine.check('Bland’s Senate ratified the Widget Pact in May 2020');
    expect(a.verdict).toBe('no-source');
    expect(a.lines.join(' ')).toMatch(/Senate/);
  });
});

describe('claim parser and checker on any input (fuzzed)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine();
  });

  it('gives a verdict or a clear user error, never a crash; quotes verbatim; no-source has no citation', { timeout: 60_000 }, () => {
    const words = fc.constantFrom('Japan', 'will', 'invest', '$550 billion', '25%', 'tariff', 'cars', 'in', '2019', 'July 22, 2025', 'not', 'threatened', 'the', 'U.S.', 'Brazil', '<!channel>', '@everyone', '🙂', '日本', '\u202e', 'half of', 'percent', '');
    const claims = fc.oneof(
      { weight: 4, arbitrary: fc.string({ maxLength: 200 }) },
      { weight: 4, arbitrary: fc.array(words, { maxLength: 25 }).map((w) => w.join(' ')) },
      { weight: 1, arbitrary: fc.string({ minLength: 990, maxLength: 1100 }) },
    );
    fc.assert(
      fc.property(claims, (claim) => {
        let a: Answer;
        try {
          a = engine.check(claim);
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
          expect((err as UserError).message.length).toBeGreaterThan(10);
          return;
        }
        expect(['supported', 'contradicted', 'differs-by-date', 'no-source']).toContain(a.verdict);
        checkQuotes(engine, a);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});

describe('claim classes of held-out set 6 (a made-up knowledge base)', () => {
  const engineFor = tempEngines();
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(WIDGET_SET6_KNOWLEDGE);
  });
  const deciding = (a: Answer, stance: Stance) => a.citations.filter((c) => c.stance === stance);

  it('buyer and seller swapped ("Aland buys Bland goods" against "Bland’s commitment to purchase … Aland goods") is contradicted, never supported', () => {
    const a = engine.check('Aland committed to buying $7 billion of Bland farm goods');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').some((c) => /Bland’s commitment to purchase \$7 billion/.test(c.quote))).toBe(true);
    checkQuotes(engine, a);
    expect(engine.check('Bland committed to buying $7 billion of Aland farm goods').verdict).toBe('supported');
  });

  it('a claim opening with its figure in words ("Seven billion dollars of …") is not about a name "Seven" the sources lack', () => {
    const a = engine.check('Seven billion dollars of Aland farm goods is what Bland committed to buying');
    expect(a.lines.join(' ')).not.toMatch(/None of my sources mentions/);
    expect(a.verdict).toBe('supported');
    checkQuotes(engine, a);
  });

  it('goods of another party with no buyer named ("purchases worth $3 billion of Aland fish") do not back a claim of the other party’s goods', () => {
    const a = engine.check('Aland will buy $3 billion of Bland fish');
    expect(['no-source', 'contradicted']).toContain(a.verdict);
    expect(deciding(a, 'supports')).toEqual([]);
    checkQuotes(engine, a);
  });

  it('a split written "70/30" in a party’s favour gives the larger side to that party and the smaller to the other', () => {
    const a = engine.check('The profits of the dock project will be split 70/30 in Aland’s favour');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'supports').some((c) => /70% to the Aland of Norland/.test(c.quote))).toBe(true);
    checkQuotes(engine, a);
    expect(engine.check('The profits of the dock project will be split 70/30 in favour of Bland').verdict).toBe('contradicted');
  });

  it('a name that ends a party’s full name in the sources ("Norland" of "the Aland of Norland") stands for the party', () => {
    expect(engine.check('The profits of the dock project will be split 70/30 in Norland’s favour').verdict).toBe('supported');
    expect(engine.check('The profits of the dock project will go 30% to Norland').verdict).toBe('contradicted');
  });

  it('a time given for a goal ("gave themselves five months … to conclude") is compared with an intention ("intend to conclude … within three months"), and "the two governments" is no figure', () => {
    const a = engine.check('The two governments gave themselves five months after the pact enters into force to conclude the ferry talks');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated)).toEqual(['3 months']);
    checkQuotes(engine, a);
    expect(engine.check('The two governments gave themselves three months after the pact enters into force to conclude the ferry talks').verdict).toBe('supported');
  });

  it('"<person>, <an aside>, held the post of <title>" is a claim of a title, weighed at each date like "<person> is <title>"', () => {
    const a = engine.check('Ana Ruiz, Bland’s envoy in Aland, held the post of foreign minister');
    expect(a.verdict).toBe('differs-by-date');
    expect(a.citations.map((c) => c.stated).sort()).toEqual(['Foreign Minister', 'Trade Minister']);
    checkQuotes(engine, a);
  });

  it('an ordinal time ("in its fourth month in office") is compared with the source’s ("on its fourth day in office") as a span of days', () => {
    const a = engine.check('Bland quit the old ferry league in its fourth month in office');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated)).toEqual(['fourth day']);
    checkQuotes(engine, a);
    expect(engine.check('Bland quit the old ferry league in its first month in office').verdict).toBe('supported');
  });
});

/** The classes held-out set 7 found, each on made-up knowledge (`WIDGET_SET7_KNOWLEDGE`). */
describe('claim classes of held-out set 7 (a made-up knowledge base)', () => {
  const engineFor = tempEngines();
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(WIDGET_SET7_KNOWLEDGE);
  });
  const deciding = (a: Answer, stance: Stance) => a.citations.filter((c) => c.stance === stance);

  it('a figure the claim gives a third party ("Eland settled on a 5 percent widget tariff") is not backed by sentences that never name it', () => {
    const a = engine.check('Eland settled on a 5 percent widget tariff with Aland');
    expect(a.verdict).toBe('no-source');
    expect(a.citations).toEqual([]);
    expect(engine.check('Bland widgets pay a 5 percent tariff under the pact').verdict).not.toBe('no-source');
  });

  it('an item of a bulleted list after a long item is still a part of its lead-in, and a topic’s other word ("ferry" for "ship") does not make it speak of the claim’s whole', () => {
    const a = engine.check('Bland will put $12 billion into new ship yards');
    expect(a.verdict).toBe('no-source');
    expect(a.citations).toEqual([]);
  });

  it('a topic named only in a clause saying when ("Once the pact took effect, …") is not the claim’s topic', () => {
    const a = engine.check('Once the pact took effect, Aland and Bland meant to finish the port talks within five months');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated)).toEqual(['2 months']);
    checkQuotes(engine, a);
  });

  it('"at the time" dates a sentence by the one before it in its paragraph ("In May 2022, … Aland at the time put off …"), and "half a year" is six months', () => {
    const a = engine.check('In May 2022 Aland put off any ferry levy for six months');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'supports').some((c) => /at the time put off/.test(c.quote))).toBe(true);
    checkQuotes(engine, a);
    expect(engine.check('In June 2022 Aland put off any ferry levy for six months').verdict).toBe('contradicted');
    expect(engine.check('In May 2022 Aland put off any ferry levy for half a year').verdict).toBe('supported');
  });

  it('of two figures with as many of the claim’s words around them, the one nearer such a word is the one compared ("investments of $3 billion", not "agreed to buy $5 billion")', () => {
    const a = engine.check('Eland agreed to invest $4 billion in Aland');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated)).toEqual(['$3 billion']);
    checkQuotes(engine, a);
  });

  it('a sentence that dates the claim’s event without its figure decides though its fact is filed under another topic, and the figure’s undated sentence names the topic by another word ("ferry" for "vessels")', () => {
    const a = engine.check('Bland’s 8 percent levy on vessels set by the decree applies retroactively to vessels entered for sale on or after March 1, 2023');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'supports').map((c) => c.stated)).toEqual(['1 March 2023']);
    checkQuotes(engine, a);
    const wrong = engine.check('Bland’s 8 percent levy on vessels set by the decree applies retroactively to vessels entered for sale on or after May 1, 2023');
    expect(wrong.verdict).toBe('contradicted');
    expect(deciding(wrong, 'contradicts').map((c) => c.stated)).toEqual(['1 March 2023']);
  });

  it('people as who did it: a sentence that says the rest of a dated claim, at its date, with other people where the claim’s are missing, contradicts it with its people', () => {
    const a = engine.check('Cal Ito and Ana Ruiz signed the port accord in June 2023');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated)).toEqual(['Ben Ota']);
    expect(a.headline).toMatch(/Ben Ota, not Cal Ito/);
    checkQuotes(engine, a);
    expect(engine.check('Ben Ota and Ana Ruiz signed the port accord in June 2023').verdict).toBe('supported');
    expect(engine.check('Ana Ruiz signed the port accord in June 2023').verdict).toBe('supported');
  });

  it('trade by direction: "Aland’s exports to Bland" is the other way from "Bland’s exports to Aland", so the same sum contradicts it, stated with its direction', () => {
    const a = engine.check('Aland’s exports to Bland were worth $9 billion in 2020');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated)).toEqual(['$9 billion from Bland to Aland']);
    checkQuotes(engine, a);
    expect(engine.check('Bland’s exports to Aland were worth $9 billion in 2020').verdict).toBe('supported');
  });

  it('a negation after the claim’s figure is about something else ("… to 5 percent and left no other tariff"): it does not deny the figure', () => {
    const a = engine.check('Under the pact Bland cut its widget tariff to 5 percent and left no other tariff');
    expect(a.verdict).toBe('supported');
    checkQuotes(engine, a);
    expect(engine.check('Bland did not cut its widget tariff to 5 percent under the pact').verdict).toBe('contradicted');
  });

  it('"four days into its term" is a time elapsed: it meets "on its fourth day in office", not "a week into"', () => {
    const a = engine.check('Bland quit the old ferry league four days into its term');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'supports').map((c) => c.stated)).toEqual(['fourth day']);
    checkQuotes(engine, a);
    expect(engine.check('Bland quit the old ferry league a week into its term').verdict).toBe('contradicted');
  });
});

/** The classes held-out set 8 found, each on made-up knowledge (`WIDGET_SET8_KNOWLEDGE`). */
describe('claim classes of held-out set 8 (a made-up knowledge base)', () => {
  const engineFor = tempEngines();
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(WIDGET_SET8_KNOWLEDGE);
  });
  const deciding = (a: Answer, stance: Stance) => a.citations.filter((c) => c.stance === stance);

  it('what one party "sold … to" another is its exports to it', () => {
    const a = engine.check('Aland sold about $12bn worth of goods to Bland in 2023.');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'supports').map((c) => c.stated)).toEqual(['$12 billion']);
    checkQuotes(engine, a);
  });

  it('a sum of one party’s sales to another is not met by a surplus, nor by imports the sentence gives no party', () => {
    // The surplus ($5 billion) measures something else: it does not contradict.
    expect(engine.check('Aland sells about $12bn worth of goods a year to Bland.').verdict).toBe('supported');
    // "with imports totaling $20 billion": whose imports is not said, so it backs neither way.
    const a = engine.check('Bland sold $20bn of goods to Aland in 2023.');
    expect(a.verdict).toBe('no-source');
    expect(a.citations).toEqual([]);
    const b = engine.check('Aland sold $20bn of goods to Bland in 2023.');
    expect(b.verdict).toBe('contradicted');
    expect(deciding(b, 'contradicts').map((c) => c.stated)).toEqual(['$12 billion']);
  });

  it('a day given without its year ("from 1 April") takes the year of the sentences that state that day for the claim', () => {
    const a = engine.check('The 5pc widget tariff cut applied retroactively to widgets entered from 1 April.');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'supports').map((c) => c.stated)).toEqual(['1 April 2020']);
    checkQuotes(engine, a);
    // Another day of that month is another date, and contradicts as the day with its year does (it was read as
    // undated, and the tracked tariff's values "differed by date").
    const other = engine.check('The 5pc widget tariff cut applied retroactively to widgets entered from 9 April.');
    expect(other.verdict).toBe('contradicted');
    expect(deciding(other, 'contradicts').map((c) => c.stated)).toEqual(['1 April 2020']);
    expect(engine.check('The 5pc widget tariff cut applied retroactively to widgets entered from 9 April 2020.').verdict).toBe('contradicted');
  });

  it('an opening adverb ("Reportedly …") is no name the sources lack', () => {
    const a = engine.check("Reportedly almost two-thirds of Bland's exports to Aland came from widgets.");
    expect(a.verdict).toBe('supported');
    checkQuotes(engine, a);
  });

  it('the claim’s exact day, stated with its event, is not contradicted by another date of another event that covers the claim no better', () => {
    const a = engine.check('Aland told its parliament on March 3, 2016 that it meant to start widget talks with Bland.');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'contradicts')).toEqual([]);
    expect(engine.check('Aland told its parliament on March 3, 2017 that it meant to start widget talks with Bland.').verdict).toBe('contradicted');
  });

  it('the claim’s figure stated for someone else, while a list item gives the claim’s party another figure in other words, contradicts; an item of another kind (building plants) does not count', () => {
    const a = engine.check('Bland agreed to buy $90 billion of Aland fuel.');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated).sort()).toEqual(['$2 billion a year', '$90 billion for Gland']);
    checkQuotes(engine, a);
  });
});

/** The classes held-out set 9 found, each on made-up knowledge (`WIDGET_SET9_KNOWLEDGE`). */
describe('claim classes of held-out set 9 (a made-up knowledge base)', () => {
  const engineFor = tempEngines();
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(WIDGET_SET9_KNOWLEDGE);
  });
  const deciding = (a: Answer, stance: Stance) => a.citations.filter((c) => c.stance === stance);

  it('a sum in words with a fraction ("one and a half billion dollars") is the sum, and "past $6bn" is a minimum met by "more than $6 billion"', () => {
    const a = engine.check("Kor Works is putting one and a half billion dollars into Aland's north ports, taking its Aland investments past $6bn.");
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'contradicts')).toEqual([]);
    checkQuotes(engine, a);
    expect(engine.check("Kor Works is putting two and a half billion dollars into Aland's north ports").verdict).toBe('contradicted');
    // The claim figure's own words ("investments past") pick the sentence's figure they stand by, not the one with more of the claim around it.
    const b = engine.check('Kor Works has taken its Aland investments past $6bn');
    expect(b.verdict).toBe('supported');
    expect(deciding(b, 'supports').map((c) => c.stated)).toEqual(['over $6 billion']);
    expect(engine.check('Vel Partners struck a widget deal with Aland Rail topping $300m').verdict).toBe('supported');
  });

  it('a person the claim names as who said it, where the sentence names another doing just that, is contradicted with the other; never supported', () => {
    const a = engine.check('It was Grand Minister Dan Umi who told Widget Radio that Bland would put $800m into Aland canals.');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated)).toEqual(['Ben Ota']);
    expect(a.headline).toMatch(/Ben Ota, not Dan Umi/);
    checkQuotes(engine, a);
    expect(engine.check('Trade Minister Ben Ota told Widget Radio that Bland would put $800m into Aland canals.').verdict).toBe('supported');
    // Another person said to do something else ("said"): not the claim's person, but not shown doing what the claim says either.
    expect(engine.check('Grand Minister Cal Ito said Bland would put $800m into Aland canals.').verdict).toBe('no-source');
  });

  it('a figure the claim puts under an agreement ("Under the pact, …") is weighed against the sentences that put theirs under one, not a rate of the years before', () => {
    const a = engine.check('Under the pact, Bland widgets pay a 5 percent tariff at the Aland border');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'contradicts')).toEqual([]);
    checkQuotes(engine, a);
    const b = engine.check('Under the pact, Bland widgets pay a 20 percent tariff at the Aland border');
    expect(b.verdict).toBe('contradicted');
    expect(deciding(b, 'contradicts').map((c) => c.stated)).toEqual(['5%']);
  });

  it('an event claim is backed by a sentence that says it with a word close in meaning to one no source uses ("built" for "manufactured")', () => {
    const a = engine.check('Bland has committed to accept Aland-built, Aland safety-certified widgets for sale in Bland without additional testing.');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'supports').some((c) => /without additional testing/.test(c.quote))).toBe(true);
    checkQuotes(engine, a);
    // A word no source uses, and none says in other words, still leaves it without a source.
    expect(engine.check('Bland will buy Aland cheese').verdict).toBe('no-source');
  });

  it('a clause saying when ("When Ota visited Aland City last October, …") dates an event claim: the sentence must say the rest, in the month it names', () => {
    const a = engine.check('When Ota visited Aland City last October, he and Foreign Minister Ruiz signed a port minerals agreement.');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'supports').map((c) => c.quote)).toEqual(['Trade Minister Ben Ota and Foreign Minister Ana Ruiz signed a historic port minerals agreement to secure the port supply chain.']);
    checkQuotes(engine, a);
    expect(engine.check('When Ota visited Aland City last May, he and Foreign Minister Ruiz signed a port minerals agreement.').verdict).toBe('no-source');
    expect(engine.check('When Ota visited Aland City last October, he and Foreign Minister Ruiz signed a port cheese agreement.').verdict).toBe('no-source');
  });

  it('a rank ("fifth-largest trading partner") is compared with ranks of the same thing, held by the same subject', () => {
    const a = engine.check("Bland ranks as Aland's fifth-largest trading partner.");
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated)).toEqual(['third-largest']);
    checkQuotes(engine, a);
    expect(engine.check("Bland is Aland's third-largest trading partner.").verdict).toBe('supported');
    // Another thing ranked ("widget maker") says nothing of it; the subjects swapped do not back it.
    expect(engine.check("Dland is the world's third-largest widget maker.").verdict).toBe('contradicted');
    expect(engine.check("Bland is Aland's third-largest widget maker.").verdict).toBe('no-source');
    expect(engine.check("Aland is Bland's third-largest trading partner.").verdict).not.toBe('supported');
  });

  it('a word spelled the other way than the sources spell it ("fertiliser", "favour", "programme") is read their way, and a figure’s own words stop at the next item ("… and $2 billion to build a copper smelter")', () => {
    const a = engine.check('Bland will put up to $3bn into a fertiliser plant in Aland.');
    expect(a.verdict).toBe('supported');
    expect(deciding(a, 'supports').map((c) => c.stated)).toEqual(['up to $3 billion']);
    expect(a.question).toBe('Bland will put up to $3bn into a fertiliser plant in Aland.');
    checkQuotes(engine, a);
    expect(spellingVariants('fertiliser')).toEqual(['fertilizer']);
    expect(spellingVariants('favor')).toEqual(['favour']);
    expect(spellingVariants('programme')).toEqual(['program']);
    expect(spellingVariants('centre')).toEqual(['center']);
    expect(spellingVariants('catalogue')).toEqual(['catalog']);
  });

  it('the claim’s figure given to the wrong item of a sentence ("$2bn for an ammonia fertiliser plant" against "Up to $3 billion … ammonia fertilizer plant … and $2 billion to build a copper smelter") is contradicted by its own item’s figure', () => {
    const a = engine.check('The slate sets aside $2bn for an ammonia fertiliser plant in Aland.');
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated)).toEqual(['up to $3 billion']);
    checkQuotes(engine, a);
    expect(engine.check('The slate sets aside $2bn for a copper smelter in the north of Aland.').verdict).toBe('supported');
    expect(engine.check('The slate sets aside $3bn for an ammonia fertiliser plant in Aland.').verdict).toBe('supported');
  });

  it('a dating word said otherwise ("backdated to", "retrospectively") is the sources’ "apply retroactively": another day contradicts', () => {
    const a = engine.check("Bland's new 8 percent ferry levies were backdated to 1 May 2023.");
    expect(a.verdict).toBe('contradicted');
    expect(deciding(a, 'contradicts').map((c) => c.stated)).toEqual(['1 March 2023']);
    checkQuotes(engine, a);
    expect(engine.check("Bland's new 8 percent ferry levies were backdated to 1 March 2023.").verdict).toBe('supported');
    expect(engine.check("Bland's new 8 percent ferry levies were applied retrospectively from 1 May 2023.").verdict).toBe('contradicted');
  });
});

/**
 * Claims written before the checker was tuned on them (test/fixtures/claims-heldout-*.jsonl;
 * first measured at 76.6%, 70.3%, 83.3%, 73.3%, 56.7%, 63.3%, 73.3%, 66.7% (70.0% on its corrected label) and 56.7%, see the README). They are held to floors a
 * little under what the checker reaches now, and to the rule that matters most:
 * a miss may say "no source", never a confident wrong verdict.
 */
/**
 * Confident mistakes a set still makes, by claim (README, "Figures"): set 10 was measured
 * after set 9's fixes (first run 50.0%, 5 confident mistakes). Mending one fails this test: take it off the list.
 */
const KNOWN_MISTAKES: Record<string, string[]> = {
  'claims-heldout-10.jsonl': [
    // The claim's second date ("kick in on July 9") is not weighed: the letter's month decides, and the item "Japan (25%)" backs the rate.
    "Trump's tariff letter in July told Tokyo its new 25% rate would kick in on July 9.: supported (expected contradicted)",
    // A rate threatened in 2019 (25% on cars) is not read as a value of another date, as the issue's example of differs-by-date has it.
    "Washington's tariff on Japanese cars is 15 percent.: supported (expected differs-by-date)",
    // Announcing the 2019 deal in September is not told from signing the 2025 order in September.
    'Trump announced his trade deal with Japan in September.: supported (expected differs-by-date)',
  ],
};

describe('held-out claim sets: accuracy floors and no confident mistakes', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine();
  });
  it.each([
    ['claims-heldout-1.jsonl', 0.9],
    ['claims-heldout-2.jsonl', 0.8],
    ['claims-heldout-3.jsonl', 0.85],
    ['claims-heldout-4.jsonl', 0.9],
    ['claims-heldout-5.jsonl', 0.8],
    ['claims-heldout-6.jsonl', 0.75],
    ['claims-heldout-7.jsonl', 0.8],
    ['claims-heldout-8.jsonl', 0.9],
    ['claims-heldout-9.jsonl', 0.8],
    ['claims-heldout-10.jsonl', 0.55],
  ])('%s: at least %s right (verdict and a matching quote)', { timeout: 30_000 }, (file, floor) => {
    const cases = readClaims(file);
    let right = 0;
    const confident: string[] = [];
    for (const c of cases) {
      const a = engine.check(c.claim);
      checkQuotes(engine, a);
      const quoted = !c.expect || a.verdict === 'no-source' || a.citations.some((q) => q.stance !== 'context' && new RegExp(c.expect!, 'i').test(matchKey(q.quote)));
      if (a.verdict === c.verdict && quoted) right++;
      else if (a.verdict !== 'no-source' && a.verdict !== c.verdict) confident.push(`${c.claim}: ${a.verdict} (expected ${c.verdict})`);
    }
    expect(right / cases.length).toBeGreaterThanOrEqual(floor);
    expect(confident).toEqual(KNOWN_MISTAKES[file] ?? []);
  });
});
