/**
 * `knowledge:add` on real files: saved pages with real page chrome
 * (test/fixtures/pages), PDFs made here with a small PDF writer (two pages,
 * running header and footer, page numbers, a hyphenated line end, a list, a
 * scan with no text layer), and text files. Each written body is checked to be
 * verbatim from its source; refusals write nothing; the bot answers from the
 * new articles.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/core/engine.ts';
import { addArticles, AddError, type AddOptions } from '../../src/ingest/add.ts';
import { KnowledgeHolder } from '../../src/knowledge-watch.ts';
import { createLogger } from '../../src/log.ts';
import { makePdf } from '../helpers/pdf-writer.ts';
import { article, makeKnowledge } from '../helpers/knowledge.ts';
import { BULLETIN_PARAGRAPHS, BULLETIN_TITLE, bulletinPdf } from './pdf-fixture.ts';

const root = path.resolve(import.meta.dirname, '../..');
const pages = path.join(root, 'test/fixtures/pages');
const page = (name: string) => path.join(pages, name);
const folders: string[] = [];
afterEach(async () => {
  for (const f of folders.splice(0)) await rm(f, { recursive: true, force: true });
});

/** A knowledge folder holding one unrelated article. */
async function knowledge(): Promise<string> {
  const dir = await makeKnowledge({
    'articles/existing.md': article(
      { title: 'Wheat quota raised', date: '2023-03-01', publisher: 'Farm Wire' },
      'The government raised the wheat import quota to 2 million tonnes this year, officials said on Monday, after a poor harvest pushed bread prices up for a third month in a row.\n',
    ),
  });
  folders.push(dir);
  return dir;
}

/** Every file under a folder with a hash of its bytes: compared before and after to prove nothing was written. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    out[path.relative(dir, p)] = createHash('sha256').update(await readFile(p)).digest('hex');
  }
  return out;
}

const BLOCK_TAGS = new Set('address article aside blockquote body div dl dt dd figure figcaption footer form h1 h2 h3 h4 h5 h6 header li main nav ol p pre section table td th tr ul'.split(' '));
/** The words of a page as a reader gets them: all its text, entities decoded, blocks apart, white space collapsed. */
function pageWords(html: string): string {
  const { document } = parseHTML(html);
  let text = '';
  const walk = (n: any) => {
    for (const c of n.childNodes) {
      if (c.nodeType === 3) text += c.textContent;
      else if (c.nodeType === 1) {
        const block = BLOCK_TAGS.has(c.tagName.toLowerCase());
        if (block) text += ' ';
        walk(c);
        if (block) text += ' ';
      }
    }
  };
  walk(document);
  return collapse(text);
}
const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** The article file's front matter and body paragraphs. */
async function written(dir: string, id: string): Promise<{ front: Record<string, string>; paragraphs: string[]; text: string }> {
  const text = await readFile(path.join(dir, 'articles', `${id}.md`), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  const front = Object.fromEntries(m[1]!.split('\n').map((l) => [l.slice(0, l.indexOf(':')), JSON.parse(l.slice(l.indexOf(':') + 1))]));
  return { front, paragraphs: m[2]!.trimEnd().split('\n\n'), text };
}

/**
 * Every paragraph of a body is a verbatim slice of the source text: each line
 * (a list item without its `- ` / `1.` marker, which is markup) stands in the
 * source word for word.
 */
function expectVerbatim(paragraphs: readonly string[], source: string): void {
  for (const p of paragraphs) {
    for (const line of p.split('\n')) {
      const words = collapse(line.replace(/^\s*(?:-|\d+\.)\s+/, ''));
      expect(source, `not verbatim: ${JSON.stringify(words)}`).toContain(words);
    }
  }
}

const add = (o: Partial<AddOptions> & { knowledgeDir: string; files: string[] }) => addArticles(o);
async function refusal(o: Partial<AddOptions> & { knowledgeDir: string; files: string[] }): Promise<string[]> {
  const err = await addArticles(o).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AddError);
  return (err as AddError).problems;
}

const CHROME = [/cookies/i, /Accept all/, /Share on/, /Email this story/, /Subscribe/, /Sign up/, /Related/, /All rights reserved/, /Privacy/, /Comments \(12\)/, /dataLayer/, /Search the Ledger/, /Photo: Ledger staff/, /Home/, /Markets/, /Mara Lindqvist/, /Get the Trade Brief/];

describe('knowledge:add: saved web pages', () => {
  it('a news page: main text only, paragraphs, headings and lists kept, metadata from the page', async () => {
    const dir = await knowledge();
    const result = await add({ knowledgeDir: dir, files: [page('news-article.html')] });
    expect(result.articles.map((a) => a.id)).toEqual(['news-article']);
    const { front, paragraphs, text } = await written(dir, 'news-article');
    expect(front).toEqual({
      title: 'Canada and Norway sign fisheries pact after two years of talks',
      date: '2024-03-14',
      publisher: 'The Harbour Ledger',
      url: 'https://ledger.example.com/world/canada-norway-fisheries-pact',
    });
    expect(paragraphs).toEqual([
      'OTTAWA — Canada and Norway signed a fisheries agreement on Wednesday that cuts tariffs on frozen cod and opens each country’s ports to the other’s trawlers, ending two years of negotiations that at times looked close to collapse.',
      'The pact lowers the duty on frozen cod fillets from 12 percent to 3 percent over five years and removes quotas on processed shrimp entirely, according to a summary released by both trade ministries & seen by reporters.',
      'What the agreement covers',
      'Officials said the text runs to 140 pages and sets out three main commitments:',
      '- Tariffs on frozen cod fall in five equal steps, the first on January 1.\n- Vessels flagged in either country may land catches at designated ports without a separate licence.\n- A joint committee will review stock levels every two years and may pause the cuts if stocks fall sharply.',
      '“This is the most ambitious fisheries arrangement either of us has ever signed,” Canada’s trade minister told reporters in Ottawa. “It gives our coastal communities certainty for a decade.”',
      'Critics warn on stocks',
      'Environmental groups said the review clause was too weak. The Atlantic Stocks Coalition said the committee should be able to suspend the deal, not merely pause the tariff cuts, and called for an independent scientific panel.',
      'Parliaments in both countries must still ratify the agreement. Norway’s government said it expected a vote before the summer recess, while Ottawa has not set a date.',
      'The steps for ratification in Canada are:',
      '1. tabling of the treaty in the House of Commons for 21 sitting days;\n2. implementing legislation for the tariff changes; and\n3. an order in council bringing the tariff schedule into force.',
    ]);
    for (const chrome of CHROME) expect(text).not.toMatch(chrome);
    expectVerbatim(paragraphs, pageWords(await readFile(page('news-article.html'), 'utf8')));
    expect(result.corpus!.articles).toHaveLength(2);
    expect(result.warnings).toEqual([]);

    // The bot answers from it, quoting it word for word.
    const engine = await loadEngine(dir);
    const answer = engine.ask('What is the duty on frozen cod fillets?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]).toMatchObject({ articleId: 'news-article', publisher: 'The Harbour Ledger', date: '2024-03-14' });
    expect(paragraphs.join('\n\n')).toContain(answer.citations[0]!.quote);
  });

  it('a government release: <time> date, application name, the "saved from" URL, title without the site suffix, a table', async () => {
    const dir = await knowledge();
    await add({ knowledgeDir: dir, files: [page('press-release.html')], reliability: 'high' });
    const { front, paragraphs, text } = await written(dir, 'press-release');
    expect(front).toEqual({
      title: 'Joint Statement on Steel Safeguards',
      date: '2023-11-02',
      publisher: 'Office of Trade Example',
      url: 'https://trade.example.gov/news/2023/11/joint-statement-on-steel-safeguards',
      reliability: 'high',
    });
    expect(paragraphs[0]).toBe('WASHINGTON – Trade ministers from the two governments issued the following joint statement today after their meeting on steel and aluminum safeguard measures:');
    expect(paragraphs).toContain('1. global steelmaking capacity and its use;\n2. subsidies that distort trade in steel and aluminum; and\n3. the carbon intensity of steel production.');
    expect(paragraphs).toContain('Background');
    expect(paragraphs.at(-1)).toBe('Product group Annual quota (metric tons)\nFlat-rolled steel 2,100,000\nLong products 1,200,000');
    for (const chrome of [/Skip to main content/, /official website/, /About Us/, /Share this page/, /LinkedIn/, /Related press releases/, /Ministers meet on aluminum/, /600 Main Street/, /FOIA/, /_paq/]) expect(text).not.toMatch(chrome);
    expectVerbatim(paragraphs, pageWords(await readFile(page('press-release.html'), 'utf8')));
  });

  it('a WordPress post: JSON-LD @graph date, inline ads, "Read more" links, share and related blocks, author box, comments left out', async () => {
    const dir = await knowledge();
    await add({ knowledgeDir: dir, files: [page('wordpress-post.html')] });
    const { front, paragraphs, text } = await written(dir, 'wordpress-post');
    expect(front).toEqual({ title: 'Customs delays at Dover ease as new checks bed in', date: '2024-05-20', publisher: 'The Freight Column', url: 'https://freightcolumn.example.co.uk/2024/05/customs-delays-dover/' });
    expect(paragraphs).toHaveLength(7);
    expect(paragraphs[2]).toBe('Paperwork still the sticking point');
    expect(paragraphs[5]).toBe('- Low-risk goods: documentary checks only.\n- Medium-risk goods: identity and physical checks on a sample.\n- High-risk goods: every consignment checked.');
    for (const chrome of [/Skip to content/, /Logistics, ports/, /Posted on/, /Priya Shah/, /Advertisement/, /Read more/, /Border checks begin/, /Share this/, /Print/, /Related/, /Tagged/, /About the author/, /Previous post/, /thoughts on/, /Leave a Reply/, /Most read/, /WordPress/, /_wpemojiSettings/])
      expect(text).not.toMatch(chrome);
    expectVerbatim(paragraphs, pageWords(await readFile(page('wordpress-post.html'), 'utf8')));
  });

  it('odd but common shapes: a windows-1252 page, and a whole page wrapped in a <form> (ASP.NET sites)', async () => {
    const dir = await knowledge();
    const body = [
      'The ministry confirmed on Friday that the duty on imported olive oil will be suspended for six months from 1 July, after prices rose by a third over the winter.',
      'Importers said the move would bring some relief, but warned that shipping costs and a weak harvest in the main producing countries would keep shelf prices high.',
      'The suspension covers bottled and bulk oil and will be reviewed in December.',
    ];
    const page1252 = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Olive oil duty suspended</title><meta name="date" content="2024-06-21"></head><body><form id="aspnetForm" method="post"><div class="menu" role="navigation"><a>Home</a> <a>News</a></div><div id="content"><h1>Olive oil duty suspended</h1>${body.map((p) => `<p>${p.replace(/'/g, '\x92')}</p>`).join('')}</div><div class="footer-links">Site map</div></form></body></html>`;
    const file = path.join(dir, '..', `olive-${path.basename(dir)}.htm`);
    folders.push(file);
    // "ministry’s"-style apostrophes as the windows-1252 byte 0x92.
    await writeFile(file, Buffer.from(page1252.replace('six months', 'six months\x92'), 'latin1'));
    const result = await add({ knowledgeDir: dir, files: [file], publisher: 'Trade Ministry' });
    const { front, paragraphs } = await written(dir, result.articles[0]!.id);
    expect(front).toMatchObject({ title: 'Olive oil duty suspended', date: '2024-06-21', publisher: 'Trade Ministry' });
    expect(paragraphs).toEqual([body[0]!.replace('six months', 'six months’'), body[1], body[2]]);
  });

  it('a page with no date is refused, naming the file, and nothing is written; with --date it is added', async () => {
    const dir = await knowledge();
    const before = await snapshot(dir);
    expect(await refusal({ knowledgeDir: dir, files: [page('blog-no-date.html')] })).toEqual([`${page('blog-no-date.html')}: no publication date found in the page; give one with --date YYYY-MM-DD`]);
    expect(await snapshot(dir)).toEqual(before);
    await add({ knowledgeDir: dir, files: [page('blog-no-date.html')], date: '2024-02-01' });
    const { front, paragraphs } = await written(dir, 'blog-no-date');
    expect(front).toMatchObject({ title: 'Why rules of origin matter for small exporters', publisher: 'Border Notes', date: '2024-02-01' });
    expect(paragraphs).toHaveLength(4);
    expectVerbatim(paragraphs, pageWords(await readFile(page('blog-no-date.html'), 'utf8')));
  });

  it('a page that is all script is refused as a tiny extraction', async () => {
    const dir = await knowledge();
    const [problem] = await refusal({ knowledgeDir: dir, files: [page('app-shell.html')] });
    expect(problem).toMatch(/app-shell\.html: only \d+ characters \(\d+ words\) of text could be extracted, at least 200 characters and 30 words are needed: the page may be all script/);
  });

  it('the same page twice, or a near-duplicate, is refused naming the article; nothing is written', async () => {
    const dir = await knowledge();
    await add({ knowledgeDir: dir, files: [page('news-article.html')] });
    const before = await snapshot(dir);
    // Same file name: the id exists.
    expect((await refusal({ knowledgeDir: dir, files: [page('news-article.html')] }))[0]).toMatch(/an article with id "news-article" already exists \(articles\/news-article\.md\)/);
    // Another name, same text.
    expect((await refusal({ knowledgeDir: dir, files: [page('news-article.html')], id: 'copy' }))[0]).toBe(
      `${page('news-article.html')}: is the same text as article "news-article" (articles/news-article.md: "Canada and Norway sign fisheries pact after two years of talks")`,
    );
    // A re-edited version: one paragraph changed, the rest the same.
    const html = (await readFile(page('news-article.html'), 'utf8'))
      .replace(/<p>Environmental groups[^<]*<\/p>/, '<p>Fishing unions welcomed the deal but asked for more inspectors at landing ports, saying the current staff could not check the catches that the new rules would bring in.</p>')
      .replace(/<p>Parliaments in both[^<]*<\/p>/, '<p>Neither parliament has yet scheduled a debate, and opposition parties in Oslo have said they want hearings with the fishing industry first.</p>')
      .replace(/<ol>[\s\S]*?<\/ol>/, '<p>Officials expect the first tariff step to take effect next January if both votes pass in time.</p>');
    const edited = path.join(dir, '..', `edited-${path.basename(dir)}.html`);
    folders.push(edited);
    await writeFile(edited, html);
    expect((await refusal({ knowledgeDir: dir, files: [edited] }))[0]).toMatch(/is a near-duplicate of article "news-article" \(articles\/news-article\.md: "Canada and Norway sign fisheries pact after two years of talks"; \d+% shared wording\)/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('adds several files all or nothing, and refuses two of them with the same text', async () => {
    const dir = await knowledge();
    const before = await snapshot(dir);
    const problems = await refusal({ knowledgeDir: dir, files: [page('news-article.html'), page('blog-no-date.html'), page('app-shell.html')] });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('blog-no-date.html: no publication date');
    expect(problems[1]).toContain('app-shell.html: only');
    expect(await snapshot(dir)).toEqual(before);
    const copy = path.join(dir, '..', `copy-${path.basename(dir)}.html`);
    folders.push(copy);
    await writeFile(copy, await readFile(page('news-article.html')));
    expect((await refusal({ knowledgeDir: dir, files: [page('news-article.html'), copy] }))[0]).toMatch(/is the same text as article "news-article"/);
    const result = await add({ knowledgeDir: dir, files: [page('news-article.html'), page('press-release.html')] });
    expect(result.articles.map((a) => a.file)).toEqual(['articles/news-article.md', 'articles/press-release.md']);
    expect(result.corpus!.articles).toHaveLength(3);
  });
});

describe('knowledge:add: PDFs', () => {
  it('rebuilds paragraphs, joins a hyphenated word, keeps the list, drops running header, footer and page numbers', async () => {
    const dir = await knowledge();
    const file = path.join(dir, '..', `bulletin-${path.basename(dir)}.pdf`);
    folders.push(file);
    await writeFile(file, bulletinPdf());
    const result = await add({ knowledgeDir: dir, files: [file], publisher: 'Trade Policy Bulletin' });
    const id = result.articles[0]!.id;
    const { front, paragraphs, text } = await written(dir, id);
    expect(front.title).toBe(BULLETIN_TITLE);
    // The dateline on page 1 wins over the file's creation date (2024-02-13).
    expect(front.date).toBe('2024-02-12');
    expect(front.publisher).toBe('Trade Policy Bulletin');
    expect(front.note).toMatch(/^Text extracted from a PDF \(bulletin-.*\.pdf\): .*running headers, footers and page numbers left out; words hyphenated at line ends joined\.$/);
    expect(paragraphs).toEqual(BULLETIN_PARAGRAPHS);
    expect(text).not.toMatch(/Trade Policy Bulletin · Issue 7|Page \d of 2/);
    expectVerbatim(paragraphs, BULLETIN_PARAGRAPHS.join(' ').replace(/\n/g, ' '));
    const engine = await loadEngine(dir);
    const answer = engine.ask('When will presses and punching machines be cut?');
    expect(answer.citations[0]?.articleId).toBe(id);
  });

  it('the creation date is used (and said) when the PDF prints none', async () => {
    const dir = await knowledge();
    const file = path.join(dir, '..', `undated-${path.basename(dir)}.pdf`);
    folders.push(file);
    const body = 'The customs authority published new guidance on the valuation of imported software licences, which had been taxed at different rates in different ports. The guidance applies from the first of next month and replaces two earlier notices on the subject.';
    const words = body.split(' ');
    const rows: string[] = [];
    for (let i = 0; i < words.length; i += 12) rows.push(words.slice(i, i + 12).join(' '));
    await writeFile(file, makePdf([{ texts: rows.map((text, i) => ({ x: 72, y: 700 - i * 14, text })) }], { Title: 'Customs guidance on software', CreationDate: 'D:20230905120000Z' }));
    await add({ knowledgeDir: dir, files: [file] });
    const { front, paragraphs } = await written(dir, `undated-${path.basename(dir)}`.toLowerCase());
    expect(front).toMatchObject({ title: 'Customs guidance on software', date: '2023-09-05' });
    expect(front.note).toContain("Date from the PDF's creation date.");
    expect(paragraphs).toEqual([body]);
  });

  it('a scanned PDF (images, no text layer) is refused; so is a file that is not a PDF', async () => {
    const dir = await knowledge();
    const scan = path.join(dir, '..', `scan-${path.basename(dir)}.pdf`);
    const fake = path.join(dir, '..', `fake-${path.basename(dir)}.pdf`);
    folders.push(scan, fake);
    await writeFile(scan, makePdf([{ image: true }, { image: true }], { CreationDate: 'D:20240101000000Z' }));
    await writeFile(fake, '<html>not a pdf</html>');
    const before = await snapshot(dir);
    const problems = await refusal({ knowledgeDir: dir, files: [scan, fake], date: '2024-01-01', title: undefined });
    expect(problems).toEqual([
      `${scan}: the PDF has no text layer (a scanned document?): nothing to quote; run it through OCR and add the text instead`,
      `${fake}: is not a PDF (it does not start with %PDF-)`,
    ]);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('knowledge:add: text files and flags', () => {
  it('text: title line, dateline, wrapped lines joined, list items kept', async () => {
    const dir = await knowledge();
    const file = path.join(dir, '..', `Rice Talks (draft)-${path.basename(dir)}.txt`);
    folders.push(file);
    const source = [
      'Rice talks resume in Manila',
      '',
      'March 3, 2024',
      '',
      'Negotiators from the four rice-exporting countries met again on Tuesday to',
      'discuss a shared floor price, a month after the last round broke up without',
      'agreement.',
      '',
      'The proposals on the table are:',
      '- a floor price set every quarter;',
      '- a common stock held in Manila; and',
      '- a dispute panel of three judges.',
      '',
      'A statement is expected on Friday, when ministers join the talks for the last two days.',
      '',
    ].join('\n');
    await writeFile(file, source);
    const result = await add({ knowledgeDir: dir, files: [file], publisher: 'Grain Desk' });
    expect(result.articles[0]!.id).toBe(`rice-talks-draft-${path.basename(dir)}`.toLowerCase());
    const { front, paragraphs } = await written(dir, result.articles[0]!.id);
    expect(front).toEqual({ title: 'Rice talks resume in Manila', date: '2024-03-03', publisher: 'Grain Desk' });
    expect(paragraphs).toEqual([
      'Negotiators from the four rice-exporting countries met again on Tuesday to discuss a shared floor price, a month after the last round broke up without agreement.',
      'The proposals on the table are:\n- a floor price set every quarter;\n- a common stock held in Manila; and\n- a dispute panel of three judges.',
      'A statement is expected on Friday, when ministers join the talks for the last two days.',
    ]);
    expectVerbatim(paragraphs, collapse(source));
  });

  it('a seed-like text with neither title nor date needs --title and --date; the file name is the id', async () => {
    const dir = await knowledge();
    const file = path.join(dir, '..', `007_seedlike-${path.basename(dir)}.txt`);
    folders.push(file);
    const text = 'Officials from both sides said the customs union would be extended to processed food from next year, covering canned fish, frozen vegetables and dairy products that are now taxed at the border.\n\nThe extension still needs the approval of both parliaments, which are expected to vote before the end of the year.\n';
    await writeFile(file, text);
    expect((await refusal({ knowledgeDir: dir, files: [file] }))[0]).toMatch(/no publication date found/);
    expect((await refusal({ knowledgeDir: dir, files: [file], date: '2022-05-05' }))[0]).toMatch(/no title found; give one with --title/);
    const result = await add({ knowledgeDir: dir, files: [file], date: '2022-05-05', title: 'Customs union extended', url: 'https://news.example.org/customs' });
    expect(result.articles[0]!.id).toBe(`007_seedlike-${path.basename(dir)}`.toLowerCase());
    const { front, paragraphs } = await written(dir, result.articles[0]!.id);
    expect(front).toEqual({ title: 'Customs union extended', date: '2022-05-05', url: 'https://news.example.org/customs' });
    expect(paragraphs.join('\n\n') + '\n').toBe(text);
  });

  it('a header block (source:, date:, publisher:, title:, license:) gives the metadata and the note, and stays out of the body', async () => {
    const dir = await knowledge();
    const file = path.join(dir, '..', `crs-style-${path.basename(dir)}.txt`);
    folders.push(file);
    const header = [
      'source: https://reports.example.gov/R1234.html (report R1234; official copy elsewhere) date: 2021-04-09 publisher: Research Service',
      'title: Grain Quotas After the 2020 Accord (Report R1234)',
      'license: public domain. Completeness: summary section only, TRUNCATED (ends mid-sentence).',
    ].join('\n');
    const body = 'Grain Quotas After the 2020 Accord (Report R1234)\n\nThe accord raised the wheat quota by a fifth and left the rice quota unchanged, according to the agencies that administer them.\n\nBoth quotas are reviewed every two years, and the next review is due before the end of the coming season.\n';
    await writeFile(file, `${header}\n\n${body}`);
    const result = await add({ knowledgeDir: dir, files: [file] });
    const { front, paragraphs } = await written(dir, result.articles[0]!.id);
    expect(front).toEqual({
      title: 'Grain Quotas After the 2020 Accord (Report R1234)',
      date: '2021-04-09',
      publisher: 'Research Service',
      url: 'https://reports.example.gov/R1234.html',
      note: "Incomplete copy; the file's header says: public domain. Completeness: summary section only, TRUNCATED (ends mid-sentence).",
    });
    // The heading that repeats the title goes; the header's words are nowhere in the body.
    expect(paragraphs).toEqual(body.trim().split('\n\n').slice(1));
    expect(paragraphs.join(' ')).not.toMatch(/source:|license:|Research Service/);
  });

  it('a header whose date is not a day ("page undated", "2019-09/10") gives none: --date is needed; --note sets the note', async () => {
    const dir = await knowledge();
    const file = path.join(dir, '..', `undated-${path.basename(dir)}.txt`);
    folders.push(file);
    const text = 'The agency page lists the steps of the negotiations from the first notice to the entry into force of both agreements, with links to each document.\n\nIt is kept up to date by the agency and carries no date of its own.\n';
    for (const date of ['page undated; describes events 2018-09-26 to 2020-01-01', '2019-09/10 (exact day not known)']) {
      await writeFile(file, `source: https://agency.example.gov/steps date: ${date} publisher: The Agency\ntitle: Negotiation steps\n\n${text}`);
      expect((await refusal({ knowledgeDir: dir, files: [file] }))[0]).toMatch(/no publication date found in the file; give one with --date/);
    }
    const result = await add({ knowledgeDir: dir, files: [file], date: '2020-01-01', note: 'Opening portion of the page only.' });
    const { front, paragraphs } = await written(dir, result.articles[0]!.id);
    expect(front).toEqual({ title: 'Negotiation steps', date: '2020-01-01', publisher: 'The Agency', url: 'https://agency.example.gov/steps', note: 'Opening portion of the page only.' });
    expect(paragraphs.join('\n\n') + '\n').toBe(text);
  });

  it('bad flags and an invalid folder are refused before anything is read', async () => {
    const dir = await knowledge();
    expect(await refusal({ knowledgeDir: dir, files: [page('news-article.html'), page('press-release.html')], date: '2024-13-01', id: 'x', url: 'ftp://x' })).toEqual([
      '--date: "2024-13-01" is not a date YYYY-MM-DD',
      '--url: "ftp://x" is not an http(s) URL',
      '--id names one article: add the files one at a time',
      '--url names one article: add the files one at a time',
    ]);
    expect(await refusal({ knowledgeDir: dir, files: [] })).toEqual(['no files given: name one or more .html, .htm, .pdf, .txt or .md files']);
    expect((await refusal({ knowledgeDir: dir, files: [path.join(dir, 'nope.docx')] }))[0]).toMatch(/nope\.docx: unsupported file type/);
    await writeFile(path.join(dir, 'articles', 'broken.md'), '---\ntitle: ""\n---\nNo date.\n');
    const [problem] = await refusal({ knowledgeDir: dir, files: [page('news-article.html')] });
    expect(problem).toMatch(/is not valid now; fix it first \(npm run knowledge:check\):[\s\S]*broken\.md/);
  });
});

describe('knowledge:add and a running bot', () => {
  it('a bot watching the folder picks the new article up through its live reload, never a half-written file', async () => {
    const dir = await knowledge();
    const lines: string[] = [];
    const holder = new KnowledgeHolder(await loadEngine(dir), dir, loadEngine, createLogger('info', [], (l) => lines.push(l)), 50);
    holder.watch();
    try {
      expect(holder.current().ask('What is the duty on frozen cod fillets?').answered).toBe(false);
      await add({ knowledgeDir: dir, files: [page('news-article.html')] });
      const end = Date.now() + 10_000;
      while (!holder.current().corpus.articles.some((a) => a.id === 'news-article')) {
        if (Date.now() > end) throw new Error('the bot did not reload');
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(holder.current().ask('What is the duty on frozen cod fillets?').citations[0]?.articleId).toBe('news-article');
      expect(lines.filter((l) => /"level":"(warn|error)"/.test(l))).toEqual([]);
    } finally {
      await holder.close();
    }
  });
});

describe('npm run knowledge:add (the CLI)', () => {
  const cli = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/knowledge-add.ts', ...args], { cwd: root }, (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr })),
    );

  it('--dry-run prints the article and writes nothing; then adds it, printing the id; a second time refuses', async () => {
    const dir = await knowledge();
    const before = await snapshot(dir);
    const dry = await cli(['--knowledge', dir, '--dry-run', page('press-release.html')]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^---\ntitle: "Joint Statement on Steel Safeguards"\ndate: "2023-11-02"\n/);
    expect(dry.stderr).toContain(`--dry-run: would write ${path.join(dir, 'articles/press-release.md')}`);
    expect(await snapshot(dir)).toEqual(before);

    const real = await cli(['--knowledge', dir, page('press-release.html')]);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/^added press-release \(articles\/press-release\.md\): "Joint Statement on Steel Safeguards", Office of Trade Example, 2023-11-02; \d+ paragraphs/);
    expect(real.stdout).toMatch(/knowledge: .*: valid: 2 article\(s\)/);
    expect(await readFile(path.join(dir, 'articles/press-release.md'), 'utf8')).toBe(dry.stdout);

    const again = await cli(['--knowledge', dir, page('press-release.html')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^knowledge:add: nothing was added:\n- .*press-release\.html: an article with id "press-release" already exists/);
    const usage = await cli(['--knowledge', dir, '--reliability', 'great', page('press-release.html')]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--reliability must be high, normal or low');
  }, 60_000);
});
