/** Timelines (`/deal timeline`): order, merging, topic filter, relative dates, knowledge without deals. */
import { beforeAll, describe, expect, it } from 'vitest';
import { eventDates, factDate, labelFrom } from '../../../src/core/answer/timeline.ts';
import { findDates } from '../../../src/core/answer/dates.ts';
import { type Engine } from '../../../src/core/engine.ts';
import type { Answer, TimelineEvent } from '../../../src/core/model/types.ts';
import { containsQuote } from '../../../src/core/text/normalise.ts';
import { openEngine } from '../../../src/startup.ts';
import { article } from '../../helpers/knowledge.ts';
import { WIDGET_KNOWLEDGE } from '../../helpers/widget-knowledge.ts';
import { tempEngines } from '../../helpers/temp-engines.ts';

const engineFor = tempEngines();

/** Events are in date order and every quote stands verbatim in its article. */
function checkEvents(engine: Engine, a: Answer): TimelineEvent[] {
  expect(a.kind).toBe('timeline');
  const events = a.events!;
  expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
  for (const e of events) {
    expect(e.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    expect(e.label.length).toBeGreaterThan(0);
    if (e.quote) expect(containsQuote(engine.corpus.articles.find((x) => x.id === e.articleId)!.body, e.quote)).toBe(true);
  }
  return events;
}

describe('timeline on a made-up knowledge base', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor({
      ...(WIDGET_KNOWLEDGE as Record<string, string>),
      // A second report of the signing, from a less reliable source.
      'articles/wire.md': article({ title: 'Pact signed', date: '2020-03-03', publisher: 'Wire Service' }, 'Aland and Bland signed the Widget Pact on March 1, 2020, officials said on Tuesday.\n'),
    });
  });

  it('lists milestones, facts and dated sentences oldest first, each with its era', () => {
    const events = checkEvents(engine, engine.timeline('bland'));
    const byLabel = (re: RegExp) => events.find((e) => re.test(e.label));
    // "on Tuesday" in an article of Thursday 10 May 2018.
    expect(byLabel(/proposed a 12 percent/)).toMatchObject({ date: '2018-05-08', kind: 'source', era: '2020 pact' });
    // A fact at its asOf.
    expect(byLabel(/paid a 20% tariff/)).toMatchObject({ date: '2018-05-10', kind: 'fact' });
    // "last year" in an article of 2020.
    expect(byLabel(/threatened a 40 percent/)).toMatchObject({ date: '2019', kind: 'source' });
    expect(byLabel(/enters into force/)).toMatchObject({ date: '2020-07-01', kind: 'milestone', quote: 'The pact enters into force on July 1, 2020.' });
  });

  it('merges one happening reported twice: the milestone’s label, the reliable source’s quote, the other "also reported by"', () => {
    const events = checkEvents(engine, engine.timeline('bland'));
    const signed = events.filter((e) => e.date === '2020-03-01' && /sign/i.test(e.label));
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatchObject({ kind: 'milestone', label: 'Aland and Bland sign the Widget Pact', articleId: 'pact', quote: 'Yesterday, Aland and Bland signed the Widget Pact in Aland City.' });
    expect(signed[0]!.alsoReportedBy.map((r) => r.articleId)).toEqual(['wire']);
  });

  it('keeps different happenings of one day apart', () => {
    const day = checkEvents(engine, engine.timeline('bland')).filter((e) => e.date === '2020-03-01');
    expect(day.map((e) => e.kind).sort()).toEqual(['fact', 'milestone']); // the signing, and the tariff cut of the same day
  });

  it('with a topic, keeps only events on it', () => {
    const shipping = checkEvents(engine, engine.timeline('bland shipping'));
    expect(shipping.length).toBeGreaterThan(0);
    for (const e of shipping) expect(`${e.label} ${e.quote}`).toMatch(/ferr/i);
    const widgets = checkEvents(engine, engine.timeline('bland widgets'));
    expect(widgets.some((e) => /steel/.test(e.label))).toBe(false);
    expect(widgets.map((e) => e.date)).toContain('2018-05-10');
  });

  it('without a partner covers every deal; an unknown partner gets the partners it could ask about', () => {
    expect(engine.timeline('').events!.length).toBe(engine.timeline('bland').events!.length);
    const unknown = engine.timeline('zland');
    expect(unknown.kind).toBe('abstain');
    expect(unknown.citations).toEqual([]);
    expect(unknown.lines.join(' ')).toMatch(/partner I know: Bland/);
  });

  it('quotes are the citations too, in date order, for votes and verbatim checks', () => {
    const a = engine.timeline('bland');
    expect(a.citations.length).toBeGreaterThan(0);
    expect(a.citations.every((c) => a.events!.some((e) => e.quote === c.quote))).toBe(true);
  });
});

describe('timeline on a folder of articles alone (no deals, topics or facts)', () => {
  it('lists the dated sentences, with the year as era', async () => {
    const engine = await engineFor({
      'articles/a.md': article({ title: 'Port news', date: '2023-06-15' }, 'The port authority opened a second container terminal yesterday.\n\nA third terminal is planned for next year, officials said.\n'),
    });
    const events = checkEvents(engine, engine.timeline(''));
    expect(events.map((e) => [e.date, e.era])).toEqual([
      ['2023-06-14', '2023'],
      ['2024', '2024'],
    ]);
  });
});

describe('timeline on the shipped knowledge', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine();
  });

  it('has both eras, oldest first, with every milestone of the partner’s deals', () => {
    const a = engine.timeline('japan');
    const events = checkEvents(engine, a);
    const eras = [...new Set(events.map((e) => e.era))];
    expect(eras.indexOf('2019 agreement')).toBeLessThan(eras.indexOf('2025 agreement'));
    const milestones = engine.corpus.deals.flatMap((d) => d.milestones.map((m) => m.date));
    for (const date of milestones) expect(events.some((e) => e.kind === 'milestone' && e.date === date)).toBe(true);
  });

  it('resolves "Yesterday" in the fact sheet of 23 July to the announcement of 22 July, reported by several sources', () => {
    const announced = engine.timeline('japan').events!.find((e) => e.kind === 'milestone' && e.date === '2025-07-22')!;
    expect(announced.quote).toBeDefined();
    expect(announced.alsoReportedBy.length).toBeGreaterThanOrEqual(2);
  });

  it('a topic narrows it: every event on autos names them', () => {
    const events = checkEvents(engine, engine.timeline('japan autos'));
    expect(events.length).toBeLessThan(engine.timeline('japan').events!.length);
    for (const e of events) expect(`${e.label} ${e.quote ?? ''}`).toMatch(/auto|car|vehicle|truck/i);
  });
});

/**
 * Made-up knowledge for the topic classes (another partner, other topics, other
 * years), so that no rule is tuned to the shipped corpus.
 */
const HARBOUR_KNOWLEDGE: Record<string, string> = {
  'deals.yaml': `deals:
  - id: harbour-accord
    name: "Harbour Accord"
    parties: ["Corvia", "Dunmark"]
    aliases: ["dunmark", "dunmarkish"]
    era: "2022 accord"
    from: "2021-01-01"
    status: "Signed 2022-03-03"
    milestones:
      - { date: "2022-03-03", event: "Corvia and Dunmark sign the Harbour Accord" }
`,
  'topics.yaml': `topics:
  - { id: fisheries, name: "Fisheries", synonyms: ["fish", "fishing", "salmon", "cod", "herring", "seafood", "fisheries"] }
  - { id: shipping, name: "Shipping", synonyms: ["ferry", "ferries", "ships", "freight", "port"] }
  - { id: duties, name: "Duties", synonyms: ["duty", "duties", "tariff", "tariffs"] }
  - { id: talks, name: "Talks", synonyms: ["talks", "minister", "envoy", "negotiations"] }
`,
  'facts/harbour.yaml': `facts:
  - { id: goods-buy, deal: harbour-accord, topic: fisheries, statement: "Dunmark will buy 3 billion crowns of Corvia goods, including salmon, cod, herring and ferry fuel.", asOf: "2022-03-04", article: accord, quote: "Dunmark will buy 3 billion crowns of Corvia goods, including salmon, cod, herring and ferry fuel." }
  - { id: grant, deal: harbour-accord, topic: shipping, statement: "Corvia will pay the Salmon Ferry Renewal Grant to Dunmark shipyards.", asOf: "2022-03-04", article: accord, quote: "Corvia will pay the Salmon Ferry Renewal Grant to Dunmark shipyards." }
  - { id: duty-cut, deal: harbour-accord, topic: duties, statement: "Corvia cut its duty on Dunmark ferries to 2% in March 2022.", asOf: "2022-03-04", article: accord, quote: "On Thursday Corvia cut its duty on Dunmark ferries to 2 percent, which will help the fishing towns of the north." }
  - { id: salmon-duty, deal: harbour-accord, topic: duties, statement: "Corvia removed its tariff on Dunmark salmon.", asOf: "2022-03-04", article: accord, quote: "Corvia also removed its tariff on Dunmark salmon." }
`,
  'articles/accord.md': article(
    { title: 'Corvia and Dunmark sign the Harbour Accord', date: '2022-03-04', publisher: 'Corvia Post', reliability: 'high' },
    [
      'Fisheries Minister Ola Brandt signed the Harbour Accord for Dunmark yesterday in Corvia Port.',
      'Dunmark will buy 3 billion crowns of Corvia goods, including salmon, cod, herring and ferry fuel.',
      'Corvia will pay the Salmon Ferry Renewal Grant to Dunmark shipyards.',
      'On Thursday Corvia cut its duty on Dunmark ferries to 2 percent, which will help the fishing towns of the north.',
      'Corvia also removed its tariff on Dunmark salmon.',
      'Dunmark fishing boats caught a record 40,000 tonnes of cod last year, the ministry said.',
      'Talks on a second accord will start next month, the Dunmark envoy said.',
      'Corvia will open a new ferry terminal next month, the Dunmark envoy said on Friday.',
    ].join('\n\n') + '\n',
  ),
};

describe('timeline topics: what a sentence is judged on (made-up knowledge)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(HARBOUR_KNOWLEDGE);
  });
  const quotes = (request: string) => checkEvents(engine, engine.timeline(request)).map((e) => e.quote ?? e.label);

  it('a topic word that is one item of a list of another topic’s goods is not that topic (ferry fuel among fish)', () => {
    expect(quotes('dunmark shipping').some((q) => /3 billion crowns/.test(q))).toBe(false);
    expect(quotes('dunmark fisheries').some((q) => /3 billion crowns/.test(q))).toBe(true);
  });

  it('a topic word inside a name that holds another topic’s word is not that topic (the Salmon Ferry Renewal Grant is shipping)', () => {
    expect(quotes('dunmark fisheries').some((q) => /Renewal Grant/.test(q))).toBe(false);
    expect(quotes('dunmark shipping').some((q) => /Renewal Grant/.test(q))).toBe(true);
  });

  it('a person’s title before their name is not the topic (“Fisheries Minister Ola Brandt” signing is not talks)', () => {
    expect(quotes('dunmark talks').some((q) => /Ola Brandt/.test(q))).toBe(false);
    expect(quotes('dunmark talks').some((q) => /second accord/.test(q))).toBe(true);
  });

  it('who reports an event (“…, the Dunmark envoy said on Friday”) is not what it is about', () => {
    expect(quotes('dunmark talks').some((q) => /ferry terminal/.test(q))).toBe(false);
    expect(quotes('dunmark shipping').some((q) => /ferry terminal/.test(q))).toBe(true);
  });

  it('a fact filed under another topic is on the topic only when its statement names it, and so is the sentence holding its quote', () => {
    // The duty cut's quote mentions "fishing towns" in passing; its statement does not: not a fisheries event.
    expect(quotes('dunmark fisheries').some((q) => /duty on Dunmark ferries/.test(q))).toBe(false);
    expect(quotes('dunmark shipping').some((q) => /duty on Dunmark ferries/.test(q))).toBe(true);
    // A duty on salmon names the fish in its statement: on both topics.
    expect(quotes('dunmark fisheries').some((q) => /tariff on Dunmark salmon/.test(q))).toBe(true);
    expect(quotes('dunmark duties').some((q) => /tariff on Dunmark salmon/.test(q))).toBe(true);
    // A dated sentence with no fact is judged on its own words.
    expect(quotes('dunmark fisheries').some((q) => /record 40,000 tonnes/.test(q))).toBe(true);
  });
});

describe('timeline topics on the shipped knowledge', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine();
  });
  const events = (request: string) => checkEvents(engine, engine.timeline(request));

  it('aircraft: the farm-goods purchase that names "sustainable aviation fuel" among its goods is not an aircraft event', () => {
    const aircraft = events('japan aircraft');
    expect(aircraft.length).toBeGreaterThan(0);
    for (const e of aircraft) expect(`${e.label} ${e.quote ?? ''}`).not.toMatch(/soybeans/);
    expect(aircraft.some((e) => /Boeing/.test(e.label))).toBe(true);
  });

  it('energy: neither the farm goods (fuel as one item) nor a car subsidy named "Clean Energy Vehicle …"', () => {
    const energy = events('japan energy');
    for (const e of energy) expect(`${e.label} ${e.quote ?? ''}`).not.toMatch(/soybeans|Clean Energy Vehicle/);
    expect(energy.some((e) => /LNG/.test(e.label))).toBe(true);
  });

  it('negotiations: a signing named only by the signers’ titles ("Prime Minister Takaichi") is not a negotiations event', () => {
    const talks = events('japan negotiations');
    expect(talks.some((e) => /critical minerals agreement/.test(`${e.label} ${e.quote ?? ''}`))).toBe(false);
    expect(talks.some((e) => /begin negotiations/.test(e.label))).toBe(true);
  });

  it('investment: a fact on another topic whose quote says "invest" in passing is not an investment event', () => {
    const investment = events('japan investment');
    expect(investment.some((e) => /foreign-made cars/.test(`${e.label} ${e.quote ?? ''}`))).toBe(false);
    expect(investment.some((e) => /\$550 billion/.test(e.label))).toBe(true);
  });
});

describe('timeline dates: when a sentence says something happens', () => {
  /** The event dates of a sentence in an article of `anchor`. */
  const happening = (text: string, anchor: string) => eventDates(text, findDates(text, anchor)).map((d) => d.date);

  it.each([
    // A hope is no event: only the day it was reported.
    ['Hopes for a deal in June are fading, officials said on Monday.', '2022-05-05', ['2022-05-02']],
    // A date with a condition right after it ("in June unless") is a condition, not an event.
    ['It will be hard to agree on a deal in June unless Corvia gives ground.', '2022-05-05', []],
    // A condition later in the clause hedges what follows, not the date ("saying last month that he could … if").
    ['He kept the option open, saying last month that he could raise the duty if he wanted to.', '2022-05-05', ['2022-04']],
    // A plan since changed ("initially set to rise on May 9") is not when anything happens.
    ['Today Corvia signed an order under which duties initially set to rise on May 9 will rise on June 1, 2022.', '2022-05-05', ['2022-05-05', '2022-06-01']],
    // Nor is a due date since moved ("first due last month").
    ['The ferries, first due last month, will now arrive in March next year.', '2022-05-05', ['2023-03']],
    // A hope said with a verb ("had hoped to sign in April") dates the hope's object, which did not happen.
    ['Officials had hoped to sign in April, but the signing was delayed.', '2022-05-05', []],
    // A past proposal is an event: proposing happened on Tuesday.
    ['Corvia proposed a 4 percent duty on Tuesday.', '2022-05-05', ['2022-05-03']],
  ])('%s (article of %s)', (text, anchor, expected) => {
    expect(happening(text, anchor)).toEqual(expected);
  });

  it('a fact’s date: its quote’s event date (hedged dates left out), else the date its statement gives as when, else asOf', () => {
    // The quote's Monday; "could conclude in June" is a hope.
    expect(factDate('Talks could conclude in June, officials said on Monday.', '2022-05-05', '2022-05-05')).toBe('2022-05-02');
    // The quote is dated by the sentence before it ("at the time"); the statement says when.
    expect(factDate('Corvia at the time paused the duty.', '2022-09-01', '2022-09-01', 'In April 2022 Corvia paused the duty.')).toBe('2022-04');
    // "The April 2022 duties" names the duties, not when they were paused: asOf.
    expect(factDate('Those duties were later paused.', '2022-09-01', '2022-09-01', 'The April 2022 duties were later paused.')).toBe('2022-09-01');
  });

  it('a sentence’s second date said as whose a thing is (“Sunday’s port agreement”) dates that thing, not the sentence', async () => {
    const engine = await engineFor({
      ...HARBOUR_KNOWLEDGE,
      'articles/later.md': article({ title: 'More deals', date: '2022-06-14', publisher: 'Corvia Post' }, 'Today’s Dunmark deals build on Sunday’s port agreement with Ellia, officials said.\n'),
    });
    const dates = checkEvents(engine, engine.timeline('dunmark')).filter((e) => e.articleId === 'later').map((e) => e.date);
    expect(dates).toEqual(['2022-06-14']);
  });
});

describe('timeline dates on the shipped knowledge', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine();
  });

  it('a fact whose quote is dated by the sentence before (“Trump at the time delayed …”) stands at the date its statement gives (May 2019)', () => {
    const delayed = engine.timeline('japan').events!.filter((e) => /at the time delayed/.test(e.quote ?? ''));
    expect(delayed.map((e) => e.date)).toEqual(['2019-05']);
  });

  it('no event at a faded hope (“hopes for a deal in September”), a superseded expiry (“initially set to expire on July 9”) or Sunday’s other deals', () => {
    const events = engine.timeline('japan').events!;
    expect(events.some((e) => e.date === '2019-09' && /hopes for a deal in September/.test(e.quote ?? ''))).toBe(false);
    expect(events.some((e) => e.date === '2025-07-09')).toBe(false);
    expect(events.some((e) => /Sunday’s Malaysia/.test(e.quote ?? '') && e.date !== '2025-10-28')).toBe(false);
  });

  it('a fact and the dated sentence of its quote are one event when the quote’s hope is left out (the industry sources “said on Tuesday”)', () => {
    const working = engine.timeline('japan').events!.filter((e) => /working on a trade deal involving agriculture/.test(e.quote ?? ''));
    expect(working.map((e) => [e.date, e.kind])).toEqual([['2019-07-16', 'fact']]);
  });
});

describe('timeline labels: a one-line summary of a sentence', () => {
  it.each([
    // A heading in capitals before the sentence is not what happened.
    ['HARBOUR DEALS FOR THE NORTH: Yesterday, Corvia and Dunmark signed the Harbour Accord.', 'Yesterday, Corvia and Dunmark signed the Harbour Accord'],
    // Nor is a dateline.
    ['PORT ELLIA (Wire) – Corvia and Dunmark signed the Harbour Accord on Monday.', 'Corvia and Dunmark signed the Harbour Accord on Monday'],
    // A long sentence is cut where a clause ends, not mid-clause ("… that would be…").
    [
      'Speaking to reporters last month at the port summit in Ellia, the Corvia trade minister said it was “a very large agreement” that would be “wonderful for the fishing towns of the north and the south.”',
      'Speaking to reporters last month at the port summit in Ellia, the Corvia trade minister said it was “a very large agreement”…',
    ],
    // Without a clause end in reach, at a word, not on one that leads into the next ("… on the…").
    [
      'The ministers hope to lay the groundwork for a possible meeting between the Corvia Prime Minister Ola Brandt and the Dunmark President Ivo Lund on the sidelines of the port summit later this month in Ellia.',
      'The ministers hope to lay the groundwork for a possible meeting between the Corvia Prime Minister Ola Brandt and the Dunmark President Ivo Lund…',
    ],
  ])('%s', (text, expected) => {
    expect(labelFrom(text)).toBe(expected);
  });

  it('on the shipped knowledge, no label keeps a heading or a dateline, and no cut label ends inside a quotation', async () => {
    const engine = await openEngine();
    for (const e of engine.timeline('japan').events!) {
      expect(e.label).not.toMatch(/^[A-Z][A-Z’' .]{6,}(:|\s[–—])/);
      if (e.label.endsWith('…')) expect((e.label.match(/“/g) ?? []).length).toBe((e.label.match(/”/g) ?? []).length);
    }
  });
});
