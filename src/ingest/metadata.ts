/**
 * Metadata shared by every format: reading dates in the forms sources print
 * them, trimming a site's name off a page title, and making an article id
 * from a file name.
 */
import path from 'node:path';
import { normaliseSpace } from './whitespace.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

function monthNumber(name: string): number {
  const m = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((full) => full.startsWith(m.slice(0, 3))) + 1;
}

/** `YYYY-MM-DD` when the parts make a real date, else undefined. */
function isoOf(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
}

/**
 * Reads a date value as sources give it: ISO 8601 (`2025-07-23`,
 * `2025-07-23T10:00:00-04:00`: the date as written, not moved to UTC), PDF
 * dates (`D:20250723…`), `2025/07/23`, `July 23, 2025`, `23 July 2025`, `Jul. 23, 2025`.
 * @returns `YYYY-MM-DD`, or undefined when the value is not a date
 */
export function parseDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const v = normaliseSpace(value);
  let m = /^(?:D:)?(\d{4})(\d{2})(\d{2})(?:\d{0,6})?(?:[Z+\-'\d]*)$/.exec(v);
  if (m) return isoOf(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(v);
  if (m) return isoOf(+m[1]!, +m[2]!, +m[3]!);
  return findDate(v);
}

/**
 * A date written year first with dots, as boards in Korea, China and Japan
 * print it ("2025.09.05", "2025. 9. 5."), never part of a longer run of
 * figures (a version number "1.2025.09.05").
 */
const DOTTED_DATE = /(?<![\d.])(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})(?![\d]|\.\d)\.?/;

/**
 * The first date written out in words, ISO or dotted form inside a text ("Washington,
 * September 16, 2019 —"), or undefined.
 */
export function findDate(text: string): string | undefined {
  const patterns: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
    [new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'), (m) => isoOf(+m[3]!, monthNumber(m[1]!), +m[2]!)],
    [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b`, 'i'), (m) => isoOf(+m[3]!, monthNumber(m[2]!), +m[1]!)],
    [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => isoOf(+m[1]!, +m[2]!, +m[3]!)],
    [DOTTED_DATE, (m) => isoOf(+m[1]!, +m[2]!, +m[3]!)],
  ];
  let best: { at: number; iso: string } | undefined;
  for (const [re, make] of patterns) {
    const m = re.exec(text);
    const iso = m && make(m);
    if (m && iso && (!best || m.index < best.at)) best = { at: m.index, iso };
  }
  return best?.iso;
}

const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?';
/** What may stand next to the date in a dateline: a lead-in word, a weekday, a time of day, a time zone, separators. */
const DATELINE_FILLER = new RegExp(
  `\\b(?:published|posted|released|issued|date|on|at|${WEEKDAY}|\\d{1,2}:\\d{2}(?::\\d{2})?|[ap]\\.?m\\.?|noon|e[sd]?t|[cmp][sd]t|gmt|utc|bst|cet|jst)\\b|[\\s,:;|·•/()\\-–—.]+`,
  'gi',
);
const DATE_IN_WORDS = [
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'i'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}\\b`, 'i'),
  /\b\d{4}-\d{2}-\d{2}\b/,
  DOTTED_DATE,
];

/**
 * True for a line that is a publication date and nothing else ("October 7,
 * 2021", "Published Wednesday, 2 January 2020, 10:02 a.m. ET"): page
 * furniture that gives the date, not article text.
 */
export function isDateline(text: string): boolean {
  const t = normaliseSpace(text);
  if (t.length > 80 || !findDate(t)) return false;
  const re = DATE_IN_WORDS.find((r) => r.test(t));
  if (!re) return false;
  return t.replace(re, ' ').replace(DATELINE_FILLER, '') === '';
}

/** Lower-case particles of names ("Anneke de Vries", "Ludwig van Beethoven"). */
const NAME_PARTICLE = "(?:de|van|von|der|den|da|di|du|la|le|del|della|dos|bin|al|ter|ten)";
/**
 * A byline on its own: "By" and up to six names ("By Ann Lee and Tom Ito", "By Reuters"),
 * perhaps the writer's role after a comma ("By Anneke de Vries, Economics correspondent").
 */
const BYLINE = new RegExp(
  `^[Bb]y\\s+\\p{Lu}[\\p{L}.'’-]*(?:(?:\\s+|\\s*,\\s*)(?:\\p{Lu}[\\p{L}.'’-]*|${NAME_PARTICLE}|and|&)){0,6}(?:,\\s*\\p{L}[\\p{L}'’-]*(?:\\s+\\p{L}[\\p{L}'’-]*){0,3})?$`,
  'u',
);

/** True for a byline standing alone ("By Ann Lee"). */
export function isByline(text: string): boolean {
  return BYLINE.test(normaliseSpace(text));
}

/**
 * True for a byline line that also prints the date ("By Ann Lee | March 3,
 * 2024", "December 23, 2021 By Ann Lee and Tom Ito").
 */
export function isBylineWithDate(text: string): boolean {
  const t = normaliseSpace(text);
  const re = DATE_IN_WORDS.find((r) => r.test(t));
  if (t.length > 160 || !re) return false;
  const rest = t
    .replace(re, ' ')
    .replace(/^[\s,;|·•/\-–—]+|[\s,;|·•/\-–—]+$/g, '')
    .replace(/[\s,;|·•–—]+(?:published|posted|updated|on)$/i, '')
    .replace(/^(?:published|posted|updated|on)[\s,;|·•–—]+/i, '');
  return BYLINE.test(rest.replace(/\s+[|·•–—]\s+/g, ' '));
}

// Separators between a page title and the site's name: "Title | Site", "Title - Site", "Title — Site".
const TITLE_SEPARATOR = /\s+[|\-–—·•:]\s+/;

/**
 * A page's `<title>` less the site's name: the part after the last separator
 * goes when it is the site name, or (with no site name known) when it is
 * short (four words at most) and the rest is longer.
 */
export function stripSiteSuffix(title: string, siteName?: string): string {
  const t = normaliseSpace(title);
  const parts = t.split(TITLE_SEPARATOR);
  if (parts.length < 2) return t;
  const last = parts.at(-1)!;
  const first = parts.at(0)!;
  const same = (a: string, b: string) => a.toLowerCase().replace(/^the\s+/, '') === b.toLowerCase().replace(/^the\s+/, '');
  if (siteName && same(last, normaliseSpace(siteName))) return t.slice(0, t.lastIndexOf(last)).replace(/\s+[|\-–—·•:]\s*$/, '').trim();
  if (siteName && same(first, normaliseSpace(siteName))) return t.slice(first.length).replace(/^\s*[|\-–—·•:]\s+/, '').trim();
  if (!siteName && last.split(' ').length <= 4 && t.length - last.length > last.length * 2) return t.slice(0, t.lastIndexOf(last)).replace(/\s+[|\-–—·•:]\s*$/, '').trim();
  return t;
}

/** An article id from a file name: `Japan Deal (final).pdf` → `japan-deal-final`. Seeds keep their names. */
export function idFromFile(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  const id = base
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '');
  return id || 'article';
}

/** True for an absolute http(s) URL. */
export function isWebUrl(value: string | undefined | null): value is string {
  if (!value) return false;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
