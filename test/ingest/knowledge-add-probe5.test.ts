/**
 * `knowledge:add` on a fifth set of six saved pages made without looking at
 * the extractor (a Ghost blog with in-content cards — an image card, a
 * bookmark card, a gallery, a newsletter signup — a share row, comments and
 * a members' paywall note; a law-firm client alert dated only by
 * <meta name="date">, with key contacts, capabilities and a disclaimer; a
 * Next.js news page with its data in __NEXT_DATA__, mid-article ads,
 * "Read more" boxes, a newsletter box and a pull quote; a Blogger post whose
 * paragraphs are <br/> runs and whose headings are <b>; a Squarespace Q&A
 * whose og:site_name is escaped twice and whose dates carry -0400; a
 * LinkedIn article with the logged-out page's chrome). The expected
 * paragraphs and metadata are in probe5-expected.json; `chrome` must never
 * be in the body. Then small synthetic pages for each class, so the rules
 * are not tied to these six pages.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/ingest/html.ts';
import { expectedPages, probeFolders, probePageTests, P1, P2, page, TITLE, H1, DATED } from '../helpers/page-probe.ts';

const root = path.resolve(import.meta.dirname, '../..');
const pages = path.join(root, 'test/fixtures/pages');

const EXPECTED = await expectedPages('probe5-expected.json');
const folders = probeFolders('barley');

describe('knowledge:add on a fifth set of pages made independently of the extractor', () => {
  probePageTests(EXPECTED, folders);
});


describe('metadata as the page shows it', () => {
  it('the headline the page shows (confirmed by the <title> or the structured data) over a different social headline', () => {
    const seo = '<meta property="og:title" content="Barley quota talks break down in framework deal row">';
    expect(extractHtml(page(`<title>Barley talks stall | Farm Daily</title>${seo}`, `<article>${H1}<p>${P1}</p><p>${P2}</p></article>`)).meta.title).toBe('Barley talks stall');
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Barley talks stall"}</script>';
    expect(extractHtml(page(`<title>FD</title>${seo}${ld}`, `<article>${H1}<p>${P1}</p><p>${P2}</p></article>`)).meta.title).toBe('Barley talks stall');
    // Nothing confirms the <h1>: the social headline stays.
    expect(extractHtml(page(`<title>FD</title>${seo}`, `<article>${H1}<p>${P1}</p><p>${P2}</p></article>`)).meta.title).toBe('Barley quota talks break down in framework deal row');
  });

  it('a social headline carrying the site name loses it', () => {
    const head = '<meta property="og:site_name" content="Grain Council"><meta property="og:title" content="Barley talks stall — Grain Council"><title>x</title>';
    expect(extractHtml(page(head, `<div><p>${P1}</p><p>${P2}</p></div>`)).meta).toMatchObject({ title: 'Barley talks stall', publisher: 'Grain Council' });
  });

  it('a name escaped twice (&amp;amp;) reads as a reader reads it, once decoded; the <title> too', () => {
    const head = '<meta property="og:site_name" content="Seed &amp;amp; Grain Council"><title>Barley talks stall &mdash; Seed &amp;amp; Grain Council</title>';
    expect(extractHtml(page(head, `<div><p>${P1}</p><p>${P2}</p></div>`)).meta).toMatchObject({ title: 'Barley talks stall', publisher: 'Seed & Grain Council' });
  });

  it('a blog named only by its feeds ("Site - Atom", "Site - RSS")', () => {
    const head = '<link rel="alternate" type="application/atom+xml" title="Grain Notes - Atom" href="/feeds/posts/default"><link rel="alternate" type="application/rss+xml" title="Grain Notes - RSS" href="/feeds/posts/default?alt=rss"><title>Grain Notes: Barley talks stall</title>';
    expect(extractHtml(page(head, `<div><h3>Barley talks stall</h3><p>${P1}</p><p>${P2}</p></div>`)).meta.publisher).toBe('Grain Notes');
  });
});

describe("a page builder's run of text blocks", () => {
  const P3 = 'Traders said the delay would push up prices for malting barley in the summer, when brewers usually sign their contracts for the following year.';
  const P4 = 'Farm groups said the stalled talks left growers unsure how much of the next harvest they could sell abroad without paying the full tariff.';
  const P5 = 'Brewers said they would look for barley elsewhere if no quota was agreed by the end of June, and that prices had already risen by a tenth since the spring.';
  const block = (inner: string) => `<div class="sqs-block html-block"><div class="sqs-block-content"><div class="sqs-html-content">${inner}</div></div></div>`;

  it('a text block after a button block, which Readability leaves out, is kept, in its place', () => {
    const html = page(
      TITLE,
      `<main><article>${H1}<div class="col">${block(`<p>${P1}</p><h3>Why it matters</h3><p>${P2}</p><p>${P3}</p><p>${P4}</p>`)}<div class="sqs-block button-block"><a href="/x.pdf">Download the statement (PDF)</a></div>${block(`<h3>What next?</h3><p>${P5}</p>`)}</div></article></main>`,
    );
    expect(extractHtml(html).paragraphs).toEqual([P1, 'Why it matters', P2, P3, P4, 'What next?', P5]);
  });

  it('a run Readability keeps none of (a list of linked teasers beside the article) is not added', () => {
    const teaser = (t: string) => `<div class="teaser"><p><a href="/other">${t}</a></p></div>`;
    const html = page(TITLE, `<main><article>${H1}<div class="body">${block(`<p>${P1}</p><p>${P2}</p><p>${P3}</p>`)}</div></article></main><div class="rail">${teaser(P4)}${teaser(P5)}</div>`);
    const { paragraphs } = extractHtml(html);
    expect(paragraphs).toEqual([P1, P2, P3]);
  });
});

describe('chrome named by its class', () => {
  it("a disclaimer box; a theme's or the post's prefix before a chrome word (gh-comments-title, article-comments); a right rail", () => {
    const html = page(
      DATED,
      `<main><div class="layout"><article>${H1}<div class="post-body"><p>${P1}</p><p>${P2}</p><div class="publication__disclaimer"><p><em>This alert is provided for general informational purposes only and does not constitute legal advice.</em></p></div></div>` +
        `<section class="article-comments"><h3 class="gh-comments-title">Member discussion</h3><p>Become a member to comment.</p></section></article>` +
        `<section class="right-rail"><h2>Others also viewed</h2><p>Create your free account or sign in to continue your search.</p></section></div></main>`,
    );
    expect(extractHtml(html).paragraphs).toEqual([P1, P2]);
  });

  it('a word that only ends like chrome stays (market-share, a body named post-body)', () => {
    const html = page(DATED, `<article>${H1}<div class="post-body"><p>${P1}</p><div class="market-share"><p>${P2}</p></div></div></article>`);
    expect(extractHtml(html).paragraphs).toEqual([P1, P2]);
  });

  it('a subheading whose words are mostly the title\'s stays when the headline sits in a box Readability drops as a header', () => {
    const html = page(
      '<title>Barley Quota Talks: What Growers Should Do Now | Grain Law LLP</title>',
      `<main class="main"><div class="publication"><div class="publication__header"><p class="eyebrow">Client Alert</p><h1>Barley Quota Talks: What Growers Should Do Now</h1></div><div class="publication__body"><p>${P1}</p><h2>What Is “Barley”?</h2><p>${P2}</p><h2>What Growers Should Do Now</h2><p>${P1}</p></div></div></main>`,
    );
    expect(extractHtml(html).paragraphs).toEqual([P1, 'What Is “Barley”?', P2, 'What Growers Should Do Now', P1]);
  });
});

describe('boxes set inside the article', () => {
  it('a newsletter card and a sign-in box (a form asking for an email, a user name or a password) go with their heading and small print', () => {
    const P3 = 'Traders said the delay would push up prices for malting barley in the summer, when brewers usually sign their contracts for the following year.';
    const card =
      '<div class="Inline_root__a1"><div class="Inline_copy__b2"><p class="Inline_eyebrow__c3">Newsletter</p><h3 class="Inline_title__d4">The Grain Brief</h3><p class="Inline_text__e5">Our reporters in Winnipeg, Rouen and Perth on the deals reshaping the grain trade. Every Thursday.</p></div><form class="Inline_form__f6"><label for="e">Email address</label><input id="e" type="email" placeholder="Enter your email"><button type="submit">Sign up</button></form><p class="Inline_legal__g7">By signing up you agree to our <a href="/terms">Terms of Use</a> and acknowledge our <a href="/privacy">Privacy Policy</a>.</p></div>';
    const signin = card.replace('type="email"', 'name="session_key" autocomplete="username"').replace('Newsletter', 'Members');
    expect(extractHtml(page(DATED, `<article>${H1}<div class="Body_root__x"><p>${P1}</p><p>${P2}</p>${card}<p>${P3}</p></div></article>`)).paragraphs).toEqual([P1, P2, P3]);
    expect(extractHtml(page(DATED, `<article>${H1}<div class="Body_root__x"><p>${P1}</p><p>${P2}</p>${signin}<p>${P3}</p></div></article>`)).paragraphs).toEqual([P1, P2, P3]);
  });

  it('a form of prose around it (a search box in a long paragraph) takes no text with it', () => {
    const html = page(DATED, `<article>${H1}<div class="body"><p>${P1}</p><div><p>${P2}</p><form><input type="email"></form></div></div></article>`);
    expect(extractHtml(html).paragraphs).toEqual([P1, P2]);
  });

  it('a link card (the title, description and site of another page, all one link) goes; a link in prose stays', () => {
    const card = '<figure class="kg-card"><a href="https://example.com/terms/"><div class="c"><div class="t">What the May terms said</div><div class="d">A line-by-line reading of the five-page document.</div><div class="m"><span>Grain Ledger</span></div></div></a></figure>';
    const prose = 'Officials pointed to <a href="https://example.com/terms/">the five-page document</a> published in May, which leaves the size of the barley quota open.';
    expect(extractHtml(page(DATED, `<article>${H1}<div class="body"><p>${P1}</p>${card}<p>${prose}</p><p>${P2}</p></div></article>`)).paragraphs).toEqual([P1, prose.replace(/<[^>]+>/g, ''), P2]);
  });

  it("a pull quote repeating the article's words (cut with an ellipsis) goes; a quotation of other words stays", () => {
    const said = '“We did not get the full quota, but we got a share that keeps our growers in business,” the farm minister told reporters.';
    const pull = '<figure class="q"><blockquote>“We did not get the full quota … but we got a share that keeps our growers in business.”</blockquote><figcaption>— the farm minister</figcaption></figure>';
    const quoted = '<blockquote><p>The parties shall negotiate in good faith a tariff-rate quota for barley of a size to be agreed.</p></blockquote>';
    const { paragraphs } = extractHtml(page(DATED, `<article>${H1}<div class="body"><p>${P1}</p><p>${said}</p>${pull}<p>${P2}</p>${quoted}</div></article>`));
    expect(paragraphs).toEqual([P1, said, P2, 'The parties shall negotiate in good faith a tariff-rate quota for barley of a size to be agreed.']);
  });

  it('a caption set as a small italic line under a picture (no <figcaption>) goes; a plain paragraph after a picture stays', () => {
    const pic = '<div class="separator" style="text-align: center;"><a href="/big.jpg"><img src="/small.jpg"></a></div>';
    const caption = '<div class="separator" style="text-align: center;"><span style="font-size: x-small;"><i>The barley store at the co-op, Tuesday afternoon.</i></span></div>';
    expect(extractHtml(page(DATED, `<div class="post-body">${pic}${caption}<br>${P1}<br><br>${P2}</div>`)).paragraphs).toEqual([P1, P2]);
    expect(extractHtml(page(DATED, `<div class="post-body"><p>${P1}</p>${pic}<p>${P2}</p></div>`)).paragraphs).toEqual([P1, P2]);
  });
});

describe('author cards', () => {
  const P3 = 'Traders said the delay would push up prices for malting barley in the summer, when brewers usually sign their contracts for the following year.';

  it("a card-wide link to the writer's profile, with the name, a role and a follower count, goes", () => {
    const card =
      '<div class="publisher-card"><div class="main-card"><a class="full-link" href="https://social.example/in/ann-lee-grain"><span class="sr-only">Ann Lee</span></a><div class="media"><img alt="Ann Lee" src="/a.jpg"></div><div class="info"><h3 class="card-title">Ann Lee</h3><h4 class="card-subtitle">Grain broker | Lee Commodities | Winnipeg</h4><div class="card-meta"><span>3,187 followers</span></div></div><a class="follow" href="/join">+ Follow</a></div></div>';
    const html = page(TITLE, `<main><section class="core"><div class="details"><div class="article-main">${H1}<div class="content">${card}<p>${P1}</p><h2>Why</h2><p>${P2}</p><p>${P3}</p></div></div></div></section></main>`);
    expect(extractHtml(html).paragraphs).toEqual([P1, 'Why', P2, P3]);
  });

  it("the writer's name alone as a link to their page over the date goes; a name linked in a sentence stays", () => {
    const byline = '<div class="byline"><h4 class="who"><a href="/author/ann/">Ann Lee</a></h4><div><time datetime="2024-05-02">May 2, 2024</time><span> 6 min read</span></div></div>';
    const said = 'As <a href="/people/ann-lee/">Ann Lee</a> wrote last week, the barley quota has not been filled since 2019, and growers have sold the rest abroad at the full tariff.';
    expect(extractHtml(page(TITLE, `<article><header>${H1}${byline}</header><section class="content"><p>${P1}</p><p>${P2}</p><p>${P3}</p></section></article>`)).paragraphs).toEqual([P1, P2, P3]);
    const { paragraphs } = extractHtml(page(TITLE, `<article><header>${H1}</header><section class="content"><p>${P1}</p><p>${said}</p><p>${P2}</p><p>${P3}</p></section></article>`));
    expect(paragraphs).toEqual([P1, said.replace(/<[^>]+>/g, ''), P2, P3]);
  });
});
