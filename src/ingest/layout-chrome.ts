/**
 * Page chrome inside the article's own container, known by its shape: a
 * "Related video" block with a duration, a "Read more" heading over a list of
 * links, a "Don't miss these stories" line over one, a layout table's column
 * of short links next to the content, a field label with its short value
 * ("Release type: Chairman"), an author box ("Written by …" and a bio).
 * Word's "Web Page, Filtered" bullets (a `MsoListParagraph` with a Symbol-font
 * "·") become list items here too, so the list survives as a list.
 */
import { tag, type Doc, type El } from './dom.ts';
import { normaliseSpace } from './whitespace.ts';

const textOf = (el: El) => normaliseSpace(el.textContent ?? '');
const linkedChars = (el: El) => Array.from(el.querySelectorAll('a')).reduce((n, a) => n + textOf(a).length, 0);
const WRAPPERS = new Set(['body', 'main', 'article', 'html']);

/** A video's running time ("04:12", "1:02:33"). */
const DURATION = /^\d{1,2}:\d{2}(?::\d{2})?$/;
const VIDEO_BLOCK_MAX_CHARS = 200;
/** Headings of a list of other stories. */
const MORE_HEADING = /^(?:read more|read next|more to read|related(?: (?:stories|articles|posts|coverage|content|reading|links))?|more (?:stories|news|on this(?: story)?|from [\p{L} ]{1,30})|see also|you may also like|recommended(?: for you)?|most (?:read|popular)|trending(?: now)?|further reading)$/iu;
/** A lead line over a list of other stories ("Don't miss these stories from Meridian PRO:"). */
const MORE_LEAD = /^(?:don['’]t miss|do not miss|more from|more stories|also read|also on|you might also|you may also|more coverage|catch up on)\b.{0,80}$/i;
/** A list counts as a list of other stories when links hold this share of its text. */
const LINK_LIST_SHARE = 0.8;
const LINK_LIST_MAX_CHARS = 1000;
/** A navigation column: a layout cell whose lines are short and mostly links. */
const NAV_LINE_MAX_CHARS = 40;
/** "Release type:", "Issues:" (at most three words and a colon). */
const LABEL = /^\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,2}\s*:$/u;
const FIELD_MAX_CHARS = 100;
/** Elements set inside a line of text. */
const INLINE = new Set(['span', 'strong', 'b', 'em', 'i', 'u', 'font', 'small', 'a', 'mark', 'sup', 'sub']);
/** "Written by Tom Akers", "About the author". */
const AUTHOR_HEADING = /^(?:written by\s+\p{Lu}.{0,60}|about the authors?|about the writer)$/iu;
const AUTHOR_BOX_MAX_CHARS = 700;
/** Word's bullet glyphs (Symbol "·", Wingdings "§", Courier "o") and numbers ("1.", "a)"). */
const WORD_BULLET = /^(?:[·•§o▪■□◦➢Ø\-–]|\d{1,3}[.)]|[a-z][.)])$/;

/** Removes the chrome this module knows; `small` says whether an element holds little enough of the page to go. */
export function removeLayoutChrome(doc: Doc, small: (el: El) => boolean): void {
  wordListsToLists(doc);
  nestLevelledLists(doc);
  for (const el of Array.from(doc.querySelectorAll('div, section, aside, figure, span'))) {
    if (!el.parentNode || !small(el)) continue;
    // A video embed: a duration, a picture or "video"/"watch", and little text.
    const text = textOf(el);
    if (text.length > VIDEO_BLOCK_MAX_CHARS || !/video|\bwatch/i.test(text + (el.getAttribute('class') ?? ''))) continue;
    if (Array.from(el.querySelectorAll('span, div, time')).some((d) => DURATION.test(textOf(d)))) el.remove();
  }
  for (const h of Array.from(doc.querySelectorAll('h2, h3, h4, h5, h6, p, strong, b, div, span'))) {
    if (!h.parentNode) continue;
    const text = textOf(h);
    const heading = MORE_HEADING.test(text);
    if (!heading && !MORE_LEAD.test(text)) continue;
    // The heading inside a box with the list: the box goes.
    const box = boxOf(h);
    if (heading && box && small(box) && isLinkList(box, text)) {
      box.remove();
      continue;
    }
    // The heading or lead line followed by a list of links: both go.
    const next = nextElement(h);
    if (next && ['ul', 'ol', 'div'].includes(tag(next)) && small(next) && isLinkList(next, '')) {
      next.remove();
      h.remove();
    } else if (!heading && text.endsWith(':') && text.length <= 100) h.remove();
  }
  removeHeadlineLists(doc, small);
  removeNavColumns(doc);
  for (const el of Array.from(doc.querySelectorAll('div, dt, label, span, th, strong, b'))) {
    if (!el.parentNode || !LABEL.test(textOf(el))) continue;
    // A label leading a sentence in a paragraph or list item ("<b>Ecuador:</b> 15%, in effect since August 7.") is the text's own, in whatever spans it is set.
    let block: El | null = el.parentNode;
    while (block && INLINE.has(tag(block))) block = block.parentNode;
    // (A list item must read as a sentence: "<li><b>Issues:</b> Trade, Energy</li>" is a field.)
    if (block && textOf(block).length > textOf(el).length && (tag(block) === 'p' || (tag(block) === 'li' && /[.!?]["”’)]?$/.test(textOf(block))))) continue;
    const field = el.parentNode;
    // The label and its short value in a box of their own; a label in a paragraph of prose stays.
    if (field && !WRAPPERS.has(tag(field)) && tag(field) !== 'p' && textOf(field).length <= FIELD_MAX_CHARS && small(field)) field.remove();
    else if (['div', 'dt', 'label', 'th'].includes(tag(el))) el.remove();
  }
  removeAuthorCards(doc, small);
  for (const h of Array.from(doc.querySelectorAll('h2, h3, h4, h5, h6, p, strong, div'))) {
    if (!h.parentNode || !AUTHOR_HEADING.test(textOf(h))) continue;
    let box = h.parentNode;
    // Up through wrappers that add little (an avatar, a link), never into the article around the box.
    while (box && box.parentNode && !WRAPPERS.has(tag(box.parentNode)) && textOf(box.parentNode).length <= Math.min(AUTHOR_BOX_MAX_CHARS, textOf(box).length + 40)) box = box.parentNode;
    if (box && !WRAPPERS.has(tag(box)) && textOf(box).length <= AUTHOR_BOX_MAX_CHARS && small(box)) box.remove();
    else h.remove();
  }
}

/** A link to a person's page: `/author/ann-lee/`, `/authors/…`, `/people/…`, `/in/…` (a profile), `?author=…`. */
const PERSON_HREF = /\/(?:authors?|people|person|profiles?|staff|contributors?|writers?|journalists?|in|users?)\/[^/?#]+|[?&]author=/i;
/** A person's (or a team's) name: two to six capitalised words. */
const PERSON_NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|da|del|la|le|di)){1,5}$/u;

/**
 * An author card or a byline box: a person's name standing alone as a link
 * to their page (or as the text of a card-wide link to it), in a box with
 * short particulars (a role, a follower count, a date, a bio). The box goes
 * (up through wrappers that add little, at most `AUTHOR_BOX_MAX_CHARS`, with
 * no more than one paragraph of prose); a name linked inside a sentence stays.
 */
function removeAuthorCards(doc: Doc, small: (el: El) => boolean): void {
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if (!a.parentNode || !(PERSON_HREF.test(a.getAttribute('href') ?? '') || a.getAttribute('rel') === 'author')) continue;
    const name = textOf(a);
    if (name.length > 60 || !PERSON_NAME.test(name)) continue;
    let el: El = a;
    while (el.parentNode && !WRAPPERS.has(tag(el.parentNode)) && textOf(el.parentNode) === name) el = el.parentNode;
    const parent = el.parentNode;
    // The name inside a line of text ("By Ann Lee and …", "As Ann Lee wrote") is not a card's.
    if (!parent || WRAPPERS.has(tag(parent)) || Array.from(parent.childNodes).some((c) => c.nodeType === 3 && normaliseSpace(c.textContent ?? ''))) continue;
    let box: El = parent;
    while (box.parentNode && !WRAPPERS.has(tag(box.parentNode)) && textOf(box.parentNode).length <= Math.min(AUTHOR_BOX_MAX_CHARS, textOf(box).length + 40)) box = box.parentNode;
    const prose = Array.from(box.querySelectorAll('p')).filter((p) => textOf(p).length >= 120).length;
    if (!WRAPPERS.has(tag(box)) && textOf(box).length <= AUTHOR_BOX_MAX_CHARS && prose <= 1 && small(box)) box.remove();
  }
}

/** A box's label over a list of other stories: a few words, no sentence ("MORE FOR YOU", "Editors' picks"). */
const LIST_LABEL_MAX_CHARS = 40;
const LIST_LABEL_MAX_WORDS = 5;
/** A link to a file (a report, a form), not to another story's page. */
const DOCUMENT_FILE = /\.(?:pdf|docx?|xlsx?|pptx?|csv|zip|hwpx?|odt|rtf|txt)(?:[?#]|$)/i;
/** A headline: at least this many words. */
const HEADLINE_MIN_WORDS = 3;

/**
 * A short label followed by a list of other stories' headlines ("MORE FOR
 * YOU" over three links), set inside the article: every item of the list is
 * one link to another page, its text a headline of a few words. The label
 * and the list go, and the box holding only them, when the article goes on
 * after them. A list of links to files (a report's documents), a list under
 * a heading that reads as a sentence, or with words of its own beside the
 * links, stays.
 */
function removeHeadlineLists(doc: Doc, small: (el: El) => boolean): void {
  for (const list of Array.from(doc.querySelectorAll('ul, ol'))) {
    if (!list.parentNode || !small(list)) continue;
    const items = Array.from(list.childNodes).filter((c) => c.nodeType === 1);
    const headline = (li: El) => {
      const links = Array.from(li.querySelectorAll('a'));
      const href = links[0]?.getAttribute('href') ?? '';
      return tag(li) === 'li' && links.length === 1 && textOf(links[0]!) === textOf(li) && textOf(li).split(' ').length >= HEADLINE_MIN_WORDS && /^(?:https?:)?\/\/|^\/[^/]/.test(href) && !DOCUMENT_FILE.test(href);
    };
    if (items.length < 2 || !items.every(headline)) continue;
    const label = list.previousElementSibling;
    const text = label ? textOf(label) : '';
    if (!label || !['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'strong'].includes(tag(label)) || !text || text.length > LIST_LABEL_MAX_CHARS || text.split(' ').length > LIST_LABEL_MAX_WORDS || /[.!?:;,]$/.test(text) || label.querySelector('a')) continue;
    const box = list.parentNode;
    const boxed = !WRAPPERS.has(tag(box)) && textOf(box) === normaliseSpace(`${text} ${textOf(list)}`);
    // Set inside the text: the article goes on after it.
    let after = (boxed ? box : list).nextElementSibling;
    while (after && !textOf(after)) after = after.nextElementSibling;
    if (!after) continue;
    // The label and the list alone in their box: the box goes with them.
    if (boxed && small(box)) box.remove();
    else {
      label.remove();
      list.remove();
    }
  }
}

/** The smallest enclosing element that is more than the heading itself (not a page-wide wrapper). */
function boxOf(h: El): El | undefined {
  for (let p = h.parentNode; p && !WRAPPERS.has(tag(p)); p = p.parentNode) if (textOf(p) !== textOf(h)) return p;
  return undefined;
}

/** The next element sibling. */
function nextElement(el: El): El | undefined {
  const siblings = Array.from(el.parentNode?.childNodes ?? []);
  for (let i = siblings.indexOf(el) + 1; i < siblings.length; i++) if (siblings[i]!.nodeType === 1) return siblings[i];
  return undefined;
}

/** True when the element, less its heading's text, is links and little else. */
function isLinkList(el: El, heading: string): boolean {
  const text = textOf(el);
  const rest = text.length - heading.length;
  return text.length <= LINK_LIST_MAX_CHARS && rest > 0 && el.querySelectorAll('a').length >= 1 && linkedChars(el) >= rest * LINK_LIST_SHARE;
}

/**
 * A layout table's column of navigation: a cell of short lines, nearly all
 * links (bold group names between them), beside a cell with far more text.
 */
function removeNavColumns(doc: Doc): void {
  for (const row of Array.from(doc.querySelectorAll('tr'))) {
    const cells = Array.from(row.childNodes).filter((c) => c.nodeType === 1 && ['td', 'th'].includes(tag(c)));
    if (cells.length < 2) continue;
    const widest = Math.max(...cells.map((c) => textOf(c).length));
    for (const cell of cells) {
      const text = textOf(cell);
      const links = cell.querySelectorAll('a').length;
      if (!text || links < 3 || text.length * 3 > widest) continue;
      const lines = linesOf(cell);
      const short = lines.every((l) => l.length <= NAV_LINE_MAX_CHARS);
      if (short && linkedChars(cell) >= text.replace(/\s/g, '').length * 0.5) cell.remove();
    }
  }
}

/** An element's lines: text split at `<br>` and block boundaries. */
function linesOf(el: El): string[] {
  let s = '';
  const walk = (n: El) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) s += c.textContent ?? '';
      else if (c.nodeType === 1) {
        const name = tag(c);
        if (name === 'br' || ['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(name)) s += '\n';
        walk(c);
      }
    }
  };
  walk(el);
  return s.split('\n').map(normaliseSpace).filter(Boolean);
}

interface Creator {
  createElement(name: string): El & { appendChild(c: El): void };
}
type Parent = El & { appendChild(c: El): void; insertBefore(a: El, b: El): void };

/** Word's spacer after a list marker: a span in a 7pt font holding only spaces. */
const isSpacer = (el: El) => el.nodeType === 1 && tag(el) === 'span' && /font:\s*7(?:\.0)?pt/i.test(el.getAttribute('style') ?? '') && !textOf(el);

/** A length in a style (`margin-left:1.0in`, `36.0pt`, `1.27cm`) in points. */
function points(style: string, prop: string): number {
  const m = new RegExp(`${prop}\\s*:\\s*(-?[\\d.]+)\\s*(in|pt|cm|mm|px)?`, 'i').exec(style);
  if (!m) return 0;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'pt').toLowerCase();
  return n * ({ in: 72, pt: 1, cm: 28.35, mm: 2.835, px: 0.75 } as Record<string, number>)[unit]!;
}

/** A list paragraph of Word's: its marker nodes, the glyph, and how deep it is indented. */
interface WordItem {
  p: El;
  glyph: string;
  marker: El[];
  indent: number;
}

/**
 * A Word list paragraph: a `MsoListParagraph` (or `mso-list` style) whose
 * first text is a bullet glyph or a number in a span of its own, or any
 * paragraph with a hanging indent whose first text is such a marker followed
 * by Word's 7pt spacer ("3.<span style='font:7.0pt'>&nbsp;&nbsp;</span>Text").
 */
function wordItem(p: El): WordItem | undefined {
  const cls = p.getAttribute('class') ?? '';
  const style = p.getAttribute('style') ?? '';
  // Word's own list level ("mso-list:l0 level2 lfo1"), kept when a page is saved unfiltered, counts as half an inch a level.
  const level = Number(/mso-list\s*:\s*l\d+\s+level(\d)/i.exec(style)?.[1] ?? '1');
  const indent = points(style, 'margin-left') + (level - 1) * 36;
  if (/^MsoList/i.test(cls) || /mso-list/i.test(style)) {
    const marker = Array.from(p.querySelectorAll('span')).find((sp) => textOf(sp) !== '');
    const glyph = marker ? textOf(marker) : '';
    if (marker && WORD_BULLET.test(glyph) && textOf(p).startsWith(glyph)) return { p, glyph, marker: [marker], indent };
  }
  if (!/text-indent\s*:\s*-/i.test(style)) return undefined;
  const nodes = Array.from(p.childNodes).filter((c) => c.nodeType !== 3 || textOf(c));
  const [first, second] = nodes;
  if (!first || !second || !isSpacer(second)) return undefined;
  const glyph = textOf(first);
  return WORD_BULLET.test(glyph) ? { p, glyph, marker: [first, second], indent } : undefined;
}

/** A numbered item ("3.", "12)"); letters and roman numerals are set as bullets (the article's lists are "-" or "N."). */
const NUMBERED = /^\d{1,3}[.)]$/;

/**
 * Word's list paragraphs become `<ul><li>` (or `<ol>` for numbers, starting
 * at Word's own number), the glyph dropped: it is the list's marker, not
 * text. A paragraph indented further than the one before is an item of a
 * list nested in it, so levels survive as nested lists.
 */
function wordListsToLists(doc: Doc): void {
  const creator = doc as unknown as Creator;
  const items = Array.from(doc.querySelectorAll('p')).map(wordItem).filter((x): x is WordItem => !!x);
  // Runs of list paragraphs that follow one another.
  const runs: WordItem[][] = [];
  for (const it of items) {
    const run = runs.at(-1);
    if (run && nextElement(run.at(-1)!.p) === it.p) run.push(it);
    else runs.push([it]);
  }
  for (const run of runs) {
    const levels = [...new Set(run.map((it) => Math.round(it.indent)))].sort((a, b) => a - b);
    // The open lists, one per level: the list element and its last item.
    const stack: { level: number; list: Parent; last?: Parent }[] = [];
    const open = (level: number, glyph: string, into: Parent | undefined, before: El) => {
      const ordered = NUMBERED.test(glyph);
      const list = creator.createElement(ordered ? 'ol' : 'ul') as Parent;
      if (ordered && glyph !== '1.' && glyph !== '1)') (list as unknown as { setAttribute(n: string, v: string): void }).setAttribute('start', String(parseInt(glyph, 10)));
      if (into) into.appendChild(list);
      else (before.parentNode as Parent).insertBefore(list, before);
      stack.push({ level, list });
    };
    for (const it of run) {
      const level = levels.indexOf(Math.round(it.indent));
      while (stack.length && stack.at(-1)!.level > level) stack.pop();
      const top = stack.at(-1);
      // A new level, or a change between numbers and bullets at the same level, opens a list.
      if (!top || top.level < level) open(level, it.glyph, top?.last ?? top?.list, it.p);
      else if ((tag(top.list) === 'ol') !== NUMBERED.test(it.glyph)) {
        stack.pop();
        open(level, it.glyph, stack.at(-1)?.last ?? stack.at(-1)?.list, it.p);
      }
      const cur = stack.at(-1)!;
      for (const m of it.marker) m.remove();
      const li = creator.createElement('li') as Parent;
      for (const c of Array.from(it.p.childNodes)) li.appendChild(c);
      cur.list.appendChild(li);
      cur.last = li;
      it.p.remove();
    }
  }
}

/** A list's level in its class (Google Docs: `lst-kix_q1a2b3-1` is level 1 of list `q1a2b3`). */
const LIST_LEVEL = /^lst-([\w]+?)-(\d)$/;

/**
 * Google Docs publishes a nested list as flat sibling lists, each a level of
 * its own (`<ul class="lst-kix_x-0">`, then `<ul class="lst-kix_x-1">`): a
 * deeper level following a list moves into that list's last item, so the
 * sub-items hang from the item that leads them in.
 */
function nestLevelledLists(doc: Doc): void {
  const levelOf = (el: El) => {
    for (const w of (el.getAttribute('class') ?? '').split(/\s+/)) {
      const m = LIST_LEVEL.exec(w);
      if (m) return { list: m[1]!, level: Number(m[2]) };
    }
    return undefined;
  };
  for (const list of Array.from(doc.querySelectorAll('ul, ol'))) {
    const me = levelOf(list);
    if (!me || me.level === 0) continue;
    // The nearest list before this one, among the siblings that are lists of the same set, one level up.
    for (let prev = list.previousElementSibling; prev && ['ul', 'ol'].includes(tag(prev)); prev = prev.previousElementSibling) {
      const p = levelOf(prev);
      if (!p || p.list !== me.list || p.level >= me.level) continue;
      if (p.level === me.level - 1) {
        const items = Array.from(prev.querySelectorAll('li')).filter((li) => li.parentNode === prev);
        const last = items.at(-1) as (El & { appendChild(c: El): void }) | undefined;
        if (last) last.appendChild(list);
      }
      break;
    }
  }
}
