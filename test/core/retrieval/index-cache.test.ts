/**
 * The snapshot cache: a second open loads instead of building, and gives the
 * same answers; a change to the knowledge, a damaged file or a different
 * retriever is never used but rebuilt, with one line saying why.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine.ts';
import { cacheFile, cacheKey, decodeSnapshot, encodeSnapshot, openIndex, treeFingerprint } from '../../../src/core/retrieval/index-cache.ts';
import { buildIndex, loadIndex, snapshotIndex } from '../../../src/core/retrieval/corpus-index.ts';
import { KnowledgeError, loadCorpus } from '../../../src/core/knowledge/load.ts';
import { openEngine } from '../../../src/startup.ts';
import { article, makeKnowledge } from '../../helpers/knowledge.ts';

const BODY = `Negotiators agreed to cut tariffs on machine tools to 5 percent.

The rice quota stays at 70,000 tonnes. Officials said beef duties fall over nine years.`;

let kb: string;
let cache: string;
let lines: string[];
const log = (line: string) => lines.push(line);

beforeEach(async () => {
  kb = await makeKnowledge({ 'articles/a1.md': article({ title: 'Trade talks', date: '2020-01-02', publisher: 'Wire' }, BODY) });
  cache = await mkdtemp(path.join(tmpdir(), 'dealdesk-cache-'));
  lines = [];
});
afterEach(async () => {
  await rm(kb, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

describe('openIndex', () => {
  it('builds and saves on the first open, loads on the second, with the same answers', async () => {
    const first = await openIndex(kb, { cacheDir: cache, log });
    expect(first.source).toBe('built');
    expect(lines).toEqual([expect.stringMatching(/^index-cache: .* is missing; rebuilding$/)]);
    const second = await openIndex(kb, { cacheDir: cache, log });
    expect(second.source).toBe('cache');
    expect(lines).toHaveLength(1);
    const q = 'what is the rice quota?';
    expect(createEngine(second.index).ask(q)).toEqual(createEngine(first.index).ask(q));
    expect(second.index.termsOf(1)).toEqual(first.index.termsOf(1));
  });

  it('rebuilds, saying so, when the knowledge changed', async () => {
    await openIndex(kb, { cacheDir: cache, log });
    await writeFile(path.join(kb, 'articles/a2.md'), article({ title: 'More', date: '2020-02-03' }, 'Steel tariffs were lifted in May.'));
    const opened = await openIndex(kb, { cacheDir: cache, log });
    expect(opened.source).toBe('built');
    expect(opened.reason).toBe('stale: knowledge changed');
    expect(lines.at(-1)).toMatch(/stale: knowledge changed; rebuilding/);
    expect(createEngine(opened.index).ask('steel tariffs lifted').answered).toBe(true);
    expect((await openIndex(kb, { cacheDir: cache, log })).source).toBe('cache');
  });

  it('rebuilds when the retriever changes', async () => {
    await openIndex(kb, { cacheDir: cache, log });
    const opened = await openIndex(kb, { cacheDir: cache, log, retriever: 'minisearch' });
    expect(opened.reason).toMatch(/^stale: retriever changed/);
    expect(opened.index.sentences.kind).toBe('minisearch');
  });

  it.each([
    ['garbage', () => Buffer.from('not a snapshot at all')],
    ['truncated', (b: Buffer) => b.subarray(0, b.length - 9)],
    ['flipped byte', (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 20 ? x ^ 0xff : x)))],
    ['empty', () => Buffer.alloc(0)],
  ])('never uses a corrupt file (%s): rebuilds and rewrites it', async (_name, damage) => {
    const { file } = await openIndex(kb, { cacheDir: cache, log });
    await writeFile(file, damage(await readFile(file)));
    const opened = await openIndex(kb, { cacheDir: cache, log });
    expect(opened.source).toBe('built');
    expect(lines.at(-1)).toMatch(/is corrupt: .*; rebuilding$/);
    expect((await openIndex(kb, { cacheDir: cache, log })).source).toBe('cache');
  });

  it('caches nothing for invalid knowledge and throws the loader’s error', async () => {
    await writeFile(path.join(kb, 'articles/bad.md'), 'no front matter');
    await expect(openIndex(kb, { cacheDir: cache, log })).rejects.toBeInstanceOf(KnowledgeError);
    expect((await readdir(cache)).filter((f) => f.endsWith('.bin'))).toEqual([]);
  });

  it('keeps one file per knowledge folder, leaving no temp files', async () => {
    const { file } = await openIndex(kb, { cacheDir: cache, log });
    expect(file).toBe(cacheFile(cache, await import('node:fs/promises').then((fs) => fs.realpath(kb))));
    expect(await readdir(cache)).toEqual([path.basename(file)]);
  });
});

describe('code fingerprint', () => {
  it('changes when a file in a subfolder changes, is added or is removed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-code-'));
    try {
      await mkdir(path.join(dir, 'stage', 'deeper'), { recursive: true });
      await writeFile(path.join(dir, 'engine.ts'), 'export const a = 1;\n');
      await writeFile(path.join(dir, 'stage', 'part.ts'), 'export const b = 2;\n');
      const before = await treeFingerprint(dir);
      expect(await treeFingerprint(dir)).toBe(before);

      await writeFile(path.join(dir, 'stage', 'part.ts'), 'export const b = 3;\n');
      const edited = await treeFingerprint(dir);
      expect(edited).not.toBe(before);

      await writeFile(path.join(dir, 'stage', 'deeper', 'new.ts'), 'export const c = 4;\n');
      const added = await treeFingerprint(dir);
      expect(added).not.toBe(edited);

      await rm(path.join(dir, 'stage', 'deeper', 'new.ts'));
      expect(await treeFingerprint(dir)).toBe(edited);

      // Same bytes under another folder is another layout: the path counts too.
      await mkdir(path.join(dir, 'other'));
      await writeFile(path.join(dir, 'other', 'part.ts'), 'export const b = 3;\n');
      await rm(path.join(dir, 'stage', 'part.ts'));
      expect(await treeFingerprint(dir)).not.toBe(edited);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the cache key hashes the whole src/core tree', async () => {
    const core = fileURLToPath(new URL('../../../src/core', import.meta.url));
    const key = await cacheKey(kb);
    expect(key.code).toBe(await treeFingerprint(core));
    expect(key.code).not.toBe('unknown');
  });
});

describe('snapshot encoding', () => {
  it('round-trips corpus and index exactly', async () => {
    const corpus = await loadCorpus(kb);
    const index = buildIndex(corpus);
    const key = { format: 1, indexVersion: 0, code: 'c', knowledge: 'k', retriever: 'compact' as const, endian: 'LE', vectors: 'v', wordnet: 'w' };
    const decoded = decodeSnapshot(encodeSnapshot(key, corpus, snapshotIndex(index)));
    expect(decoded.key).toEqual(key);
    expect(decoded.corpus).toEqual(JSON.parse(JSON.stringify(corpus)));
    const loaded = loadIndex(decoded.corpus, decoded.snapshot);
    expect(loaded.passages).toEqual(index.passages);
    expect(loaded.paragraphOf).toEqual(index.paragraphOf);
    expect(loaded.facts).toEqual(index.facts);
  });

  it('refuses a snapshot of another corpus', async () => {
    const corpus = await loadCorpus(kb);
    const snapshot = snapshotIndex(buildIndex(corpus));
    expect(() => loadIndex({ ...corpus, hash: 'other' }, snapshot)).toThrow(/^index: /);
  });
});

describe('openEngine', () => {
  it('uses the cache folder it is given, or none', async () => {
    const engine = await openEngine(kb, { cacheDir: cache, log });
    expect(engine.ask('rice quota').answered).toBe(true);
    expect((await readdir(cache)).length).toBe(1);
    const uncached = await openEngine(kb, { cacheDir: false });
    expect(uncached.ask('rice quota')).toEqual(engine.ask('rice quota'));
  });
});
