import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/core/query/parse.ts';
import { questionType } from '../../../src/core/query/question-type.ts';
import type { Deal, Topic } from '../../../src/core/model/types.ts';

const deals: Deal[] = [
  { id: 'ab-2020', name: 'A-B Agreement', parties: ['Aland', 'Bland'], aliases: ['bland', 'blandish', 'bland city'], era: '2020 deal', from: '2019-01-01', to: '2022-12-31', status: 'in force', milestones: [] },
];
const topics: Topic[] = [
  { id: 'autos', name: 'Autos', synonyms: ['car', 'vehicle', 'auto parts'] },
  { id: 'farm', name: 'Agriculture', synonyms: ['beef', 'farmers'] },
];

describe('parseQuery', () => {
  it('finds partner, topic, era words and question type', () => {
    const q = parseQuery('What tariff do Blandish cars pay now?', deals, topics);
    expect(q.deals.map((d) => d.id)).toEqual(['ab-2020']);
    expect(q.topics.map((t) => t.id)).toEqual(['autos']);
    expect(q.recent).toBe(true);
    expect(q.type).toBe('rate');
    expect(q.isQuestion).toBe(true);
    // The car concept is satisfied by the topic's other words too, but not by one word of a
    // phrase ("part" of "auto parts" alone is not a car, as "rate" of "exchange rate" is not a currency).
    const car = q.concepts.find((c) => c.stems[0] === 'car')!;
    expect(car.stems).toEqual(expect.arrayContaining(['vehicl', 'auto']));
    expect(car.stems).not.toContain('part');
    expect(q.terms.has('part')).toBe(false);
  });

  it('reads years as era cues, not as words a sentence must hold', () => {
    const q = parseQuery('beef rules in 2019', deals, topics);
    expect(q.years).toEqual([2019]);
    expect(q.concepts.some((c) => c.stems[0] === '2019')).toBe(false);
    expect(q.isQuestion).toBe(false);
  });

  it('matches multi-word aliases and synonyms as phrases', () => {
    const q = parseQuery('auto parts from bland city', deals, topics);
    expect(q.topics.map((t) => t.id)).toEqual(['autos']);
    expect(q.concepts.filter((c) => c.partner).map((c) => c.stems[0])).toEqual(['bland', 'citi']);
  });

  it('classifies question types', () => {
    expect(questionType('How much did they import?')).toBe('amount');
    expect(questionType('Who is the trade representative?')).toBe('who');
    expect(questionType('When was it signed?')).toBe('when');
    expect(questionType('Why did talks stall?')).toBe('why');
    expect(questionType('What rate applies to steel?')).toBe('rate');
    expect(questionType('Tell me about beef')).toBe('other');
    // A verb and "the" may stand between "what" and the noun that names the answer's kind.
    expect(questionType("What's the number of the order that set it up?")).toBe('amount');
    expect(questionType('What was the value of the exports?')).toBe('amount');
    expect(questionType('What is the date of the signing?')).toBe('when');
    expect(questionType('What is the plan?')).toBe('other');
  });

  it('never throws, and gives only non-empty stems, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const q = parseQuery(s, deals, topics);
        return q.concepts.every((c) => c.stems.length > 0 && c.stems.every((x) => x.length > 0)) && [...q.terms.values()].every((w) => w > 0 && w <= 1);
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });
});
