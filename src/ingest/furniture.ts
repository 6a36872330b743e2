/**
 * Lines of page furniture recognised in the extracted paragraphs: timestamp
 * lines ("Published Wed, Mar 4 2024 9:10 AM EST"), photo credits, end
 * marks ("###"), reading times, "Written by …", "FOR IMMEDIATE RELEASE",
 * contact lines and field labels standing alone ("Issues:"). Each rule looks
 * only at a short whole paragraph, so prose is never taken for furniture.
 */
import { normaliseSpace } from './whitespace.ts';

const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/**
 * "Published Wed, Mar 4 2024 9:10 AM EST", "Updated 12:05 PM", "Posted March 4, 2021 | Asia > Trade":
 * a lead word, then a date or a time (the year and the time may be glued where the page set them in separate elements).
 */
const TIMESTAMP = new RegExp(
  `^(?:published|updated|posted|last updated|last modified|modified|first published|originally published)\\b:?\\s*(?:on\\s+|at\\s+)?(?:.{0,12}\\b${MONTH_WORD}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH_WORD}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{1,2}:\\d{2})`,
  'i',
);
const TIMESTAMP_MAX_CHARS = 90;
/** Agencies named at the end of a photo credit ("Kiyoshi Ota | Bloomberg | Getty Images"). */
const PHOTO_AGENCY = /(?:^|[|/·•,]\s*)(?:getty images|reuters|associated press|ap photo|afp|epa(?:-efe)?|shutterstock|alamy|bloomberg|istock(?:photo)?|anadolu|xinhua|kyodo|jiji press|nurphoto|sipa|zuma press|the washington post)\s*$/i;
/** A credit line introduced as such ("Photo: PGGA / Lena Ortiz", "Image credit: …"). */
const CREDIT_LEAD = /^(?:photo(?:graph)?s?|image|picture|credit|photo credit|image credit|source: getty)\s*(?:by|:)\s*\S/i;
const CREDIT_MAX_CHARS = 100;
/** End marks of a press release; a wire story's end mark, its agency in brackets and perhaps the time filed ("(PPA) 16:42 JST", "(END)"). */
const END_MARK = /^(?:#{3,}|-\s?30\s?-|-\s?end\s?-|\(\s*end\s*\))$/i;
const WIRE_END = /^\(\s*\p{Lu}[\p{L}.&-]{0,15}\s*\)\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$/u;
/** A count standing alone: claps, likes, views, followers ("312", "1.4K", "2,051"). */
const BARE_COUNT = /^\d{1,3}(?:,\d{3})*(?:\.\d)?[KkMm]?$/;
/** A feedback widget's question ("Was this page helpful?", "Did you find this article useful?"). */
const FEEDBACK = /^(?:was|is|did you find) (?:this|the)(?: (?:page|article|story|post|information|content|answer))? (?:helpful|useful)\??$/i;
/** "4 min read", "6-minute read", "Reading time: 3 minutes". */
const READ_TIME = /^(?:\d{1,3}\s*-?\s*(?:min(?:ute)?s?)\.?\s+read|reading time:?\s*\d{1,3}\s*(?:min(?:ute)?s?)\.?)$/i;
/** "Written by Tom Akers" (up to six words of name). */
const WRITTEN_BY = /^(?:written|posted|words|story) by\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&)){0,5}$/u;
/** "FOR IMMEDIATE RELEASE", "For Immediate Release: Monday". */
const IMMEDIATE_RELEASE = /^(?:for (?:immediate )?release|embargoed until)\b.{0,40}$/i;
/** "Contact: USTR Press Office, (202) 395-3230 | media@…", "Press contact: …", "Media Contact". */
const CONTACT = /^(?:press |media |news )?contacts?(?: information)?\b\s*:?.{0,150}$/i;
/** A field's label alone ("Release type:", "Issues:"), at most three words. */
const FIELD_LABEL = /^\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,2}\s*:$/u;

/** "This public work may be used under the terms of the … licence": a note of the terms the page may be reused on. */
const LICENCE_NOTE = /^(?:this|the) (?:public )?(?:work|page|content|material|publication|article|post)s? (?:is|are|may be) (?:used|reused|licensed|published|made available|available|reproduced)\b.{0,150}\blicen[cs]e\.?$/i;
const LICENCE_MAX_CHARS = 250;
/** The page's particulars, each a field ("Department in charge: … / Tel: … / Last updated: …"). */
const PARTICULAR = /^(\p{L}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){0,3})\s*:\s*\S/u;
/** Labels that make a row of fields the page's particulars: who keeps the page, how to reach them, when it changed. */
const PARTICULAR_LABEL = /^(?:tel|telephone|phone|fax|e-?mail|contact|department|department in charge|division|manager|person in charge|last updated|last modified|updated)$/i;
const PARTICULARS_MAX_CHARS = 200;

/** True for a row of the page's particulars: two or more fields split by "/" or "|", one naming a contact or an update. */
function isParticularsRow(t: string): boolean {
  if (t.length > PARTICULARS_MAX_CHARS) return false;
  const pieces = t.split(/\s+[/|]\s+/);
  if (pieces.length < 2) return false;
  const labels = pieces.map((p) => PARTICULAR.exec(p)?.[1]);
  return labels.every(Boolean) && labels.some((l) => PARTICULAR_LABEL.test(l!));
}

/** True for a paragraph that is page furniture wherever it stands. */
export function isFurnitureLine(paragraph: string): boolean {
  const t = normaliseSpace(paragraph);
  if (!t || t.includes('\n')) return false;
  if (t.length <= TIMESTAMP_MAX_CHARS && TIMESTAMP.test(t) && !/[.!?]["”]?$/.test(t.replace(/\b(?:a|p)\.m\.$/i, ''))) return true;
  if (t.length <= CREDIT_MAX_CHARS && (PHOTO_AGENCY.test(t) || CREDIT_LEAD.test(t)) && !/[.!?]$/.test(t)) return true;
  if (CONTACT.test(t) && (/:/.test(t) || t.split(' ').length <= 3) && (t.length <= 30 || /[@(]|\d{3}/.test(t))) return true;
  if ((t.length <= LICENCE_MAX_CHARS && LICENCE_NOTE.test(t)) || isParticularsRow(t)) return true;
  return END_MARK.test(t) || WIRE_END.test(t) || BARE_COUNT.test(t) || FEEDBACK.test(t) || READ_TIME.test(t) || WRITTEN_BY.test(t) || IMMEDIATE_RELEASE.test(t) || FIELD_LABEL.test(t);
}

/** True for a timestamp line ("Posted March 4, 2021 | Asia > Trade"): it gives the page's date. */
export function isTimestampLine(text: string): boolean {
  const t = normaliseSpace(text);
  return t.length <= TIMESTAMP_MAX_CHARS && TIMESTAMP.test(t);
}
