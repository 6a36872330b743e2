/**
 * Dates in text, resolved against the date of the article they appear in:
 * full dates ("July 22, 2025", "22 July 2025", "2025-07-22"), months and
 * years, and relative dates ("yesterday", "last month", "earlier this
 * month", "on Tuesday", "next year", "three years ago").
 *
 * A pure module with no imports: claim checks, timelines and ranking use it.
 * A date is a string as precise as the text: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
 *
 * @example findDates('Trump announced it yesterday.', '2025-07-23')[0].date === '2025-07-22'
 */

/** How precise a date is. */
export type DatePrecision = 'year' | 'month' | 'day';

/** One date found in a text. */
export interface DateMention {
  /** Character offsets of the words that state the date. */
  start: number;
  end: number;
  text: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: string;
  precision: DatePrecision;
  /** Resolved against the anchor ("last year", "on Tuesday", "in May") rather than stated in full. */
  relative: boolean;
  /**
   * Part of a document's name ("Proclamation 9704 of March 8, 2018", "the
   * Trade Act of 1974"): a dated reference, not something that happens in the sentence.
   */
  reference: boolean;
}

/** Month names, lower case, January first. */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

// Month names are capitalised in English; "May" also needs a cue (see below) because it is a modal verb too.
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY_RE = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR_RE = '((?:19|20)\\d\\d)';
const WEEKDAY_RE = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const SMALL_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/** Words near a weekday or a bare month that say it is still to come. */
const FUTURE_CUE = /\b(will|shall|would|scheduled|expected|planned|plans?|upcoming|until|set to|is to|are to|as soon as|due to)\b|['’]ll\b/i;
/** Words right before a weekday that say it is still to come ("from Wednesday"). */
const FUTURE_BEFORE = /\b(from|starting|until|till|by)\s+$/i;
/** A verb in the past right before a weekday ("the envoy said on Tuesday", "signed Wednesday"): that weekday is past, whatever comes later in the sentence. */
const PAST_BEFORE = /\b(?!(?:expected|scheduled|planned|slated|delayed|postponed|moved|set)\b)(?:said|told|met|held|sent|made|gave|took|spoke|wrote|began|won|left|\p{L}{3,}ed)\s+(?:on\s+)?$/iu;
/** A dated document: "Order 14257 of", "Proclamation 9704 of", "Act of", "Agreement of". */
const REFERENCE_BEFORE = /\b(Act|Order|Proclamation|Agreement|Statute|Law|Decree|Regulation|Convention|Treaty|Memorandum)(\s+(No\.\s*)?[\d-]+)?\s+of\s*$/;

interface Rule {
  re: RegExp;
  resolve: (m: RegExpExecArray, anchor: Ymd | undefined, text: string) => { date: string; relative: boolean } | undefined;
}

/** A calendar date as numbers. */
interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** "in|by" → "[Ii]n|[Bb]y": the words may start a sentence, the month after them must be capitalised. */
function anyCase(words: string): string {
  return words
    .split('|')
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('|');
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (t: Ymd) => `${t.y}-${pad(t.m)}-${pad(t.d)}`;
const ym = (y: number, m: number) => `${y}-${pad(m)}`;

function parseYmd(date: string | undefined): Ymd | undefined {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return undefined;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(w);
  return full >= 0 ? full + 1 : (MONTH_ABBR[w] ?? 0);
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds days to a calendar date. */
function shift(t: Ymd, days: number): Ymd {
  const d = new Date(Date.UTC(t.y, t.m - 1, t.d + days));
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

function weekday(t: Ymd): number {
  return new Date(Date.UTC(t.y, t.m - 1, t.d)).getUTCDay();
}

/** Months between two (year, month) pairs, signed. */
const monthDistance = (y1: number, m1: number, y2: number, m2: number) => (y2 - y1) * 12 + (m2 - m1);

/** The year (anchor's, the one before or after) that puts a month (and day) nearest the anchor; ties go to the past. */
function nearestYear(anchor: Ymd, month: number, day = 15): number {
  let best = anchor.y;
  let bestDistance = Infinity;
  for (const y of [anchor.y - 1, anchor.y, anchor.y + 1]) {
    const distance = Math.abs(monthDistance(anchor.y, anchor.m, y, month) * 31 + (day - anchor.d));
    if (distance < bestDistance || (distance === bestDistance && y < best)) {
      best = y;
      bestDistance = distance;
    }
  }
  return best;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90,
};

/** A number below 100 in words ("twenty five", "nine"), or undefined. */
function below100(tokens: string[]): number | undefined {
  if (tokens.length === 0 || tokens.length > 2) return undefined;
  const values = tokens.map((t) => NUMBER_WORDS[t]);
  if (values.some((v) => v === undefined)) return undefined;
  const [a, b] = values as number[];
  if (b === undefined) return a;
  return a! >= 20 && a! % 10 === 0 && b < 10 ? a! + b : undefined;
}

/** Reads a year written in words: "two thousand and twenty-five" (2025), "nineteen ninety-nine" (1999). */
export function yearFromWords(text: string): number | undefined {
  const tokens = text.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter((t) => t && t !== 'and');
  const thousand = tokens.indexOf('thousand');
  if (thousand >= 0) {
    const head = below100(tokens.slice(0, thousand));
    const rest = tokens.slice(thousand + 1);
    const tail = rest.length ? below100(rest) : 0;
    return head !== undefined && tail !== undefined ? head * 1000 + tail : undefined;
  }
  // "nineteen ninety-nine": a century word, then the rest.
  const century = NUMBER_WORDS[tokens[0] ?? ''];
  const rest = below100(tokens.slice(1));
  return century !== undefined && century >= 10 && century <= 20 && rest !== undefined ? century * 100 + rest : undefined;
}

const RULES: Rule[] = [
  // 2025-07-22
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    resolve: (m) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return validDay(y, mo, d) ? { date: ymd({ y, m: mo, d }), relative: false } : undefined;
    },
  },
  // "this 28th day of October, two thousand and twenty-five" (the formula of signed documents)
  {
    re: new RegExp(`\\b${DAY_RE} day of ${MONTH_RE},?\\s+(?:in the year\\s+)?((?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and)[\\s-]*)+|${YEAR_RE.slice(1, -1)})`, 'g'),
    resolve: (m) => {
      const y = /^\d/.test(m[3]!) ? Number(m[3]) : yearFromWords(m[3]!.trim());
      const [mo, d] = [monthNumber(m[2]!), Number(m[1])];
      return y && validDay(y, mo, d) ? { date: ymd({ y, m: mo, d }), relative: false } : undefined;
    },
  },
  // July 22, 2025 / Aug. 28-30, 2025
  {
    re: new RegExp(`\\b${MONTH_RE}\\s+${DAY_RE}(?:\\s*[-–]\\s*\\d{1,2})?,?\\s+${YEAR_RE}\\b`, 'g'),
    resolve: (m) => {
      const [y, mo, d] = [Number(m[3]), monthNumber(m[1]!), Number(m[2])];
      return validDay(y, mo, d) ? { date: ymd({ y, m: mo, d }), relative: false } : undefined;
    },
  },
  // 22 July 2025
  {
    re: new RegExp(`\\b${DAY_RE}\\s+(?:of\\s+)?${MONTH_RE},?\\s+${YEAR_RE}\\b`, 'g'),
    resolve: (m) => {
      const [y, mo, d] = [Number(m[3]), monthNumber(m[2]!), Number(m[1])];
      return validDay(y, mo, d) ? { date: ymd({ y, m: mo, d }), relative: false } : undefined;
    },
  },
  // (early / mid / late) July 2025
  {
    re: new RegExp(`\\b(?:(?:early|mid|late|earlier|later)[\\s-]+)?${MONTH_RE},?\\s+${YEAR_RE}\\b`, 'g'),
    resolve: (m) => {
      const mo = monthNumber(m[1]!);
      return mo ? { date: ym(Number(m[2]), mo), relative: false } : undefined;
    },
  },
  // July 22 / Aug. 28-30 (no year: the nearest to the article's date)
  {
    re: new RegExp(`\\b${MONTH_RE}\\s+${DAY_RE}(?:\\s*[-–]\\s*\\d{1,2})?(?![\\d,]*\\s*(?:\\d|percent|%))`, 'g'),
    resolve: (m, anchor) => {
      if (!anchor) return undefined;
      const [mo, d] = [monthNumber(m[1]!), Number(m[2])];
      const y = nearestYear(anchor, mo, d);
      return validDay(y, mo, d) ? { date: ymd({ y, m: mo, d }), relative: true } : undefined;
    },
  },
  // 22 July (no year)
  {
    re: new RegExp(`\\b${DAY_RE}\\s+(?:of\\s+)?${MONTH_RE}\\b`, 'g'),
    resolve: (m, anchor) => {
      if (!anchor) return undefined;
      const [mo, d] = [monthNumber(m[2]!), Number(m[1])];
      const y = nearestYear(anchor, mo, d);
      return validDay(y, mo, d) ? { date: ymd({ y, m: mo, d }), relative: true } : undefined;
    },
  },
  // September last year, March next year (before "last year" alone takes the words)
  {
    re: new RegExp(`\\b${MONTH_RE}\\s+(last|this|next)\\s+year\\b`, 'g'),
    resolve: (m, anchor) => {
      if (!anchor) return undefined;
      const w = m[2]!.toLowerCase();
      return { date: ym(anchor.y + (w === 'last' ? -1 : w === 'next' ? 1 : 0), monthNumber(m[1]!)), relative: true };
    },
  },
  // yesterday, today, tomorrow, tonight
  {
    re: /\b(yesterday|today|tonight|tomorrow)\b/gi,
    resolve: (m, anchor) => {
      if (!anchor) return undefined;
      const w = m[1]!.toLowerCase();
      return { date: ymd(shift(anchor, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0)), relative: true };
    },
  },
  // last/this/next week, earlier/later this week: only when the whole week is in one month (the contract has no week precision)
  {
    re: /\b(last|this|next|(?:earlier|later) this)\s+week\b/gi,
    resolve: (m, anchor) => {
      if (!anchor) return undefined;
      const w = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      const offset = w === 'last' ? -7 : w === 'next' ? 7 : 0;
      let first = shift(anchor, offset - ((weekday(anchor) + 6) % 7));
      let last = shift(first, 6);
      // "Earlier this week" is Monday to yesterday; "later this week" is tomorrow to Sunday.
      if (w === 'earlier this') last = shift(anchor, -1);
      if (w === 'later this') first = shift(anchor, 1);
      if (ymd(first) > ymd(last)) return undefined;
      return first.m === last.m && first.y === last.y ? { date: ym(first.y, first.m), relative: true } : undefined;
    },
  },
  // last/this/next month, earlier/later this month
  {
    re: /\b(last|this|next|(?:earlier|later) this)\s+month\b/gi,
    resolve: (m, anchor) => {
      if (!anchor) return undefined;
      const w = m[1]!.toLowerCase();
      const offset = w === 'last' ? -1 : w === 'next' ? 1 : 0;
      const total = anchor.y * 12 + (anchor.m - 1) + offset;
      return { date: ym(Math.floor(total / 12), (total % 12) + 1), relative: true };
    },
  },
  // last/this/next year, earlier/later this year
  {
    re: /\b(last|this|next|(?:earlier|later) this)\s+year\b/gi,
    resolve: (m, anchor) => {
      if (!anchor) return undefined;
      const w = m[1]!.toLowerCase();
      return { date: String(anchor.y + (w === 'last' ? -1 : w === 'next' ? 1 : 0)), relative: true };
    },
  },
  // three years ago, two months ago, 10 days ago (not "about 90 days ago": an estimate is no date)
  {
    re: /(?<!\b(?:about|around|roughly|nearly|some|almost|approximately|over|more than|less than)\s)\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|month|year)s?\s+ago\b/gi,
    resolve: (m, anchor) => {
      if (!anchor) return undefined;
      const n = /^\d/.test(m[1]!) ? Number(m[1]) : SMALL_NUMBERS[m[1]!.toLowerCase()]!;
      const unit = m[2]!.toLowerCase();
      if (unit === 'day') return { date: ymd(shift(anchor, -n)), relative: true };
      if (unit === 'year') return { date: String(anchor.y - n), relative: true };
      const total = anchor.y * 12 + (anchor.m - 1) - n;
      return { date: ym(Math.floor(total / 12), (total % 12) + 1), relative: true };
    },
  },
  // (last/next) Tuesday, on Wednesday, Sunday's elections
  {
    re: new RegExp(`\\b(?:(last|next|this)\\s+)?${WEEKDAY_RE}\\b`, 'g'),
    resolve: (m, anchor, text) => {
      if (!anchor) return undefined;
      const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      const today = weekday(anchor);
      const modifier = m[1]?.toLowerCase();
      const around = text.slice(Math.max(0, m.index - 60), m.index) + ' ' + text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const past = PAST_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index));
      const future = modifier === 'next' || (modifier !== 'last' && !past && (FUTURE_CUE.test(around) || FUTURE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))));
      let days: number;
      if (future) days = (target - today + 7) % 7 || (modifier === 'next' ? 7 : 0);
      else days = -((today - target + 7) % 7 || (modifier === 'last' ? 7 : 0));
      return { date: ymd(shift(anchor, days)), relative: true };
    },
  },
  // (in / since / early / last / next ...) July, July last year: the nearest such month
  {
    re: new RegExp(`\\b(?:(${anyCase('in|since|until|by|from|during|of|early|mid|late|last|this|next|before|after')})\\s+)?${MONTH_RE}(?:\\s+(last|this|next)\\s+year)?\\b(?!\\s*\\d)`, 'g'),
    resolve: (m, anchor, text) => {
      if (!anchor) return undefined;
      const mo = monthNumber(m[2]!);
      if (!mo) return undefined;
      // "May" is also a verb ("may meet"): a capital alone is not enough for it.
      if (mo === 5 && !m[1] && !m[3]) return undefined;
      const cue = m[1]?.toLowerCase();
      const yearWord = m[3]?.toLowerCase();
      let y: number;
      if (yearWord) y = anchor.y + (yearWord === 'last' ? -1 : yearWord === 'next' ? 1 : 0);
      else if (cue === 'last') y = mo < anchor.m ? anchor.y : anchor.y - 1;
      else if (cue === 'next') y = mo > anchor.m ? anchor.y : anchor.y + 1;
      else if (cue === 'this') y = anchor.y;
      else {
        y = nearestYear(anchor, mo);
        // A month already past this year but spoken of as coming ("will meet in March") is next year's.
        const before = text.slice(Math.max(0, m.index - 60), m.index);
        if (y <= anchor.y && mo < anchor.m && FUTURE_CUE.test(before) && !/\b(ago|last|earlier|since)\b/i.test(before)) y = anchor.y + 1;
      }
      return { date: ym(y, mo), relative: true };
    },
  },
  // in 2020, by 2028, the Trade Act of 1974 (not "19 U.S.C. 2019", "No. 2020", "$2020")
  {
    re: new RegExp(`(?<![$€£¥\\d.,/-])(?<!\\b(?:U\\.S\\.C\\.|C\\.F\\.R\\.|No\\.|Nos\\.|[Ss]ection|[Ss]ec\\.|§)\\s*)\\b${YEAR_RE}\\b(?![.,]?\\d|\\s*(?:%|percent|per cent)|-\\d)`, 'g'),
    resolve: (m) => ({ date: m[1]!, relative: false }),
  },
];

const precisionOf = (date: string): DatePrecision => (date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year');

/**
 * Every date in `text`, left to right, none overlapping. Relative dates need
 * `anchor` (the article's publication date, `YYYY-MM-DD`); without it only
 * dates stated in full (with their year) are found.
 */
export function findDates(text: string, anchor?: string): DateMention[] {
  const at = parseYmd(anchor);
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const r = rule.resolve(m as RegExpExecArray, at, text);
      if (!r) continue;
      taken.push([start, end]);
      found.push({
        start,
        end,
        text: m[0],
        date: r.date,
        precision: precisionOf(r.date),
        relative: r.relative,
        reference: REFERENCE_BEFORE.test(text.slice(Math.max(0, start - 40), start)),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The precision of a date string (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
export function datePrecision(date: string): DatePrecision {
  return precisionOf(date);
}

/**
 * True when two dates agree as far as the less precise one goes:
 * "2020" agrees with "2020-01-01"; "2025-07" does not agree with "2025-08-02".
 */
export function datesAgree(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/** The date cut to a precision ("2025-07-22", "month" → "2025-07"). */
export function truncateDate(date: string, precision: DatePrecision): string {
  return date.slice(0, precision === 'day' ? 10 : precision === 'month' ? 7 : 4);
}

/** "2025-07-22" → "22 July 2025", "2025-07" → "July 2025", "2025" → "2025" (for labels). */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  const name = month ? month[0]!.toUpperCase() + month.slice(1) : '';
  if (d) return `${Number(d)} ${name} ${y}`;
  if (m) return `${name} ${y}`;
  return y ?? date;
}
