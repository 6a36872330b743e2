/** How chat text reaches the analyst commands, on every surface's router (commands/index.ts). */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerLine, commands } from '../../commands/index.ts';
import { type Engine } from '../../src/core/engine.ts';
import { WIDGET_KNOWLEDGE } from '../helpers/widget-knowledge.ts';
import { tempEngines } from '../helpers/temp-engines.ts';

const engineFor = tempEngines();
let engine: Engine;
beforeAll(async () => {
  engine = await engineFor(WIDGET_KNOWLEDGE);
});

describe('routing to /deal check and /deal timeline', () => {
  it.each([
    ['/deal check Bland will buy 30 Aland ferries', 'check'], // Slack's /deal and the console
    ['/deal check: Bland will buy 30 Aland ferries', 'check'],
    ['/check Bland will buy 30 Aland ferries', 'check'], // the console, like Discord's /check
    ['check: Bland will buy 30 Aland ferries', 'check'], // after a mention, in a DM
    ['CHECK: Bland will buy 30 Aland ferries?', 'check'], // a question mark does not make it a question
    ['/deal timeline bland', 'timeline'],
    ['/deal timeline', 'timeline'],
    ['/timeline bland widgets', 'timeline'],
    ['timeline: bland', 'timeline'],
    ['check the widget tariff', 'briefing'], // plain text without the colon is not a command
  ])('%s → %s', (text, kind) => {
    const a = answerLine(engine, text);
    expect(kind === 'briefing' ? a.kind !== 'check' && a.kind !== 'timeline' : a.kind === kind).toBe(true);
  });

  it('an empty claim or an over-long timeline request is a clear error, not a crash', () => {
    expect(answerLine(engine, '/deal check')).toMatchObject({ kind: 'error', headline: expect.stringMatching(/^Give me a claim to check, for example: \/deal check Bland widgets paid/) });
    expect(answerLine(engine, `/deal timeline ${'x'.repeat(300)}`)).toMatchObject({ kind: 'error', headline: expect.stringMatching(/at most 200 characters/) });
    expect(answerLine(engine, `/deal check ${'x '.repeat(600)}`)).toMatchObject({ kind: 'error', headline: expect.stringMatching(/limited to 1,000 characters/) });
  });

  it('help lists both commands, with an example from the knowledge', () => {
    const help = answerLine(engine, '/help').lines.join('\n');
    expect(help).toContain('/deal check <claim>');
    expect(help).toContain('/deal timeline <partner> [topic]');
    expect(help).toMatch(/Check a claim: \/deal check Bland widgets paid a 20% tariff/);
    expect(commands.map((c) => c.name)).toEqual(['deal', 'ask', 'check', 'timeline', 'sources', 'help']);
  });
});
