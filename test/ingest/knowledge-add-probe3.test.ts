/**
 * `knowledge:add` on a third set of five saved pages made without looking at
 * the extractor (a markets news page with timestamps, captions, a video embed
 * and "Read more" lists; a committee press release with field labels and an
 * end mark; an old layout-table page with a navigation column and a
 * "Site - Headline" title; a Word "Web Page, Filtered" fact sheet with a
 * letterhead, hard-wrapped lines, Symbol-font bullets and a cut-short
 * <title>; a HubSpot blog post with a reading time and an author box). The
 * expected paragraphs and metadata are in probe3-expected.json; `chrome` must
 * never be in the body. Then small synthetic pages for each class, so the
 * rules are not tied to these five pages.
 */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addArticles } from '../../src/ingest/add.ts';
import { extractHtml } from '../../src/ingest/html.ts';
import { addExpectedPage, expectCleanArticle, expectedPages, probeFolders, refusal, snapshot, written } from '../helpers/page-probe.ts';

const root = path.resolve(import.meta.dirname, '../..');
const pages = path.join(root, 'test/fixtures/pages');

const EXPECTED = await expectedPages('probe3-expected.json');
const { knowledge, tempDir } = probeFolders('rice');

/** Decodes a fixture as the command does (one is windows-1252). */
const fixtureText = async (file: string) => (await import('../../src/ingest/html.ts')).decodeHtml(await readFile(file));

describe('knowledge:add on a third set of pages made independently of the extractor', () => {
  for (const [id, e] of Object.entries(EXPECTED)) {
    const file = path.join(pages, e.file);

    it(`${id}: the body kept (at least 90%), no chrome, verbatim, metadata from the page`, async () => {
      const dir = await knowledge();
      const { lines } = await addExpectedPage(dir, id, e);
      expectCleanArticle(e, lines, await fixtureText(file));
    });

    it(`${id}: refused a second time, by file and as a renamed copy, with the folder untouched`, async () => {
      const dir = await knowledge();
      await addArticles({ knowledgeDir: dir, files: [file], id });
      const before = await snapshot(dir);
      expect(await refusal({ knowledgeDir: dir, files: [file], id })).toEqual([`${file}: an article with id "${id}" already exists (articles/${id}.md); choose another with --id`]);
      const copy = path.join(await tempDir('probe3-copy-'), `article (1)${path.extname(file)}`);
      await copyFile(file, copy);
      expect(await refusal({ knowledgeDir: dir, files: [copy] })).toEqual([`${copy}: is the same text as article "${id}" (articles/${id}.md: "${e.title}")`]);
      expect(await snapshot(dir)).toEqual(before);
    });
  }

  it('word-fact-sheet: the Symbol-font bullets are list items, the glyph dropped; no paragraph keeps a hard-wrapped line break', async () => {
    const { paragraphs } = extractHtml(await fixtureText(path.join(pages, EXPECTED['word-fact-sheet']!.file)));
    const list = EXPECTED['word-fact-sheet']!.body.find((p) => p.startsWith('- '))!;
    expect(paragraphs).toContain(list);
    for (const p of paragraphs) if (!p.startsWith('- ')) expect(p, 'a line break inside a paragraph').not.toContain('\n');
    expect(paragraphs.join('\n')).not.toContain('·');
  });
});

// Two paragraphs of prose that every synthetic page carries.
const P1 = 'The two governments said on Tuesday that talks on the rice quota had stalled after negotiators failed to agree on the size of the tariff-free allowance for the coming year.';
const P2 = 'Officials on both sides said the gap was narrower than it had been in the spring, but that the question of how the quota would be shared remained open.';
const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;
const TITLE = '<title>Rice talks stall</title>';
const H1 = '<h1>Rice talks stall</h1>';

describe('dates shown on the page', () => {
  it('a "Posted <date> | section" line with no headline element; a lone date line in a Word export', () => {
    const posted = extractHtml(page(TITLE, `<table><tr><td><b>Rice talks stall</b><br><font size="1">Posted March 4, 2021 | Asia &gt; Trade</font><br><br>${P1}<br><br>${P2}</td></tr></table>`));
    expect(posted.meta.date).toBe('2021-03-04');
    expect(posted.paragraphs.join('\n')).not.toContain('Posted');
    const word = extractHtml(
      page('<meta name=Generator content="Microsoft Word 15 (filtered)"><title>Rice talks</title>', `<div class=WordSection1><p class=MsoNormal><span>June\n2, 2022</span></p><p class=MsoNormal><span>${P1}</span></p><p class=MsoNormal>${P2}</p></div>`),
    );
    expect(word.meta.date).toBe('2022-06-02');
    expect(word.paragraphs).toEqual([P1, P2]);
  });

  it('a parsely-pub-date meta', () => {
    expect(extractHtml(page(`${TITLE}<meta name="parsely-pub-date" content="2024-11-05T14:32:11+0000">`, `<article>${H1}<p>${P1}</p><p>${P2}</p></article>`)).meta.date).toBe('2024-11-05');
  });
});

describe('titles', () => {
  it('"Site - Headline" when the logo or the copyright names the site; not when nothing confirms it', () => {
    const body = (extra: string) => `${extra}<div><p>${P1}</p><p>${P2}</p></div>`;
    const logo = '<img src="/img/logo.png" alt="Harvest Notes">';
    const confirmed = extractHtml(page('<title>Harvest Notes - Rice talks stall</title>', body(logo)));
    expect(confirmed.meta).toMatchObject({ title: 'Rice talks stall', publisher: 'Harvest Notes' });
    const copyright = extractHtml(page('<title>Harvest Notes - Rice talks stall</title>', body('') + '<p>Copyright &copy; 2001-2021 Harvest Notes. All rights reserved. Last updated 2021.</p>'));
    expect(copyright.meta).toMatchObject({ title: 'Rice talks stall', publisher: 'Harvest Notes' });
    expect(extractHtml(page('<title>Harvest Notes - Rice talks stall</title>', body(''))).meta.title).toBe('Harvest Notes - Rice talks stall');
  });

  it("Word's cut-short <title> gives way to the heading that starts with it", () => {
    const { meta, paragraphs } = extractHtml(page('<title>NOTICE on R</title>', `<p class=MsoTitle>NOTICE on Rice Quota Allocation for 2022</p><p class=MsoNormal>${P1}</p><p class=MsoNormal>${P2}</p>`));
    expect(meta.title).toBe('NOTICE on Rice Quota Allocation for 2022');
    expect(paragraphs).toEqual([P1, P2]);
  });
});

describe('publishers shown only in the page', () => {
  const body = `<article>${H1}<p>${P1}</p><p>${P2}</p></article>`;
  it('the logo alt text, the copyright holder, a centred letterhead in capitals; never the body text', () => {
    expect(extractHtml(page(TITLE, `<div class="site-logo"><img src="/a.svg" alt="Valley Farm Bureau"></div>${body}`)).meta.publisher).toBe('Valley Farm Bureau');
    expect(extractHtml(page(TITLE, `${body}<footer><p>© 2022 Valley Farm Bureau. All rights reserved.</p></footer>`)).meta.publisher).toBe('Valley Farm Bureau');
    const letter = extractHtml(page(TITLE, `<p align=center><b>MINISTRY OF RICE AND GRAIN</b></p><p>${P1}</p><p>${P2}</p>`));
    expect(letter.meta.publisher).toBe('Ministry of Rice and Grain');
    expect(letter.paragraphs).toEqual([P1, P2]);
    expect(extractHtml(page(TITLE, `<p>${P1} The Valley Farm Bureau said so.</p><p>${P2}</p>`)).meta.publisher).toBeUndefined();
  });
});

describe('chrome inside the article body', () => {
  it('timestamp lines (also with the year glued to the time), captions and photo credits, a video with a duration, "Read more" and "Don\'t miss" link lists', () => {
    const { paragraphs } = extractHtml(
      page(
        TITLE,
        `<article>${H1}<div class="Meta-stamps"><div>Published Mon, Mar 4 2024<span>9:10 AM EST</span></div><div>Updated Mon, Mar 4 2024<span>11:00 AM EST</span></div></div>` +
          `<div class="Photo-embed"><img src="p.jpg" alt=""><div class="Photo-embedCaption">Rice paddies near Niigata.</div><div class="Photo-embedCredit">Ann Lee | Reuters</div></div>` +
          `<p>${P1}</p><div class="Clip"><span>Watch</span><div><span>02:47</span></div><div>How rice prices moved</div></div>` +
          `<div class="More"><p><strong>Read more</strong></p><ul><li><a href="/1">Rice prices hit a record</a></li><li><a href="/2">Farmers plant less</a></li></ul></div>` +
          `<p>${P2}</p><div>Don't miss these stories from Harvest Pro:</div><ul><li><a href="/3">Five rice stocks to watch</a></li></ul><p>Photo: Tom Ito / Harvest Notes</p></article>`,
      ),
    );
    expect(paragraphs).toEqual([P1, P2]);
  });

  it('a layout table\'s navigation column, field labels with short values, "###", reading time, "Written by" and the bio, FOR IMMEDIATE RELEASE, Contact lines', () => {
    const nav = '<td width=150><b>TOPICS</b><br><a href="/a">Rice</a><br><a href="/b">Wheat</a><br><a href="/c">Soy</a><br><a href="/d">Links</a></td>';
    const { paragraphs } = extractHtml(
      page(
        TITLE,
        `<table><tr>${nav}<td><p>FOR IMMEDIATE RELEASE</p><div class="f"><div class="label">Release type:&nbsp;</div><div>Statement</div></div><p>5 min read</p><p>${P1}</p><p>${P2}</p>` +
          `<p align=center>###</p><p>Contact: Press Office, (555) 010-2000 | press@example.org</p><div class="f"><div>Issues:</div><div><a href="/t">Trade</a>, <a href="/r">Rice</a></div></div>` +
          `<div class="bio"><h4>Written by Ann Lee</h4><p>Ann Lee covers farm trade from Tokyo and has written about rice policy for twelve years.</p></div></td></tr></table>`,
      ),
    );
    expect(paragraphs).toEqual([P1, P2]);
  });

  it('prose that starts like furniture stays: "Published figures…", "Contacts between…", a label inside a paragraph', () => {
    const prose = [
      'Published figures showed that rice imports rose 4% in March, the ministry said, after the quota was raised at the start of the year.',
      'Contacts between the two delegations resumed in 2019 after a pause of three years, officials said.',
      'Background: the quota was first set in 1995 and has been raised four times since then, most recently in 2018.',
    ];
    const { paragraphs } = extractHtml(page(TITLE, `<article>${H1}<p>${P1}</p>${prose.map((p) => `<p>${p}</p>`).join('')}<p>${P2}</p></article>`));
    expect(paragraphs).toEqual([P1, ...prose, P2]);
  });
});

describe('Word "Web Page, Filtered" exports', () => {
  it('hard-wrapped lines inside a <p> are joined; MsoListParagraph bullets ("·", "§", "o") become list items', () => {
    const bullet = (glyph: string, font: string, text: string, cls: string) =>
      `<p class=${cls} style='text-indent:-.25in'><span style='font-family:${font}'>${glyph}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;\n</span></span><span>${text}</span></p>`;
    const html = page(
      '<meta name=Generator content="Microsoft Word 15 (filtered)"><title>Rice</title>',
      `<div class=WordSection1><p class=MsoNormal><span>The two governments said on Tuesday that talks on\nthe rice quota had stalled after negotiators failed to agree on the size of the\ntariff-free allowance for the coming year.</span></p>` +
        bullet('·', 'Symbol', 'Quotas\nrise next year.', 'MsoListParagraphCxSpFirst') +
        bullet('§', 'Wingdings', 'Tariffs fall in stages.', 'MsoListParagraphCxSpMiddle') +
        bullet('o', '"Courier New"', 'Checks at the border.', 'MsoListParagraphCxSpLast') +
        `<p class=MsoNormal>${P2}</p></div>`,
    );
    expect(extractHtml(html).paragraphs).toEqual([P1, '- Quotas rise next year.\n- Tariffs fall in stages.\n- Checks at the border.', P2]);
  });
});
