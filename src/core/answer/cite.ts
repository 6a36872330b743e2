/**
 * Small helpers shared by claim checks and timelines: a citation for one
 * source sentence, the line a list item hangs from, and how much of a set of
 * ideas a sentence holds.
 */
import { leadInOf } from '../ranking/rank.ts';
import type { Concept } from '../query/parse.ts';
import { entityFinder, findFigures, type EntityMention, type Figure } from './claims.ts';
import { findDates, type DateMention } from './dates.ts';
import type { CorpusIndex } from '../retrieval/corpus-index.ts';
import type { Citation } from '../model/types.ts';

/** Who else reported it, as citations list them. */
export type AlsoReported = Citation['alsoReportedBy'][number];

/** The "also reported by" entry for an article. */
export function reporter(index: CorpusIndex, articleId: string): AlsoReported {
  const a = index.articles.get(articleId)!;
  return { articleId: a.id, publisher: a.publisher, title: a.title, date: a.date };
}

/** A citation of passage `i`, quoted verbatim (the passage is an exact slice of its article). */
export function passageCitation(index: CorpusIndex, i: number, also: readonly string[] = []): Citation {
  const p = index.passages[i]!;
  const a = index.articles.get(p.articleId)!;
  return {
    articleId: a.id,
    title: a.title,
    publisher: a.publisher,
    date: a.date,
    url: a.url,
    reliability: a.reliability,
    note: a.reliability === 'low' ? (a.note ?? 'This source is marked as low reliability.') : undefined,
    quote: p.text,
    era: a.era.label,
    alsoReportedBy: [...new Set(also)].filter((id) => id !== a.id).map((id) => reporter(index, id)),
  };
}

/**
 * The sentence that introduces the list holding passage `i`, if any: the
 * ranking's own reading ("- Japan (25%)" means little without "The countries
 * he sent letters to today include:").
 */
export const listLeadIn = leadInOf;

/** Inverse document frequency of a stem among the sentences. */
export function rarity(index: CorpusIndex, stem: string): number {
  return Math.log(1 + index.sentences.size / (index.sentences.documentFrequency(stem) + 0.5));
}

/**
 * Rarity-weighted share (0–1) of `concepts` found in `stems`: 1 for the word
 * itself, the concept's synonym credit for a synonym. Partner words count a
 * third (they say which deal, not what happened); words no sentence holds are left out.
 */
export function ideaCoverage(index: CorpusIndex, concepts: readonly Concept[], stems: ReadonlySet<string>, synonyms = true): number {
  const weights = conceptWeightsOf(index, concepts);
  let total = 0;
  let found = 0;
  concepts.forEach((c, k) => {
    const w = weights[k]!;
    if (w === 0) return;
    total += w;
    if (stems.has(c.stems[0]!)) found += w;
    else if (synonyms && c.stems.slice(1).some((s) => stems.has(s))) found += w * c.synonymCredit;
  });
  return total > 0 ? found / total : 0;
}

const weightCache = new WeakMap<readonly Concept[], number[]>();
/** Each concept's weight (0 for words no sentence holds), once per query. */
function conceptWeightsOf(index: CorpusIndex, concepts: readonly Concept[]): number[] {
  let weights = weightCache.get(concepts);
  if (!weights) {
    // A word no sentence holds cannot tell sentences apart.
    weights = concepts.map((c) => (c.stems.every((s) => index.sentences.documentFrequency(s) === 0) ? 0 : rarity(index, c.stems[0]!) * c.weight * (c.partner ? 1 / 3 : 1)));
    weightCache.set(concepts, weights);
  }
  return weights;
}

/** The stems of passage `i` together with its list lead-in, if it has one. */
export function passageStems(index: CorpusIndex, i: number): Set<string> {
  const stems = new Set(index.termsOf(i));
  const lead = listLeadIn(index, i);
  if (lead !== undefined) for (const s of index.termsOf(lead)) stems.add(s);
  return stems;
}

/** What a sentence states, worked out once per index: its dates (resolved against its article's date), figures and named entities. */
export interface PassageFacts {
  /** Dates stated, documents' dates of issue left out. */
  dates: DateMention[];
  figures: Figure[];
  mentions: EntityMention[];
}

const factsCache = new WeakMap<CorpusIndex, (PassageFacts | undefined)[]>();

/** The dates, figures and entities of passage `i` (cached: sentences never change within an index). */
export function passageFacts(index: CorpusIndex, i: number): PassageFacts {
  let cache = factsCache.get(index);
  if (!cache) factsCache.set(index, (cache = new Array(index.passages.length)));
  let facts = cache[i];
  if (!facts) {
    const p = index.passages[i]!;
    const all = findDates(p.text, index.articles.get(p.articleId)!.date);
    facts = { dates: all.filter((d) => !d.reference), figures: findFigures(p.text, all), mentions: entityFinder(index.corpus.deals, index.vectors)(p.text) };
    cache[i] = facts;
  }
  return facts;
}
