/**
 * Claim checks and timelines rendered for Slack, Discord and text:
 * snapshots (on the made-up knowledge base, so only rendering changes them),
 * and a long timeline held to the platforms' documented limits, written here
 * as literal numbers: Slack 3,000 characters a section, 50 blocks, about
 * 12,000 characters a message; Discord 2,000 of content, 4,096 of
 * description, 1,024 a field, 25 fields, 6,000 across the embeds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Engine } from '../../src/core/engine.ts';
import type { Answer, TimelineEvent } from '../../src/core/model/types.ts';
import { renderDiscord, unescapeMarkdown } from '../../src/render/discord.ts';
import { renderSlack, unescapeSlack, type SlackBlock } from '../../src/render/slack.ts';
import { renderText } from '../../src/render/text.ts';
import { labelIsQuote } from '../../src/render/analyst.ts';
import { article } from '../helpers/knowledge.ts';
import { WIDGET_KNOWLEDGE } from '../helpers/widget-knowledge.ts';
import { tempEngines } from '../helpers/temp-engines.ts';

const engineFor = tempEngines();

const ZWSP = /\u200b/g;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * True when `shown` is `quote` in full, or a beginning of it cut where a word
 * ends, followed by "…": a quote is never cut inside a word.
 */
function wholeOrCutAtWord(shown: string, quote: string): boolean {
  const s = flat(shown);
  const q = flat(quote);
  if (s === q) return true;
  if (!s.endsWith('…')) return false;
  const prefix = s.slice(0, -1).trimEnd();
  return q.startsWith(prefix) && /^[\s,;:.!?)”"’-]/.test(q.slice(prefix.length));
}

describe('claim checks and timelines: snapshots', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFor(WIDGET_KNOWLEDGE as Record<string, string>);
  });
  const answers = () => ({
    contradicted: engine.check('Bland cut its widget tariff to 8 percent'),
    differs: engine.check('Bland widgets pay a 20 percent tariff'),
    noSource: engine.check('Cland will buy 30 ferries'),
    timeline: engine.timeline('bland'),
  });

  it('Slack', () => {
    for (const [name, a] of Object.entries(answers())) expect(renderSlack(a)).toMatchSnapshot(name);
  });
  it('Discord', () => {
    for (const [name, a] of Object.entries(answers())) expect(renderDiscord(a)).toMatchSnapshot(name);
  });
  it('text', () => {
    for (const [name, a] of Object.entries(answers())) expect(renderText(a)).toMatchSnapshot(name);
  });

  it('show the verdict badge, the claim and each quote’s stance on every surface', () => {
    const a = engine.check('Bland cut its widget tariff to 8 percent');
    const slack = JSON.stringify(renderSlack(a).blocks);
    expect(slack).toContain('❌ Contradicted');
    expect(slack).toContain('Claim: 8%');
    expect(slack).toContain('✖ contradicts · states 5%');
    const discord = renderDiscord(a).embeds[0]!;
    expect(discord.title).toBe('Check: Bland cut its widget tariff to 8 percent');
    expect(discord.description).toContain('❌ Contradicted');
    expect(discord.fields!.some((f) => f.value.includes('✖ contradicts · states 5%'))).toBe(true);
    expect(renderText(a)).toMatch(/^❌ Contradicted: The sources state 5%, not 8%\./);
  });

  it('a no-source verdict shows no quote anywhere', () => {
    const a = engine.check('Cland will buy 30 ferries');
    expect(renderSlack(a).blocks.some((b) => b.type === 'section' && b.text?.text.startsWith('>'))).toBe(false);
    expect(renderDiscord(a).embeds[0]!.fields ?? []).toEqual([]);
  });
});

/**
 * A long timeline: 8 milestones and 150 dated sentences (long ones, some
 * hostile) over two eras, so that neither platform can show them all.
 */
function longTimelineKnowledge(): Record<string, string> {
  const files: Record<string, string> = {
    'deals.yaml': `deals:
  - id: old
    name: "Old Accord"
    parties: ["Aland", "Bland"]
    aliases: ["bland"]
    era: "old accord"
    from: "2010-01-01"
    to: "2014-12-31"
    status: "In force 2011"
    milestones:
${[1, 2, 3, 4].map((m) => `      - { date: "201${m}-0${m}-1${m}", event: "Old accord milestone number ${m} for Aland and Bland" }`).join('\n')}
  - id: new
    name: "New Pact"
    parties: ["Aland", "Bland"]
    aliases: ["bland"]
    era: "new pact"
    from: "2015-01-01"
    status: "Signed 2016"
    milestones:
${[5, 6, 7, 8].map((m) => `      - { date: "201${m}-0${m}-1${m}", event: "New pact milestone number ${m} for Aland and Bland" }`).join('\n')}
`,
  };
  const filler = 'Officials from Aland and Bland described the widget talks at length, with detailed remarks on quotas, inspections, customs forms and the timetable for further rounds';
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  for (let i = 0; i < 150; i++) {
    // One round every 21 days from 2010: every date different, both eras covered.
    const d = new Date(Date.UTC(2010, 0, 5 + 21 * i));
    const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
    const hostile = i % 25 === 0 ? ' <!channel> @everyone <@U123> [click](http://evil.example) ' : ' ';
    const body = `On ${months[month]} ${day}, ${year}, Bland and Aland held widget round ${i + 1}.${hostile}${filler}, ${filler.toLowerCase()} (round ${i + 1}).\n`;
    const published = new Date(d.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    files[`articles/r${i}.md`] = article({ title: `Round ${i + 1}`, date: published, publisher: `Paper ${i % 7}` }, body);
  }
  return files;
}

describe('labelIsQuote', () => {
  const event = (label: string, quote?: string) => ({ date: '2024-03-03', label, quote }) as TimelineEvent;
  it('a label made of the quote\'s own words is not shown twice, also when it leaves out the opening heading or dateline', () => {
    expect(labelIsQuote(event('The ministers met in Oslo.', 'The ministers met in Oslo.'))).toBe(true);
    expect(labelIsQuote(event('The ministers met in Oslo', 'OSLO (Wire) – The ministers met in Oslo on Monday.'))).toBe(true);
    expect(labelIsQuote(event('Tariffs fall to 10%', 'TRADE: Tariffs fall to 10% from May.'))).toBe(true);
    // A milestone's own label, or a quote that says something else, keeps the label.
    expect(labelIsQuote(event('The deal is signed'))).toBe(false);
    expect(labelIsQuote(event('The deal is signed', 'Both leaders put their names to the text.'))).toBe(false);
  });
});

describe('a long timeline keeps every platform limit', () => {
  let answer: Answer;
  let events: TimelineEvent[];
  beforeAll(async () => {
    const engine = await engineFor(longTimelineKnowledge());
    answer = engine.timeline('bland');
    events = answer.events!;
    expect(events.length).toBeGreaterThan(150);
  });

  /** The events a rendering shows, found by their dates and eras. */
  const eraOf = new Map<string, string>();
  beforeAll(() => {
    for (const e of events) eraOf.set(e.date, e.era);
  });

  it('Slack: at most 50 blocks, 3,000 characters a section, 12,000 in all; milestones first; "n more events: narrow with a topic"', () => {
    const m = renderSlack(answer);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    let total = m.text.length;
    const texts = (b: SlackBlock): string[] => (b.type === 'section' ? [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)] : b.type === 'context' ? b.elements.map((e) => e.text) : b.type === 'actions' ? b.elements.map((e) => e.text.text) : []);
    for (const b of m.blocks) {
      for (const t of texts(b)) {
        expect(t.length).toBeLessThanOrEqual(3000);
        total += t.length;
      }
    }
    expect(total).toBeLessThanOrEqual(12_000);
    const all = JSON.stringify(m);
    expect(all).toMatch(/\d+ more events: narrow with a topic/);
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<@U123>');
    // Every milestone is shown before any sentence of its era is.
    const sections = m.blocks.filter((b): b is Extract<SlackBlock, { type: 'section' }> => b.type === 'section').map((b) => b.text!.text);
    const shownMilestones = sections.filter((t) => t.includes('◆')).length;
    expect(shownMilestones).toBe(8);
    // Both eras are there, each quote whole or cut at a word.
    expect(sections.some((t) => t.includes('*old accord*'))).toBe(true);
    expect(sections.some((t) => t.includes('*new pact*'))).toBe(true);
    let quotes = 0;
    for (const t of sections) {
      const line = t.split('\n').find((l) => l.startsWith('> '));
      if (!line) continue;
      const shown = unescapeSlack(line.slice(2)).replace(ZWSP, '');
      const event = events.find((e) => e.quote && wholeOrCutAtWord(shown, e.quote));
      expect(event, shown).toBeDefined();
      quotes++;
    }
    expect(quotes).toBeGreaterThan(5);
  });

  it('Discord: 2,000 of content, 4,096 of description, 1,024 a field, 25 fields, 6,000 in all; milestones first; the footer says what was left out', () => {
    const m = renderDiscord(answer);
    expect(m.allowedMentions).toEqual({ parse: [] });
    expect(m.content.length).toBeLessThanOrEqual(2000);
    const e = m.embeds[0]!;
    expect(e.title!.length).toBeLessThanOrEqual(256);
    expect((e.description ?? '').length).toBeLessThanOrEqual(4096);
    expect(e.fields!.length).toBeLessThanOrEqual(25);
    let total = e.title!.length + (e.description?.length ?? 0) + e.footer!.text.length;
    for (const f of e.fields!) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
      total += f.name.length + f.value.length;
    }
    expect(total).toBeLessThanOrEqual(6000);
    expect(e.footer!.text).toMatch(/\d+ more events: narrow with a topic/);
    expect(e.fields!.filter((f) => f.name.includes('◆')).length).toBe(8);
    expect(e.fields!.some((f) => f.name.includes('old accord')) && e.fields!.some((f) => f.name.includes('new pact'))).toBe(true);
    const all = JSON.stringify(m);
    expect(all).not.toMatch(/@everyone|<@U123>/);
    for (const f of e.fields!) {
      const line = f.value.split('\n').find((l) => l.startsWith('> '));
      if (!line) continue;
      const shown = unescapeMarkdown(line.slice(2)).replace(ZWSP, '');
      expect(events.some((ev) => ev.quote && wholeOrCutAtWord(shown, ev.quote)), shown).toBe(true);
    }
  });

  it('text shows every event', () => {
    const text = renderText(answer);
    for (const e of events) expect(text).toContain(e.date);
  });
});
