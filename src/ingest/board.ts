/**
 * Bulletin boards (the post view of government and institutional sites,
 * common in Korea, China and Japan): the post set as a table of fields —
 * "Title", "Date", "Views", "Division", "Attachments", each a label cell and
 * its value — with the post's text in one cell; and, under it, the board's
 * rows to the previous and next posts. The fields are the page's
 * particulars, not the article: the table becomes the headline and the
 * text cell. The title and date fields also give the page's metadata when
 * its head gives none (see html-meta.ts).
 */
import { tag, type Doc, type El } from './dom.ts';
import { isDateline } from './metadata.ts';
import { normaliseSpace } from './whitespace.ts';

const textOf = (el: El) => normaliseSpace(el.textContent ?? '');
/** A field's label: a few words ("Title", "Date", "Department in charge"), perhaps a colon. */
const FIELD_LABEL = /^\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,3}\s*:?$/u;
const LABEL_MAX_CHARS = 30;
/** A field's value is short (a title, a date, a count, a file list). */
const VALUE_MAX_CHARS = 400;
/** The post's text is prose: this many characters at least. */
const POST_MIN_CHARS = 200;
/** …and most of the table's text. */
const POST_MIN_SHARE = 0.6;
/** Labels of the post's title field. */
export const TITLE_LABEL = /^(?:title|subject|headline)\s*:?$/i;
/** Labels of the post's date field. */
const POST_DATE_LABEL = /^(?:date|posted|published|issued|released|registered|date (?:posted|published|issued|registered)|(?:posting|publication|registration|release|issue) date|date of (?:publication|registration|issue))\s*:?$/i;
/** Labels of the rows to the previous and next posts. */
const PREV_NEXT = /^(?:prev|previous|next)(?:\s+(?:post|article|story|page|item))?\s*:?$/i;

type Creatable = Doc & { createElement(name: string): El & { appendChild(c: El): void; textContent: string | null } };
type Replaceable = El & { replaceWith(...n: El[]): void };

/** The label cells of a row and their values: `[label, value]` pairs, or undefined when the row is not one of fields. */
function fieldsOf(tr: El): [El, El][] | undefined {
  const cells = Array.from(tr.childNodes).filter((c) => c.nodeType === 1 && ['th', 'td'].includes(tag(c)));
  if (cells.length < 2 || cells.length % 2) return undefined;
  const pairs: [El, El][] = [];
  for (let i = 0; i < cells.length; i += 2) {
    const [label, value] = [cells[i]!, cells[i + 1]!];
    const l = textOf(label);
    if (tag(label) !== 'th' || tag(value) !== 'td' || l.length > LABEL_MAX_CHARS || !FIELD_LABEL.test(l) || textOf(value).length > VALUE_MAX_CHARS) return undefined;
    pairs.push([label, value]);
  }
  return pairs;
}

/** The rows of a table, not those of tables inside it. */
function rowsOf(table: El): El[] {
  return Array.from(table.querySelectorAll('tr')).filter((tr) => {
    for (let p = tr.parentNode; p; p = p.parentNode) if (tag(p) === 'table') return p === table;
    return false;
  });
}

/**
 * A post set as a table of fields: every row but one is label cells (`<th>`)
 * and their short values, and that one row is a single cell holding most of
 * the table's text. Undefined for any other table (a table of figures, a
 * layout table).
 */
export function boardPost(table: El): { title?: string; date?: string; post: El } | undefined {
  const rows = rowsOf(table);
  let post: El | undefined;
  const fields: [El, El][] = [];
  for (const tr of rows) {
    const cells = Array.from(tr.childNodes).filter((c) => c.nodeType === 1 && ['th', 'td'].includes(tag(c)));
    if (cells.length === 1 && tag(cells[0]!) === 'td' && !post) {
      post = cells[0]!;
      continue;
    }
    const pairs = fieldsOf(tr);
    if (!pairs) return undefined;
    fields.push(...pairs);
  }
  if (!post || fields.length < 2) return undefined;
  const length = textOf(post).length;
  if (length < POST_MIN_CHARS || length < textOf(table).length * POST_MIN_SHARE) return undefined;
  const title = fields.find(([l]) => TITLE_LABEL.test(textOf(l)));
  // The field labelled as the post's date, else the first field after the title that is a date and nothing else.
  const after = title ? fields.slice(fields.indexOf(title) + 1) : fields;
  const date = fields.find(([l]) => POST_DATE_LABEL.test(textOf(l))) ?? after.find(([, v]) => isDateline(textOf(v)));
  return { ...(title && textOf(title[1]) ? { title: textOf(title[1]) } : {}), ...(date && textOf(date[1]) ? { date: textOf(date[1]) } : {}), post };
}

/**
 * Sets each post table as its headline (a paragraph) and its text cell's
 * content, leaving the field rows (date, views, division, attachments) out;
 * removes a board's rows to the previous and next posts.
 */
export function removeBoardChrome(doc: Doc): void {
  for (const table of Array.from(doc.querySelectorAll('table'))) {
    if (!table.parentNode) continue;
    const board = boardPost(table);
    if (board) {
      const box = (doc as Creatable).createElement('div');
      if (board.title) {
        const h = (doc as Creatable).createElement('p');
        h.textContent = board.title;
        box.appendChild(h);
      }
      for (const c of Array.from(board.post.childNodes)) box.appendChild(c);
      (table as Replaceable).replaceWith(box);
      continue;
    }
    const rows = rowsOf(table);
    // "Prev | <a>another post</a> | 2025.09.04": every row labelled previous or next, its text mostly a link.
    const prevNext = (tr: El) => {
      const label = Array.from(tr.childNodes).find((c) => c.nodeType === 1 && ['th', 'td'].includes(tag(c)));
      return !!label && PREV_NEXT.test(textOf(label)) && !!tr.querySelector('a');
    };
    if (rows.length && rows.length <= 2 && rows.every(prevNext)) table.remove();
  }
}
