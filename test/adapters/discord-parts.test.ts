/**
 * The Discord adapter's pure parts: autocomplete choices, which messages get
 * an answer, vote buttons and the bounded answer memory.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { autocompleteChoices, MAX_CHOICES } from '../../src/adapters/discord/autocomplete.ts';
import { questionFor, type IncomingMessage } from '../../src/adapters/discord/messages.ts';
import { AnswerMemory, CUSTOM_ID_MAX, parseVoteId, voteRows } from '../../src/adapters/discord/votes.ts';
import { loadEngine, type Engine } from '../../src/core/engine.ts';
import type { Answer } from '../../src/core/model/types.ts';
import { article, tempKnowledge } from '../helpers/knowledge.ts';

// Every knowledge folder this file makes is deleted after its tests.
const makeKnowledge = tempKnowledge();

const BOT = '100000000000000002';

let engine: Engine;
beforeAll(async () => {
  // 30 topics: more than Discord's 25 choices.
  const topics = Array.from({ length: 30 }, (_, i) => `  - id: topic-${String(i + 1).padStart(2, '0')}\n    name: "Topic ${i + 1}"\n    synonyms: ["word${i + 1}"]`).join('\n');
  const dir = await makeKnowledge({
    'articles/a.md': article({ title: 'A', date: '2025-01-02', publisher: 'P' }, 'Tariffs on cars from Freedonia fell to 10 percent.'),
    'topics.yaml': `topics:\n${topics}\n  - id: autos\n    name: "Autos"\n    synonyms: ["car", "cars"]\n`,
    'deals.yaml': 'deals:\n  - id: fr-2025\n    name: "Freedonia deal"\n    parties: ["United States", "Freedonia"]\n    aliases: ["freedonia", "fredonia"]\n    era: "2025 deal"\n    from: "2025-01-01"\n    status: "Signed"\n    milestones: []\n',
  });
  engine = await loadEngine(dir);
});

describe('autocompleteChoices', () => {
  it('never offers more than 25 choices', () => {
    expect(autocompleteChoices(engine, 'topic', '')).toHaveLength(MAX_CHOICES);
  });

  it('filters by what is typed, prefix matches first, topic ids as values', () => {
    expect(autocompleteChoices(engine, 'topic', 'aut')).toEqual([{ name: 'Autos', value: 'autos' }]);
    expect(autocompleteChoices(engine, 'topic', 'topic 3')).toEqual([{ name: 'Topic 3', value: 'topic-03' }, { name: 'Topic 30', value: 'topic-30' }]);
    expect(autocompleteChoices(engine, 'topic', 'zzz')).toEqual([]);
  });

  it('offers partners and their aliases, without duplicates', () => {
    const all = autocompleteChoices(engine, 'partner', '');
    expect(all.map((c) => c.value)).toEqual(['freedonia', 'fredonia']);
    expect(autocompleteChoices(engine, 'partner', 'FRE')[0]).toEqual({ name: 'Freedonia', value: 'freedonia' });
  });

  it('keeps names and values within 100 characters for any input (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom<'partner' | 'topic'>('partner', 'topic'), (typed, kind) => {
        for (const c of autocompleteChoices(engine, kind, typed)) {
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe('questionFor (which messages get an answer)', () => {
  const listen = new Set(['555']);
  const msg = (over: Partial<IncomingMessage>): IncomingMessage => ({ content: '', authorIsBot: false, authorId: '1', channelId: '444', inGuild: true, mentions: [], ...over });

  it('answers a mention, without the mention', () => {
    expect(questionFor(msg({ content: `<@${BOT}> what tariff do cars pay?`, mentions: [BOT] }), BOT, listen)).toBe('what tariff do cars pay?');
    expect(questionFor(msg({ content: `hey <@!${BOT}>   japan autos`, mentions: [BOT] }), BOT, listen)).toBe('hey japan autos');
    expect(questionFor(msg({ content: `<@${BOT}>`, mentions: [BOT] }), BOT, listen)).toBe('');
  });

  it('answers questions in a listening channel, not chatter, and nothing elsewhere unmentioned', () => {
    expect(questionFor(msg({ channelId: '555', content: 'what tariff do cars pay?' }), BOT, listen)).toBe('what tariff do cars pay?');
    expect(questionFor(msg({ channelId: '555', content: 'nice weather' }), BOT, listen)).toBeUndefined();
    expect(questionFor(msg({ channelId: '444', content: 'what tariff do cars pay?' }), BOT, listen)).toBeUndefined();
  });

  it('answers anything in a DM', () => {
    expect(questionFor(msg({ inGuild: false, content: 'japan autos' }), BOT, listen)).toBe('japan autos');
  });

  it('never answers bots or itself', () => {
    expect(questionFor(msg({ authorIsBot: true, content: `<@${BOT}> what?`, mentions: [BOT] }), BOT, listen)).toBeUndefined();
    expect(questionFor(msg({ authorId: BOT, inGuild: false, content: 'what?' }), BOT, listen)).toBeUndefined();
  });
});

describe('vote buttons', () => {
  const answer = (ids: string[]): Answer => ({
    kind: 'answer',
    question: 'q?',
    answered: true,
    headline: 'h',
    citations: ids.map((articleId) => ({ articleId, title: 't', date: '2025-01-01', reliability: 'high', quote: 'x', era: 'e', alsoReportedBy: [] })),
    facts: [],
    notes: [],
    lines: [],
  });

  it('carry the vote and cited article ids in a custom_id of at most 100 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9_-]{1,60}$/), { minLength: 1, maxLength: 8 }), (ids) => {
        const [row] = voteRows(answer(ids));
        const [up, down] = row!.components as { custom_id: string }[];
        for (const b of [up!, down!]) expect(b.custom_id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
        const parsed = parseVoteId(up!.custom_id)!;
        expect(parsed.vote).toBe('up');
        // Cited ids without repeats, in order; the tail may be dropped to fit (the memory keeps them all).
        expect(parsed.articleIds).toEqual([...new Set(ids)].slice(0, parsed.articleIds.length));
        expect(parsed.articleIds.length).toBeGreaterThan(0);
        expect(parseVoteId(down!.custom_id)!.vote).toBe('down');
      }),
    );
  });

  it('are left off answers with nothing to vote on, and other buttons are not ours', () => {
    expect(voteRows({ ...answer([]), answered: false })).toEqual([]);
    expect(parseVoteId('something-else')).toBeUndefined();
  });

  it('the answer memory forgets the oldest beyond its capacity', () => {
    const memory = new AnswerMemory(3);
    for (const id of ['1', '2', '3', '4']) memory.remember(id, answer(['a', 'b', 'a']));
    expect(memory.size).toBe(3);
    expect(memory.get('1')).toBeUndefined();
    expect(memory.get('4')).toEqual({ question: 'q?', articleIds: ['a', 'b'] });
  });
});
