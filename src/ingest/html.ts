/**
 * Saved web pages: metadata from the page's head (Open Graph, JSON-LD,
 * `<time>`, canonical link), then the main text through @mozilla/readability
 * over linkedom, with page chrome (navigation, cookie banners, share buttons,
 * related links, footers, scripts) removed first. The body keeps the page's
 * paragraphs, headings as their own paragraphs, and lists as list items.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { removeBoardChrome } from './board.ts';
import { closest, lowerCaseAttributes, tag, type Doc, type El } from './dom.ts';
import { pageMetadata } from './html-meta.ts';
import { isByline, isBylineWithDate, isDateline, parseDate } from './metadata.ts';
import { isFurnitureLine } from './furniture.ts';
import { removeLayoutChrome } from './layout-chrome.ts';
import { isUpdateLine, removeShapedChrome } from './page-chrome.ts';
import type { Extraction } from './types.ts';
import { normaliseLines, normaliseSpace } from './whitespace.ts';

/** Kept exported from here, where it lived before it had a module of its own. */
export { pageMetadata };

/** Elements that are never article text. */
const NEVER_TEXT = ['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'button', 'input', 'select', 'textarea', 'amp-analytics', 'amp-pixel'];
/** Elements that are chrome unless they hold the article (some sites wrap the whole page in a `<form>`). */
const CHROME_ELEMENTS = ['form', 'dialog', 'nav', 'aside', 'footer', 'menu', 'amp-ad', 'amp-embed', 'amp-sticky-ad', 'amp-consent', 'amp-user-notification', 'amp-sidebar', 'amp-social-share'];
/** ARIA roles of page chrome. */
const CHROME_ROLES = /^(navigation|banner|contentinfo|complementary|dialog|alertdialog|search|menu|menubar|toolbar)$/i;
/**
 * Class or id words of page chrome: one word of the class list (or the id)
 * equal to, or starting with, one of these (`share-bar`, `cookie_notice`, `related-links`).
 */
const CHROME_WORDS = /^(cookie|cookies|consent|gdpr|share|sharing|sharedaddy|social|newsletter|subscribe|subscription|signup|related|jp-relatedposts|recommended|promo|advert|advertisement|ads?|sponsor|sponsored|banner|popup|modal|paywall|breadcrumbs?|comments?|masthead|site-header|site-footer|skip|toolbar|more-stories|read-more|trending|most-read|most-popular|outbrain|taboola|tags?|post-nav|post-navigation|nav-links|author-bio|about-the-author|copyright|contacts?|media-contacts?|press-contacts?|cta|call-to-action|cite-?box|cite-?this|how-to-cite|citation-?box|citation-?tool|kicker|eyebrow|overline|pagetop|page-top|back-to-top|backtotop|to-top|totop|read-?time|reading-?time|timestamps?|disclaimers?|legal-?notice|sidebar|side-?bar|(?:right|left|side)-?rail|more-articles|more-posts)([-_].*)?$/i;
/** Parts of a class word (split at `-` and `_`) that mark chrome anywhere in it: `inline-cta`, `live-promo`, `post-ufi-button`. */
const CHROME_SEGMENTS = new Set(['cta', 'promo', 'signup', 'ufi', 'breadcrumb', 'breadcrumbs']);
/** Parts of a class word that mark a site's notice bar (`lu-alert`, `site-notice`), chrome when outside the article. */
const NOTICE_SEGMENTS = new Set(['alert', 'alerts', 'notice', 'announcement', 'announcements']);
/** Class words of text shown only to screen readers (`sr-only`, `usa-sr-only`, `visually-hidden`, `screen-reader-text`). */
const SCREEN_READER_ONLY = /(?:^|[-_])(?:sr-only|visually-?hidden|visuallyhidden|screen-?reader-?(?:text|only)|element-invisible|a11y-hidden)$/i;
/** Parts of a camel-cased or BEM class name (`InlineImage-imageEmbedCaption`, `blog-post__caption`) that mark a caption or credit. */
const CAPTION_SEGMENTS = new Set(['caption', 'credit', 'credits', 'timestamp', 'timestamps']);

/**
 * True for a class or id word of chrome: the word itself (`share-bar`), a
 * BEM element of it (`blog-post__author-bio`), or one of its parts.
 */
function isChromeWord(word: string): boolean {
  const bem = word.split('__').slice(1);
  if (CHROME_WORDS.test(word) || bem.some((b) => CHROME_WORDS.test(b))) return true;
  // A theme's prefix or the post's own name before the word: `gh-comments-title`, `article-comments`, `post-share`.
  const prefixed = /^([a-z]{1,3}|article|post|entry|story|blog|page|site|item|single)[-_](.+)$/i.exec(word);
  if (prefixed && CHROME_WORDS.test(prefixed[2]!)) return true;
  const parts = word.split(/[-_]+/);
  if (parts.some((part) => CHROME_SEGMENTS.has(part.toLowerCase()))) return true;
  // "imageEmbedCaption" → image, embed, caption.
  return parts.flatMap((part) => part.split(/(?<=[a-z])(?=[A-Z])/)).some((part) => CAPTION_SEGMENTS.has(part.toLowerCase()));
}

/** Whole blocks that are page furniture wherever they stand ("Advertisement", "Read more: <link>"). */
const BOILERPLATE = /^(advertisement|advertising|sponsored( content)?|story continues below( advertisement)?|continue reading( below)?|scroll to continue( with content)?)$/i;
/**
 * Lines a site prints around every story: a print-edition note, the wire
 * service's copyright line ("Copyright 2024 The Wire Service."). Only short
 * ones (under `FURNITURE_MAX_CHARS`) go, so prose that starts this way stays.
 */
const FURNITURE = [/^(?:an? )?(?:earlier |shorter |longer )?version of this (?:article|story|report) (?:appears|appeared|was published|ran) in print\b/i, /^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}\b|\d{4}\s*[-–]\s*\d{4}\b)/i];
const FURNITURE_MAX_CHARS = 300;
const LINK_LEAD = /^(read more|read also|related|see also|recommended|more on this( story)?|more from|watch|listen|sign up)\b\s*[:|»›]/i;
/** Chrome is removed only when it holds less than this share of the page's paragraph text (so a mislabelled wrapper never takes the article with it). */
const MAX_CHROME_SHARE = 0.3;

/** Paragraphs at the top of the body looked at for the headline repeated under a letterhead. */
const LETTERHEAD_BLOCKS = 8;
const LETTERHEAD_MAX_CHARS = 100;
/** A paragraph this long is prose: the top of the body ends there. */
const PROSE_MIN_CHARS = 120;
/** Paragraphs at the top of the body looked at for a dateline or byline standing alone. */
const LEADING_DATELINES = 3;

/** Blocks: elements whose content starts a new paragraph. */
const BLOCKS = new Set(
  'address article blockquote center dd details div dl dt fieldset figure h1 h2 h3 h4 h5 h6 header hr li main ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);
/** Elements dropped from the readable content: captions and credits are not the article's prose. */
const SKIP_IN_CONTENT = new Set(['figcaption', 'img', 'picture', 'video', 'audio', 'source', 'script', 'style', 'noscript', 'button', 'svg']);

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
  const metaDoc = parseHTML(source).document as unknown as Doc;
  lowerCaseAttributes(metaDoc);
  const meta = pageMetadata(metaDoc, source);
  const document = parseHTML(source).document as unknown as Doc;
  lowerCaseAttributes(document);
  removeChrome(document);
  const runs = markTextBlockRuns(document);
  // Readability changes the document it reads, so it gets this cleaned copy (and the runs are read from another).
  const cleaned = runs ? (parseHTML((document as unknown as { toString(): string }).toString()).document as unknown as Doc) : undefined;
  const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
  meta.title ??= article?.title ? normaliseSpace(article.title) : undefined;
  meta.publisher ??= article?.siteName ? normaliseSpace(article.siteName) : undefined;
  meta.date ??= parseDate(article?.publishedTime);
  const content = article?.content ? (parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document as unknown as Doc) : undefined;
  if (content && cleaned) completeTextBlockRuns(content, cleaned);
  let paragraphs = content ? blocksOf(content) : [];
  // Timestamps, credits, end marks, reading times, contact lines, labels alone: furniture wherever they stand.
  // (Also a line of its own in a paragraph of `<br>`-separated lines, as old layout-table pages set them.)
  paragraphs = paragraphs.map((p) => p.split('\n').filter((line) => !isFurnitureLine(line)).join('\n')).filter(Boolean);
  paragraphs = dropLetterhead(paragraphs, meta.title, meta.publisher);
  // A date or a byline standing alone at the top ("October 7, 2021", "By Ann Lee", "By Ann Lee | March 3, 2024") is the page's furniture, not article text.
  paragraphs = paragraphs.filter((p, i) => i >= LEADING_DATELINES || !(isDateline(p) || isByline(p) || isBylineWithDate(p)));
  // A live blog's time-and-author line stands before each update; the update is the text.
  paragraphs = paragraphs.filter((p, i) => i === paragraphs.length - 1 || !isUpdateLine(p));
  // The standfirst under the headline is the article's own summary, though Readability leaves it with the header.
  const dek = standfirst(metaDoc);
  if (dek && paragraphs.length && !paragraphs.some((p) => normaliseSpace(p).includes(dek))) paragraphs.unshift(dek);
  return { format: 'html', paragraphs, meta };
}

/** Class words of a standfirst (`article__standfirst`, `lu-story__dek`, `post-subtitle`). */
const DEK_WORDS = /(?:^|[-_])(?:dek|deck|standfirst|strapline|sub-?title|sub-?headline|subhead|sub-?heading)$/i;
const DEK_MIN_CHARS = 40;
const DEK_MAX_CHARS = 400;

/**
 * The standfirst: a paragraph after the headline, in the same header or
 * container, named as one (`dek`, `standfirst`, `subtitle`) and written as a
 * sentence, outside navigation, sidebars and footers.
 */
function standfirst(doc: Doc): string | undefined {
  for (const h1 of Array.from(doc.querySelectorAll('h1'))) {
    for (let el = h1.nextElementSibling; el; el = el.nextElementSibling) {
      if (!['p', 'h2', 'div'].includes(tag(el)) || el.querySelector('p, div, ul, ol, table')) continue;
      const words = `${el.getAttribute('class') ?? ''}`.split(/\s+/).filter(Boolean);
      const text = normaliseSpace(el.textContent ?? '');
      if (!words.some((w) => DEK_WORDS.test(w)) || text.length < DEK_MIN_CHARS || text.length > DEK_MAX_CHARS) continue;
      if (['nav', 'aside', 'footer', 'form'].some((n) => closest(el!, n))) continue;
      if (/[.!?]["”’]?$/.test(text)) return text;
    }
  }
  return undefined;
}

/**
 * The headline repeated at the top of the body belongs in the title, and what
 * stands above it there (a letterhead, "Office of …", a section line) is the
 * page's furniture; so is a first line that is the publisher's name.
 */
function dropLetterhead(paragraphs: string[], title: string | undefined, publisher: string | undefined): string[] {
  const same = (p: string, s: string | undefined) => !!s && normaliseSpace(p).toLowerCase() === s.toLowerCase();
  // The headline as the first line of a paragraph of lines stands on its own.
  const split = paragraphs.flatMap((p, i) => {
    const [first, ...rest] = p.split('\n');
    return i < LETTERHEAD_BLOCKS && rest.length && same(first!, title) && !/^\s*(?:-|\d+\.)\s/.test(p) ? [first!, rest.join('\n')] : [p];
  });
  paragraphs = split;
  const head = paragraphs.slice(0, LETTERHEAD_BLOCKS);
  const prose = head.findIndex((p) => p.length >= PROSE_MIN_CHARS);
  const end = prose === -1 ? head.length : prose;
  const at = head.slice(0, end).findIndex((p) => same(p, title));
  const short = (p: string) => p.length <= LETTERHEAD_MAX_CHARS && !p.includes('\n') && !/[.!?]$/.test(p);
  // The publisher's name alone, or with what the document is ("Cascade Trade Coalition | Member briefing"), above or below the headline.
  const named = (p: string) => same(p, publisher) || (!!publisher && p.length <= LETTERHEAD_MAX_CHARS && same(p.split(/\s+[|·•–—]\s+/)[0]!, publisher) && /^[^|·•–—]*[|·•–—][\p{L} ]{1,40}$/u.test(p.slice(publisher.length)));
  if (at >= 0 && head.slice(0, at).every(short)) {
    let j = at + 1;
    while (j < paragraphs.length && named(paragraphs[j]!)) j++;
    return paragraphs.slice(j);
  }
  let i = 0;
  while (i < end && named(paragraphs[i]!)) i++;
  return paragraphs.slice(i);
}

/** Removes page chrome before Readability reads the page. */
function removeChrome(doc: Doc): void {
  removeAccountForms(doc);
  for (const name of NEVER_TEXT) for (const el of Array.from(doc.querySelectorAll(name))) el.remove();
  removeBoardChrome(doc);
  const total = paragraphText(doc.body);
  const small = (el: El) => paragraphText(el) <= total * MAX_CHROME_SHARE;
  removeShapedChrome(doc, small);
  removeLayoutChrome(doc, small);
  for (const name of CHROME_ELEMENTS) for (const el of Array.from(doc.querySelectorAll(name))) if (el.parentNode && small(el)) el.remove();
  // A site header is chrome; a header inside the article (headline, byline) is not.
  for (const el of Array.from(doc.querySelectorAll('header'))) if (el.parentNode && !closest(el, 'article') && small(el)) el.remove();
  keepHiddenArticleText(doc);
  // The page's first paragraph of prose: a notice bar stands above it.
  const firstProse = Array.from(doc.querySelectorAll('p')).find((p) => normaliseSpace(p.textContent ?? '').length >= PROSE_MIN_CHARS);
  for (const el of Array.from(doc.querySelectorAll('[role], [class], [id], [aria-hidden="true"], [hidden]'))) {
    if (!el.parentNode) continue;
    const role = el.getAttribute('role') ?? '';
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
    // A site's notice bar ("Campus notice: …") above the article and outside it; text only screen readers get ("Page feedback").
    const notice = !closest(el, 'article') && !closest(el, 'main') && !el.querySelector('article, main') && (!firstProse || (el.compareDocumentPosition(firstProse) & 4) !== 0) && words.some((w) => w.split(/[-_]+/).some((part) => NOTICE_SEGMENTS.has(part.toLowerCase())));
    const unseen = words.some((w) => SCREEN_READER_ONLY.test(w));
    const chrome = CHROME_ROLES.test(role) || words.some(isChromeWord) || notice || unseen || el.getAttribute('aria-hidden') === 'true' || el.getAttribute('hidden') !== null;
    if (chrome && small(el)) el.remove();
  }
  for (const el of Array.from(doc.querySelectorAll('p, div, span, li'))) {
    if (!el.parentNode) continue;
    const text = normaliseSpace(el.textContent ?? '');
    if (BOILERPLATE.test(text) || (text.length <= FURNITURE_MAX_CHARS && FURNITURE.some((re) => re.test(text)))) el.remove();
    else if (LINK_LEAD.test(text) && tag(el) !== 'div') {
      // "Read more: <a>another story</a>": a lead-in word and a link, no prose of its own.
      const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + normaliseSpace(a.textContent ?? '').length, 0);
      if (linked >= text.length * 0.5) el.remove();
    }
  }
  // Readability drops a heading whose class looks like chrome to it (`header-anchor-post`); what is left here is the article's.
  for (const h of Array.from(doc.querySelectorAll('h2, h3, h4, h5, h6'))) {
    h.removeAttribute('class');
    h.removeAttribute('id');
  }
  // Readability drops the first <h2> whose words are mostly the title's, taking it for the headline: when the headline
  // stood in a box it removes as unlikely (`publication__header`), that is a subheading ("What Is “Transshipment”?").
  // Set as <h3> (the body keeps headings as paragraphs whatever their level), subheadings are left alone.
  type Swappable = El & { appendChild(c: El): void; replaceWith(n: El): void };
  const creator = doc as unknown as { createElement(name: string): Swappable };
  for (const h of Array.from(doc.querySelectorAll('h2'))) {
    const h3 = creator.createElement('h3');
    for (const c of Array.from(h.childNodes)) h3.appendChild(c);
    (h as Swappable).replaceWith(h3);
  }
}

const RUN = 'data-dd-run';

/**
 * Page builders (Squarespace, Wix, Elementor) set an article as a run of
 * sibling text blocks of one class, with image, button and form blocks
 * between them; Readability keeps some of the run and may drop the rest.
 * Each block of such a run (two or more siblings with the same class, each
 * holding a paragraph of prose) is marked with its run and place.
 * @returns whether any run was marked
 */
function markTextBlockRuns(doc: Doc): boolean {
  type Settable = El & { setAttribute(n: string, v: string): void };
  let n = 0;
  const parents = new Set<El>();
  for (const p of Array.from(doc.querySelectorAll('p'))) if (normaliseSpace(p.textContent ?? '').length >= PROSE_MIN_CHARS) for (let a = p.parentNode; a; a = a.parentNode) parents.add(a);
  for (const parent of parents) {
    const byClass = new Map<string, El[]>();
    for (const c of Array.from(parent.childNodes)) {
      const cls = c.nodeType === 1 ? normaliseSpace(c.getAttribute('class') ?? '') : '';
      if (cls && tag(c) === 'div' && parents.has(c)) byClass.set(cls, [...(byClass.get(cls) ?? []), c]);
    }
    for (const members of byClass.values()) {
      if (members.length < 2) continue;
      n++;
      members.forEach((m, i) => (m as Settable).setAttribute(RUN, `${n}:${i}`));
    }
  }
  return n > 0;
}

/**
 * Puts back the blocks of a run Readability dropped when it kept others of
 * that run, each after the block before it (from `cleaned`, the document as
 * it was before Readability read it).
 */
function completeTextBlockRuns(content: Doc, cleaned: Doc): void {
  type Node = El & { after(n: El): void; before(n: El): void };
  const key = (el: El) => (el.getAttribute(RUN) ?? '').split(':') as [string, string];
  const kept = new Map<string, Map<number, Node>>();
  for (const el of Array.from(content.querySelectorAll(`[${RUN}]`))) {
    const [run, i] = key(el);
    if (!kept.has(run)) kept.set(run, new Map());
    kept.get(run)!.set(Number(i), el as Node);
  }
  for (const [run, present] of kept) {
    const all = Array.from(cleaned.querySelectorAll(`[${RUN}^="${run}:"]`)).filter((el) => key(el)[0] === run);
    let prev: Node | undefined;
    for (const el of all) {
      const i = Number(key(el)[1]);
      const here = present.get(i);
      if (here) {
        prev = here;
        continue;
      }
      const node = el as Node;
      if (prev) prev.after(node);
      else [...present.entries()].sort((a, b) => a[0] - b[0])[0]![1].before(node);
      prev = node;
    }
  }
}

/** A newsletter or sign-in box is short: a heading, a line, the form, a line of small print. */
const ACCOUNT_BOX_MAX_CHARS = 400;

/**
 * A form that asks for an email address, a user name or a password (a
 * newsletter signup card, a sign-in box) goes with the box around it: the
 * largest enclosing block of at most `ACCOUNT_BOX_MAX_CHARS` characters,
 * never the article or the page. Read before inputs are removed.
 */
function removeAccountForms(doc: Doc): void {
  const length = (el: El) => normaliseSpace(el.textContent ?? '').length;
  for (const input of Array.from(doc.querySelectorAll('input'))) {
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    const hint = `${input.getAttribute('name') ?? ''} ${input.getAttribute('autocomplete') ?? ''}`;
    if (type !== 'email' && type !== 'password' && !/\b(?:e-?mail|username)\b/i.test(hint)) continue;
    let box = closest(input, 'form');
    if (!box || !box.parentNode || length(box) > ACCOUNT_BOX_MAX_CHARS) continue;
    // Up to the box the form stands in, never to a paragraph of prose beside it.
    const prose = (el: El) => Array.from(el.querySelectorAll('p')).some((p) => length(p) >= PROSE_MIN_CHARS);
    while (box.parentNode && !['body', 'main', 'article', 'html'].includes(tag(box.parentNode)) && length(box.parentNode) <= ACCOUNT_BOX_MAX_CHARS && !prose(box.parentNode)) box = box.parentNode;
    box.remove();
  }
}

/** Paragraphs of prose that make a hidden block the article's own text. */
const HIDDEN_PROSE_PARAGRAPHS = 2;

/**
 * A soft paywall sends the rest of the story and hides it from readers who
 * are not subscribers (`aria-hidden`, blurred): paragraphs of prose in the
 * article's container are its text, so they are no longer marked hidden.
 * Icons, clones and separators marked the same way hold no such paragraphs.
 */
function keepHiddenArticleText(doc: Doc): void {
  for (const el of Array.from(doc.querySelectorAll('[aria-hidden="true"]'))) {
    const inArticle = closest(el, 'article') || closest(el, 'main') || /articleBody/i.test(closest(el, 'div')?.getAttribute('itemprop') ?? '');
    if (!inArticle) continue;
    const prose = Array.from(el.querySelectorAll('p')).filter((p) => normaliseSpace(p.textContent ?? '').length >= PROSE_MIN_CHARS);
    if (prose.length >= HIDDEN_PROSE_PARAGRAPHS) el.removeAttribute('aria-hidden');
  }
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
      inline += sourceText(child, el);
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
      // A table's caption is its title, a paragraph of its own before it.
      const caption = child.querySelector('caption');
      const title = caption ? normaliseSpace(textWithBreaks(caption)) : '';
      if (title) out.push({ text: title });
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
    if (child.nodeType === 3) s += sourceText(child, el);
    else if (child.nodeType === 1 && !SKIP_IN_CONTENT.has(tag(child))) s += tag(child) === 'br' ? '\n' : textWithBreaks(child);
  }
  return s;
}

/** A text node's text: a line break in the HTML source is white space (Word hard-wraps its export), except in `<pre>`. */
function sourceText(node: El, parent: El): string {
  const text = node.textContent ?? '';
  return tag(parent) === 'pre' || closest(parent, 'pre') ? text : text.replace(/[\r\n]+/g, ' ');
}
