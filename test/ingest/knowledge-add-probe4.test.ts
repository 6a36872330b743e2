/**
 * `knowledge:add` on a fourth set of six saved pages made without looking at
 * the extractor (a Medium article with a reading time glued to its date and a
 * clap count; a Google Docs "publish to web" page whose og:site_name is
 * "Google Docs" and whose issuer is a line over the date; a Drupal/USWDS
 * agency page dated only by "Last updated", with a side menu and a feedback
 * widget; a European paper in English with a GDPR consent dialog, a byline
 * row and the rest of the story hidden behind a soft paywall; a wire story
 * dated only by its dateline and address, with an agency end mark; a
 * university news page with a byline box of labelled fields, a campus notice
 * bar, a standfirst, a captioned table and a nested list). The expected
 * paragraphs and metadata are in probe4-expected.json; `chrome` must never be
 * in the body. Then small synthetic pages for each class, so the rules are
 * not tied to these six pages.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/ingest/html.ts';
import { isByline } from '../../src/ingest/metadata.ts';
import { expectedPages, probeFolders, probePageTests, written, P1, P2, page, TITLE, H1, DATED } from '../helpers/page-probe.ts';

const root = path.resolve(import.meta.dirname, '../..');
const pages = path.join(root, 'test/fixtures/pages');

const EXPECTED = await expectedPages('probe4-expected.json');
const folders = probeFolders('barley');

describe('knowledge:add on a fourth set of pages made independently of the extractor', () => {
  probePageTests(EXPECTED, folders);

  it('university-news: the nested list stays a list (sub-items indented under their item), the table keeps its caption and rows', () => {
    return readFile(path.join(pages, EXPECTED['university-news']!.file), 'utf8').then((html) => {
      const { paragraphs } = extractHtml(html);
      expect(paragraphs).toContain('Estimated pass-through of the 15% tariff, September–December 2025');
      expect(paragraphs).toContain('Firm size (employees) Firms surveyed Share of tariff paid by U.S. buyer\nFewer than 50 612 94%\n50 to 499 471 81%\n500 or more 157 63%');
      const list = paragraphs.find((p) => p.startsWith('- Raised'))!;
      expect(list.split('\n')).toEqual([
        '- Raised their own prices to customers',
        '  - most often by less than the tariff;',
        '  - more often in automotive than in agricultural equipment.',
        '- Delayed purchases of new machine tools',
        '- Applied for tariff refunds or exclusions',
        '  - mostly firms with an in-house customs specialist.',
      ]);
    });
  });
});


describe('rows of particulars set as glued elements', () => {
  it('a reading time glued to the date, a byline with a role and a particle, a time, "Updated", a badge: the row goes', () => {
    const medium = extractHtml(page(DATED, `<article>${H1}<div><span>5 min read</span><div aria-hidden="true"><span>·</span></div><span>May 2, 2024</span></div><p>${P1}</p><p>${P2}</p></article>`));
    expect(medium.paragraphs).toEqual([P1, P2]);
    const row = `<div class="meta"><span>By <a href="/a">Anneke de Vries</a>, Economics correspondent</span><time datetime="2024-05-02T00:45">2 May 2024, 00:45</time><span>Updated 09:12</span><span>Premium</span></div>`;
    expect(extractHtml(page(DATED, `<article><header>${H1}${row}</header><div><p>${P1}</p><p>${P2}</p></div></article>`)).paragraphs).toEqual([P1, P2]);
  });

  it('a row with prose in it stays', () => {
    const prose = 'By May 2, 2024, the quota had been filled, officials said.';
    const { paragraphs } = extractHtml(page(DATED, `<article>${H1}<p>${P1}</p><p><span>${prose}</span> <span>Updated figures follow.</span></p><p>${P2}</p></article>`));
    expect(paragraphs).toContain(`${prose} Updated figures follow.`);
  });

  it('"By" bylines: name particles and a role after a comma; not a sentence', () => {
    expect(isByline('By Anneke de Vries, Economics correspondent')).toBe(true);
    expect(isByline('By Ludwig van Houten')).toBe(true);
    expect(isByline('By Friday, officials said talks had stalled.')).toBe(false);
  });
});

describe('furniture lines', () => {
  it('a bare count (claps, likes), a feedback question, a wire end mark with the time filed', () => {
    for (const line of ['312', '1.4K', 'Was this page helpful?', 'Did you find this article useful?', '(PPA) 16:42 JST', '(END)']) {
      expect(extractHtml(page(DATED, `<article>${H1}<p>${P1}</p><p>${line}</p><p>${P2}</p></article>`)).paragraphs, line).toEqual([P1, P2]);
    }
  });

  it('prose with a number, a question about help, a dateline in brackets stay', () => {
    const prose = ['312 farms applied for the barley quota in May, the ministry said.', 'Was the quota helpful to small farms? The ministry did not say.', 'TOKYO, May 2 (PPA) - The ministry raised the barley quota.'];
    const { paragraphs } = extractHtml(page(DATED, `<article>${H1}<p>${P1}</p>${prose.map((p) => `<p>${p}</p>`).join('')}<p>${P2}</p></article>`));
    expect(paragraphs).toEqual([P1, ...prose, P2]);
  });
});

describe('hidden and unseen text', () => {
  it('a notice bar outside the article and text only screen readers get are chrome', () => {
    const html = page(DATED, `<div class="u-alert u-alert--info"><p><strong>Campus notice:</strong> Offices close on Friday. <a href="/cal">View the calendar</a></p></div><main><article>${H1}<p>${P1}</p><h2 class="usa-sr-only">Page feedback</h2><p>${P2}</p></article></main>`);
    expect(extractHtml(html).paragraphs).toEqual([P1, P2]);
  });

  it('an editor\'s notice inside the article stays', () => {
    const note = 'Correction: an earlier version of this story gave the wrong size for the barley quota.';
    const html = page(DATED, `<main><article>${H1}<div class="story-notice"><p>${note}</p></div><p>${P1}</p><p>${P2}</p></article></main>`);
    expect(extractHtml(html).paragraphs).toEqual([note, P1, P2]);
  });

  it('the rest of a story behind a soft paywall (aria-hidden, paragraphs of prose) is kept; an aria-hidden icon or clone is not', () => {
    const P3 = 'Traders said the delay would push up prices for malting barley in the summer, when brewers usually sign their contracts for the following year.';
    const html = page(
      DATED,
      `<article>${H1}<div class="body"><p>${P1}</p><aside class="paywall"><p>Subscribe to continue reading.</p><a href="/s">Get 3 months for €1</a></aside><div class="premium" aria-hidden="true"><p>${P2}</p><p>${P3}</p></div><div aria-hidden="true"><span>★</span> Barley talks stall</div></div></article>`,
    );
    expect(extractHtml(html).paragraphs).toEqual([P1, P2, P3]);
  });
});

describe('parts of the story Readability leaves out', () => {
  it('the standfirst under the headline; a table caption', () => {
    const dek = 'Negotiators could not agree on the tariff-free allowance for next year.';
    const html = page(
      DATED,
      `<article><header>${H1}<p class="story__dek">${dek}</p></header><div><p>${P1}</p><table><caption>Barley quota by year</caption><tr><th>Year</th><th>Tonnes</th></tr><tr><td>2023</td><td>1.2 million</td></tr></table><p>${P2}</p></div></article>`,
    );
    expect(extractHtml(html).paragraphs).toEqual([dek, P1, 'Barley quota by year', 'Year Tonnes\n2023 1.2 million', P2]);
  });

  it('a paragraph under the headline not named as a standfirst is left to Readability', () => {
    const html = page(DATED, `<article><header>${H1}<p class="kicker-note">Filed from Tokyo for the evening edition of the paper.</p></header><div><p>${P1}</p><p>${P2}</p></div></article>`);
    expect(extractHtml(html).paragraphs).not.toContain('Filed from Tokyo for the evening edition of the paper.');
  });
});

describe('dates the page shows only in passing', () => {
  const body = `<article>${H1}<p>${P1}</p><p>${P2}</p></article>`;
  it('a labelled field (<dt>Date</dt><dd>…</dd>), even in a sidebar box', () => {
    const html = page(TITLE, `<aside><dl><dt>Written by</dt><dd>Ann Lee</dd><dt>Date</dt><dd>October 14, 2025</dd></dl></aside>${body}`);
    expect(extractHtml(html).meta.date).toBe('2025-10-14');
  });

  it("the address's date (/2025/03/03/, /20250725/), when the page prints none", () => {
    expect(extractHtml(page(`${TITLE}<link rel="canonical" href="https://example.com/news/2025/03/03/economy/barley/">`, body)).meta.date).toBe('2025-03-03');
    expect(extractHtml(page(`${TITLE}<meta property="og:url" content="https://example.com/economy/20250725/barley-talks">`, body)).meta.date).toBe('2025-07-25');
    expect(extractHtml(page(`${TITLE}<link rel="canonical" href="https://example.com/items/1234567890/">`, body)).meta.date).toBeUndefined();
  });

  it('"Last updated: <date>" when nothing else dates the page; the published date wins over it', () => {
    expect(extractHtml(page(TITLE, `${body}<p class="updated">Last updated: July 24, 2025</p>`)).meta.date).toBe('2025-07-24');
    expect(extractHtml(page(DATED, `${body}<p class="updated">Last updated: July 24, 2025</p>`)).meta.date).toBe('2024-05-02');
  });
});

describe('publishers', () => {
  it('an og:site_name the page says it was made with is the tool; the issuer on the line over the date is the publisher, and leaves the body', () => {
    const html = page(
      '<meta property="og:site_name" content="Docs Online"><title>Barley briefing</title>',
      `<div id="banner">Published using Docs Online</div><div class="doc"><p class="title">Barley briefing</p><p>Valley Grain Council | Member briefing</p><p>9 September 2025</p><p>${P1}</p><p>${P2}</p></div>`,
    );
    const { meta, paragraphs } = extractHtml(html);
    expect(meta).toMatchObject({ publisher: 'Valley Grain Council', date: '2025-09-09', title: 'Barley briefing' });
    expect(paragraphs).toEqual([P1, P2]);
  });

  it('an og:site_name that is not a tool the page names stays the publisher', () => {
    const html = page('<meta property="og:site_name" content="Docs Online"><title>Barley briefing</title>', `<div><p>Valley Grain Council | Member briefing</p><p>9 September 2025</p><p>${P1}</p><p>${P2}</p></div>`);
    expect(extractHtml(html).meta.publisher).toBe('Docs Online');
  });

  it('a wordmark or brand image confirms the <title> suffix', () => {
    const html = page('<title>Barley talks stall | News | Lakeside College</title>', `<div class="g-header__brand"><a href="/"><img src="/img/wordmark.svg" alt="Lakeside College"></a></div><article>${H1}<p>${P1}</p><p>${P2}</p></article>`);
    expect(extractHtml(html).meta).toMatchObject({ title: 'Barley talks stall', publisher: 'Lakeside College' });
  });
});

describe('leftovers of the third probe', () => {
  const WORD_HEAD = '<meta name=Generator content="Microsoft Word 15 (filtered)"><title>Barley</title>';
  const item = (cls: string, margin: string, glyph: string, text: string) =>
    `<p class=${cls} style='margin-left:${margin};text-indent:-.25in'><span>${glyph}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;\n</span></span><span>${text}</span></p>`;

  it("Word's numbered and nested lists stay lists: Word's own numbers, deeper indents as nested items, letters as bullets", () => {
    const html = page(
      WORD_HEAD,
      `<div class=WordSection1><p class=MsoNormal>${P1}</p>` +
        item('MsoListParagraphCxSpFirst', '.5in', '1.', 'Quotas rise next year.') +
        item('MsoListParagraphCxSpMiddle', '1.0in', 'a.', 'First by 5%.') +
        item('MsoListParagraphCxSpMiddle', '1.0in', 'b.', 'Then by 10%.') +
        item('MsoListParagraphCxSpLast', '.5in', '2.', 'Tariffs fall in stages.') +
        `<p class=MsoNormal>${P2}</p></div>`,
    );
    expect(extractHtml(html).paragraphs).toEqual([P1, '1. Quotas rise next year.\n  - First by 5%.\n  - Then by 10%.\n2. Tariffs fall in stages.', P2]);
  });

  it("a numbered paragraph with Word's hanging indent and 7pt spacer (no list style) is a list item, numbered from Word's number", () => {
    const numbered = (n: string, text: string) => `<p class=MsoNormal style='margin-left:.5in;text-indent:-.25in'>${n}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span>${text}</p>`;
    const html = page(WORD_HEAD, `<div class=WordSection1><p class=MsoNormal>${P1}</p>${numbered('3.', 'Checks at the border.')}${numbered('4.', 'A review in 2027.')}<p class=MsoNormal>${P2}</p></div>`);
    expect(extractHtml(html).paragraphs).toEqual([P1, '3. Checks at the border.\n4. A review in 2027.', P2]);
  });

  it('a paragraph that starts with a number but has no Word marker stays a paragraph', () => {
    const text = '3. The third point is that the barley quota has not been filled since 2019, officials said.';
    const html = page(WORD_HEAD, `<div class=WordSection1><p class=MsoNormal>${P1}</p><p class=MsoNormal style='text-indent:-.25in'>${text}</p><p class=MsoNormal>${P2}</p></div>`);
    expect(extractHtml(html).paragraphs).toEqual([P1, text, P2]);
  });

  it("a letterhead acronym the page's prose writes in capitals keeps them (USTR, not Ustr)", () => {
    const html = page(TITLE, `<p align=center><b>USTR PRESS OFFICE</b></p><p>${P1} USTR said the talks would resume.</p><p>${P2}</p>`);
    expect(extractHtml(html).meta.publisher).toBe('USTR Press Office');
    expect(extractHtml(page(TITLE, `<p align=center><b>MINISTRY OF BARLEY</b></p><p>${P1}</p><p>${P2}</p>`)).meta.publisher).toBe('Ministry of Barley');
  });
});

describe('guards', () => {
  it('a callout box named "alert" in the content of a page without <article> or <main> stays', () => {
    const note = 'Update: the ministry raised the barley quota again on Friday, after this post was written.';
    const html = page(DATED, `<div class="site-alert"><p>Offices close on Friday.</p></div><div class="entry-content">${H1}<p>${P1}</p><div class="alert alert-warning"><p>${note}</p></div><p>${P2}</p></div>`);
    const { paragraphs } = extractHtml(html);
    expect(paragraphs).toEqual([P1, note, P2]);
  });

  it("Word's list level in an unfiltered page (mso-list:l0 level2) nests the item", () => {
    const it2 = (level: number, glyph: string, text: string) => `<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level${level} lfo1'><span>${glyph}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><span>${text}</span></p>`;
    const html = page('<title>Barley</title>', `<div class=WordSection1><p class=MsoNormal>${P1}</p>${it2(1, '·', 'Quotas rise.')}${it2(2, 'o', 'By 5% first.')}${it2(1, '·', 'Tariffs fall.')}<p class=MsoNormal>${P2}</p></div>`);
    expect(extractHtml(html).paragraphs).toEqual([P1, '- Quotas rise.\n  - By 5% first.\n- Tariffs fall.', P2]);
  });
});

describe('Google Docs lists', () => {
  it('a deeper level published as a flat sibling list (lst-kix_x-1 after lst-kix_x-0) hangs from the item before it', () => {
    const html = page(
      DATED,
      `<div class="doc-content"><p>${P1}</p><ul class="c8 lst-kix_ab12-0 start"><li>Goods pay 15%.</li><li>Some goods are exempt, including:</li></ul><ul class="c8 lst-kix_ab12-1 start"><li>aircraft;</li><li>generic drugs.</li></ul><ul class="c8 lst-kix_ab12-0"><li>Refunds are due.</li></ul><p>${P2}</p></div>`,
    );
    expect(extractHtml(html).paragraphs).toEqual([P1, '- Goods pay 15%.\n- Some goods are exempt, including:\n  - aircraft;\n  - generic drugs.\n- Refunds are due.', P2]);
  });
});
