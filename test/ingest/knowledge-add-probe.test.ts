/**
 * `knowledge:add` on six saved pages made without looking at the extractor,
 * each in the style of a different kind of site (a React news site, a
 * government release, a WordPress blog, a wire story on a regional paper, a
 * `<main>` page of sections with a table and a list, an AMP page with its
 * metadata in a JSON-LD graph). The bodies are real trade texts; the expected
 * paragraphs, title, date and publisher are in probe-expected.json. Each page
 * must keep at least 90% of its text, let no page chrome in, stay verbatim,
 * give its metadata, be refused when added again (by file and by copy) with
 * the folder untouched, and be cited when the bot is asked about it.
 */
import { copyFile, cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/core/engine.ts';
import { addArticles } from '../../src/ingest/add.ts';
import { extractHtml } from '../../src/ingest/html.ts';
import { addExpectedPage, keptShare, MIN_KEPT, pageWords, probeFolders, refusal, snapshot, words, written, collapse, expectedPages } from '../helpers/page-probe.ts';

const root = path.resolve(import.meta.dirname, '../..');
const pages = path.join(root, 'test/fixtures/pages');

const EXPECTED = await expectedPages('probe-expected.json');
const { knowledge, tempDir } = probeFolders('wheat');

describe('knowledge:add on six pages made independently of the extractor', () => {
  for (const [id, e] of Object.entries(EXPECTED)) {
    const file = path.join(pages, e.file);

    it(`${id}: the body kept (at least 90%), no chrome, verbatim, metadata from the page`, async () => {
      const dir = await knowledge();
      const { lines } = await addExpectedPage(dir, id, e);

      expect(keptShare(words(e.body.join(' ')), words(lines.join(' ')))).toBeGreaterThanOrEqual(MIN_KEPT);
      // No chrome: every line written is part of the article text, and none of the page's furniture is there.
      const expectedText = collapse(e.body.join(' '));
      for (const line of lines) expect(expectedText, `not article text: ${JSON.stringify(line)}`).toContain(line);
      const body = lines.join('\n');
      for (const c of e.chrome) {
        expect(expectedText, `the fixture's chrome list holds article text: ${c}`).not.toContain(c);
        expect(body, `chrome in the body: ${c}`).not.toContain(c);
      }
      // Verbatim: every line (a table row cell by cell) stands word for word in the page.
      const source = pageWords(await readFile(file, 'utf8'));
      for (const line of lines) expect(source, `not verbatim: ${JSON.stringify(line)}`).toContain(line);
    });

    it(`${id}: refused a second time, by file and as a renamed copy, with the folder untouched`, async () => {
      const dir = await knowledge();
      await addArticles({ knowledgeDir: dir, files: [file], id });
      const before = await snapshot(dir);
      expect(await refusal({ knowledgeDir: dir, files: [file], id })).toEqual([`${file}: an article with id "${id}" already exists (articles/${id}.md); choose another with --id`]);
      const copy = path.join(await tempDir('probe-copy-'), 'article (1).html');
      await copyFile(file, copy);
      expect(await refusal({ knowledgeDir: dir, files: [copy] })).toEqual([`${copy}: is the same text as article "${id}" (articles/${id}.md: "${e.title}")`]);
      expect(await snapshot(dir)).toEqual(before);
    });

    it(`${id}: the bot, on a copy of the knowledge folder, cites the page`, async () => {
      const dir = await tempDir('probe-knowledge-');
      await cp(path.join(root, 'knowledge'), dir, { recursive: true });
      await addArticles({ knowledgeDir: dir, files: [file], id });
      const answer = (await loadEngine(dir)).ask(e.question);
      expect(answer.answered).toBe(true);
      expect(answer.citations.map((c) => c.articleId)).toContain(id);
    });
  }
});

describe('the same classes on other markup', () => {
  const prose =
    '<p>The two governments said on Tuesday that talks on the rice quota had stalled after negotiators failed to agree on the size of the tariff-free allowance for the coming year.</p>' +
    '<p>Officials on both sides said the gap was narrower than it had been in the spring, but that the question of how the quota would be shared remained open.</p>';
  const text = ['The two governments said on Tuesday that talks on the rice quota had stalled after negotiators failed to agree on the size of the tariff-free allowance for the coming year.', 'Officials on both sides said the gap was narrower than it had been in the spring, but that the question of how the quota would be shared remained open.'];

  it('a blog: site name from its brand link, a "Posted on" dateline, a masthead date ignored, a wire copyright line dropped', () => {
    const { paragraphs, meta } = extractHtml(
      `<html><head><title>Rice quota talks stall - Harvest Notes</title></head><body><header><a class="navbar-brand" href="/">Harvest Notes</a><time>Monday, December 1, 2026</time></header>` +
        `<div class="content"><h1>Rice quota talks stall</h1><span class="date">Posted on March 3, 2024</span>${prose}<p>Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.</p></div></body></html>`,
    );
    expect(meta).toMatchObject({ title: 'Rice quota talks stall', date: '2024-03-03', publisher: 'Harvest Notes' });
    expect(paragraphs).toEqual(text);
  });

  it('a logo in an h1, a byline and a dateline as plain paragraphs, an AMP ad, a sidebar <time>', () => {
    const { paragraphs, meta } = extractHtml(
      `<html><head><title>Port Gazette - Crane strike ends</title></head><body><header><h1 class="logo"><a href="/" rel="home">Port Gazette</a></h1></header>` +
        `<article><h2>Crane strike ends</h2><p>By Ann Lee</p><p>14 February 2024</p>${prose}<amp-ad width="300" height="250"><div fallback>Ad failed to load</div></amp-ad></article><aside><time>February 13, 2024</time></aside></body></html>`,
    );
    expect(meta).toMatchObject({ title: 'Crane strike ends', date: '2024-02-14', publisher: 'Port Gazette' });
    expect(paragraphs).toEqual(text);
  });

  it('a date only in a sidebar list of other stories is not the page\'s date', () => {
    const { meta } = extractHtml(`<html><head><title>Crane strike ends</title></head><body><article><h1>Crane strike ends</h1>${prose}<aside><ul><li><time>February 13, 2024</time> Older story</li></ul></aside></article></body></html>`);
    expect(meta.date).toBeUndefined();
  });
});
