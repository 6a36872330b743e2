/**
 * Issue 10, items 13 and 15, on the real command router and the real engine
 * over the shipped knowledge: an over-long option of any command is refused
 * in plain words (never zod's), `/deal` words too long to be a partner and a
 * topic are asked as a question, and chat markup in a question is stripped
 * before anything reads it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerLine, answerOrUserError, commands, runCommand } from '../../commands/index.ts';
import type { Engine } from '../../src/core/engine.ts';
import type { Answer } from '../../src/core/model/types.ts';
import { openEngine } from '../../src/startup.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await openEngine();
}, 30_000);

/** Words of exactly `length` characters (no white space at either end, so nothing trims them). */
function wordsOf(length: number): string {
  return 'japan autos tariff '.repeat(Math.ceil(length / 19) + 1).slice(0, length - 1) + 'x';
}

/** What zod says; a user must never see it. */
const ZOD = /zod|too big|expected string|<=\d/i;

/** The limits each command's options have, as the commands document them (literal, not read from the code). */
const LIMITS: Record<string, Record<string, number>> = {
  deal: { partner: 100, topic: 200 },
  ask: { question: 1000 },
  check: { claim: 1000 },
  timeline: { partner: 100, topic: 200 },
};

describe('an over-long option is refused in plain words, through every entry', () => {
  it('the table above is every option with a length limit', () => {
    const declared = Object.fromEntries(commands.filter((c) => c.options.some((o) => o.maxLength)).map((c) => [c.name, Object.fromEntries(c.options.map((o) => [o.name, o.maxLength]))]));
    expect(declared).toEqual(LIMITS);
  });

  // Discord's slash commands pass options straight to runCommand.
  it.each(Object.entries(LIMITS).flatMap(([command, options]) => Object.entries(options).map(([option, max]) => [command, option, max] as const)))(
    'runCommand /%s %s: one character over %i is a clear message naming the limit; at the limit it is answered',
    (command, option, max) => {
      const over = answerOrUserError('', () => runCommand(engine, command, { [option]: wordsOf(max + 1) }));
      expect(over.kind).toBe('error');
      expect(over.headline).toMatch(new RegExp(`limited to ${max.toLocaleString('en-US')} characters; this one has ${(max + 1).toLocaleString('en-US')}\\.$`));
      expect(over.headline).not.toMatch(ZOD);
      const far = answerOrUserError('', () => runCommand(engine, command, { [option]: wordsOf(max * 50) }));
      expect(far.headline).toMatch(new RegExp(`this one has ${(max * 50).toLocaleString('en-US')}\\.$`));
      expect(answerOrUserError('', () => runCommand(engine, command, { [option]: wordsOf(max) })).kind).not.toBe('error');
    },
  );

  // The console, `npm run ask`, Slack's /deal text and mentions, and Discord text after a mention all route through answerLine.
  it.each([
    ['/deal', 201],
    ['/deal', 999],
    ['', 201], // plain words that are not a question read as a briefing request
    ['', 999],
  ])('"%s <%i characters of topic words>" is answered as the question it then is', (prefix, length) => {
    const words = wordsOf(length);
    const answer = answerLine(engine, `${prefix} ${words}`);
    expect(answer.kind).not.toBe('error');
    expect(answer).toEqual(answerLine(engine, `/ask ${words}`));
  });

  it.each([
    ['/deal', 'Questions are limited to 1,000 characters; this one has 1,001.'],
    ['', 'Questions are limited to 1,000 characters; this one has 1,001.'],
    ['/ask', 'Questions are limited to 1,000 characters; this one has 1,001.'],
    ['/deal check', 'Questions are limited to 1,000 characters; this one has 1,001.'],
    ['/check', 'Questions are limited to 1,000 characters; this one has 1,001.'],
    ['check:', 'Questions are limited to 1,000 characters; this one has 1,001.'],
  ])('"%s <1,001 characters>" gets the over-long question message', (prefix, message) => {
    const answer = answerLine(engine, `${prefix} ${wordsOf(1001)}`);
    expect(answer).toMatchObject({ kind: 'error', headline: message });
  });

  it.each(['/deal timeline', '/timeline', 'timeline:'])('"%s <201 characters>" gets the timeline limit in words', (prefix) => {
    const answer = answerLine(engine, `${prefix} ${wordsOf(201)}`);
    expect(answer).toMatchObject({ kind: 'error', headline: 'A timeline takes a partner and an optional topic (at most 200 characters); this has 201.' });
    expect(answerLine(engine, `${prefix} ${wordsOf(200)}`).kind).not.toBe('error');
  });

  it('no over-long text, on any route, shows zod’s words', () => {
    const prefixes = ['', '/deal', '/ask', '/deal check', '/check', 'check:', '/deal timeline', '/timeline', 'timeline:', '/deal sources', '/help', '/sources'];
    for (const prefix of prefixes) for (const length of [101, 201, 1001, 5000]) for (const tail of ['', '?']) {
      const answer = answerLine(engine, `${prefix} ${wordsOf(length)}${tail}`);
      expect(JSON.stringify(answer), `${prefix} ${length}${tail}`).not.toMatch(ZOD);
    }
  });
});

/** Cited article ids and quotes, in order: "the same answer". */
const cited = (a: Answer) => a.citations.map((c) => [c.articleId, c.quote]);

const QUESTION = 'what tariff do Japanese cars pay now?';
const BRIEFING = 'japan autos';

// [label, text with markup, the same text as a person reads it]
const MARKUP: [string, string, string][] = [
  ['Slack user', `<@U123> ${QUESTION}`, QUESTION],
  ['Slack user with name', `<@U123|alice> ${QUESTION}`, QUESTION],
  ['Slack enterprise user', `${QUESTION} <@W0ABC>`, QUESTION],
  ['Slack <!channel>', `<!channel> ${BRIEFING}`, BRIEFING],
  ['Slack <!here|here>', `<!here|here> ${QUESTION}`, QUESTION],
  ['Slack <!everyone>', `${BRIEFING} <!everyone>`, BRIEFING],
  ['Slack channel with name', `<#C123|general> ${QUESTION}`, QUESTION],
  ['Slack channel', `<#C123> ${BRIEFING}`, BRIEFING],
  ['Slack user group', `<!subteam^S1|@team> ${QUESTION}`, QUESTION],
  ['Slack link with label', 'what tariff do <http://x.example/cars|Japanese cars> pay now?', QUESTION],
  ['Slack mailto link', 'what tariff do <mailto:a@x.example|Japanese cars> pay now?', QUESTION],
  ['Slack date (its fallback stays)', 'what tariff do Japanese cars pay <!date^1760000000^{date_short}|now>?', QUESTION],
  ['Discord user', `<@123456789012345678> ${QUESTION}`, QUESTION],
  ['Discord user (nickname form)', `<@!123456789012345678> ${QUESTION}`, QUESTION],
  ['Discord channel', `<#123456789012345678> ${BRIEFING}`, BRIEFING],
  ['Discord role', `<@&123456789012345678> ${QUESTION}`, QUESTION],
  ['Discord command', `</deal:123456789012345678> ${BRIEFING}`, BRIEFING],
  ['Discord subcommand', `${QUESTION} </deal check:123>`, QUESTION],
  ['Discord timestamp', `<t:1760000000:R> ${QUESTION}`, QUESTION],
  ['Discord timestamp, no style', `${QUESTION} <t:1760000000>`, QUESTION],
  ['Discord custom emoji', `<:flag_jp:123456789012345678> ${QUESTION}`, QUESTION],
  ['Discord animated emoji', `${BRIEFING} <a:wave:123456789012345678>`, BRIEFING],
  ['Discord guild link', `<id:customize> ${QUESTION}`, QUESTION],
  ['Discord masked link', 'what tariff do [Japanese cars](https://x.example/cars) pay now?', QUESTION],
  ['all of them', `<@U1> <!channel> <#C1|general> <@&2> <:e:3> what tariff do <https://x.example|Japanese cars> pay <t:4:R> now? </deal:5>`, QUESTION],
];

describe('chat markup is stripped before the question is read', () => {
  it.each(MARKUP)('%s: the same answer and title as without it, through the text router', (_, marked, plain) => {
    const expected = answerLine(engine, plain);
    expect(expected.answered).toBe(true);
    const answer = answerLine(engine, marked);
    expect(cited(answer)).toEqual(cited(expected));
    expect(answer.headline).toBe(expected.headline);
    // The title (the echoed question) is the stripped text.
    expect(answer.question).toBe(plain);
    // After a slash command as well (Slack's /deal).
    expect(cited(answerLine(engine, `/deal ${marked}`))).toEqual(cited(answerLine(engine, `/deal ${plain}`)));
  });

  it.each(MARKUP.filter(([, , plain]) => plain === QUESTION))('%s: the same answer through runCommand (Discord /ask question:)', (_, marked, plain) => {
    const answer = answerOrUserError(marked, () => runCommand(engine, 'ask', { question: marked }));
    expect(cited(answer)).toEqual(cited(runCommand(engine, 'ask', { question: plain })));
    expect(answer.question).toBe(plain);
  });

  it('a bare link keeps its URL as its visible text; markup alone is an empty line (help)', () => {
    expect(answerLine(engine, 'what does <https://x.example/deal> say?').question).toBe('what does https://x.example/deal say?');
    expect(answerLine(engine, '<@U123> <!channel>').kind).toBe('help');
  });

  it('markup in front of a command does not hide it', () => {
    expect(answerLine(engine, '<@U123> /deal sources').kind).toBe(answerLine(engine, '/deal sources').kind);
    expect(answerLine(engine, '<@123456789012345678> check: Japan will buy 100 Boeing aircraft')).toEqual(answerLine(engine, 'check: Japan will buy 100 Boeing aircraft'));
    expect(answerLine(engine, `<!here> timeline: ${BRIEFING}`)).toEqual(answerLine(engine, `timeline: ${BRIEFING}`));
  });

  it('an error echoes the stripped text too', () => {
    const text = `<@U123> ${wordsOf(1001)}`;
    expect(answerLine(engine, text)).toMatchObject({ kind: 'error', question: wordsOf(1001) });
  });

  it('text that only looks like markup is left alone', () => {
    for (const text of ['is the tariff < 25% or > 10%?', 'what did a<b mean?', 'tariffs [2019] (the old deal)?']) {
      expect(answerLine(engine, text).question).toBe(text);
    }
  });
});
