/**
 * Saved web pages: metadata from the page's head (Open Graph, JSON-LD,
 * `<time>`, canonical link), then the main text through @mozilla/readability
 * over linkedom, with page chrome (navigation, cookie banners, share buttons,
 * related links, footers, scripts) removed first. The body keeps the page's
 * paragraphs, headings as their own paragraphs, and lists as list items.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isWebUrl, parseDate, stripSiteSuffix } from './metadata.ts';
import type { Extraction, FoundMetadata } from './types.ts';
import { normaliseLines, normaliseSpace } from './whitespace.ts';

// linkedom's DOM types are not the browser's; the few members used here.
interface El {
  tagName: string;
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  parentNode: El | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  remove(): void;
}
interface Doc extends El {
  body: El | null;
  head: El | null;
  title: string;
}

/** Elements that are never article text. */
const NEVER_TEXT = ['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'button', 'input', 'select', 'textarea'];
/** Elements that are chrome unless they hold the article (some sites wrap the whole page in a `<form>`). */
const CHROME_ELEMENTS = ['form', 'dialog', 'nav', 'aside', 'footer', 'menu'];
/** ARIA roles of page chrome. */
const CHROME_ROLES = /^(navigation|banner|contentinfo|complementary|dialog|alertdialog|search|menu|menubar|toolbar)$/i;
/**
 * Class or id words of page chrome: one word of the class list (or the id)
 * equal to, or starting with, one of these (`share-bar`, `cookie_notice`, `related-links`).
 */
const CHROME_WORDS = /^(cookie|cookies|consent|gdpr|share|sharing|sharedaddy|social|newsletter|subscribe|subscription|signup|related|jp-relatedposts|recommended|promo|advert|advertisement|ads?|sponsor|sponsored|banner|popup|modal|paywall|breadcrumbs?|comments?|masthead|site-header|site-footer|skip|toolbar|more-stories|read-more|trending|most-read|most-popular|outbrain|taboola|tags?|post-nav|post-navigation|nav-links|author-bio|about-the-author)([-_].*)?$/i;
/** Whole blocks that are page furniture wherever they stand ("Advertisement", "Read more: <link>"). */
const BOILERPLATE = /^(advertisement|advertising|sponsored( content)?|story continues below( advertisement)?|continue reading( below)?|scroll to continue( with content)?)$/i;
const LINK_LEAD = /^(read more|read also|related|see also|recommended|more on this( story)?|more from|watch|listen|sign up)\b\s*[:|»›]/i;
/** Chrome is removed only when it holds less than this share of the page's paragraph text (so a mislabelled wrapper never takes the article with it). */
const MAX_CHROME_SHARE = 0.3;

/** Blocks: elements whose content starts a new paragraph. */
const BLOCKS = new Set(
  'address article blockquote center dd details div dl dt fieldset figure h1 h2 h3 h4 h5 h6 header hr li main ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);
/** Elements dropped from the readable content: captions and credits are not the article's prose. */
const SKIP_IN_CONTENT = new Set(['figcaption', 'img', 'picture', 'video', 'audio', 'source', 'script', 'style', 'noscript', 'button', 'svg']);

const tag = (el: El) => el.tagName?.toLowerCase() ?? '';

/** Labels that mean windows-1252 (browsers read ISO-8859-1 and ASCII pages as windows-1252 too). */
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1']);
// Code points of bytes 0x80-0x9f in windows-1252 (curly quotes, dashes, euro…); Node's own decoder drops them.
const CP1252_HIGH = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
    out += String.fromCodePoint(...chunk);
  }
  return out;
}

/**
 * Decodes a saved page's bytes: UTF-8 unless a byte-order mark or the page's
 * own `<meta charset>` (or `http-equiv` content type) says otherwise, as a
 * browser would (older sites still use windows-1252 or Shift_JIS).
 */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1];
  if (label && WINDOWS_1252_LABELS.has(label.toLowerCase())) return decodeWindows1252(bytes);
  if (label) {
    try {
      return new TextDecoder(label.toLowerCase()).decode(bytes);
    } catch {
      // An unknown label: fall back to UTF-8, as browsers do.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** Extracts a saved web page. */
export function extractHtml(html: string): Extraction {
  // linkedom wants a whole document; a fragment saved on its own gets one.
  const source = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const meta = pageMetadata(parseHTML(source).document as unknown as Doc, source);
  const document = parseHTML(source).document as unknown as Doc;
  removeChrome(document);
  // Readability changes the document it reads, so it gets this cleaned copy.
  const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
  meta.title ??= article?.title ? normaliseSpace(article.title) : undefined;
  meta.publisher ??= article?.siteName ? normaliseSpace(article.siteName) : undefined;
  meta.date ??= parseDate(article?.publishedTime);
  let paragraphs = article?.content ? blocksOf(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document as unknown as Doc) : [];
  // The headline repeated as the first paragraph belongs in the title, not the body.
  if (meta.title && paragraphs[0] && normaliseSpace(paragraphs[0]).toLowerCase() === meta.title.toLowerCase()) paragraphs = paragraphs.slice(1);
  return { format: 'html', paragraphs, meta };
}

/** Title, publisher, date and URL from the page head (and `<time>`, and the "saved from" comment browsers add). */
export function pageMetadata(doc: Doc, html: string): FoundMetadata {
  const metaContent = (...keys: string[]) => {
    for (const key of keys) {
      const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const v = el?.getAttribute('content');
      if (v && normaliseSpace(v)) return normaliseSpace(v);
    }
    return undefined;
  };
  const ld = jsonLdArticle(doc);
  const siteName = metaContent('og:site_name', 'application-name') ?? ld.publisher;
  const docTitle = normaliseSpace(doc.querySelector('title')?.textContent ?? '');
  const title = metaContent('og:title', 'twitter:title') ?? ld.headline ?? (docTitle ? stripSiteSuffix(docTitle, siteName) : undefined);
  const timeEl = doc.querySelector('article time[datetime], time[datetime]');
  const date =
    parseDate(metaContent('article:published_time', 'og:published_time', 'datePublished', 'publication_date', 'pubdate', 'date', 'dc.date', 'DC.date.issued', 'parsely-pub-date', 'sailthru.date')) ??
    parseDate(ld.datePublished) ??
    parseDate(timeEl?.getAttribute('datetime'));
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  // Chrome and Internet Explorer put `<!-- saved from url=(0042)https://… -->` at the top of a saved page.
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1];
  const url = [canonical, metaContent('og:url'), ld.url, savedFrom].find(isWebUrl);
  return {
    ...(title ? { title } : {}),
    ...(siteName ? { publisher: siteName } : {}),
    ...(date ? { date } : {}),
    ...(url ? { url: url.trim() } : {}),
  };
}

/** The article object of the page's JSON-LD (`NewsArticle`, `Article`, … also inside `@graph`). */
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
  const str = (v: unknown) => (typeof v === 'string' && normaliseSpace(v) ? normaliseSpace(v) : undefined);
  const publisher = [a.publisher].flat()[0];
  const entity = a.mainEntityOfPage;
  return {
    headline: str(a.headline) ?? str(a.name),
    datePublished: str(a.datePublished) ?? str(a.dateCreated),
    publisher: typeof publisher === 'string' ? str(publisher) : str((publisher as Record<string, unknown> | undefined)?.name),
    url: str(a.url) ?? (typeof entity === 'string' ? str(entity) : str((entity as Record<string, unknown> | undefined)?.['@id'])),
  };
}

/** Removes page chrome before Readability reads the page. */
function removeChrome(doc: Doc): void {
  for (const name of NEVER_TEXT) for (const el of Array.from(doc.querySelectorAll(name))) el.remove();
  const total = paragraphText(doc.body);
  const small = (el: El) => paragraphText(el) <= total * MAX_CHROME_SHARE;
  for (const name of CHROME_ELEMENTS) for (const el of Array.from(doc.querySelectorAll(name))) if (el.parentNode && small(el)) el.remove();
  // A site header is chrome; a header inside the article (headline, byline) is not.
  for (const el of Array.from(doc.querySelectorAll('header'))) if (el.parentNode && !closest(el, 'article') && small(el)) el.remove();
  for (const el of Array.from(doc.querySelectorAll('[role], [class], [id], [aria-hidden="true"], [hidden]'))) {
    if (!el.parentNode) continue;
    const role = el.getAttribute('role') ?? '';
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
    const chrome = CHROME_ROLES.test(role) || words.some((w) => CHROME_WORDS.test(w)) || el.getAttribute('aria-hidden') === 'true' || el.getAttribute('hidden') !== null;
    if (chrome && small(el)) el.remove();
  }
  for (const el of Array.from(doc.querySelectorAll('p, div, span, li'))) {
    if (!el.parentNode) continue;
    const text = normaliseSpace(el.textContent ?? '');
    if (BOILERPLATE.test(text)) el.remove();
    else if (LINK_LEAD.test(text) && tag(el) !== 'div') {
      // "Read more: <a>another story</a>": a lead-in word and a link, no prose of its own.
      const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + normaliseSpace(a.textContent ?? '').length, 0);
      if (linked >= text.length * 0.5) el.remove();
    }
  }
}

function closest(el: El, name: string): El | undefined {
  for (let p = el.parentNode; p; p = p.parentNode) if (tag(p) === name) return p;
  return undefined;
}

/** Characters of text in an element's paragraphs (a measure of how much article it holds). */
function paragraphText(el: El | null): number {
  if (!el) return 0;
  let n = 0;
  for (const p of Array.from(el.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote, pre'))) n += normaliseSpace(p.textContent ?? '').length;
  return n;
}

/** One block of the readable content: a paragraph, a heading or a list item. */
interface Block {
  text: string;
  /** Set for list items: nesting depth and the marker (`-` or `3.`). */
  item?: { depth: number; marker: string };
}

/** The readable content's paragraphs; consecutive list items make one list paragraph. */
function blocksOf(doc: Doc): string[] {
  const blocks: Block[] = [];
  collect(doc.body!, blocks, []);
  const out: string[] = [];
  let list: string[] = [];
  const endList = () => {
    if (list.length) out.push(list.join('\n'));
    list = [];
  };
  for (const b of blocks) {
    if (b.item) list.push(`${'  '.repeat(b.item.depth)}${b.item.marker} ${b.text.replace(/\n/g, ' ')}`);
    else {
      endList();
      out.push(b.text);
    }
  }
  endList();
  return out;
}

/** List context: one entry per enclosing list, with its kind and item counter. */
type Lists = { ordered: boolean; n: number }[];
/** The list item being walked; `emitted` once its first text (which carries the marker) is out. */
interface ItemState {
  depth: number;
  marker: string;
  emitted: boolean;
}

/** Walks an element: inline runs become blocks; block children are walked in turn. */
function collect(el: El, out: Block[], lists: Lists, item?: ItemState): void {
  let inline = '';
  const flush = () => {
    const text = normaliseLines(inline);
    inline = '';
    if (!text) return;
    if (!item) out.push({ text });
    else {
      // An item's first text carries its marker; text after a nested list continues it, indented.
      out.push({ text, item: { depth: item.depth, marker: item.emitted ? ' '.repeat(item.marker.length) : item.marker } });
      item.emitted = true;
    }
  };
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) {
      inline += child.textContent ?? '';
      continue;
    }
    if (child.nodeType !== 1) continue;
    const name = tag(child);
    if (SKIP_IN_CONTENT.has(name)) continue;
    if (name === 'br') {
      inline += '\n';
      continue;
    }
    if (!BLOCKS.has(name) && !child.querySelector([...BLOCKS].join(','))) {
      inline += textWithBreaks(child);
      continue;
    }
    flush();
    if (name === 'table') {
      // A table is one paragraph, a row a line, its cells separated by spaces.
      const rows = Array.from(child.querySelectorAll('tr'))
        .map((tr) => Array.from(tr.querySelectorAll('th, td')).map((cell) => normaliseSpace(textWithBreaks(cell))).filter(Boolean).join(' '))
        .filter(Boolean);
      if (rows.length) out.push({ text: rows.join('\n') });
    } else if (name === 'ul' || name === 'ol') {
      const start = Number(child.getAttribute('start') ?? '1');
      collect(child, out, [...lists, { ordered: name === 'ol', n: Number.isFinite(start) ? start - 1 : 0 }]);
    } else if (name === 'li' && lists.length) {
      const list = lists.at(-1)!;
      list.n++;
      collect(child, out, lists, { depth: lists.length - 1, marker: list.ordered ? `${list.n}.` : '-', emitted: false });
    } else collect(child, out, lists, item);
  }
  flush();
}

/** An inline element's text, with `<br>` as a line break. */
function textWithBreaks(el: El): string {
  let s = '';
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) s += child.textContent ?? '';
    else if (child.nodeType === 1 && !SKIP_IN_CONTENT.has(tag(child))) s += tag(child) === 'br' ? '\n' : textWithBreaks(child);
  }
  return s;
}
