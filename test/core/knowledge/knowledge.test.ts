import { execFile } from 'node:child_process';
import { chmod, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../../src/core/engine.ts';
import { evidenceProblems, figures, MIN_FACT_QUOTE_WORDS } from '../../../src/core/knowledge/fact-evidence.ts';
import { KnowledgeError, loadCorpus, MAX_FILE_BYTES } from '../../../src/core/knowledge/load.ts';
import { qualityWarnings } from '../../../src/core/knowledge/quality.ts';
import { MAX_ID_LENGTH } from '../../../src/core/knowledge/schema.ts';
import { articlePassages } from '../../../src/core/text/passages.ts';
import { containsQuote } from '../../../src/core/text/normalise.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../../src/startup.ts';
import { article, tempKnowledge } from '../../helpers/knowledge.ts';

// Every knowledge folder this file makes is deleted after its tests.
const makeKnowledge = tempKnowledge();

const good = article({ title: 'Tariff talks', date: '2024-05-01', publisher: 'Example News' }, 'The tariff on widgets is 10 percent.\n\nTalks continue next week.\n');

/** Loads and returns the KnowledgeError's problems (fails if loading succeeds). */
async function problems(dir: string): Promise<string[]> {
  try {
    await loadCorpus(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(KnowledgeError);
    expect((err as Error).message).toMatch(/^knowledge: /);
    return (err as KnowledgeError).problems;
  }
  throw new Error('expected loading to fail');
}

describe('the shipped knowledge', () => {
  it('loads, with every fact quote verbatim in its article', async () => {
    const corpus = await loadCorpus(DEFAULT_KNOWLEDGE_DIR);
    expect(corpus.articles.length).toBeGreaterThanOrEqual(12);
    expect(corpus.facts.length).toBeGreaterThanOrEqual(30);
    const bodies = new Map(corpus.articles.map((a) => [a.id, a.body]));
    for (const f of corpus.facts) expect(containsQuote(bodies.get(f.articleId)!, f.quote), f.id).toBe(true);
  });

  it('keeps each seed byte for byte as its article body', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const seedsDir = path.join(DEFAULT_KNOWLEDGE_DIR, '..', 'seeds');
    const corpus = await loadCorpus(DEFAULT_KNOWLEDGE_DIR);
    const seeds = (await readdir(seedsDir)).filter((f) => f.endsWith('.txt'));
    expect(seeds).toHaveLength(4);
    for (const seed of seeds) {
      const a = corpus.articles.find((x) => x.id === seed.replace(/\.txt$/, ''));
      expect(a?.body).toBe(await readFile(path.join(seedsDir, seed), 'utf8'));
    }
  });
});

describe('loadCorpus', () => {
  it('accepts a folder of articles alone, id from the file name, reliability normal by default', async () => {
    const dir = await makeKnowledge({ 'articles/widgets.md': good });
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => [a.id, a.reliability])).toEqual([['widgets', 'normal']]);
    expect(corpus.deals).toEqual([]);
    expect(corpus.articles[0]!.body).toBe('The tariff on widgets is 10 percent.\n\nTalks continue next week.\n');
  });

  it('reports a missing articles folder and an empty one', async () => {
    expect(await problems(await makeKnowledge({ 'deals.yaml': 'deals: []\n' }))).toEqual([expect.stringMatching(/^articles\/: cannot read folder/)]);
    expect(await problems(await makeKnowledge({ 'articles/readme.txt': 'x' }))).toEqual(['articles/: no articles (*.md) found']);
  });

  it('reports a missing knowledge folder by name', async () => {
    expect(await problems('/nonexistent/kb')).toEqual(['/nonexistent/kb: knowledge folder not found']);
  });

  it('lists every front matter problem with file and field', async () => {
    const dir = await makeKnowledge({
      'articles/a.md': 'no front matter here',
      'articles/b.md': article({ date: '2024-13-40' }, 'Body.'),
      'articles/c.md': '---\ntitle: [unclosed\n---\nBody.',
      'articles/d.md': article({ title: 'T', date: '2024-01-01', reliability: 'shaky', colour: 'red' }, 'Body.'),
      'articles/e.md': article({ title: 'T', date: '2024-01-01' }, '   \n'),
      'articles/f.md': article({ title: 'T', date: '2024-01-01', url: 'not a url' }, 'Body.'),
    });
    const p = await problems(dir);
    expect(p).toContain('articles/a.md: missing front matter (the file must start with a "---" line, YAML, and a closing "---" line)');
    expect(p).toContain('articles/b.md: title: Invalid input: expected string, received undefined');
    expect(p.some((x) => x.startsWith('articles/b.md: date: '))).toBe(true);
    expect(p.some((x) => x.startsWith('articles/c.md: front matter line'))).toBe(true);
    expect(p.some((x) => x.startsWith('articles/d.md: reliability: '))).toBe(true);
    expect(p.some((x) => x.startsWith('articles/d.md: front matter: Unrecognized key') && x.includes('colour'))).toBe(true);
    expect(p).toContain('articles/e.md: body is empty');
    expect(p).toContain('articles/f.md: url: must be an http:// or https:// URL');
  });

  it('rejects duplicate ids, unknown references and quotes not in the article, all at once', async () => {
    const dir = await makeKnowledge({
      'articles/one.md': good,
      'articles/two.md': article({ title: 'Copy', date: '2024-05-02', id: 'one' }, 'Other text.'),
      'deals.yaml': 'deals:\n  - { id: d1, name: D, parties: [A, B], from: "2024-01-01", status: open }\n  - { id: d1, name: D, parties: [A, B], from: "2024-01-01", status: open }\n',
      'topics.yaml': 'topics:\n  - { id: widgets, name: Widgets, synonyms: [widget] }\n',
      'facts/f.yaml': [
        'facts:',
        '  - { id: ok, deal: d1, topic: widgets, statement: S, asOf: "2024-05-01", article: one, quote: "The tariff on widgets is 10 percent." }',
        '  - { id: ok, statement: S, asOf: "2024-05-01", article: one, quote: "The tariff on widgets is 10 percent." }',
        '  - { id: bad-quote, statement: S, asOf: "2024-05-01", article: one, quote: "The tariff is 99 percent." }',
        '  - { id: bad-refs, deal: nope, topic: nada, statement: S, asOf: "2024-05-01", article: ghost, quote: "x" }',
        '  - { statement: S }',
      ].join('\n'),
    });
    const p = await problems(dir);
    expect(p).toContain('articles/two.md: id "one" is already used by another article');
    expect(p).toContain('deals.yaml: deal "d1" is defined twice');
    expect(p).toContain('facts/f.yaml: fact "ok" is defined twice');
    expect(p).toContain('facts/f.yaml: fact "bad-quote": quote: not found in article one');
    expect(p).toContain('facts/f.yaml: fact "bad-refs": article: unknown article "ghost"');
    expect(p).toContain('facts/f.yaml: fact "bad-refs": deal: unknown deal "nope"');
    expect(p).toContain('facts/f.yaml: fact "bad-refs": topic: unknown topic "nada"');
    expect(p.some((x) => x.startsWith('facts/f.yaml: fact #5: id: '))).toBe(true);
  });

  it('matches fact quotes across typography (curly quotes, dashes, no-break spaces)', async () => {
    const dir = await makeKnowledge({
      'articles/t.md': article({ title: 'T', date: '2024-01-01' }, 'He said “the deal is done” \u2013 worth $40\u00a0billion.'),
      'facts/f.yaml': 'facts:\n  - { id: f, statement: S, asOf: "2024-01-01", article: t, quote: "He said \\"the deal is done\\" - worth $40 billion." }\n',
    });
    expect((await loadCorpus(dir)).facts).toHaveLength(1);
  });

  it('reports malformed YAML files with their line', async () => {
    const dir = await makeKnowledge({ 'articles/a.md': good, 'topics.yaml': 'topics:\n  - id: x\n    name: [oops\n', 'deals.yaml': 'not: a list\n' });
    const p = await problems(dir);
    expect(p.some((x) => /^topics\.yaml: line \d+: /.test(x))).toBe(true);
    expect(p).toContain('deals.yaml: must be a mapping with one key "deals" holding a list');
  });

  it('refuses binary, oversized and outside-linked files, with no partial load', async () => {
    const outside = await makeKnowledge({ 'secret.md': good });
    const dir = await makeKnowledge({
      'articles/ok.md': good,
      'articles/binary.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x00, 0x01]),
      'articles/nul.md': `${good}\u0000`,
      'articles/huge.md': article({ title: 'Huge', date: '2024-01-01' }, 'word '.repeat(MAX_FILE_BYTES / 5 + 10)),
    });
    await symlink(path.join(outside, 'secret.md'), path.join(dir, 'articles', 'link.md'));
    const p = await problems(dir);
    expect(p).toContain('articles/binary.md: is not UTF-8 text (binary file?)');
    expect(p).toContain('articles/nul.md: is not text (contains NUL bytes)');
    expect(p).toContain('articles/huge.md: too large (5.0 MB; the limit is 5 MB)');
    expect(p).toContain('articles/link.md: is a link to a file outside the knowledge folder');
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    const dir = await makeKnowledge({ 'articles/ok.md': good, 'articles/locked.md': good });
    await chmod(path.join(dir, 'articles', 'locked.md'), 0o000);
    expect(await problems(dir)).toEqual(['articles/locked.md: cannot be read (permission denied)']);
  });

  it('changes the hash when a file changes', async () => {
    const dir = await makeKnowledge({ 'articles/a.md': good });
    const before = (await loadCorpus(dir)).hash;
    await writeFile(path.join(dir, 'articles', 'a.md'), good.replace('10 percent', '12 percent'));
    expect((await loadCorpus(dir)).hash).not.toBe(before);
  });
});

// ---- issue 10, items 5 and 8 to 11 ----

const made: string[] = [];
/** `makeKnowledge`, removed after these tests. */
async function folder(files: Parameters<typeof makeKnowledge>[0]): Promise<string> {
  const dir = await makeKnowledge(files);
  made.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

const tariffs = article({ title: 'Tariffs', date: '2024-05-01' }, 'The tariff on widgets rises to 12.5 percent on 1 July 2024 under Executive Order 14001.\n\nImports of six hundred tons a year stay duty free, officials said.\n');
const factFile = (...facts: string[]) => `facts:\n${facts.map((f) => `  - ${f}`).join('\n')}\n`;

describe('a fact must be backed by its quote (item 5)', () => {
  it('refuses the probe’s fact: a one-letter quote under an invented statement', async () => {
    const dir = await folder({ 'articles/t.md': tariffs, 'facts/f.yaml': factFile('{ id: invented, statement: "Widgets pay 40% from 2025.", value: 40, asOf: "2024-05-01", article: t, quote: "a" }') });
    const p = await problems(dir);
    expect(p).toContain(`facts/f.yaml: fact "invented": quote: must be at least ${MIN_FACT_QUOTE_WORDS} words, the span of the article that backs the statement (has 1)`);
    expect(p).toContain('facts/f.yaml: fact "invented": statement: the figure 40 is not in the quote');
    expect(p).toContain('facts/f.yaml: fact "invented": value: 40 is not a figure in the quote');
  });

  it('accepts figures written differently in the quote (15% / 15 percent, 1,000 / 1000, number words), and dates and document numbers are not figures', async () => {
    const dir = await folder({
      'articles/t.md': tariffs,
      'facts/f.yaml': factFile(
        '{ id: rate, statement: "Since 1 July 2024 widgets pay 12.5% under EO 14001.", value: 12.5, unit: percent, asOf: "2024-07-01", article: t, quote: "The tariff on widgets rises to 12.5 percent on 1 July 2024" }',
        '{ id: words, statement: "Imports of 600 tons a year stay duty free.", value: 600, asOf: "2024-05-01", article: t, quote: "Imports of six hundred tons a year stay duty free" }',
      ),
    });
    expect((await loadCorpus(dir)).facts.map((f) => f.id)).toEqual(['rate', 'words']);
  });

  it('names every kind of unbacked figure: in the statement, in the value, several at once', () => {
    const quote = 'The tariff on widgets rises to 12.5 percent on 1 July 2024';
    expect(evidenceProblems({ statement: 'Widgets pay 12.5% now.', quote })).toEqual([]);
    expect(evidenceProblems({ statement: 'Widgets pay 12.5% plus $3 a unit, 7 in all.', quote })).toEqual(['statement: the figures 3, 7 are not in the quote']);
    expect(evidenceProblems({ statement: 'Widgets pay more.', value: 25, quote })).toEqual(['value: 25 is not a figure in the quote']);
    expect(evidenceProblems({ statement: 'Widgets pay more.', quote: 'rises to 12.5' })).toEqual([`quote: must be at least ${MIN_FACT_QUOTE_WORDS} words, the span of the article that backs the statement (has 3)`]);
    expect(figures('In 2019, on 7 August and August 7, under section 232 and Executive Order 14345: 25% of $1,200.50 and zero duty')).toEqual([25, 1200.5, 0]);
  });

  it('the shipped facts all pass (three statements lost a figure their quote does not show)', async () => {
    const corpus = await loadCorpus(DEFAULT_KNOWLEDGE_DIR);
    for (const f of corpus.facts) expect(evidenceProblems(f), f.id).toEqual([]);
  });
});

describe('YAML alias bombs and other parser failures (item 8)', () => {
  const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)].join('\n');
  it('names the file of every bomb and keeps every other problem', async () => {
    const dir = await folder({
      'articles/t.md': tariffs,
      'articles/bomb.md': `---\n${laughs}\ntitle: T\ndate: "2024-01-01"\n---\nBody text here.\n`,
      'articles/undated.md': article({ title: 'No date' }, 'Body text here.\n'),
      'facts/bomb.yaml': `${laughs}\nfacts: [*f]\n`,
      'facts/alias.yaml': 'facts: [*nowhere]\n',
      'topics.yaml': `${laughs}\ntopics: [*f]\n`,
      'facts/bad.yaml': factFile('{ id: bad, statement: S, asOf: "2024-05-01", article: ghost, quote: "no such words at all here" }'),
    });
    const p = await problems(dir);
    expect(p).toContain('articles/bomb.md: front matter: Excessive alias count indicates a resource exhaustion attack');
    expect(p).toContain('facts/bomb.yaml: Excessive alias count indicates a resource exhaustion attack');
    expect(p).toContain('topics.yaml: Excessive alias count indicates a resource exhaustion attack');
    expect(p).toContainEqual(expect.stringMatching(/^facts\/alias\.yaml: Unresolved alias/));
    expect(p).toContainEqual(expect.stringMatching(/^articles\/undated\.md: date: /));
    expect(p).toContain('facts/bad.yaml: fact "bad": article: unknown article "ghost"');
    for (const line of p) expect(line).toMatch(/^(articles\/|facts\/|topics\.yaml)/);
  });
});

describe('line endings and control characters (item 9)', () => {
  const paragraphs = Array.from({ length: 168 }, (_, i) => `Paragraph ${i} says the widget tariff is ${i} percent.\nIt wraps onto a second line.`);
  it('splits a CRLF article exactly like its LF copy: 168 paragraphs, no carriage return in any passage', async () => {
    const lf = paragraphs.join('\n\n') + '\n';
    const dir = await folder({
      'articles/lf.md': article({ title: 'LF', date: '2024-01-01' }, lf),
      'articles/crlf.md': article({ title: 'CRLF', date: '2024-01-01' }, lf).replace(/\n/g, '\r\n'),
      'articles/cr.md': article({ title: 'CR', date: '2024-01-01' }, lf).replace(/\n/g, '\r'),
      'articles/unicode.md': article({ title: 'NEL', date: '2024-01-01' }, paragraphs.join('\u2029').replace(/\n/g, '\u2028') + '\u0085'),
      'facts/f.yaml': 'facts:\r\n  - { id: crlf, statement: "Paragraph 7 says 7%.", value: 7, asOf: "2024-01-01", article: crlf, quote: "widget tariff is 7 percent. It wraps onto" }\r\n',
    });
    const corpus = await loadCorpus(dir);
    const split = (id: string) => articlePassages(corpus.articles.find((a) => a.id === id)!);
    const reference = split('lf');
    expect(reference.paragraphs).toHaveLength(168);
    for (const id of ['crlf', 'cr', 'unicode']) {
      const { paragraphs: ps, passages } = split(id);
      expect(ps, id).toHaveLength(168);
      expect(passages.map((x) => x.text.replace(/\s+/g, ' ')), id).toEqual(reference.passages.map((x) => x.text.replace(/\s+/g, ' ')));
      for (const x of passages) expect(x.text, id).not.toMatch(/[\r\u0085\u2028\u2029]/);
    }
    expect(corpus.facts.map((f) => f.id)).toEqual(['crlf']);
    // Answers quote it without a carriage return.
    const engine = await loadEngine(dir);
    const quote = engine.ask('What does paragraph 7 say about the widget tariff?').citations[0]!.quote;
    expect(quote).toMatch(/7 percent/);
    expect(quote).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('refuses any other control character, naming file, line and character', async () => {
    const dir = await folder({
      'articles/esc.md': article({ title: 'T', date: '2024-01-01' }, 'Line one.\nLine two \u001b[31mred\u001b[0m.\n'),
      'articles/bell.md': article({ title: 'T\u0007', date: '2024-01-01' }, 'Body text.\n'),
      'articles/c1.md': article({ title: 'T', date: '2024-01-01' }, 'First.\n\nSecond \u009b31m.\n'),
      'facts/f.yaml': 'facts:\n  - { id: x\u0008, statement: S, asOf: "2024-01-01", article: esc, quote: "q" }\n',
    });
    const p = await problems(dir);
    const reason = "(a source's text may hold letters, punctuation, spaces, tabs and line breaks, not terminal or device controls)";
    expect(p).toEqual([
      `articles/c1.md: line 7: control character U+009B ${reason}`,
      `articles/esc.md: line 6: control character U+001B ${reason}`,
      `facts/f.yaml: line 2: control character U+0008 ${reason}`,
      // Written as a YAML escape ("\a"), it is a title holding a control character.
      'articles/bell.md: title: must not hold control characters',
    ]);
  });

  it('shows control and bidi characters in problems as escapes, never raw (they reach terminals)', async () => {
    const empty = article({ title: 'T', date: '2024-01-01' }, '\n');
    const p = await problems(await folder({ 'articles/a\u001b[2J.md': empty, 'articles/txt\u202egnp.md': empty }));
    expect(p.map((x) => x.split(':')[0])).toEqual(['articles/a\\u{1b}[2J.md', 'articles/txt\\u{202e}gnp.md']);
    for (const x of p) expect(x).not.toMatch(/[\u0000-\u001f\u202e]/);
  });
});

describe('article ids (item 10)', () => {
  it(`refuses file names outside the id character set or over ${MAX_ID_LENGTH} characters, and says how to fix them`, async () => {
    const long = 'a'.repeat(MAX_ID_LENGTH + 1);
    const dir = await folder({
      'articles/<!channel>,x|y.md': tariffs,
      'articles/with space.md': tariffs,
      'articles/-dash.md': tariffs,
      [`articles/${long}.md`]: tariffs,
      'articles/日本-関税_2024.md': tariffs,
      'articles/ok name.md': article({ title: 'T', date: '2024-01-01', id: 'renamed-ok' }, 'Body text.\n'),
    });
    const p = await problems(dir);
    const chars = 'must start with a letter or digit and hold only letters, digits, "_", "." or "-"';
    expect(p).toEqual(
      expect.arrayContaining([
        `articles/<!channel>,x|y.md: the file name "<!channel>,x|y" is not a valid article id (it ${chars}); rename the file or set "id" in the front matter`,
        `articles/with space.md: the file name "with space" is not a valid article id (it ${chars}); rename the file or set "id" in the front matter`,
        `articles/-dash.md: the file name "-dash" is not a valid article id (it ${chars}); rename the file or set "id" in the front matter`,
        `articles/${long}.md: the file name "${long}" is not a valid article id (it must be at most ${MAX_ID_LENGTH} characters (has ${MAX_ID_LENGTH + 1})); rename the file or set "id" in the front matter`,
      ]),
    );
    // Letters of any script are fine, and a front matter id stands in for a bad file name.
    expect(p).toHaveLength(4);
  });
});

describe('source URLs and dates (item 11)', () => {
  it('refuses every scheme but http and https', async () => {
    const bad = ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:msgbox', 'ftp://example.com/x', '//evil.example/x', 'http:/evil.example', 'https://'];
    const files = Object.fromEntries(bad.map((url, i) => [`articles/u${i}.md`, article({ title: 'T', date: '2024-01-01', url }, 'Body text.\n')]));
    const p = await problems(await folder({ ...files, 'articles/ok.md': article({ title: 'T', date: '2024-01-01', url: 'HTTPS://example.com/a?b=1' }, 'Body text.\n') }));
    expect(p).toEqual(bad.map((_, i) => `articles/u${i}.md: url: must be an http:// or https:// URL`));
  });

  it('warns (npm run knowledge:check) on dates that are valid but implausible', async () => {
    const dir = await folder({
      'articles/zero.md': article({ title: 'T', date: '0000-01-01' }, 'Body text.\n'),
      'articles/future.md': article({ title: 'T', date: '2999-01-01' }, 'Body text.\n'),
      'articles/fine.md': article({ title: 'T', date: '2024-01-01' }, 'Body text.\n'),
      'deals.yaml': 'deals:\n  - { id: d, name: D, parties: [A], from: "0219-01-01", to: "2031-01-01", status: open, milestones: [{ date: "1899-12-31", event: E }] }\n',
    });
    const warnings = qualityWarnings(await loadCorpus(dir), new Date('2026-01-01T00:00:00Z'));
    expect(warnings.filter((w) => w.message.includes('implausible'))).toEqual([
      { file: 'articles/future.md', message: 'date 2999-01-01 is implausible (after 2026-01-01); check for a typing slip' },
      { file: 'articles/zero.md', message: 'date 0000-01-01 is implausible (before 1900-01-01); check for a typing slip' },
      { file: 'deals.yaml', message: 'deal "d": from 0219-01-01 is implausible (before 1900-01-01); check for a typing slip' },
      { file: 'deals.yaml', message: 'deal "d": milestone 1899-12-31 is implausible (before 1900-01-01); check for a typing slip' },
    ]);
    // And the real CLI prints them.
    const out = await new Promise<string>((resolve) =>
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/knowledge-check.ts', dir], { cwd: path.resolve(import.meta.dirname, '../../..') }, (_e, stdout) => resolve(stdout)),
    );
    expect(out).toContain('warning: articles/zero.md: date 0000-01-01 is implausible (before 1900-01-01); check for a typing slip');
    expect(qualityWarnings(await loadCorpus(DEFAULT_KNOWLEDGE_DIR)).filter((w) => w.message.includes('implausible'))).toEqual([]);
  }, 30_000);
});
