/**
 * Answer composition: picks quotes from ranked candidates (near-duplicates
 * merged, eras ordered, diversity for briefings), attaches facts and notes
 * where figures differ by date, or abstains.
 */
import type { CorpusIndex, IndexedFact } from '../retrieval/corpus-index.ts';
import type { Candidate } from '../ranking/rank.ts';
import type { Answer, Citation, Fact } from '../model/types.ts';
import { passageCitation } from './cite.ts';

/** Shared overlap of two stem sets, relative to the smaller: 1 = one contains the other. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < 4) return 0;
  let n = 0;
  for (const s of small) if (large.has(s)) n++;
  return n / small.size;
}

/** Two sentences from different articles saying the same thing. */
export const DUPLICATE_OVERLAP = 0.7;
const RELIABILITY_RANK = { high: 2, normal: 1, low: 0 } as const;

/**
 * Merges near-duplicates (the same statement in two articles): the more
 * reliable source stays, the other becomes "also reported by".
 */
export function mergeDuplicates(index: CorpusIndex, candidates: readonly Candidate[]): { kept: Candidate; also: Candidate[] }[] {
  const groups: { kept: Candidate; also: Candidate[] }[] = [];
  for (const c of candidates) {
    const g = groups.find((g) => g.kept.passage.articleId !== c.passage.articleId && overlap(g.kept.stems, c.stems) >= DUPLICATE_OVERLAP);
    if (!g) {
      groups.push({ kept: c, also: [] });
      continue;
    }
    const rank = (x: Candidate) => RELIABILITY_RANK[index.articles.get(x.passage.articleId)!.reliability];
    if (rank(c) > rank(g.kept)) {
      g.also.push(g.kept);
      // The better source takes the place (and rank) of the group.
      g.kept = { ...c, score: Math.max(c.score, g.kept.score) };
    } else g.also.push(c);
  }
  return groups;
}

/**
 * Openings that lean on the sentence before ("That deal…", "This would…",
 * "It also…", "The move…"): alone, such a quote would not say what it is about.
 */
export const LEANS_ON_PREVIOUS = /^["“']?(that|this|these|those|it|its|they|their|such|he|she|the (deal|agreement|pact|plan|move|measure|offer|proposal|order|decision|framework|step|talks))\b|\b(do|did|does) the same\b/i;

/**
 * The verbatim quote for a candidate: its sentence, or, when the sentence
 * leans on the one before it in the same paragraph and that one supplies part
 * of the question (the `contextCoverage` feature), both sentences as one
 * contiguous span of the article.
 */
export function quoteOf(index: CorpusIndex, c: Candidate): string {
  const prev = index.passages[c.index - 1];
  const p = c.passage;
  if (!prev || prev.articleId !== p.articleId || prev.paragraph !== p.paragraph) return p.text;
  if (!LEANS_ON_PREVIOUS.test(p.text) || !(c.features?.contextCoverage > 0)) return p.text;
  const body = index.articles.get(p.articleId)!.body;
  return body.slice(prev.start, p.start + p.text.length);
}

/** Builds a citation from a kept candidate and its duplicates (named as "also reported by"). */
export function citationOf(index: CorpusIndex, group: { kept: Candidate; also: Candidate[] }): Citation {
  const also = group.also.map((c) => c.passage.articleId);
  return { ...passageCitation(index, group.kept.index, also), quote: quoteOf(index, group.kept) };
}

/**
 * Picks up to `max` groups, spreading across eras (newest first) and articles,
 * then orders them newest era first, best first within an era.
 */
export function pickDiverse(index: CorpusIndex, groups: readonly { kept: Candidate; also: Candidate[] }[], max: number) {
  const eraKey = (g: { kept: Candidate }) => index.articles.get(g.kept.passage.articleId)!.era.key;
  const eras = [...new Set(groups.map(eraKey))].sort().reverse();
  const chosen: typeof groups[number][] = [];
  const perArticle = new Map<string, number>();
  for (let round = 1; chosen.length < max && round <= max; round++) {
    for (const era of eras) {
      const next = groups.find(
        (g) => !chosen.includes(g) && eraKey(g) === era && (perArticle.get(g.kept.passage.articleId) ?? 0) < round,
      );
      if (!next || chosen.length >= max) continue;
      chosen.push(next);
      perArticle.set(next.kept.passage.articleId, (perArticle.get(next.kept.passage.articleId) ?? 0) + 1);
    }
  }
  return chosen.sort((a, b) => eraKey(b).localeCompare(eraKey(a)) || b.kept.score - a.kept.score);
}

function formatValue(f: Fact): string {
  if (f.value === undefined) return f.statement;
  const u = f.unit ?? '';
  if (/^(percent|%)$/i.test(u)) return `${f.value}%`;
  const usd = /^usd-?(billion|million|trillion)?$/i.exec(u);
  if (usd) return `$${f.value}${usd[1] ? ` ${usd[1].toLowerCase()}` : ''}`;
  return `${f.value}${u ? ` ${u}` : ''}`;
}

/**
 * "Figures differ" notes: for each subject among the given facts, when the
 * knowledge holds different values for it at different dates, list them in
 * date order.
 */
export function conflictNotes(index: CorpusIndex, facts: readonly Fact[]): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const f of facts) {
    if (!f.subject || seen.has(f.subject)) continue;
    seen.add(f.subject);
    const same = index.facts.filter((g) => g.subject === f.subject && g.value !== undefined).sort((a, b) => a.asOf.localeCompare(b.asOf));
    if (new Set(same.map((g) => g.value)).size < 2) continue;
    // Consecutive reports of the same value are one step: "25% as of 2019-07-18 to 2019-09-23 (A, B)".
    const runs: { value: string; from: string; to: string; sources: Set<string> }[] = [];
    for (const g of same) {
      const a = index.articles.get(g.articleId)!;
      const value = formatValue(g);
      const last = runs.at(-1);
      if (last && last.value === value) {
        last.to = g.asOf;
        last.sources.add(a.publisher ?? a.title);
      } else runs.push({ value, from: g.asOf, to: g.asOf, sources: new Set([a.publisher ?? a.title]) });
    }
    const parts = runs.map((r) => `${r.value} as of ${r.from}${r.to !== r.from ? ` to ${r.to}` : ''} (${[...r.sources].join(', ')})`);
    notes.push(`Figures for ${f.subject.replace(/[-_]/g, ' ')} differ by date: ${parts.join('; ')}.`);
  }
  return notes;
}

/** A fact as the public `Fact` (without index-only fields). */
export function publicFact(f: IndexedFact): Fact {
  const { stems: _s, passages: _p, ...fact } = f;
  return fact;
}

/** What the knowledge covers, for abstentions and help. */
export function coverageLines(index: CorpusIndex): string[] {
  const { deals, topics, articles } = index.corpus;
  const lines: string[] = [];
  if (deals.length) lines.push(`Deals I cover: ${deals.map((d) => d.name).join('; ')}.`);
  if (topics.length) lines.push(`Topics: ${topics.map((t) => t.name).join(', ')}.`);
  const dates = articles.map((a) => a.date).sort();
  lines.push(`Sources: ${articles.length} article(s) dated ${dates[0]} to ${dates[dates.length - 1]} (see /deal sources).`);
  return lines;
}

/** The plain abstention: no citations, says what the bot does cover. */
export function abstain(index: CorpusIndex, question: string, nearest: string[]): Answer {
  const lines = coverageLines(index);
  if (nearest.length) lines.unshift(`Nearest topics I do cover: ${nearest.join(', ')}.`);
  return {
    kind: 'abstain',
    question,
    answered: false,
    headline: 'I have no source on that.',
    citations: [],
    facts: [],
    notes: [],
    lines,
  };
}
