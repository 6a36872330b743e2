/**
 * Briefings: a topic (with or without a partner) or a partner alone. Quotes
 * are spread across eras and articles, newest era first; facts are the key
 * figures; notes show where figures differ by date.
 */
import { analyze, stem, words } from '../text/analyzer.ts';
import { citationOf, conflictNotes, mergeDuplicates, pickDiverse, publicFact } from './compose.ts';
import type { CorpusIndex, IndexedFact } from '../retrieval/corpus-index.ts';
import type { ParsedQuery } from '../query/parse.ts';
import { rankPassages, type Candidate } from '../ranking/rank.ts';
import type { Answer, Topic } from '../model/types.ts';

/** Quotes in a briefing. */
export const BRIEFING_QUOTES = 6;
/**
 * A briefing quote's logit may fall at most this far below the best one's
 * (2 = odds about 7 times lower): diversity across eras must not pull in weak matches.
 */
export const BRIEFING_LOGIT_MARGIN = 2;
/** Logit bonus for sentences with figures: they make more informative briefings. */
export const BRIEFING_FIGURE_BONUS = 0.3;
/** Key facts in a briefing. */
export const BRIEFING_FACTS = 6;

const phraseCache = new WeakMap<Topic, string[][]>();
/** A topic's words as stem phrases ("auto parts" → ["auto", "part"]). */
export function topicPhrases(t: Topic): string[][] {
  let phrases = phraseCache.get(t);
  if (!phrases) {
    phrases = [t.id.replace(/[-_]/g, ' '), t.name, ...t.synonyms].map((s) => analyze(s)).filter((p) => p.length > 0);
    phraseCache.set(t, phrases);
  }
  return phrases;
}

/** True when a stem belongs to one of the query's topics. */
export function inTopics(query: ParsedQuery, stemmed: string): boolean {
  return query.topics.some((t) => topicPhrases(t).some((p) => p.includes(stemmed)));
}

/** The briefing's quotes: figures preferred, weak matches kept out, spread across eras and articles. */
function briefingQuotes(index: CorpusIndex, ranked: Candidate[]) {
  // Informative sentences (figures) make better briefings.
  for (const c of ranked) if (/\d/.test(c.passage.text)) c.logit += BRIEFING_FIGURE_BONUS;
  ranked.sort((a, b) => b.logit - a.logit);
  // Diversity must not pull in weak matches: only sentences near the best compete for the slots.
  const strong = ranked.filter((c) => c.logit >= ranked[0]!.logit - BRIEFING_LOGIT_MARGIN);
  return pickDiverse(index, mergeDuplicates(index, strong.slice(0, 60)), BRIEFING_QUOTES);
}

/**
 * A topic briefing. A specific word ("rice") focuses it on itself when enough
 * sentences hold it; the topic's name ("agriculture") takes the whole topic.
 * @returns undefined when no sentence is on the topic.
 */
export function briefTopic(index: CorpusIndex, question: string, query: ParsedQuery): Answer | undefined {
  const generic = new Set(query.topics.flatMap((t) => [...analyze(t.id.replace(/[-_]/g, ' ')), ...analyze(t.name)]));
  const specific = query.concepts.filter((c) => !c.partner && inTopics(query, c.stems[0]!) && !generic.has(c.stems[0]!)).map((c) => c.stems[0]!);
  let ranked = specific.length ? rankPassages(index, query, [], { requireAny: specific.map((s) => [s]), pool: 400 }) : [];
  const focused = ranked.length >= 3;
  if (!focused) ranked = rankPassages(index, query, [], { requireAny: query.topics.flatMap(topicPhrases), pool: 400 });
  if (ranked.length === 0) return undefined;
  const groups = briefingQuotes(index, ranked);
  const topicIds = new Set(query.topics.map((t) => t.id));
  const facts = index.facts
    .filter((f) => f.topic && topicIds.has(f.topic) && (!query.deals.length || !f.deal || query.deals.some((d) => d.id === f.deal)))
    .filter((f) => !focused || specific.some((s) => f.stems.has(s)))
    .sort((a, b) => b.asOf.localeCompare(a.asOf))
    .slice(0, BRIEFING_FACTS)
    .map(publicFact);
  const focusWords = focused ? words(question).filter((w) => specific.includes(stem(w))) : [];
  const subject = query.topics.map((t) => t.name).join(', ') + (focusWords.length ? ` (${[...new Set(focusWords)].join(', ')})` : '');
  return {
    kind: 'briefing',
    question,
    answered: true,
    headline: `${query.deals.length ? `${query.deals[0]!.parties.join('–')}: ` : ''}${subject}`,
    citations: groups.map((g) => citationOf(index, g)),
    facts,
    notes: conflictNotes(index, facts),
    lines: [],
  };
}

/**
 * Key facts of some deals: the headline figures first (facts tracked over
 * time, then any with a value; reliable sources before weak ones), one per
 * figure, alternating between the deals.
 */
export function keyDealFacts(index: CorpusIndex, dealIds: readonly string[]): IndexedFact[] {
  const weight = (f: IndexedFact) => (f.subject ? 0 : f.value !== undefined ? 1 : 2) + (index.articles.get(f.articleId)?.reliability === 'low' ? 3 : 0);
  const tracked = (f: IndexedFact) => (f.subject ? index.facts.filter((g) => g.subject === f.subject).length : 0);
  const perDeal = dealIds.map((id) =>
    index.facts.filter((f) => f.deal === id).sort((a, b) => weight(a) - weight(b) || tracked(b) - tracked(a) || b.asOf.localeCompare(a.asOf)),
  );
  const picked: IndexedFact[] = [];
  const seen = new Set<string>();
  const fresh = (f: IndexedFact) => !f.subject || !seen.has(f.subject);
  while (picked.length < BRIEFING_FACTS && perDeal.some((list) => list.some(fresh))) {
    for (const list of perDeal) {
      const next = list.find(fresh);
      if (!next || picked.length >= BRIEFING_FACTS) continue;
      picked.push(next);
      list.splice(list.indexOf(next), 1);
      if (next.subject) seen.add(next.subject);
    }
  }
  return picked.sort((a, b) => b.asOf.localeCompare(a.asOf));
}

/** A briefing on a partner alone: each deal's status, its key facts, and quotes across eras. */
export function briefDeal(index: CorpusIndex, question: string, query: ParsedQuery): Answer {
  const groups = briefingQuotes(index, rankPassages(index, query, [], { pool: 400 }));
  return {
    kind: 'briefing',
    question,
    answered: groups.length > 0,
    headline: query.deals.map((d) => d.name).join('; '),
    citations: groups.map((g) => citationOf(index, g)),
    facts: keyDealFacts(index, query.deals.map((d) => d.id)).map(publicFact),
    notes: [],
    lines: query.deals.map((d) => `${d.name} (${d.parties.join(', ')}): ${d.status}`),
  };
}
