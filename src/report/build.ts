/**
 * What `npm run report` shows, computed from the store's events and the
 * knowledge: the questions the bot abstained on most often (grouped when they
 * differ only in wording), the answers voted down, answers per topic and per
 * source, and sources never cited. Pure: no I/O.
 */
import { parseQuery } from '../core/query/parse.ts';
import { analyze } from '../core/text/analyzer.ts';
import type { Corpus } from '../core/model/types.ts';
import type { StoredEvents } from '../store/types.ts';

/** One group of abstained questions. */
export interface AbstainedGroup {
  /** The wording asked most often in the group (the latest of equals). */
  question: string;
  count: number;
  /** ISO time of the latest ask. */
  lastAsked: string;
}

/** One answer voted down. */
export interface DownvotedAnswer {
  question: string;
  /** Article ids the answer cited. */
  articleIds: string[];
  /** 👎 votes it got. */
  count: number;
}

/** The report (`--json` prints exactly this object; a public contract, documented in the README). */
export interface Report {
  abstained: AbstainedGroup[];
  downvoted: DownvotedAnswer[];
  /** Answered questions per topic id they name (every topic of the knowledge, zeros included), most first. */
  byTopic: Record<string, number>;
  /** Answered questions citing each article id, most first. */
  bySource: Record<string, number>;
  /** Article ids of the knowledge no answer in the period cited, in id order. */
  neverCited: string[];
}

/**
 * The key that groups questions differing only in wording: their analysed
 * terms (stop words dropped, stems), without repeats, sorted. "What tariff
 * does Brazil pay?" and "what tariffs do brazil pay" share one key.
 */
export function wordingKey(question: string): string {
  const terms = [...new Set(analyze(question))].sort();
  // Questions with no content words ("???", emoji) group by their trimmed lower-case text.
  return terms.length ? terms.join(' ') : `=${question.trim().toLowerCase()}`;
}

/** Sorts record entries by count (most first), then by key, into a new object. */
function sortedCounts(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** Builds the report from events (any period) and the knowledge they refer to. */
export function buildReport(events: StoredEvents, corpus: Pick<Corpus, 'articles' | 'deals' | 'topics'>): Report {
  // Abstained questions, grouped by wording key.
  // Events come oldest first (time, then the order they were stored), so a
  // wording's position breaks ties between wordings asked in the same millisecond.
  const groups = new Map<string, { count: number; lastAsked: string; wordings: Map<string, { n: number; last: number }> }>();
  for (const [position, q] of events.questions.entries()) {
    if (q.answered) continue;
    const key = wordingKey(q.question);
    const g = groups.get(key) ?? { count: 0, lastAsked: q.time, wordings: new Map() };
    g.count++;
    if (q.time > g.lastAsked) g.lastAsked = q.time;
    const w = g.wordings.get(q.question) ?? { n: 0, last: position };
    w.n++;
    w.last = position;
    g.wordings.set(q.question, w);
    groups.set(key, g);
  }
  const abstained = [...groups.values()]
    .map((g) => {
      const [question] = [...g.wordings].sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last)[0]!;
      return { question, count: g.count, lastAsked: g.lastAsked };
    })
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));

  // Down votes, by question and cited articles.
  const down = new Map<string, DownvotedAnswer>();
  for (const v of events.votes) {
    if (v.vote !== 'down') continue;
    const key = JSON.stringify([v.question, v.articleIds]);
    const d = down.get(key) ?? { question: v.question, articleIds: [...v.articleIds], count: 0 };
    d.count++;
    down.set(key, d);
  }
  const downvoted = [...down.values()].sort((a, b) => b.count - a.count || a.question.localeCompare(b.question));

  // Answers per topic (by what the question names) and per cited source.
  const byTopic = new Map<string, number>(corpus.topics.map((t) => [t.id, 0]));
  const bySource = new Map<string, number>();
  // The same question is often asked many times: parse each wording once.
  const topicsOf = new Map<string, string[]>();
  for (const q of events.questions) {
    if (!q.answered) continue;
    let topics = topicsOf.get(q.question);
    if (!topics) topicsOf.set(q.question, (topics = [...new Set(parseQuery(q.question, corpus.deals, corpus.topics).topics.map((t) => t.id))]));
    for (const t of topics) byTopic.set(t, (byTopic.get(t) ?? 0) + 1);
    for (const id of new Set(q.articleIds)) bySource.set(id, (bySource.get(id) ?? 0) + 1);
  }
  const neverCited = corpus.articles
    .map((a) => a.id)
    .filter((id) => !bySource.has(id))
    .sort();
  return { abstained, downvoted, byTopic: sortedCounts(byTopic), bySource: sortedCounts(bySource), neverCited };
}

/** Totals for the heading of the plain-text report. */
export interface ReportTotals {
  questions: number;
  answered: number;
  up: number;
  down: number;
}

/** Counts for the report's heading. */
export function totals(events: StoredEvents): ReportTotals {
  return {
    questions: events.questions.length,
    answered: events.questions.filter((q) => q.answered).length,
    up: events.votes.filter((v) => v.vote === 'up').length,
    down: events.votes.filter((v) => v.vote === 'down').length,
  };
}
