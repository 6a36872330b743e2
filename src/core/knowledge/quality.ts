/**
 * Quality warnings for a loaded corpus (used by `npm run knowledge:check`):
 * low-reliability sources, text that looks machine-paraphrased, near-duplicate
 * articles, facts resting on weak sources, and implausible dates. Warnings
 * never block loading.
 */
import { analyze } from '../text/analyzer.ts';
import type { Corpus } from '../model/types.ts';

// Phrases that article-spinning tools produce when they swap words for "synonyms".
const SPINNER_TELLS = [
  // "pork and pork": both halves of a pair replaced by the same synonym (idioms such as "more and more" excepted).
  // A thing and the goods made of it ("wheat and wheat products", "steel and steel articles") is ordinary trade English.
  /\b(?!(?:more|again|over|round|back|through|better|worse|less|time|side|hand|bigger|smaller|higher|lower|faster)\b)(\w{3,}) and \1\b(?!\s+(?:products?|goods|articles|derivatives|by-?products|preparations|parts|components|flour|meal|substitutes|offal)\b)/i,
  /\bsources? (articulate|state|mention)d?\b/i,
  /\bworldwide locations\b/i,
  /\bas smartly as\b/i,
  /\bin an effort to\b.*\bin an effort to\b/i,
];

/** The spinner tells found in a text (empty for clean text). */
export function paraphraseTells(text: string): string[] {
  return SPINNER_TELLS.map((re) => re.exec(text)?.[0]).filter((x): x is string => !!x);
}

/** Two or more distinct tells: treated as machine-paraphrased unless the front matter says otherwise. */
export const PARAPHRASE_MIN_TELLS = 2;

/** One warning about the knowledge. */
export interface QualityWarning {
  file: string;
  message: string;
}

/** Shingles of three stems, the basis of near-duplicate detection. */
export function shingles(text: string): Set<string> {
  const s = analyze(text);
  const out = new Set<string>();
  for (let i = 0; i + 2 < s.length; i++) out.add(`${s[i]} ${s[i + 1]} ${s[i + 2]}`);
  return out;
}

/** Share of the smaller article's shingles that the other also has. */
export function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n / small.size;
}

/** Share of shared wording (`containment` of shingles) from which two articles are near-duplicates. */
export const NEAR_DUPLICATE_SHARE = 0.5;

/** Dates before this are implausible for the trade knowledge this bot holds (typing slips such as `0000-01-01` or `0219-…`). */
export const EARLIEST_PLAUSIBLE_DATE = '1900-01-01';
/** How far ahead a scheduled date (a fact's `asOf`, a deal's end, a milestone) may plausibly lie. */
export const PLAUSIBLE_YEARS_AHEAD = 10;

/** Why a date is implausible, or undefined. `future` is the latest plausible date. */
function implausible(date: string, future: string): string | undefined {
  if (date < EARLIEST_PLAUSIBLE_DATE) return `before ${EARLIEST_PLAUSIBLE_DATE}`;
  if (date > future) return `after ${future}`;
  return undefined;
}

/** Warnings for dates that are valid but implausible: a source published in the future, a year 0000. */
function dateWarnings(corpus: Corpus, today: Date): QualityWarning[] {
  const day = today.toISOString().slice(0, 10);
  const ahead = `${today.getUTCFullYear() + PLAUSIBLE_YEARS_AHEAD}${day.slice(4)}`;
  const out: QualityWarning[] = [];
  const check = (file: string, what: string, date: string | undefined, latest: string) => {
    const why = date ? implausible(date, latest) : undefined;
    if (why) out.push({ file, message: `${what} ${date} is implausible (${why}); check for a typing slip` });
  };
  // A publication date cannot lie ahead of today.
  for (const a of corpus.articles) check(a.file, 'date', a.date, day);
  for (const f of corpus.facts) check(f.file, `fact "${f.id}": asOf`, f.asOf, ahead);
  for (const d of corpus.deals) {
    check('deals.yaml', `deal "${d.id}": from`, d.from, ahead);
    check('deals.yaml', `deal "${d.id}": to`, d.to, ahead);
    for (const m of d.milestones) check('deals.yaml', `deal "${d.id}": milestone`, m.date, ahead);
  }
  return out;
}

/** Collects warnings for a corpus. `today` decides what counts as the future (default: now). */
export function qualityWarnings(corpus: Corpus, today = new Date()): QualityWarning[] {
  const warnings: QualityWarning[] = dateWarnings(corpus, today);
  for (const a of corpus.articles) {
    if (a.reliability === 'low') warnings.push({ file: a.file, message: `low-reliability source${a.note ? `: ${a.note}` : ''}` });
    const tells = paraphraseTells(a.body);
    if (tells.length && a.reliability !== 'low') {
      warnings.push({ file: a.file, message: `text looks machine-paraphrased (${tells.map((t) => `"${t}"`).join(', ')}); consider reliability: low` });
    }
  }
  const sh = corpus.articles.map((a) => shingles(a.body));
  for (let i = 0; i < corpus.articles.length; i++) {
    for (let j = i + 1; j < corpus.articles.length; j++) {
      const c = containment(sh[i]!, sh[j]!);
      if (c >= NEAR_DUPLICATE_SHARE) warnings.push({ file: corpus.articles[j]!.file, message: `near-duplicate of ${corpus.articles[i]!.file} (${Math.round(c * 100)}% shared wording)` });
    }
  }
  const low = new Set(corpus.articles.filter((a) => a.reliability === 'low').map((a) => a.id));
  for (const f of corpus.facts) if (low.has(f.articleId)) warnings.push({ file: f.file, message: `fact "${f.id}" rests on a low-reliability source (${f.articleId})` });
  return warnings;
}
