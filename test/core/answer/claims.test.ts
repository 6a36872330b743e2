/** What a claim or a sentence states: figures, owners, hedges (src/core/answer/claims.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFigures, entityFinder, factFigure, figureFlow, figureOwner, figureTradeWord, findFigures, flowsOpposed, formatFigure, hedgesIn, negates, parseClaim, personNames, yearlessDays } from '../../../src/core/answer/claims.ts';
import type { Deal } from '../../../src/core/model/types.ts';
import { wordVectors } from '../../../src/core/text/vector-source.ts';

// Made-up parties: nothing here is specific to the shipped knowledge.
const deals: Deal[] = [
  {
    id: 'pact',
    name: 'Aland-Bland Pact',
    parties: ['United Kingdom', 'Bland'],
    aliases: ['bland', 'blandish'],
    era: '2020 pact',
    from: '2019-01-01',
    status: 'Signed',
    milestones: [],
  },
];
const figures = (text: string) => findFigures(text).map((f) => `${f.kind}:${formatFigure(f)}`);

describe('findFigures', () => {
  it.each([
    ['Bland will invest $550 billion in the United Kingdom', ['money:$550 billion']],
    ['a surplus of US$67.6 billion last year', ['money:$67.6 billion']],
    ['roughly 7 trillion yen ($65.82 billion) a year', ['money:about 7 trillion yen a year', 'money:$65.82 billion a year']],
    ['a trillion dollars of new money', ['money:$1 trillion']],
    ['€600bn by 2028', ['money:€600 billion']],
    ['threatened 25 percent tariffs, then a 15% baseline and twenty-five per cent more', ['percent:25%', 'percent:15%', 'percent:25%']],
    ['half of global output, nearly two-thirds of it', ['percent:about 50%', 'percent:about 66.7%']],
    ['an agreement to buy 100 Bocing aircraft within six months', ['count:100 aircraft', 'count:6 months']],
    ['more than $40 billion worth, up to 25% tariffs', ['money:over $40 billion', 'percent:up to 25%']],
    ['totaling $7 billion per year', ['money:$7 billion a year']],
    ['$8bn of farm goods every month, $2 billion a week', ['money:$8 billion a month', 'money:$2 billion a week']], // a period after what is counted
    ['boost imports by half, with nearly two-thirds coming from widgets', ['percent:about 50%', 'percent:about 66.7%']], // "by half"; a hyphenated fraction needs no "of"
    ['more than half a trillion dollars, a quarter of a billion euros', ['money:over $500 billion', 'money:about €250 million']], // a share of a scale
    ['nine-tenths of the profits, leaving the rest with a tenth.', ['percent:about 90%', 'percent:about 10%']], // any numerator and denominator; "a tenth" may end a clause
    ['four-fifths of it, a third round of talks', ['percent:about 80%']], // "a third" before a noun is an ordinal
    ['more than two-thirds of the profits, up to half of the rest', ['percent:over 66.7%', 'percent:up to 50%']], // a fraction keeps its qualifier
  ])('%s', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  it('tells a share ("90% of", a fraction) from a percentage that describes a noun ("a 15 percent tariff") and from a change ("a 75% increase", "by 75%")', () => {
    const use = (text: string) => findFigures(text).map((f) => f.use ?? '-');
    expect(use('90% of the profits, half of the surplus, with nearly two-thirds coming from widgets')).toEqual(['share', 'share', 'share']);
    expect(use('a baseline 15 percent tariff and a 24% import tax')).toEqual(['modifier', 'modifier']);
    expect(use('split 90% to the United Kingdom, 25% in 2021, a 75% increase, by 75%.')).toEqual(['-', '-', 'change', 'change']);
    // A change says which way when its word does.
    expect(findFigures('cut tariffs by 10%, then increase imports by 5%').map((f) => `${f.use}:${f.direction}`)).toEqual(['change:down', 'change:up']);
  });

  it('leaves out numbers that name things and the years of dates', () => {
    expect(figures('Executive Order 14345 of September 4, 2025, section 232 of the Act, 19 U.S.C. 1862, a G20 meeting in 2019')).toEqual([]);
  });

  it('reads structured facts’ units', () => {
    expect(formatFigure(factFigure(550, 'usd-billion')!)).toBe('$550 billion');
    expect(formatFigure(factFigure(7, 'usd-billion-per-year')!)).toBe('$7 billion a year');
    expect(formatFigure(factFigure(25, 'percent')!)).toBe('25%');
    expect(factFigure(100, 'aircraft')).toMatchObject({ kind: 'count', unit: 'aircraft' });
    expect(factFigure(undefined, 'percent')).toBeUndefined();
  });
});

describe('compareFigures', () => {
  const one = (text: string) => findFigures(text)[0]!;
  it.each([
    ['$550 billion', '$550 billion', 'same'],
    ['$1 trillion', '$550 billion', 'different'],
    ['$40 billion', 'more than $40 billion', 'same'], // the source's "more than" holds the claim's figure
    ['$45 billion', 'more than $40 billion', 'unclear'], // "more than 40" neither confirms nor rules out 45
    ['$30 billion', 'more than $40 billion', 'different'],
    ['more than $500 billion', '$550 billion', 'same'],
    ['at least $1 billion', '$550 billion', 'unclear'], // a bound is said near its figure: far past it the source gives some other sum
    ['at least $1 billion', '$2 billion', 'unclear'],
    ['more than $1 billion', '$1.2 billion', 'same'],
    ['at most $10 billion', '$2 billion', 'unclear'],
    ['up to $10 billion', '$9 billion', 'same'],
    ['$8bn every month', '$8 billion per year', 'different'], // a month's sum is not a year's
    ['$8bn every month', '$8 billion of goods', 'unclear'], // nor one said with no period
    ['a monthly $8 billion', '$8 billion a month', 'same'],
    ['$8 billion a year', '$8 billion', 'same'],
    ['more than $500 billion', 'over $550 billion', 'unclear'], // the source's minimum implies the claim's, but does not state it
    ['more than $600 billion', 'over $550 billion', 'different'],
    ['about $500 billion', 'over $550 billion', 'unclear'], // an approximate claim keeps its tolerance against a bound
    ['about $300 billion', 'over $550 billion', 'different'],
    ['up to $332 billion', 'up to $232 billion', 'unclear'],
    ['up to $132 billion', 'up to $232 billion', 'different'],
    ['30 percent', 'approximately 30 percent', 'same'],
    ['31%', 'about 30%', 'same'],
    ['40%', 'about 30%', 'different'],
    ['25%', '$25 billion', 'incomparable'],
    ['7 trillion yen', '$7 trillion', 'incomparable'],
    ['100 Bocing aircraft', '200 Bocing planes', 'incomparable'], // different things counted unless told they are the same
    ['half of the surplus', 'a 50 percent tariff', 'incomparable'], // a share and a rate measure different things
    ['half of the surplus', '50% of the exports', 'same'],
    ['a tariff of 75%', 'increase imports of U.S. rice by 75%', 'incomparable'], // a level and a change
    ['boost rice imports by three-quarters', 'a 75% increase in purchases of rice', 'same'],
    ['cut rice imports by 75%', 'increase imports of U.S. rice by 75%', 'incomparable'], // changes the other way
    ['half of the surplus', 'split 90% to one and 10% to the other', 'different'], // a split is a share too, if not said with "of"
  ])('claim %s against source %s: %s', (claim, source, expected) => {
    expect(compareFigures(one(claim), one(source))).toBe(expected);
  });

  it('counts things a caller says are the same ("planes" and "aircraft")', () => {
    expect(compareFigures(one('150 planes'), one('100 aircraft'), () => true)).toBe('different');
  });
});

describe('entities and who a figure belongs to', () => {
  const find = entityFinder(deals);
  const owner = (text: string, i = 0) => {
    const f = findFigures(text)[i]!;
    const o = figureOwner(text, f, find(text));
    return o && `${o.name}/${o.how}`;
  };

  it('finds parties by name, initials (never the pronoun "us") and single-word aliases, and other names', () => {
    const text = 'Blandish firms told us the UK and the United Kingdom, not the European Union (EU), will pay';
    expect(find(text).map((e) => `${e.name}${e.party ? '*' : ''}`)).toEqual(['Bland*', 'United Kingdom*', 'United Kingdom*', 'European Union', 'EU']);
  });

  it('a name after a party’s name or possessive is a name of its own ("Bland’s Senate", "the Bland Senate"); a run holding a party is that party', () => {
    expect(find('Bland’s Senate ratified the Government of Bland plan').map((e) => `${e.name}${e.party ? '*' : ''}`)).toEqual(['Bland*', 'Senate', 'Bland*']);
    expect(find('The Bland Senate met').map((e) => `${e.name}${e.party ? '*' : ''}`)).toEqual(['Bland*', 'Senate']);
  });

  it.each([
    ['Bland (25%)', 'Bland/explicit'], // a list item
    ['split 90% to the United Kingdom and 10% to Bland', 'United Kingdom/explicit'],
    ['a 25% rate for Bland', 'Bland/explicit'],
    ['The United Kingdom will retain 90% of the profits', 'United Kingdom/subject'],
    ['In a deal with the European Union, the EU has agreed to purchase $750 billion', 'EU/subject'],
    ['Bland’s historic $550 billion commitment', 'Bland/explicit'],
    ['Bland keeps most, leaving the United Kingdom with a tenth', 'United Kingdom/explicit'], // "<party> with <figure>"
    ['Bland keeps most, with the United Kingdom getting 90%', 'United Kingdom/subject'], // "with <party> <verb>ing"
    ['a baseline 15% tariff rate', undefined],
  ])('%s → %s', (text, expected) => {
    expect(owner(text)).toBe(expected);
  });

  it('the second figure of a split goes to the second party', () => {
    expect(owner('split 90% to the United Kingdom and 10% to Bland', 1)).toBe('Bland/explicit');
  });

  it('reads a deal’s alias as the party word vectors put it nearest (a capital is its own country’s), else as the partner', () => {
    // Real place names (word vectors know them), none of them the shipped knowledge's parties.
    const north: Deal[] = [{ ...deals[0]!, id: 'north', name: 'North Pact', parties: ['United States', 'Canada'], aliases: ['canadian', 'ottawa', 'washington'] }];
    const vectors = wordVectors(undefined, () => {});
    expect(vectors).not.toBeNull();
    const text = 'Washington and Ottawa agreed; Canadian firms welcomed it';
    expect(entityFinder(north, vectors)(text).filter((e) => e.party).map((e) => e.name)).toEqual(['United States', 'Canada', 'Canada']);
    expect(parseClaim('Washington retains 90% of the profits from Canada’s fund', north, new Set(), vectors).owners[0]).toMatchObject({ name: 'United States', how: 'subject' });
    // Without vectors, every alias stands for the partner, as the knowledge format says.
    expect(entityFinder(north)(text).filter((e) => e.party).map((e) => e.name)).toEqual(['Canada', 'Canada', 'Canada']);
  });

  it('knows people by their titles, so a figure is never a person’s', () => {
    const persons = personNames(['President Donald J. Trump spoke; Prime Minister Sanae Takaichi replied.']);
    expect(persons.has('Trump')).toBe(true);
    expect(persons.has('Takaichi')).toBe(true);
    const claim = parseClaim('Trump imposed a 24% tariff', deals, persons);
    expect(claim.owners).toEqual([undefined]);
  });
});

describe('hedges and negation', () => {
  it.each([
    ['He has threatened to impose 25 percent tariffs', 'threat:threatened'],
    ['The proposal would cut duties to 10%', 'proposal:proposal,possibility:would'],
    ['Ministers could agree a 5% cut', 'possibility:could'],
    ['The official did not confirm the 15% rate', 'negation:not'],
    ['Bland meant to open talks on a 5% cut', 'proposal:meant to'], // an intention, as "intended to" is
    ['Bland will invest $550 billion', ''],
  ])('%s', (text, expected) => {
    const f = findFigures(text)[0]!;
    expect(hedgesIn(text, f.start).map((h) => `${h.kind}:${h.word}`).join(',')).toBe(expected);
  });

  it('only looks back within the clause of the figure', () => {
    const text = 'Talks could resume; the rate is 15%.';
    expect(hedgesIn(text, text.indexOf('15%'))).toEqual([]);
  });
});

describe('figure forms of held-out set 6', () => {
  it('a split written "90/10" is two shares that make 100; other slashed numbers are not', () => {
    expect(figures('profits split 90/10 in Bland’s favour')).toEqual(['percent:90%', 'percent:10%']);
    expect(figures('a 60-40 split')).toEqual(['percent:60%', 'percent:40%']);
    expect(figures('rules 3/4 of page 1/2/2020')).toEqual([]);
  });

  it('the larger side of a split in a party’s favour is that party’s, the smaller the other party’s', () => {
    const c = parseClaim('Profits will be split 90/10 in Bland’s favour', deals);
    expect(c.owners.map((o) => o?.name)).toEqual(['Bland', 'United Kingdom']);
    expect(parseClaim('Profits will be split 90/10 in favour of the United Kingdom', deals).owners.map((o) => o?.name)).toEqual(['United Kingdom', 'Bland']);
  });

  it('whose goods a sum buys is the party right after it ("$8 billion of Bland farm goods"), not a place ("in Bland.")', () => {
    expect(parseClaim('The United Kingdom will buy $8 billion of Bland farm goods', deals).origins.map((o) => o?.name)).toEqual(['Bland']);
    expect(parseClaim('The United Kingdom will invest $8 billion in Bland.', deals).origins).toEqual([undefined]);
  });

  it('an ordinal time ("fourth day", "4th month") is a span of days: spans that overlap are the same, others differ, and they compare with nothing else', () => {
    const [day] = findFigures('on his fourth day in office');
    const [month] = findFigures('in his 4th month in office');
    const [first] = findFigures('in his first month in office');
    const [months] = findFigures('within four months');
    expect(formatFigure(day!)).toBe('fourth day');
    expect(compareFigures(month!, day!)).toBe('different');
    expect(compareFigures(first!, day!)).toBe('same');
    expect(compareFigures(months!, day!)).toBe('incomparable');
  });

  it('"the two governments" is no count; a time given for a goal ("gave themselves six months to …") is an intention', () => {
    const c = parseClaim('The two governments gave themselves six months to finish the talks', deals);
    expect(c.figures.map(formatFigure)).toEqual(['6 months']);
    expect(c.hedges.map((h) => h.kind)).toEqual(['proposal']);
    expect(c.subject).not.toMatch(/governments/);
    expect(parseClaim('Bland will buy six ferries to finish the fleet', deals).hedges).toEqual([]);
  });
});

describe('parseClaim', () => {
  it('separates the figures and dates from what the claim is about', () => {
    const c = parseClaim('Bland pledged $1 trillion of new investment in March 2021', deals);
    expect(c.figures.map(formatFigure)).toEqual(['$1 trillion']);
    expect(c.dates.map((d) => d.date)).toEqual(['2021-03']);
    expect(c.owners[0]).toMatchObject({ name: 'Bland', how: 'subject' });
    expect(c.subject).toBe('Bland pledged of new investment in');
  });

  it('takes a figure’s qualifier out with it ("roughly 30 per cent"), and an aside ("FGD included,") is no subject', () => {
    expect(parseClaim('Both make up roughly 30 per cent of global output', deals).subject).toBe('Both make up of global output');
    expect(parseClaim('Bland will buy Aland goods, FGD included, worth $7bn a year', deals).owners[0]).toMatchObject({ name: 'Bland', how: 'subject' });
  });

  it('reads a year that names a deal as an era, not as a date', () => {
    const c = parseClaim('The 2020 pact entered into force in 2021', deals);
    expect(c.eras.map((d) => d.id)).toEqual(['pact']);
    expect(c.eraYears).toEqual([2020]);
    expect(c.dates.map((d) => d.date)).toEqual(['2021']);
  });

  it('notes hedges, negation and "now"', () => {
    expect(parseClaim('Bland threatened a 25% tariff', deals).hedges.map((h) => h.kind)).toEqual(['threat']);
    expect(parseClaim('Bland did not sign', deals).hedges.map((h) => h.kind)).toEqual(['negation']);
    expect(parseClaim('Bland now pays 15%', deals).current).toBe(true);
    expect(parseClaim('Bland will invest $5 billion by the end of 2029', deals).deadline).toBe(true);
    expect(parseClaim('Bland invested $5 billion in 2029', deals).deadline).toBe(false);
  });

  it('never throws, and everything it finds stands in the claim (fuzzed)', () => {
    const pieces = fc.constantFrom('$', '550', 'billion', '%', '25', 'percent', 'Bland', 'US', 'the', 'United Kingdom', '(', ')', 'to', 'for', 'threatened', 'not', 'in', '2021', 'July', '22,', 'half', 'of', '—', '\u200b', '🙂', '日本');
    const claims = fc.oneof(fc.string({ maxLength: 300 }), fc.array(pieces, { maxLength: 40 }).map((p) => p.join(' ')));
    fc.assert(
      fc.property(claims, (text) => {
        const c = parseClaim(text, deals);
        for (const f of c.figures) expect(Number.isFinite(f.value)).toBe(true);
        for (const d of c.dates) expect(c.text.slice(d.start, d.end)).toBe(d.text);
        expect(c.owners).toHaveLength(c.figures.length);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});

describe('figure forms of held-out set 7', () => {
  it('"four days into his term" is a time elapsed, about four days: it overlaps "his fourth day", not "his first week" or "five days into"', () => {
    const [into] = findFigures('four days into his presidency');
    const [day] = findFigures('on his fourth day in office');
    const [week] = findFigures('in his first week in office');
    const [five] = findFigures('five days into his term');
    const [month] = findFigures('a month into the talks');
    expect(formatFigure(into!)).toBe('four days');
    expect(compareFigures(into!, day!)).toBe('same');
    expect(compareFigures(into!, week!)).toBe('same');
    expect(compareFigures(five!, day!)).toBe('different');
    expect(compareFigures(month!, day!)).toBe('different');
    expect(findFigures('within four months').map((f) => f.until)).toEqual([undefined]);
  });

  it('a time in halves ("half a year", "a year and a half") is counted in the smaller unit, and compares with it', () => {
    expect(figures('Trump put off the tariff for half a year')).toEqual(['count:6 months']);
    expect(figures('talks went on for a year and a half')).toEqual(['count:18 months']);
    const [half] = findFigures('for half a year');
    const [six] = findFigures('for six months');
    const [four] = findFigures('for four months');
    expect(compareFigures(half!, six!)).toBe('same');
    expect(compareFigures(half!, four!)).toBe('different');
  });

  it('which way trade goes: who exports and who imports, from the words before a sum in its clause; a name alone before the noun says nothing', () => {
    const find = entityFinder(deals);
    const flow = (text: string) => figureFlow(text, findFigures(text)[0]!, find(text));
    expect(flow('Bland’s exports to the United Kingdom were worth $9 billion')).toEqual({ exporter: 'Bland', importer: 'United Kingdom' });
    expect(flow('U.K. exports to Bland amounted to $5 billion')).toEqual({ exporter: 'United Kingdom', importer: 'Bland' });
    expect(flow('imports from Bland totaled $7 billion')).toEqual({ exporter: 'Bland' });
    expect(flow('Bland imported $3 billion of cars')).toEqual({ importer: 'Bland' });
    expect(flow('Blandish imports face a 15% tariff')).toBeUndefined();
    expect(flow('Bland will invest $5 billion')).toBeUndefined();
    expect(flowsOpposed({ exporter: 'Bland', importer: 'United Kingdom' }, { exporter: 'United Kingdom', importer: 'Bland' })).toBe(true);
    expect(flowsOpposed({ exporter: 'Bland' }, { importer: 'Bland' })).toBe(true);
    expect(flowsOpposed({ exporter: 'Bland' }, { exporter: 'Bland', importer: 'United Kingdom' })).toBe(false);
    expect(flowsOpposed({ exporter: 'Bland' }, undefined)).toBe(false);
  });

  it('a date that names which thing ("the July 2025 letters") is not the claim’s date when the claim gives another', () => {
    expect(parseClaim('The new rates in the July 2025 letters were to take effect on 1 August 2025', deals).dates.map((d) => d.date)).toEqual(['2025-08-01']);
    expect(parseClaim('The July 2025 letters set new rates', deals).dates.map((d) => d.date)).toEqual(['2025-07']);
    expect(parseClaim('Bland signed the pact in July 2025 and it took effect on 1 August 2025', deals).dates.map((d) => d.date)).toEqual(['2025-07', '2025-08-01']);
  });

  it('"the April 2030 tariffs were later paused": the claim’s event came after the date that names the tariffs', () => {
    expect(parseClaim('The April 2030 tariffs were later paused to allow talks', deals).afterwards).toBe(true);
    expect(parseClaim('The April 2030 tariffs were paused to allow talks', deals).afterwards).toBeUndefined();
    expect(parseClaim('Bland paused its tariffs in April 2030 and later cut them', deals).afterwards).toBeUndefined();
  });

  it('a share "from" something says what it is made of, not whose it is; a share or rate "to" or "for" a party still is that party’s', () => {
    const find = entityFinder(deals);
    const owner = (text: string) => {
      const f = findFigures(text)[0]!;
      return figureOwner(text, f, find(text))?.name;
    };
    expect(owner('roughly two-thirds of it from Bland car exports')).toBeUndefined();
    expect(owner('nearly two-thirds coming from Bland')).toBeUndefined();
    expect(owner('profits split with 90% to the United Kingdom')).toBe('United Kingdom');
    expect(owner('a 25% rate for Bland')).toBe('Bland');
  });

  it('a negation in a heading written in title case ("Products Not Subject to Tariffs.") names a section: it negates nothing', () => {
    const ideas = new Set(['subject', 'tariff', 'cut']);
    expect(negates('Sec. 5. Products Not Subject to Reciprocal Tariffs. (a) The Secretary may cut the tariff', ideas)).toBe(false);
    expect(negates('Not subject to tariffs, the goods enter freely', ideas)).toBe(true);
    expect(negates('Bland will not cut its tariffs', ideas)).toBe(true);
  });
});

describe('figure forms of held-out set 8', () => {
  it('"15pc" and "25 pct" are percentages', () => {
    expect(figures('a 25pc reciprocal tariff and 3 pct more')).toEqual(['percent:25%', 'percent:3%']);
    expect(figures('we bought 25 pcs of gear')).toEqual(['count:25 pcs']);
  });

  it('a change by a multiple ("double its imports", "halved") is a change of 100%, 50% down, …; an adjective ("a double tax") is none', () => {
    const [double] = findFigures('Bland agreed to double its imports of Aland rice');
    const [by75] = findFigures('Bland will increase imports of Aland rice by 75%');
    expect(double).toMatchObject({ kind: 'percent', value: 100, use: 'change', direction: 'up' });
    expect(compareFigures(double!, by75!)).toBe('different');
    expect(findFigures('the duty was halved')).toMatchObject([{ value: 50, use: 'change', direction: 'down' }]);
    expect(findFigures('a double tax on ferries')).toEqual([]);
  });

  it('a change said with "go up by" / "went down by" is a change, like "rise by"', () => {
    const [up] = findFigures('purchases of Aland rice go up by three-quarters');
    const [by75] = findFigures('Bland will increase imports of Aland rice by 75%');
    expect(up).toMatchObject({ use: 'change', direction: 'up' });
    expect(compareFigures(up!, by75!)).toBe('same');
    expect(findFigures('imports went down by a quarter')).toMatchObject([{ value: 25, use: 'change', direction: 'down' }]);
  });

  it('a number right after a month is its day, not a count ("the July 7 letter")', () => {
    expect(figures('the July 7 letter put Bland on a 32% tariff')).toEqual(['percent:32%']);
  });

  it('which way trade goes may be said after the sum ("sold $9 billion worth of goods a year to Aland"); the kind of trade word before a sum, whoever’s it is', () => {
    const text = 'Bland sold $9 billion worth of goods a year to the United Kingdom';
    const [f] = findFigures(text);
    expect(figureFlow(text, f!, entityFinder(deals)(text))).toEqual({ exporter: 'Bland', importer: 'United Kingdom' });
    const imports = 'the third-largest trading partner, with imports totaling $20 billion';
    // ("third-largest" is a figure too, a rank: the sum is the money figure.)
    expect(figureTradeWord(imports, findFigures(imports).find((f) => f.kind === 'money')!)).toBe('import');
    const surplus = 'a trade surplus with the UK, which was $5 billion in goods last year, with most from exports';
    expect(figureTradeWord(surplus, findFigures(surplus)[0]!)).toBeUndefined();
    expect(figureTradeWord(text, f!)).toBe('export');
  });

  it('days given without a year ("from 7 August", "Sept. 4") are found, those with a year are not', () => {
    expect(yearlessDays('goods entered from 7 August.').map((d) => [d.month, d.day])).toEqual([[8, 7]]);
    expect(yearlessDays('signed on Sept. 4 in Aland City').map((d) => [d.month, d.day])).toEqual([[9, 4]]);
    expect(yearlessDays('signed on Sept. 4, 2020')).toEqual([]);
    expect(yearlessDays('in 7 Augusts')).toEqual([]);
    expect(parseClaim('The cut applied to widgets entered from 1 April.', deals).yearless?.map((d) => d.text)).toEqual(['1 April']);
  });
});
