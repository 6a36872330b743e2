/**
 * `unstatedFigure`: a figure asked of a named party that no good sentence
 * gives with it is not answered with other parties' figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type CorpusIndex } from '../../../src/core/retrieval/corpus-index.ts';
import { createEngine } from '../../../src/core/engine.ts';
import { parseQuery } from '../../../src/core/query/parse.ts';
import { rankPassages } from '../../../src/core/ranking/rank.ts';
import { unstatedFigure } from '../../../src/core/ranking/figure-evidence.ts';
import { stem } from '../../../src/core/text/analyzer.ts';
import { DEFAULT_WEIGHTS } from '../../../src/core/ranking/weights.ts';
import type { Article, Corpus } from '../../../src/core/model/types.ts';

const article = (id: string, body: string): Article => ({ id, title: id, date: '2025-07-07', reliability: 'normal', body, file: `articles/${id}.md` });
const corpus: Corpus = {
  articles: [
    article('letters', 'The president sent tariff letters to many countries, setting their new rates:\n\n- Korea (25%)\n- Laos (40%)\n\nMore trade deals with Vietnam, Chile and others are coming soon.'),
    article('steel', 'Chile exports copper and pays a tariff of 10 percent on its steel, officials said.'),
    article('south', 'The new rates also cover South Africa (30%), the ministry said.\n\nPeru will invest $40 billion in new mines, the president said.\n\nMexico pays a 20 percent tariff on its cars and will invest more, the president said.'),
    article('talks', 'Talks with South Ruritania resumed in March, the president said after his deal with Peru.'),
    article('zealand', 'Zealand is to invest $5 billion in new ports, its minister said.'),
    article('chips', 'The order sets a 15 percent tariff on cars. It also lists chips among the sectors the fund may invest in.'),
  ],
  deals: [],
  topics: [
    { id: 'chips', name: 'Chips', synonyms: ['chips', 'semiconductors'] },
    { id: 'autos', name: 'Autos', synonyms: ['cars', 'vehicles'] },
    { id: 'tariffs', name: 'Tariffs', synonyms: ['tariff', 'rate'] },
  ] as Corpus['topics'],
  facts: [],
  hash: 'figure-evidence-test',
};

let index: CorpusIndex;
beforeAll(() => {
  index = buildIndex(corpus);
});

const unstated = (question: string) => {
  const query = parseQuery(question, corpus.deals, corpus.topics);
  return unstatedFigure(index, query, rankPassages(index, query, []));
};

describe('unstatedFigure', () => {
  it('names the party when the sources name it but give no figure of the asked kind with it', () => {
    // Vietnam is named (among coming deals) and the letters give rates, but never Vietnam's.
    expect(unstated('What tariff rate did Vietnam get in the letters?')).toBe(stem('vietnam'));
    expect(unstated('How much will Vietnam pay under its deal?')).toBe(stem('vietnam'));
  });

  it('is satisfied by a sentence (or list item under its lead-in) stating the figure with the name', () => {
    expect(unstated('What tariff rate did Korea get in the letters?')).toBeUndefined();
    expect(unstated('What tariff does Chile pay on steel?')).toBeUndefined();
    // The rarest name the knowledge uses decides: the rate is Korea's (Moon is never named), the item need not name the president.
    expect(unstated('What rate did President Moon get for Korea?')).toBeUndefined();
  });

  it('a several-word name is one party: "South Africa (30%)" gives no figure for South Ruritania', () => {
    expect(unstated('What tariff rate does South Ruritania pay?')).toBe(`${stem('south')} ${stem('ruritania')}`);
    expect(unstated('What tariff rate does South Africa pay?')).toBeUndefined();
    // … met by its head, as sources shorten it: "Zealand is to invest" speaks of New Zealand.
    expect(unstated('How much will New Zealand invest?')).toBeUndefined();
  });

  it('the figure is asked of the rarest name the knowledge uses: the president is named with Peru\'s sum, not with South Ruritania\'s', () => {
    expect(unstated('How much will South Ruritania invest under its deal with the President?')).toBe(`${stem('south')} ${stem('ruritania')}`);
    expect(unstated('How much will Peru invest under its deal with the President?')).toBeUndefined();
  });

  it('a question about money needs a sum: a rate stated with the party does not answer it', () => {
    expect(unstated('How much will Mexico invest?')).toBe(stem('mexico'));
    expect(unstated('How much of a tariff does Mexico pay on cars?')).toBeUndefined();
  });

  it('a rate asked of a thing the knowledge has a topic for is stated with that thing (a topic\'s other words count)', () => {
    expect(unstated('What tariff does the order set on semiconductors?')).toBe(stem('semiconductors'));
    expect(unstated('What tariff does the order set on vehicles?')).toBeUndefined();
    // The rate's own words ask nothing more.
    expect(unstated('What tariff rate does the order set?')).toBeUndefined();
  });

  it('asks nothing of questions that want no figure or name no one', () => {
    expect(unstated('Why is Vietnam making a deal?')).toBeUndefined();
    expect(unstated('what tariff rates did the letters set?')).toBeUndefined();
  });

  it('the engine says what it lacks instead of quoting other parties\' figures', () => {
    // Threshold 0: on so small a knowledge the calibrated threshold would abstain on its own.
    const engine = createEngine(index, { weights: { ...DEFAULT_WEIGHTS, threshold: 0 } });
    const a = engine.ask('What tariff rate did Vietnam get in the letters?');
    expect(a.answered).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.lines[0]).toBe('My sources mention Vietnam but give no rate for it that answers this.');
    expect(engine.ask('What tariff rate does South Ruritania pay?').lines[0]).toBe('My sources mention South Ruritania but give no rate for it that answers this.');
    const korea = engine.ask('What tariff rate did Korea get in the letters?');
    expect(korea.answered).toBe(true);
    expect(korea.citations.length).toBeGreaterThan(0);
  });
});
