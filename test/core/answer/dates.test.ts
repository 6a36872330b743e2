/** Dates in text, resolved against the article's date (src/core/answer/dates.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datesAgree, findDates, formatDate, yearFromWords } from '../../../src/core/answer/dates.ts';

/** The dates found, as "text=date" pairs. */
const found = (text: string, anchor?: string) => findDates(text, anchor).map((d) => `${d.text}=${d.date}`);

describe('findDates: dates stated in full', () => {
  it.each([
    ['On July 22, 2025, I announced a framework agreement', 'July 22, 2025=2025-07-22'],
    ['signed on 22 July 2025 in Washington', '22 July 2025=2025-07-22'],
    ['effective 2025-08-07 at 12:01 a.m.', '2025-08-07=2025-08-07'],
    ['planned to visit from Aug. 28-30, 2025 to negotiate', 'Aug. 28-30, 2025=2025-08-28'],
    ['the agreement of September 2019', 'September 2019=2019-09'],
    ['Trump pulled the United States out of TPP in 2017.', '2017=2017'],
    ['Signed in Tokyo this 28th day of October, two thousand and twenty-five.', '28th day of October, two thousand and twenty-five=2025-10-28'],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it('marks the dates of documents cited by name as references, not events', () => {
    const d = findDates('found in Proclamation 9704 of March 8, 2018 (Adjusting Imports), and section 232 of the Trade Expansion Act of 1962');
    expect(d.map((x) => [x.date, x.reference])).toEqual([
      ['2018-03-08', true],
      ['1962', true],
    ]);
  });

  it('does not take money, percentages, statute numbers or invalid days for dates', () => {
    expect(found('$2019 billion, 2019 percent, 19 U.S.C. 2019, No. 2020, February 30, 2025 and 1999-02-30')).toEqual(['2025=2025']);
  });
});

describe('findDates: relative dates resolved against the article date', () => {
  // Each case: a sentence, the date of the article it appears in, and what it must resolve to (and why).
  it.each([
    ['Yesterday, President Trump announced a landmark agreement', '2025-07-23', 'Yesterday=2025-07-22'], // the day before
    ['Today in Tokyo, the President announced projects', '2025-10-28', 'Today=2025-10-28'],
    ['Japan last year shipped more than $40 billion worth of vehicles', '2019-09-23', 'last year=2018'],
    ['an important constituency ahead of next year’s presidential election', '2019-07-18', 'next year=2020'],
    ['The president last month said he had no plans', '2019-09-23', 'last month=2019-08'],
    ['Trump told Congress earlier this month that he intends to reach an agreement', '2019-09-23', 'earlier this month=2019-09'],
    ['later this month in France', '2019-08-20', 'later this month=2019-08'],
    ['Trump and Abe met in Osaka last month', '2019-01-10', 'last month=2018-12'], // across a year boundary
    ['he had reached with Japan last week', '2019-09-23', 'last week=2019-09'], // the week of 16-22 September: one month
    ['deliveries occurred earlier this week', '2025-10-28', 'earlier this week=2025-10'], // Monday 27 October only
    ['three sources said on Tuesday', '2019-07-18', 'Tuesday=2019-07-16'], // the Tuesday before a Thursday
    ['in time for Wednesday’s scheduled meeting', '2019-09-23', 'Wednesday=2019-09-25'], // "scheduled": the coming Wednesday
    ['no progress would come until after Sunday’s elections', '2019-07-18', 'Sunday=2019-07-21'], // "would … until": still to come
    ['two-day talks in Washington from Wednesday', '2019-08-20', 'Wednesday=2019-08-21'], // "from": the next one
    ['a joint statement signed Wednesday by the two leaders', '2019-09-25', 'Wednesday=2019-09-25'], // the article's own day
    ['In May, the Commerce Department concluded', '2019-09-23', 'In May=2019-05'], // the nearest May: this year's
    ['they could agree when they meet in New York in September', '2019-07-18', 'in September=2019-09'], // the coming September
    ['The leaders agreed in September last year to discuss', '2019-07-18', 'September last year=2018-09'],
    ['when Trump imposed a 24% import tax in early April', '2025-08-28', 'early April=2025-04'],
    ['rates that will take effect on August 1.', '2025-07-07', 'August 1=2025-08-01'],
    ['a tariff announced on December 15', '2020-01-10', 'December 15=2019-12-15'], // the nearest December 15 is last year's
    ['three years ago', '2025-05-01', 'three years ago=2022'],
    // A verb in the past right before the weekday: the one before, though "will" comes earlier in the sentence.
    ['The vote will decide the route, the envoy said on Tuesday', '2023-11-08', 'Tuesday=2023-11-07'],
    ['Both sides will now meet again, officials announced Monday', '2023-11-08', 'Monday=2023-11-06'],
    // "expected" is no past: the coming one.
    ['A decision is expected Friday', '2023-11-08', 'Friday=2023-11-10'],
  ])('%s (article of %s)', (text, anchor, expected) => {
    expect(found(text, anchor)).toEqual([expected]);
  });

  it('does not treat an estimate or the modal "may" as a date', () => {
    expect(found('roughly 90 days ago, ministers may meet again', '2025-07-07')).toEqual([]);
  });

  it('needs the article date for relative dates', () => {
    expect(found('Yesterday, in May, last year, on Tuesday')).toEqual([]);
  });
});

describe('date helpers', () => {
  it('datesAgree compares as far as the less precise date goes', () => {
    expect(datesAgree('2020', '2020-01-01')).toBe(true);
    expect(datesAgree('2025-07', '2025-07-22')).toBe(true);
    expect(datesAgree('2025-07', '2025-08-02')).toBe(false);
    expect(datesAgree('2024', '2025-09-04')).toBe(false);
  });

  it('formats dates for labels and reads years in words', () => {
    expect([formatDate('2025-07-22'), formatDate('2025-07'), formatDate('2025')]).toEqual(['22 July 2025', 'July 2025', '2025']);
    expect([yearFromWords('two thousand and twenty-five'), yearFromWords('nineteen ninety-nine'), yearFromWords('the year')]).toEqual([2025, 1999, undefined]);
  });

  it('on any text, finds only well-formed dates whose words stand at their offsets (fuzzed)', () => {
    const words = fc.constantFrom('Yesterday', 'last', 'year', 'month', 'week', 'on', 'Tuesday', 'in', 'May', 'July', '22,', '2025', '1999-02-30', 'Aug.', '28-30', 'ago', 'three', 'this', '$2020', 'of', ' ', '\n', '—');
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.array(words, { maxLength: 30 }).map((w) => w.join(' ')));
    fc.assert(
      fc.property(text, fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), (t, d) => {
        for (const m of findDates(t, d.toISOString().slice(0, 10))) {
          expect(t.slice(m.start, m.end)).toBe(m.text);
          expect(m.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
        }
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
