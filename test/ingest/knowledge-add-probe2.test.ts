/**
 * `knowledge:add` on five more saved pages made without looking at the
 * extractor (a Substack newsletter with footnotes, a ministry page with a
 * breadcrumb, a think-tank analysis with endnotes and Highwire citation meta,
 * a live blog, a WordPress news post). The expected paragraphs, title, date
 * and publisher are in probe2-expected.json; `neutral` lines (footnote and
 * endnote texts, a standfirst) may be kept or not; `chrome` must never be in
 * the body. Then small synthetic pages for each class the probe found, so the
 * fixes are not tied to these five pages' markup.
 */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paraphraseTells } from '../../src/core/knowledge/quality.ts';
import { addArticles } from '../../src/ingest/add.ts';
import { extractHtml } from '../../src/ingest/html.ts';
import { keptShare, MIN_KEPT, pageWords, probeFolders, refusal, snapshot, words, written, collapse, expectedPages } from '../helpers/page-probe.ts';

const root = path.resolve(import.meta.dirname, '../..');
const pages = path.join(root, 'test/fixtures/pages');

const EXPECTED = await expectedPages('probe2-expected.json');
/**
 * A reference marker glued to the word before it: "services).2", "flows.[1]",
 * "update.1" (not a decimal such as "$7.2", which has a digit before the point).
 */
const GLUED_MARKER = /(?<![\d])[\p{L}.,;:)”"’]\[?\d{1,3}\]?(?=\s|$)|\[\d{1,3}\]|↩/u;
const { knowledge, tempDir } = probeFolders('rice');

describe('knowledge:add on five more pages made independently of the extractor', () => {
  for (const [id, e] of Object.entries(EXPECTED)) {
    const file = path.join(pages, e.file);

    it(`${id}: the body kept (at least 90%), no chrome, no glued reference markers, verbatim, metadata from the page, no false warning`, async () => {
      const dir = await knowledge();
      const result = await addArticles({ knowledgeDir: dir, files: [file], id });
      const { front, lines } = await written(dir, id);
      expect({ title: front.title, date: front.date, publisher: front.publisher }).toEqual({ title: e.title, date: e.date, publisher: e.publisher });
      expect(keptShare(words(e.body.join(' ')), words(lines.join(' ')))).toBeGreaterThanOrEqual(MIN_KEPT);
      // No chrome: every line written is article text (or a neutral line), and none of the page's furniture is there.
      const expectedText = collapse(e.body.join(' '));
      const neutral = (e.neutral ?? []).map(collapse);
      for (const line of lines) expect(expectedText.includes(line) || neutral.includes(line), `not article text: ${JSON.stringify(line)}`).toBe(true);
      for (const c of e.chrome) {
        expect(expectedText, `the fixture's chrome list holds article text: ${c}`).not.toContain(c);
        for (const line of lines) expect(line, `chrome in the body: ${c}`).not.toContain(c);
      }
      for (const line of lines) expect(line, 'a reference marker glued to a word').not.toMatch(GLUED_MARKER);
      // Verbatim: every line stands word for word in the page.
      const source = pageWords(await readFile(file, 'utf8'));
      for (const line of lines) expect(source, `not verbatim: ${JSON.stringify(line)}`).toContain(line);
      expect(result.warnings).toEqual([]);
    });

    it(`${id}: refused a second time, by file and as a renamed copy, with the folder untouched`, async () => {
      const dir = await knowledge();
      await addArticles({ knowledgeDir: dir, files: [file], id });
      const before = await snapshot(dir);
      expect(await refusal({ knowledgeDir: dir, files: [file], id })).toEqual([`${file}: an article with id "${id}" already exists (articles/${id}.md); choose another with --id`]);
      const copy = path.join(await tempDir('probe2-copy-'), 'article (1).html');
      await copyFile(file, copy);
      expect(await refusal({ knowledgeDir: dir, files: [copy] })).toEqual([`${copy}: is the same text as article "${id}" (articles/${id}.md: "${e.title}")`]);
      expect(await snapshot(dir)).toEqual(before);
    });
  }
});

// Two paragraphs of prose that every synthetic page carries.
const P1 = 'The two governments said on Tuesday that talks on the rice quota had stalled after negotiators failed to agree on the size of the tariff-free allowance for the coming year.';
const P2 = 'Officials on both sides said the gap was narrower than it had been in the spring, but that the question of how the quota would be shared remained open.';
const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;

describe('breadcrumbs, section labels and back-to links', () => {
  it('a <nav aria-label="Breadcrumb"> with "/" separators and a kicker above the headline', () => {
    const { paragraphs } = extractHtml(
      page(
        '<title>Rice talks stall</title>',
        `<div class="wrap"><nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a> /</li><li><a href="/news">News</a> /</li><li>Rice talks stall</li></ol></nav>` +
          `<div class="content"><div class="head"><span class="kicker">Trade</span><h1>Rice talks stall</h1></div><p>${P1}</p><p>${P2}</p></div></div>`,
      ),
    );
    expect(paragraphs).toEqual([P1, P2]);
  });

  it('a trail of links joined by "›" in a plain div at the top, a short label before the h1, and a "Back to" link', () => {
    const { paragraphs } = extractHtml(
      page(
        '<title>Rice talks stall</title>',
        `<div id="path"><a href="/">Home</a> › <a href="/a">Asia</a> › <a href="/a/t">Trade</a></div><div id="body"><p class="label">Asia Pacific</p><h1>Rice talks stall</h1><p>${P1}</p><p>${P2}</p>` +
          `<p><a href="#top">Back to top</a></p><p><a href="/asia">Return to Asia Pacific</a></p></div>`,
      ),
    );
    expect(paragraphs).toEqual([P1, P2]);
  });

  it('an ordered list of points in the text, and a sentence with ">" in it, are kept', () => {
    const list = '<ol><li>Quotas rise > 10% next year.</li><li>Tariffs fall in stages.</li></ol>';
    const { paragraphs } = extractHtml(page('<title>Rice talks stall</title>', `<article><h1>Rice talks stall</h1><p>${P1}</p>${list}<p>${P2}</p></article>`));
    expect(paragraphs).toEqual([P1, '1. Quotas rise > 10% next year.\n2. Tariffs fall in stages.', P2]);
  });
});

describe('call-to-action, sign-up and cite boxes, share and comment rows', () => {
  it('a sign-up line with a form, a "Subscribe" link line, a "How to cite" box, share links and a comment button', () => {
    const { paragraphs } = extractHtml(
      page(
        '<title>Rice talks stall</title>',
        `<article><h1>Rice talks stall</h1><p>${P1}</p><div class="box"><p>Want the daily briefing in your inbox?</p><form><input type="email"><input type="submit" value="Go"></form></div>` +
          `<p>Don't miss a story. <a href="/subscribe">Subscribe now</a></p><p>${P2}</p>` +
          `<p><a href="https://x.com/intent/post?u=1">Tweet</a> <a href="mailto:?body=1">Email</a> <a href="javascript:print()">Print</a></p><p><a class="btn" href="/p/1/comments">Leave a comment</a></p>` +
          `<div><h4>How to cite this article</h4><p>Lee, Ann. “Rice talks stall.” Harvest Notes, 2024.</p></div></article>`,
      ),
    );
    expect(paragraphs).toEqual([P1, P2]);
  });

  it('a prose paragraph that ends with a link is kept', () => {
    const withLink = `${P2} The full statement is <a href="/s">on the ministry's site</a>.`;
    const { paragraphs } = extractHtml(page('<title>Rice talks stall</title>', `<article><h1>Rice talks stall</h1><p>${P1}</p><p>${withLink}</p></article>`));
    expect(paragraphs).toEqual([P1, `${P2} The full statement is on the ministry's site.`]);
  });
});

describe('live-blog update lines', () => {
  it('a time alone, a 24-hour time with a zone, and a time with "by" and a name before each update go; a time in prose stays', () => {
    const prose3 = 'At 10:30 the talks resumed, and by noon both sides had tabled new offers on the tariff-free allowance.';
    const { paragraphs } = extractHtml(
      page(
        '<title>Live: rice talks</title>',
        `<article><h1>Live: rice talks</h1><div class="entry"><p>9:12 a.m.</p><h2>Talks stall</h2><p>${P1}</p></div><div class="entry"><div>14:05 BST</div><p>${P2}</p></div>` +
          `<div class="entry"><div>4:40 p.m. EST by Ann Lee</div><p>${prose3}</p></div></article>`,
      ),
    );
    expect(paragraphs).toEqual(['Talks stall', P1, P2, prose3]);
  });
});

describe('reference markers', () => {
  it('<sup> and [n] links to notes go, "↩" back-links go, the notes\' text stays, an exponent stays', () => {
    const { paragraphs } = extractHtml(
      page(
        '<title>Rice talks stall</title>',
        `<article><h1>Rice talks stall</h1><p>The two governments said on Tuesday that talks on the rice quota had stalled.<sup class="reference"><a href="#cite_note-1">[1]</a></sup> Negotiators failed to agree on the tariff-free allowance.<a href="#fn2" id="r2">2</a></p>` +
          `<p>${P2}<sup><a href="#note3">*</a></sup> The quota is 10<sup>6</sup> tonnes.</p>` +
          `<section class="notes"><ol><li id="cite_note-1">Ministry statement, 3 March. <a href="#r1" class="backref">↩</a></li><li id="fn2"><a href="#r2">^</a> Reuters report, 4 March.</li></ol></section></article>`,
      ),
    );
    expect(paragraphs).toEqual([
      'The two governments said on Tuesday that talks on the rice quota had stalled. Negotiators failed to agree on the tariff-free allowance.',
      `${P2} The quota is 106 tonnes.`,
      '1. Ministry statement, 3 March.\n2. Reuters report, 4 March.',
    ]);
  });
});

describe('what looks like chrome but is text', () => {
  it('an in-page link to a table and a programme line with a bare time are kept', () => {
    const table = 'The quotas are set out in Table <a href="#t1">1</a> of the annex.';
    const { paragraphs } = extractHtml(page('<title>Rice talks stall</title>', `<article><h1>Rice talks stall</h1><p>${P1}</p><p>10:30 Opening Remarks</p><p>${table}</p><p>${P2}</p></article>`));
    expect(paragraphs).toEqual([P1, '10:30 Opening Remarks', 'The quotas are set out in Table 1 of the annex.', P2]);
  });
});

describe('headings Readability would take for chrome', () => {
  it('an <h2> whose class says "header" is kept (on a page long enough that Readability strips such classes)', () => {
    const more = [P1, P2, P1.replace('Tuesday', 'Wednesday'), P2.replace('spring', 'summer')];
    const { paragraphs } = extractHtml(
      page('<title>Rice talks stall</title>', `<article><h1>Rice talks stall</h1><p>${more[0]}</p><p>${more[1]}</p><h2 class="section-header">Where the gap is</h2><p>${more[2]}</p><p>${more[3]}</p></article>`),
    );
    expect(paragraphs).toEqual([more[0], more[1], 'Where the gap is', more[2], more[3]]);
  });
});

describe('metadata', () => {
  const body = `<article><h1>Rice talks stall</h1><p>${P1}</p><p>${P2}</p></article>`;

  it('Highwire and Dublin Core dates, YYYY/MM/DD or YYYY-MM-DD', () => {
    expect(extractHtml(page('<title>Rice talks stall</title><meta name="citation_publication_date" content="2020/3/9">', body)).meta.date).toBe('2020-03-09');
    expect(extractHtml(page('<title>Rice talks stall</title><meta name="citation_date" content="2021-05-04">', body)).meta.date).toBe('2021-05-04');
    expect(extractHtml(page('<title>Rice talks stall</title><meta name="DC.Date.Issued" content="2018-11-30">', body)).meta.date).toBe('2018-11-30');
    expect(extractHtml(page('<title>Rice talks stall</title><meta name="DCTERMS.issued" content="2017/01/02">', body)).meta.date).toBe('2017-01-02');
  });

  it('a date printed on the byline line ("By Ann Lee | March 3, 2024", "14 February 2024 · By Tom Ito"), not kept in the body', () => {
    for (const [line, date] of [
      ['By Ann Lee | March 3, 2024', '2024-03-03'],
      ['14 February 2024 · By Tom Ito and Ann Lee', '2024-02-14'],
    ]) {
      const { meta, paragraphs } = extractHtml(page('<title>Rice talks stall</title>', `<article><h1>Rice talks stall</h1><p>${line}</p><p>${P1}</p><p>${P2}</p></article>`));
      expect(meta.date).toBe(date);
      expect(paragraphs).toEqual([P1, P2]);
    }
  });

  it('a publisher from the <title> suffix when the logo alt text or the footer copyright names the same site, and not otherwise', () => {
    const title = '<title>Rice talks stall | Harvest Notes</title>';
    const logo = '<div id="logo"><a href="/"><img src="/l.gif" alt="Harvest Notes"></a></div>';
    const footer = (name: string) => `<div id="foot"><p>Copyright © 2024 ${name}. All rights reserved.</p></div>`;
    expect(extractHtml(page(title, logo + body)).meta.publisher).toBe('Harvest Notes');
    expect(extractHtml(page(title, body + footer('Harvest Notes'))).meta.publisher).toBe('Harvest Notes');
    expect(extractHtml(page(title, body + footer('Field Press Ltd'))).meta.publisher).toBeUndefined();
    expect(extractHtml(page(title, body)).meta.publisher).toBeUndefined();
  });
});

describe('the machine-paraphrase heuristic', () => {
  it('a word repeated to name the goods made of it is English; the spinner\'s "pork and pork" still counts', () => {
    expect(paraphraseTells('CSQ access will cover wheat and wheat products, malt, glucose and fructose.')).toEqual([]);
    expect(paraphraseTells('Duties on steel and steel products and on aluminum and aluminum articles stay.')).toEqual([]);
    expect(paraphraseTells('Tokyo is to cut tariffs on U.S. pork and pork imports.')).toEqual(['pork and pork']);
    expect(paraphraseTells('U.S. pork and pork farmers had been lobbying.')).toEqual(['pork and pork']);
    expect(paraphraseTells('Tariffs on pork and pork, sources articulate.')).toEqual(['pork and pork', 'sources articulate']);
  });
});
