/**
 * Metadata of a saved web page: title, publisher, date and URL from the head
 * (Open Graph, JSON-LD, other meta tags), and, when the head has none, from
 * what the page shows: the headline, the site's name in its header or feed,
 * a `<time>` element, a dateline under the headline.
 */
import { boardPost } from './board.ts';
import { closest, tag, type Doc, type El } from './dom.ts';
import { isTimestampLine } from './furniture.ts';
import { findDate, isBylineWithDate, isDateline, isWebUrl, parseDate, stripSiteSuffix } from './metadata.ts';
import type { FoundMetadata } from './types.ts';
import { normaliseSpace } from './whitespace.ts';

const TITLE_SEPARATOR = /^\s*[|\-–—·•:]\s+/;
/** The parts of a `<title>` ("Headline | Site", "Site - Headline"). */
const TITLE_PARTS = /\s+[|\-–—·•:]\s+/;
/** Class or id words of the element that shows the site's name (`site-title`, `site-name`, `navbar-brand`). */
const SITE_NAME_WORDS = /^((site|blog)[-_]?(name|title)|navbar-brand|brand-name|logo-text)$/i;
/** Highwire (Google Scholar), bepress, PRISM and Dublin Core publication dates, `2021/12/23` or `2021-12-23`. */
const SCHOLARLY_DATES = ['citation_publication_date', 'citation_date', 'citation_online_date', 'bepress_citation_date', 'prism.publicationDate', 'dc.date', 'DC.date.issued', 'dcterms.date', 'dcterms.issued', 'dcterms.created', 'eprints.date'];
/** "Copyright © 2021 The Site. All rights reserved.": the holder's name. */
const COPYRIGHT_HOLDER = /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(.+?)\.?(?:\s*all rights reserved\.?)?$/i;
/** What a company adds to its name in a copyright line ("The Harbor Times Company"). */
const COMPANY_SUFFIX = /[\s,]+(?:company|co\.?|inc\.?|ltd\.?|llc|plc|corporation|corp\.?|group|media|limited)$/i;
/** A short block after the headline is searched for a dateline up to this many blocks down. */
const DATELINE_BLOCKS = 6;

/** Title, publisher, date and URL from the page (and the "saved from" comment browsers add). */
export function pageMetadata(doc: Doc, html: string): FoundMetadata {
  // Meta names are matched without regard to case: Dublin Core is written `DC.date`, `dc.date`, `DCTERMS.issued`.
  const metas = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const v = decodeLeftoverEntities(normaliseSpace(el.getAttribute('content') ?? ''));
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.toLowerCase();
      if (key && v && !metas.has(key)) metas.set(key, v);
    }
  }
  const metaContent = (...keys: string[]) => keys.map((k) => metas.get(k.toLowerCase())).find((v) => v !== undefined);
  const ld = jsonLdArticle(doc);
  const docTitle = decodeLeftoverEntities(normaliseSpace(doc.querySelector('title')?.textContent ?? ''));
  const headline = headlineInTitle(doc, docTitle);
  const top = topOfPage(doc);
  // A <title> with no site part ("Deal at a glance") leaves the site's name to the logo, the copyright line or a letterhead.
  const bareTitle = !docTitle || docTitle.split(TITLE_PARTS).length < 2;
  // A site name the page says it was made with ("Published using Google Docs") names the tool, not the publisher.
  const siteMeta = [metaContent('og:site_name', 'application-name'), ld.publisher].find((n) => n !== undefined && !isToolName(doc, n));
  const siteName =
    siteMeta ?? siteNameShown(doc, headline?.rest ?? docTitle, !headline) ?? (bareTitle ? (nameShownAlone(doc) ?? letterhead(top, doc) ?? nameOverDate(top)) : undefined);
  // The headline the page shows its readers, where the <title> or the structured data confirms it, wins over a social
  // or search headline written for sharing ("Indonesia drops tariffs …" over the page's "Indonesia to drop tariffs …").
  const shownHeadline = headline?.text ?? visibleHeadline(doc, [ld.headline, metaContent('headline')]);
  const socialTitle = metaContent('og:title', 'twitter:title');
  // A board's post gives its title as a field ("Title | Korea, U.S. hold …"); a social title that is only the site's name is none.
  const board = Array.from(doc.querySelectorAll('table')).map(boardPost).find((b) => b);
  const boardTitle = board?.title;
  const socialIsSite = !!socialTitle && !!siteName && socialTitle.toLowerCase() === siteName.toLowerCase();
  const title =
    shownHeadline ??
    (socialIsSite ? boardTitle : undefined) ??
    (socialTitle ? stripSiteSuffix(socialTitle, siteName) : undefined) ??
    ld.headline ??
    boardTitle ??
    headingExtendingTitle(top, docTitle) ??
    (docTitle ? stripSiteSuffix(docTitle, siteName) : undefined);
  const timeEl = doc.querySelector('article time[datetime], time[datetime]');
  let date =
    parseDate(metaContent('article:published_time', 'og:published_time', 'datePublished', 'publication_date', 'pubdate', 'date', ...SCHOLARLY_DATES, 'parsely-pub-date', 'sailthru.date')) ??
    parseDate(ld.datePublished) ??
    parseDate(timeEl?.getAttribute('datetime')) ??
    timeText(doc) ??
    datelineUnderHeadline(doc) ??
    dateAtTop(top) ??
    (board?.date ? findDate(board.date) : undefined) ??
    labelledDate(doc);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  // Chrome and Internet Explorer put `<!-- saved from url=(0042)https://… -->` at the top of a saved page.
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1];
  const url = [canonical, metaContent('og:url'), ld.url, savedFrom].find(isWebUrl);
  // Last: the date in the page's address (`/news/2024/03/03/…`), then the date it says it was last updated.
  date ??= dateInUrl(url) ?? lastUpdated(doc);
  return {
    ...(title ? { title } : {}),
    ...(siteName ? { publisher: siteName } : {}),
    ...(date ? { date } : {}),
    ...(url ? { url: url.trim() } : {}),
  };
}

/** The article object of the page's JSON-LD (`NewsArticle`, `Article`, … also inside `@graph`, its publisher also given by `@id`). */
function jsonLdArticle(doc: Doc): { headline?: string; datePublished?: string; publisher?: string; url?: string } {
  const found: Record<string, unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['@graph']) visit(o['@graph']);
      found.push(o);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is the page's problem: the other sources of metadata still count.
    }
  }
  const isArticle = (o: Record<string, unknown>) => [o['@type']].flat().some((t) => typeof t === 'string' && /Article|BlogPosting|Report|NewsArticle/i.test(t));
  const a = found.find((o) => isArticle(o) && o.datePublished) ?? found.find(isArticle) ?? found.find((o) => o.datePublished);
  if (!a) return {};
  const str = (v: unknown) => (typeof v === 'string' && normaliseSpace(v) ? decodeLeftoverEntities(normaliseSpace(v)) : undefined);
  // Graphs (Yoast and others) give the publisher as `{"@id": "…#organization"}`, the organisation elsewhere in the graph.
  const resolve = (v: unknown): Record<string, unknown> | undefined => {
    if (!v || typeof v !== 'object') return undefined;
    const o = v as Record<string, unknown>;
    if (o.name !== undefined || typeof o['@id'] !== 'string') return o;
    return found.find((f) => f['@id'] === o['@id'] && f !== o) ?? o;
  };
  const publisher = [a.publisher].flat()[0];
  const entity = a.mainEntityOfPage;
  return {
    headline: str(a.headline) ?? str(a.name),
    datePublished: str(a.datePublished) ?? str(a.dateCreated),
    publisher: typeof publisher === 'string' ? str(publisher) : str(resolve(publisher)?.name),
    url: str(a.url) ?? (typeof entity === 'string' ? str(entity) : str((entity as Record<string, unknown> | undefined)?.['@id'])),
  };
}

/**
 * The page's headline when the `<title>` is that headline and something more
 * after a separator (`Headline | Section`, `Headline – Blog name`): the
 * headline, and the rest (which may name the site).
 */
function headlineInTitle(doc: Doc, docTitle: string): { text: string; rest: string } | undefined {
  for (const h of Array.from(doc.querySelectorAll('h1'))) {
    // Some sites set their logo in an h1: that is the site's name, not the headline.
    if (inSiteChrome(h) || h.querySelector('a[rel="home"]') || siteNameWords(h)) continue;
    const text = normaliseSpace(h.textContent ?? '');
    if (!text || docTitle.length <= text.length || !docTitle.toLowerCase().startsWith(text.toLowerCase())) continue;
    const rest = docTitle.slice(text.length);
    if (TITLE_SEPARATOR.test(rest)) return { text, rest: rest.replace(TITLE_SEPARATOR, '').trim() };
  }
  return undefined;
}

/**
 * The page's headline (its first `<h1>` outside the site's chrome) when the
 * structured data gives the same headline.
 */
function visibleHeadline(doc: Doc, confirming: (string | undefined)[]): string | undefined {
  const wanted = confirming.filter((c): c is string => !!c).map((c) => c.toLowerCase());
  if (!wanted.length) return undefined;
  for (const h of Array.from(doc.querySelectorAll('h1'))) {
    if (inSiteChrome(h) || h.querySelector('a[rel="home"]') || siteNameWords(h)) continue;
    const text = normaliseSpace(h.textContent ?? '');
    if (text && wanted.includes(text.toLowerCase())) return text;
  }
  return undefined;
}

/** Entities some sites escape twice ("Food &amp;amp; Beverage" reads "Food &amp; Beverage" once parsed). */
const LEFTOVER_ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp|mdash|ndash|lsquo|rsquo|ldquo|rdquo|hellip|eacute|copy|reg|trade));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', eacute: 'é', copy: '©', reg: '®', trade: '™' };

/**
 * A metadata value with the entities left in it once the page was parsed
 * decoded, once: the name as a reader of the page would read it.
 */
export function decodeLeftoverEntities(value: string): string {
  if (!value.includes('&')) return value;
  const decoded = value.replace(LEFTOVER_ENTITY, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()] ?? m;
    const cp = dec ? Number(dec) : parseInt(hex!, 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
  return normaliseSpace(decoded);
}

/**
 * The site's name when no meta tag gives it: the last part of the title when
 * the page's own header (site title, logo link, feed) says the same, else the
 * site title shown in the header or the name of the page's feed.
 */
function siteNameShown(doc: Doc, titleRest: string, wholeTitle: boolean): string | undefined {
  const shown: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('[class], [id], a[rel="home"]'))) {
    if (!siteNameWords(el) && el.getAttribute('rel') !== 'home') continue;
    const text = normaliseSpace(el.textContent ?? '');
    if (text && text.length <= 80 && !/^home$/i.test(text)) shown.push(text);
  }
  for (const link of Array.from(doc.querySelectorAll('link[rel="alternate"][title]'))) {
    const type = link.getAttribute('type') ?? '';
    const name = normaliseSpace(link.getAttribute('title') ?? '');
    // WordPress names its feeds "Site » Feed" and "Site » Comments Feed".
    // Blogger names them "Site - Atom" and "Site - RSS".
    if (/rss|atom/i.test(type) && !/comments/i.test(name)) {
      const site = name.replace(/\s*(?:[»|:\-–—]\s*)?(?:(?:rss|atom)(?:\s*feed)?|feed)$/i, '').trim();
      if (site && site !== name) shown.push(site);
    }
  }
  const lower = (s: string) => s.toLowerCase().replace(/^the\s+/, '');
  const parts = titleRest.split(TITLE_PARTS);
  // A whole <title> of one part is the headline, not a site's name the header would confirm ("Grain Notes: Barley talks stall").
  const last = parts.length >= 2 || !wholeTitle ? parts.at(-1)?.trim() : undefined;
  if (last && last.length >= 3 && shown.some((s) => lower(s).includes(lower(last)) || lower(last).includes(lower(s)))) return last;
  // The logo's alt text and the footer's copyright holder confirm the title's suffix, or its prefix ("Site - Headline").
  const names = confirmingNames(doc);
  const same = (part: string | undefined) => (s: string) => !!part && lower(s).replace(COMPANY_SUFFIX, '') === lower(part);
  if (last && last.length >= 3 && names.some(same(last))) return last;
  const first = parts.length >= 2 ? parts[0]!.trim() : undefined;
  if (first && first.length >= 3 && [...shown, ...names].some(same(first))) return first;
  return shown[0];
}

/** Names the page gives its site besides the header: the logo's alt text, the holder in a copyright line. */
function confirmingNames(doc: Doc): string[] {
  const names: string[] = [];
  const logoish = (el: El) => /logo|wordmark|(?:^|[-_\s])brand(?:$|[-_\s])/i.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
  for (const img of Array.from(doc.querySelectorAll('img[alt]'))) {
    const alt = normaliseSpace(img.getAttribute('alt') ?? '');
    if (!alt || alt.length > 100) continue;
    let logo = logoish(img) || /logo|wordmark/i.test(img.getAttribute('src') ?? '');
    for (let p = img.parentNode, up = 0; p && up < 3 && !logo; p = p.parentNode, up++) logo = logoish(p) || (tag(p) === 'a' && p.getAttribute('rel') === 'home');
    if (logo) names.push(alt);
  }
  for (const el of Array.from(doc.querySelectorAll('p, small, span, div, li'))) {
    const text = normaliseSpace(el.textContent ?? '');
    const holder = text.length <= 200 && /^(?:copyright|©|\(c\))/i.test(text) ? COPYRIGHT_HOLDER.exec(text)?.[1] : undefined;
    // The holder ends at "All rights reserved" or the sentence's end ("… Watch. Last updated …").
    const name = holder?.split(/\.\s+|\s*\ball rights reserved\b/i)[0]?.replace(/[.,]\s*$/, '').trim();
    if (name) names.push(name);
  }
  return names;
}

/** Logo alt texts that are not a name. */
const GENERIC_ALT = /^(?:home|logo|site logo|home ?page|header|banner|image|\W*)$/i;

/**
 * The site's name where the page shows it only in its logo's alt text or its
 * copyright line: a name both give, else the copyright holder, else the logo.
 */
function nameShownAlone(doc: Doc): string | undefined {
  const names = confirmingNames(doc).filter((n) => !GENERIC_ALT.test(n) && n.length <= 80);
  const key = (s: string) => s.toLowerCase().replace(/^the\s+/, '').replace(COMPANY_SUFFIX, '');
  const twice = names.find((n, i) => names.some((m, j) => j !== i && key(m) === key(n)));
  return twice ?? names.find((n) => !/\d/.test(n));
}

/** The first text blocks of the page, up to and including its first paragraph of prose. */
const TOP_BLOCKS = 15;
const PROSE_MIN_CHARS = 120;
interface TopBlock {
  el: El;
  text: string;
}

/** The page's text blocks (lines split at `<br>`) from the start of the body to the first prose, outside navigation, forms and sidebars. */
function topOfPage(doc: Doc): TopBlock[] {
  const out: TopBlock[] = [];
  let done = false;
  const walk = (el: El) => {
    let line = '';
    const flush = () => {
      const text = normaliseSpace(line);
      line = '';
      if (!text || done) return;
      out.push({ el, text });
      if (text.length >= PROSE_MIN_CHARS || out.length >= TOP_BLOCKS) done = true;
    };
    for (const c of Array.from(el.childNodes)) {
      if (done) return;
      if (c.nodeType === 3) line += c.textContent ?? '';
      else if (c.nodeType === 1) {
        const name = tag(c);
        if (['script', 'style', 'nav', 'aside', 'footer', 'form', 'select', 'button', 'noscript', 'template'].includes(name)) continue;
        if (name === 'br') flush();
        else if (c.querySelector('p, div, li, h1, h2, h3, h4, h5, h6, table, tr, td, br, ul, ol, section, article, header, main') || /^(?:p|div|li|h[1-6]|td|th|tr|table|ul|ol|section|article|header|main|center|blockquote)$/.test(name)) {
          flush();
          walk(c);
        } else line += c.textContent ?? '';
      }
    }
    flush();
  };
  if (doc.body) walk(doc.body);
  return out;
}

/** A date on a line of its own at the top ("October 7, 2021"), or a "Posted March 4, 2021 | Asia" line. */
function dateAtTop(top: TopBlock[]): string | undefined {
  for (const b of top) if (isDateline(b.text) || (isTimestampLine(b.text) && !/^(?:updated|last|modified)/i.test(b.text))) return findDate(b.text);
  return undefined;
}

/**
 * The headline when the `<title>` is cut short of it (Word titles an export
 * with the document's first words, "FACT SHEET on U"): the first block at the
 * top that starts with the title and goes on.
 */
function headingExtendingTitle(top: TopBlock[], docTitle: string): string | undefined {
  if (docTitle.length < 5) return undefined;
  const t = docTitle.toLowerCase();
  return top.find((b) => b.text.length > docTitle.length && b.text.length <= 200 && b.text.toLowerCase().startsWith(t))?.text;
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', 'a', 'an', 'or', 'by', 'de', 'du', 'la', 'le']);

/**
 * The issuer in a letterhead: the page's first block, centred or bold, in
 * capitals ("OFFICE OF THE UNITED STATES TRADE REPRESENTATIVE"), written as a name.
 */
function letterhead(top: TopBlock[], doc: Doc): string | undefined {
  const first = top[0];
  if (!first || first.text.length > 80 || !/^[\p{Lu}][\p{Lu}\s.,&'’-]+$/u.test(first.text) || first.text.split(' ').length < 2) return undefined;
  let centred = false;
  for (let p: El | null = first.el, up = 0; p && up < 4 && !centred; p = p.parentNode, up++) {
    centred = /center/i.test(`${p.getAttribute('align') ?? ''} ${p.getAttribute('style') ?? ''}`) || tag(p) === 'center';
  }
  const bold = !!first.el.querySelector('b, strong') || ['b', 'strong', 'h1', 'h2', 'h3'].includes(tag(first.el));
  if (!centred && !bold) return undefined;
  const acronyms = acronymsInProse(doc);
  return first.text
    .split(' ')
    .map((word, i) => {
      // An acronym the page's prose also writes in capitals ("USTR said …") keeps them.
      if (acronyms.has(word.replace(/[.,]+$/, ''))) return word;
      const w = word.toLowerCase();
      return i > 0 && SMALL_WORDS.has(w) ? w : w.replace(/^(\p{L})/u, (c) => c.toUpperCase());
    })
    .join(' ')
    .replace(/\b(u\.s\.|u\.k\.|e\.u\.)/gi, (m) => m.toUpperCase());
}

/** True when the element's class or id names the site's name (`site-title`, `navbar-brand`). */
function siteNameWords(el: El): boolean {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/).some((w) => w && SITE_NAME_WORDS.test(w));
}

/** True inside the page's own furniture: navigation, sidebars, footers, forms, or a site header outside the article. */
function inSiteChrome(el: El): boolean {
  let header = false;
  for (let p = el.parentNode; p; p = p.parentNode) {
    const name = tag(p);
    if (['nav', 'aside', 'footer', 'form'].includes(name)) return true;
    if (name === 'article' || name === 'main') return false;
    if (name === 'header') header = true;
  }
  return header;
}

/** The date written in a `<time>` element with no `datetime` ("<time>October 7, 2021</time>"), the article's first. */
function timeText(doc: Doc): string | undefined {
  const times = [...Array.from(doc.querySelectorAll('article time')), ...Array.from(doc.querySelectorAll('time'))];
  for (const t of times) {
    // A masthead's "today" or a sidebar's list of other stories dates other things than this article.
    if (inSiteChrome(t)) continue;
    const text = normaliseSpace(t.textContent ?? '');
    if (text.length <= 60 && !/^(updated|modified|last)/i.test(text)) {
      const d = findDate(text);
      if (d) return d;
    }
  }
  return undefined;
}

/** A dateline standing on its own under the headline ("January 2, 2020", "Published Jul 15, 2024"). */
function datelineUnderHeadline(doc: Doc): string | undefined {
  const h1 = doc.querySelector('article h1') ?? doc.querySelector('main h1') ?? doc.querySelector('h1');
  if (!h1) return undefined;
  const blocks: El[] = [];
  let seen = false;
  const walk = (el: El) => {
    for (const c of Array.from(el.childNodes)) {
      if (blocks.length >= DATELINE_BLOCKS) return;
      if (c.nodeType !== 1 || ['script', 'style', 'nav', 'aside', 'footer', 'form'].includes(tag(c))) continue;
      if (c === h1) seen = true;
      else if (seen && normaliseSpace(c.textContent ?? '') && !c.querySelector('p, div, li, h1, h2, h3, section, article, table')) blocks.push(c);
      else walk(c);
    }
  };
  walk(closest(h1, 'article') ?? closest(h1, 'main') ?? doc.body ?? doc);
  for (const b of blocks) {
    const text = normaliseSpace(b.textContent ?? '');
    if (text.length > 200) break;
    if (isDateline(text) || isBylineWithDate(text)) return findDate(text);
  }
  return undefined;
}

/** "Published using Google Docs", "Made with Notion", "Powered by Ghost": the tool that made the page. */
const MADE_WITH = /^(?:published|made|created|built|powered) (?:using|with|by|in)\s+(.{2,40})$/i;

/** True when the page says it was made with `name` ("Published using Google Docs"): a tool, not the publisher. */
function isToolName(doc: Doc, name: string): boolean {
  const key = name.toLowerCase();
  for (const el of Array.from(doc.querySelectorAll('div, p, span, a, small'))) {
    const m = MADE_WITH.exec(normaliseSpace(el.textContent ?? ''));
    if (m && m[1]!.toLowerCase() === key) return true;
  }
  return false;
}

/** An organisation's name: capitalised words, with "of", "the", "and", "for", "&" between them. */
const ORG_NAME = /^\p{Lu}[\p{L}&.'’-]*(?:\s+(?:\p{Lu}[\p{L}&.'’-]*|of|the|and|for|on|&)){1,7}$/u;
/** "Cascade Trade Coalition | Member briefing": a name, and what the document is after a separator. */
const NAME_AND_KIND = /^(.+?)(?:\s+[|·•–—]\s+[\p{L} ]{1,40})?$/u;

/**
 * The issuer named on the line above the document's date ("Cascade Trade
 * Coalition | Member briefing" over "9 September 2024"), as a memo or a
 * briefing is headed.
 */
function nameOverDate(top: TopBlock[]): string | undefined {
  for (let i = 0; i + 1 < top.length; i++) {
    const b = top[i]!;
    if (b.text.length > 80 || !isDateline(top[i + 1]!.text)) continue;
    const name = NAME_AND_KIND.exec(b.text)?.[1]?.trim();
    if (name && ORG_NAME.test(name)) return name;
  }
  return undefined;
}

/** A field's label for the date ("Date", "Published", "Release date:"), its value the next element. */
const DATE_LABEL = /^(?:date|published|posted|posted on|released|issued|release date|date published|publication date|date of publication|date issued)\s*:?$/i;

/** The date given as a labelled field (`<dt>Date</dt><dd>October 14, 2024</dd>`), outside navigation and footers. */
function labelledDate(doc: Doc): string | undefined {
  for (const el of Array.from(doc.querySelectorAll('dt, th, strong, b, span, label, div'))) {
    if (!DATE_LABEL.test(normaliseSpace(el.textContent ?? '')) || ['nav', 'footer'].some((n) => closest(el, n))) continue;
    const value = normaliseSpace(el.nextElementSibling?.textContent ?? '');
    if (value && value.length <= 60 && isDateline(value)) return findDate(value);
  }
  return undefined;
}

/** The date in an address's path: `/2024/03/03/`, `/20240725/`, `/2024-07-25-…`. */
function dateInUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = /\/((?:19|20)\d{2})([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/_-]|$|\.html?)/.exec(pathname);
  return m ? parseDate(`${m[1]}-${m[3]}-${m[4]}`) : undefined;
}

/** "Last updated: July 24, 2024", "Page last reviewed: 24 July 2024": the date a page gives when it gives no other. */
const LAST_UPDATED = /^(?:page |this page was |content )?(?:last )?(?:updated|modified|reviewed)(?: on)?\s*:?\s*/i;

/** The page's "last updated" date, outside navigation. */
function lastUpdated(doc: Doc): string | undefined {
  for (const el of Array.from(doc.querySelectorAll('p, div, span, time, li, small'))) {
    const text = normaliseSpace(el.textContent ?? '');
    if (text.length > 80 || !LAST_UPDATED.test(text) || closest(el, 'nav')) continue;
    const rest = text.replace(LAST_UPDATED, '');
    if (isDateline(rest)) return findDate(rest);
  }
  return undefined;
}

/** Words written in capitals (two letters or more) inside the page's sentences of mixed case: its acronyms ("USTR", "WTO"). */
function acronymsInProse(doc: Doc): Set<string> {
  const out = new Set<string>();
  for (const p of Array.from(doc.querySelectorAll('p, li, td'))) {
    const text = normaliseSpace(p.textContent ?? '');
    if (text.length > 2000 || !/\p{Ll}{3}/u.test(text)) continue;
    for (const m of text.matchAll(/(?<![\p{L}\d])\p{Lu}{2,8}(?![\p{L}\d])/gu)) out.add(m[0]);
  }
  return out;
}
