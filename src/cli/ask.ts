/**
 * `npm run ask -- [--json] [--render text|slack|discord] [--knowledge DIR] [question]`
 * Prints replies on standard output; logs go to standard error. With no
 * question, reads one question per line from standard input.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { answerLine } from '../../commands/index.ts';
import { toJson } from './json.ts';
import { explainJson, explainText } from './explain.ts';
import { readConfig } from '../config.ts';
import { UserError } from '../core/model/types.ts';
import { openEngine } from '../startup.ts';
import { renderFor, type RenderTarget } from '../render/index.ts';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      render: { type: 'string', default: 'text' },
      knowledge: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: npm run ask -- [--json] [--explain] [--render text|slack|discord] [--knowledge DIR] [question]\n');
    return;
  }
  const target = values.render as RenderTarget;
  if (!['text', 'slack', 'discord'].includes(target)) throw new UserError('bad_option', `ask: --render must be text, slack or discord (got "${values.render}")`);
  const config = readConfig();
  const engine = await openEngine(values.knowledge ?? config.knowledgeDir);
  const emit = (line: string) => {
    const answer = answerLine(engine, line);
    const json = values.explain ? { ...toJson(answer), ...explainJson(answer) } : toJson(answer);
    const out = values.json ? JSON.stringify(json) : target === 'text' ? renderFor('text', answer) : JSON.stringify(renderFor(target, answer));
    process.stdout.write(out + '\n');
    if (values.explain && !values.json) process.stdout.write(explainText(answer) + '\n');
  };
  if (positionals.length) {
    emit(positionals.join(' '));
    return;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    emit(line);
    if (!values.json && target === 'text') process.stdout.write('\n');
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
