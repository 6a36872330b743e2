/**
 * Page chrome recognised by its shape rather than by a class name: a
 * breadcrumb trail at the top, a section label over the headline, "Back to …"
 * links, call-to-action and "cite this" boxes, rows of share and comment
 * buttons, reference markers glued to words, and a live blog's time-and-author
 * line before each update. Each rule looks only at short text, so prose is
 * never taken for chrome.
 */
import { tag, type Doc, type El } from './dom.ts';
import { isFurnitureLine, isTimestampLine } from './furniture.ts';
import { isByline, isBylineWithDate, isDateline } from './metadata.ts';
import { normaliseSpace } from './whitespace.ts';

/** Between the items of a breadcrumb trail ("Home > News", "Home / News", "Home › News"). */
const CRUMB_SEPARATOR = '[>›»/|→]';
/** A trail of at least two links joined by separators, perhaps ending in the current page's name (`\u0001` marks a link). */
const CRUMB_TRAIL = new RegExp(`^\\u0001(?:\\s*${CRUMB_SEPARATOR}\\s*\\u0001)+(?:\\s*${CRUMB_SEPARATOR}\\s*[^\\u0001]{1,200})?\\s*(?:${CRUMB_SEPARATOR}\\s*)?$`);
/** Breadcrumbs named as such (`aria-label="Breadcrumb"`, `class="breadcrumb"`, `id="topic-path"`). */
const CRUMB_NAME = /breadcrumb|\bcrumbs?\b|topic-?path|you are here/i;
/** A section label is at most this long (a headline's kicker: "North America", "Analysis"). */
const LABEL_MAX_CHARS = 40;
const LABEL_MAX_WORDS = 5;
/** "Back to Trade Relations", "Return to top", "Page top". */
const BACK_LINK = /^[\s<«‹←]*(?:back to|return to|go to top|page top|top of (?:the )?page|to the top|jump to top|scroll to top)\b/i;
const BACK_LINK_MAX_CHARS = 80;
/** The link or button text of a call to action. */
const CTA_LINK = /^(?:sign ?up|subscribe|register|join|donate|download|get (?:it|started|the app|the newsletter)|try it|learn more|follow us|sign in|log in|read the newsletter)\b/i;
/** A call-to-action box is short: a line and a link, or a line and a form. */
const CTA_MAX_CHARS = 160;
/** Headings of a "cite this" box. */
const CITE_HEADING = /^(?:cite this|how to cite|to cite this|suggested citation|citation\b)/i;
const CITE_BOX_MAX_CHARS = 800;
/** Texts of a share, comment or like button (a count of likes or comments too). */
const ACTION_TEXT =
  /^(?:share(?: this(?: post| article| story| page)?)?:?|leave a comment|add a comment|comments?|reply|like|likes|tweet|post|email|e-mail|print|copy link|save|restack|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|bluesky|threads|mastodon|flipboard|\d+(?: (?:comments?|likes?|shares?))?)$/i;
const ACTION_ROW_MAX_CHARS = 100;
/** A note's reference marker: "1", "[2]", "(3)", "*", "†", "iv", "a". */
const MARKER = /^[[(]?\s*(?:\d{1,3}|[a-z]|i{1,3}|iv|vi{0,3}|ix|xi{0,3}|\*{1,3}|[†‡§¶])\s*[\])]?$/i;
/** A note's link back to the text: "↩", "↑", "^". */
const BACK_REF = /^(?:[↩↑⤴^]\uFE0E?)+$/;
/** In-page targets that are notes (`#fn1`, `#footnote-2`, `#endnote-3`, `#cite_note-4`, `#_ftn5`, `#ref-1`), not a table or a section. */
const NOTE_HREF = /^#(?:_?ftn|fn|foot|end|note|cite|ref|r\d)/i;
/** Class words of a back-reference link (`footnote-backref`, `reversefootnote`). */
const BACK_REF_CLASS = /backref|reversefootnote|footnote-back/i;

/** Time zones a live blog prints after the time. */
const ZONE = '(?:[A-Z]{1,4}T|UTC|GMT|ET|PT|CT|MT|JST|BST|CEST|CET|IST|AEST|AEDT|HKT|SGT|KST)';
/** A time of day with "a.m."/"p.m." or a zone (a bare "10:30" may be a programme's line), then optionally a name or two: a live blog's line before an update ("12:10 p.m. ET Sam Okafor", "14:05 BST"). */
const NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|and|&)){0,5}";
const UPDATE_LINE = new RegExp(
  `^(?:(?:posted|updated|published)\\s+(?:at\\s+)?)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?\\s?m\\.?(?:\\s+${ZONE})?|\\s+${ZONE})(?:\\s*[,|·•–—-]?\\s*(?:by\\s+)?${NAME})?$`,
  'u',
);

/** Text length of an element, spaces normalised. */
const textOf = (el: El) => normaliseSpace(el.textContent ?? '');

/** The element's text with each link replaced by `\u0001` (links inside links counted once). */
function withLinksMarked(el: El): string {
  let s = '';
  for (const c of Array.from(el.childNodes)) {
    if (c.nodeType === 3) s += c.textContent ?? '';
    else if (c.nodeType === 1) s += tag(c) === 'a' ? (textOf(c) ? '\u0001' : '') : ` ${withLinksMarked(c)} `;
  }
  return s;
}

/** True when `a` comes before `b` in the document. */
const before = (a: El, b: El) => (a.compareDocumentPosition(b) & 4) !== 0;

/**
 * Removes, before Readability reads the page, the chrome this module knows by
 * its shape. `small` says whether an element holds little enough of the page
 * to be removed at all (so a mislabelled wrapper never takes the article).
 */
export function removeShapedChrome(doc: Doc, small: (el: El) => boolean): void {
  removeReferenceMarkers(doc);
  removeLinkCards(doc, small);
  removePullQuotes(doc);
  removeImageCaptionLines(doc);
  removeMetaRows(doc, small);
  removeSupportAppeals(doc, small);
  // "The top of the page": before the first paragraph of prose (or the headline when there is none).
  const firstProse = Array.from(doc.querySelectorAll('p')).find((p) => textOf(p).length >= 120);
  const top = firstProse ?? doc.querySelector('article h1') ?? doc.querySelector('main h1') ?? doc.querySelector('h1');
  for (const el of Array.from(doc.querySelectorAll('nav, ol, ul, div, p'))) {
    if (!el.parentNode || !small(el)) continue;
    const named = CRUMB_NAME.test(`${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
    // A trail of links at the top of the page; one named as a breadcrumb wherever it is.
    const trail = CRUMB_TRAIL.test(normaliseSpace(withLinksMarked(el))) && Array.from(el.querySelectorAll('a')).every((a) => textOf(a).length <= 60);
    if ((named && el.querySelector('a')) || (trail && (!top || before(el, top)))) el.remove();
  }
  // Short labels standing right before a headline ("North America" over the title) are the site's sections.
  for (const h of Array.from(doc.querySelectorAll('h1'))) {
    for (let prev = h.previousElementSibling; prev; ) {
      const text = textOf(prev);
      const label = text.length <= LABEL_MAX_CHARS && text.split(' ').length <= LABEL_MAX_WORDS && !/[.!?:]$/.test(text) && !/\d/.test(text) && !prev.querySelector('h1, h2, p, ul, ol, table');
      if (text && !label) break;
      const next = prev.previousElementSibling;
      if (text) prev.remove();
      prev = next;
    }
  }
  // `td` and `font`: old layout-table pages set their boxes and link rows in them.
  for (const el of Array.from(doc.querySelectorAll('p, div, li, section, aside, span, td, font'))) {
    if (!el.parentNode || !small(el)) continue;
    const text = textOf(el);
    const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + textOf(a).length, 0);
    const links = Array.from(el.querySelectorAll('a'));
    const lastLink = links.at(-1);
    const endsWithCta = !!lastLink && CTA_LINK.test(textOf(lastLink)) && text.endsWith(textOf(lastLink));
    if (text && text.length <= BACK_LINK_MAX_CHARS && BACK_LINK.test(text) && linked >= text.length * 0.85) el.remove();
    else if (text.length <= CTA_MAX_CHARS && (el.querySelector('form') || endsWithCta) && !['span', 'font'].includes(tag(el))) el.remove();
    else if (text && text.length <= ACTION_ROW_MAX_CHARS && isActionRow(el)) el.remove();
  }
  for (const h of Array.from(doc.querySelectorAll('h2, h3, h4, h5, h6, strong'))) {
    if (!h.parentNode || !CITE_HEADING.test(textOf(h))) continue;
    const box = h.parentNode;
    const wrapper = ['body', 'article', 'main'].includes(tag(box));
    if (!wrapper && textOf(box).length <= CITE_BOX_MAX_CHARS && small(box)) box.remove();
    else h.remove();
  }
}

/** A link asking the reader for money ("Support the Standard from just £2", "Donate", "Become a supporter"). */
const SUPPORT_LINK = /^(?:support|donate|give (?:now|today|monthly)|make a (?:donation|contribution|gift)|contribute|become a (?:supporter|member|patron|subscriber)|chip in)\b/i;
/** What an appeal says besides the link ("… we have a small favour to ask", "please consider supporting us"). */
const APPEAL_WORDS = /\b(?:support(?:ing)? (?:us|our (?:journalism|work|reporting))|(?:small )?favou?r to ask|consider (?:supporting|a contribution|contributing|donating|giving)|make a (?:donation|contribution)|reader[- ]funded|funded by (?:our )?readers|payment methods|every contribution)\b/i;
/** An appeal box is short: a heading, two or three sentences, the link, a reminder, the payment methods. */
const APPEAL_MAX_CHARS = 1200;

/**
 * A reader appeal ("Before you move on … we have a small favour to ask …
 * please consider supporting us today", a support link, "Remind me later",
 * the payment methods accepted): the largest box around its support link,
 * at most `APPEAL_MAX_CHARS` long and never a page-wide wrapper, that also
 * asks in words of its own.
 */
function removeSupportAppeals(doc: Doc, small: (el: El) => boolean): void {
  for (const a of Array.from(doc.querySelectorAll('a'))) {
    if (!a.parentNode || !SUPPORT_LINK.test(textOf(a))) continue;
    let box: El | undefined;
    for (let p: El | null = a.parentNode; p && !['body', 'main', 'article', 'html'].includes(tag(p)) && textOf(p).length <= APPEAL_MAX_CHARS; p = p.parentNode) box = p;
    if (!box || !small(box) || tag(box) === 'p') continue;
    const rest = textOf(box).replace(textOf(a), ' ');
    if (APPEAL_WORDS.test(rest)) box.remove();
  }
}

/** True for a row of share, comment or like links: every piece of text is one of their labels. */
function isActionRow(el: El): boolean {
  const links = Array.from(el.querySelectorAll('a'));
  if (!links.length || !links.every((a) => ACTION_TEXT.test(textOf(a)))) return false;
  const rest = normaliseSpace(withLinksMarked(el).replace(/\u0001/g, ' ')).replace(/^[\s|·•,;:/-]+|[\s|·•,;:/-]+$/g, '');
  return rest === '' || ACTION_TEXT.test(rest);
}

/**
 * Drops markers that point to notes (`<sup><a href="#fn1">1</a></sup>`,
 * `<a href="#cite_note-2">[2]</a>`) and the notes' links back ("↩"); the
 * notes' own text stays. A `<sup>` that links nowhere (an exponent) stays.
 */
function removeReferenceMarkers(doc: Doc): void {
  for (const a of Array.from(doc.querySelectorAll('a[href^="#"]'))) {
    const text = textOf(a);
    const backRef = BACK_REF.test(text) || BACK_REF_CLASS.test(a.getAttribute('class') ?? '');
    const href = a.getAttribute('href') ?? '';
    // A marker links to a note: in a <sup>, in brackets, or to a target named as a note ("Table <a href="#t1">1</a>" stays).
    const marker = MARKER.test(text) && href.length > 1 && (tag(a.parentNode ?? a) === 'sup' || /^\[.*\]$/.test(text) || NOTE_HREF.test(href));
    if (!backRef && !marker) continue;
    const parent = a.parentNode;
    a.remove();
    // The `<sup>` or `<span>` that held only the marker goes with it.
    if (parent && ['sup', 'span'].includes(tag(parent)) && !textOf(parent).replace(/[[\]()\s,]/g, '')) parent.remove();
  }
}

/** True for a live blog's line before an update: a time of day, perhaps a zone and the author ("12:10 p.m. ET Sam Okafor"). */
export function isUpdateLine(paragraph: string): boolean {
  return UPDATE_LINE.test(normaliseSpace(paragraph));
}

/** A row of the story's particulars is short: a byline, a date, a time, a reading time, a badge. */
const META_ROW_MAX_CHARS = 200;
/** A separator between the pieces of a row ("·", "|"). */
const SEPARATOR = /^[·•|/–—-]+$/;
/** A time of day alone ("00:45", "9:10 AM EST"). */
const TIME_ALONE = /^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?$/i;
/** A badge: one capitalised word ("Premium", "Exclusive", "Analysis"). */
const BADGE = /^\p{Lu}\p{Ll}{2,14}$/u;

/**
 * The pieces of an element's text as the page sets them: one per child
 * element or text run; an element with a single piece is looked into.
 */
function piecesOf(el: El): string[] {
  const out: string[] = [];
  let only: El | undefined;
  for (const c of Array.from(el.childNodes)) {
    const text = normaliseSpace(c.textContent ?? '');
    if (!text) continue;
    out.push(text);
    only = c.nodeType === 1 ? c : undefined;
  }
  return out.length === 1 && only ? piecesOf(only) : out;
}

/**
 * A row of particulars set as separate elements glued without a space
 * ("5 min read" + "Aug 11, 2024" → "5 min readAug 11, 2024"; "By Ann Lee,
 * Economics correspondent" + "25 July 2024, 00:45" + "Updated 09:12" +
 * "Premium"): every piece is furniture, a byline, a date, a time, a separator
 * or a one-word badge, and one of them gives a date or a time.
 */
function removeMetaRows(doc: Doc, small: (el: El) => boolean): void {
  for (const el of Array.from(doc.querySelectorAll('div, p, span, section, header'))) {
    if (!el.parentNode) continue;
    const text = textOf(el);
    if (!text || text.length > META_ROW_MAX_CHARS) continue;
    const pieces = piecesOf(el);
    if (pieces.length < 2 || !small(el)) continue;
    const dated = (p: string) => isDateline(p) || isTimestampLine(p) || TIME_ALONE.test(p) || isBylineWithDate(p);
    const meta = (p: string) => dated(p) || isFurnitureLine(p) || isByline(p) || SEPARATOR.test(p) || BADGE.test(p);
    if (pieces.some(dated) && pieces.every(meta) && !pieces.every(BADGE.test.bind(BADGE))) el.remove();
  }
}

/** A link card is short: a title, a description, a site or author line. */
const LINK_CARD_MAX_CHARS = 500;
const LEAF_BLOCKS = 'div, p, h2, h3, h4, h5, h6, li';

/**
 * A link card (a bookmark or embed card: the title of another page, its
 * description and site, all one link) is not the article's text: a link to
 * another page holding two or more blocks of text, with what wraps it and
 * nothing else.
 */
function removeLinkCards(doc: Doc, small: (el: El) => boolean): void {
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if (!a.parentNode || (a.getAttribute('href') ?? '').startsWith('#')) continue;
    const text = textOf(a);
    if (!text || text.length > LINK_CARD_MAX_CHARS) continue;
    const leaves = Array.from(a.querySelectorAll(LEAF_BLOCKS)).filter((b) => textOf(b) && !b.querySelector(LEAF_BLOCKS));
    if (leaves.length < 2) continue;
    let card: El = a;
    while (card.parentNode && !['body', 'main', 'article', 'html'].includes(tag(card.parentNode)) && textOf(card.parentNode) === text) card = card.parentNode;
    if (small(card)) card.remove();
  }
}

/** Quote marks, and the ellipsis a pull quote cuts with. */
const QUOTE_MARKS = /^[\s"“”‘’'«»—–-]+|[\s"“”‘’'«».,;:!?—–-]+$/g;
const PULL_FRAGMENT_MIN_WORDS = 3;

/**
 * A pull quote repeats the article's own words in large type: a
 * `<blockquote>` (or a box named as a pull quote) each of whose pieces
 * (split at an ellipsis, quote marks and end punctuation aside) stands in a
 * paragraph elsewhere on the page goes, with the figure it stands in.
 */
function removePullQuotes(doc: Doc): void {
  const quotes = Array.from(doc.querySelectorAll('blockquote, [class*="pullquote"], [class*="pull-quote"], [class*="PullQuote"]'));
  if (!quotes.length) return;
  const paragraphs = Array.from(doc.querySelectorAll('p, li'));
  const lower = (s: string) => s.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  for (const q of quotes) {
    if (!q.parentNode) continue;
    const pieces = textOf(q)
      .split(/\s*(?:…|\.\.\.)\s*/)
      .map((p) => lower(p.replace(QUOTE_MARKS, '')))
      .filter(Boolean);
    if (!pieces.length || pieces.some((p) => p.split(' ').length < PULL_FRAGMENT_MIN_WORDS)) continue;
    const elsewhere = paragraphs.filter((p) => !isInside(p, q)).map((p) => lower(textOf(p)));
    if (!pieces.every((piece) => elsewhere.some((p) => p.includes(piece)))) continue;
    const figure = q.parentNode && tag(q.parentNode) === 'figure' ? q.parentNode : undefined;
    (figure ?? q).remove();
  }
}

/** True when `el` is `box` or inside it. */
function isInside(el: El, box: El): boolean {
  for (let p: El | null = el; p; p = p.parentNode) if (p === box) return true;
  return false;
}

const CAPTION_LINE_MAX_CHARS = 200;
/** A style setting type smaller than the text's. */
const SMALL_TYPE = /font-size\s*:\s*(?:x{0,2}-small|smaller|(?:[0-9]|1[0-3])(?:\.\d+)?px|(?:[0-9]|10)(?:\.\d+)?pt|0?\.\d+em|[1-8]\d%)/i;

/**
 * A caption set as a line of its own under a picture, without `<figcaption>`
 * (Blogger's `<div class="separator">` with an image, then a centred line in
 * small italics): the block right after a block that is only an image, when
 * all its text is in italics or small type.
 */
function removeImageCaptionLines(doc: Doc): void {
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    let block: El | null = img;
    while (block?.parentNode && !['body', 'main', 'article'].includes(tag(block.parentNode)) && !textOf(block.parentNode)) block = block.parentNode;
    const next = block?.nextElementSibling;
    if (!next || next.querySelector('img')) continue;
    const text = textOf(next);
    if (!text || text.length > CAPTION_LINE_MAX_CHARS) continue;
    const styled = Array.from(next.querySelectorAll('i, em, small, [style]')).filter((el) => ['i', 'em', 'small'].includes(tag(el)) || SMALL_TYPE.test(el.getAttribute('style') ?? ''));
    const outer = styled.filter((el) => !styled.some((o) => o !== el && isInside(el, o)));
    if (outer.length && outer.reduce((n, el) => n + textOf(el).length, 0) >= text.length) next.remove();
  }
}
