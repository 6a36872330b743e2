/** Timelines (`/deal timeline`): order, merging, topic filter, relative dates, knowledge without deals. */
import { beforeAll, describe, expect, it } from 'vitest';
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
