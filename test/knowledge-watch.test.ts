import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../src/core/engine.ts';
import { KnowledgeHolder } from '../src/knowledge-watch.ts';
import { createLogger } from '../src/log.ts';
import { article, makeKnowledge } from './helpers/knowledge.ts';

const v1 = article({ title: 'Quota', date: '2023-01-01' }, 'The grain quota is 2 million tonnes this year.\n');
const v2 = article({ title: 'Quota', date: '2023-06-01' }, 'The grain quota rises to 3 million tonnes this year.\n');

async function setup() {
  const dir = await makeKnowledge({ 'articles/quota.md': v1 });
  const lines: string[] = [];
  const logger = createLogger('info', [], (l) => lines.push(l));
  const holder = new KnowledgeHolder(await loadEngine(dir), dir, loadEngine, logger, 50);
  return { dir, holder, lines };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('live knowledge', () => {
  it('swaps in a valid change picked up by the watcher', async () => {
    const { dir, holder, lines } = await setup();
    holder.watch();
    expect(holder.current().ask('How big is the grain quota?').citations[0]!.quote).toMatch(/2 million/);
    await writeFile(path.join(dir, 'articles', 'quota.md'), v2);
    await until(() => lines.some((l) => l.includes('knowledge reloaded')));
    expect(holder.current().ask('How big is the grain quota?').citations[0]!.quote).toMatch(/3 million/);
    await holder.close();
  });

  it('keeps the old knowledge on an invalid change and logs every problem', async () => {
    const { dir, holder, lines } = await setup();
    await writeFile(path.join(dir, 'articles', 'broken.md'), 'no front matter');
    await writeFile(path.join(dir, 'articles', 'undated.md'), article({ title: 'T' }, 'Body.'));
    expect(await holder.reload()).toBe(false);
    const logged = JSON.parse(lines.find((l) => l.includes('knowledge change rejected'))!);
    expect(logged.problems).toEqual([expect.stringMatching(/^articles\/broken\.md: missing front matter/), expect.stringMatching(/^articles\/undated\.md: date: /)]);
    expect(holder.current().ask('How big is the grain quota?').citations[0]!.quote).toMatch(/2 million/);
  });

  it('answers every question during reloads with the old or the new knowledge, never an error', async () => {
    const { dir, holder } = await setup();
    const seen = new Set<string>();
    let reloads = 0;
    for (let round = 0; round < 6; round++) {
      await writeFile(path.join(dir, 'articles', 'quota.md'), round % 2 ? v1 : v2);
      const pending = holder.reload().then(() => reloads++);
      // Ask while the reload is in flight.
      for (let i = 0; i < 20; i++) {
        const quote = holder.current().ask('How big is the grain quota?').citations[0]!.quote;
        seen.add(/3 million/.test(quote) ? 'new' : /2 million/.test(quote) ? 'old' : 'other');
        await new Promise((r) => setImmediate(r));
      }
      await pending;
    }
    expect(reloads).toBe(6);
    expect([...seen].sort()).toEqual(['new', 'old']);
  });
});
