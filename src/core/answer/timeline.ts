/**
 * Timelines (`/deal timeline <partner> [topic]`): the dated events of a
 * partner's deals, oldest first, each with its era. Events come from three
 * places: the deals' milestones, the structured facts (at the date their quote
 * states, else their `asOf`), and source sentences that state a date (an
 * explicit one, or a relative one resolved against the article's date). The
 * same happening reported twice (same date, overlapping words) becomes one
 * event "also reported by" the others; its quote comes from the most reliable source.
 */
import { analyze, words } from '../text/analyzer.ts';
import { eraOf } from '../knowledge/eras.ts';
import { parseQuery } from '../query/parse.ts';
import type { CorpusIndex, IndexedArticle } from '../retrieval/corpus-index.ts';
import type { Answer, Citation, Deal, TimelineEvent, Topic } from '../model/types.ts';
import { abstain } from './compose.ts';
import { hedgesIn } from './claims.ts';
import { passageFacts, reporter } from './cite.ts';
import { datesAgree, findDates, type DateMention } from './dates.ts';

/** Events a timeline holds at most (the most important are kept; the renderers show fewer). Default 300. */
export const TIMELINE_MAX_EVENTS = 300;
/**
 * Share of the smaller event's words two events on the same date must share
 * to be one happening reported twice. Default 0.4.
 */
export const SAME_EVENT_OVERLAP = 0.4;
/** Share of words a source sentence on a milestone's date must share with it to be quoted for it. Default 0.3. */
export const MILESTONE_QUOTE_COVERAGE = 0.3;
/** A fact merges with another event only when they share this share of words (facts are each worth showing). Default 0.5. */
export const FACT_MERGE_OVERLAP = 0.5;
/** A sentence dated more than this many days after its article is a target or a forecast, not an event. Default 366. */
export const MAX_DAYS_AHEAD = 366;
/** A sentence stating more dates than this is a list of references, not one event. Default 3. */
export const MAX_DATES_PER_SENTENCE = 3;
/** Longest event label, in characters (a label is cut at a word). Default 160. */
export const LABEL_LENGTH = 160;

/** How much an event matters, for choosing what fits a message: milestones first, then facts, then sentences. */
export function eventImportance(e: TimelineEvent): number {
  const kind = e.kind === 'milestone' ? 3 : e.kind === 'fact' ? 2 : 1;
  const precision = e.date.length === 10 ? 0.3 : e.date.length === 7 ? 0.15 : 0;
  const reliability = e.reliability === 'high' ? 0.2 : e.reliability === 'low' ? -0.3 : 0;
  return kind + precision + reliability + Math.min(0.3, 0.1 * e.alsoReportedBy.length);
}

/** An event while it is built: with its words, for merging. */
interface Draft {
  event: TimelineEvent;
  stems: Set<string>;
  /** Article ids that report it. */
  reporters: Set<string>;
}

/** Days from `from` to `to` (dates of any precision, read as their first day). */
function daysBetween(from: string, to: string): number {
  return (Date.parse(`${padded(to)}T00:00:00Z`) - Date.parse(`${padded(from)}T00:00:00Z`)) / 86_400_000;
}

const padded = (date: string) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);

/** A heading in capitals before a sentence ("KEEPING AMERICA IN THE DRIVER’S SEAT: "), or a dateline ("TOKYO (Reuters) – ", "NEW YORK — "). */
const LEAD_IN = /^(?:[\p{Lu}\d][\p{Lu}\d\s.,’'&-]{6,}:|\p{Lu}[\p{Lu}\s.]+(?:\s*\([^)]*\))?\s+[–—-])\s+(?=[\p{Lu}\d“"‘'])/u;
/** Where a clause ends inside a sentence: after a comma, semicolon or dash, or before a word that opens a clause. */
const CLAUSE_END = /[,;]\s|\s[–—]\s|—|\s(?=(?:that|which|who|whom|while|but|after|before|because|as|when|where|including|adding|according|in return)\s)/g;

/**
 * A one-line label from a sentence: the sentence itself when short, without a
 * heading in capitals or a dateline before it; else its beginning, cut where a
 * clause ends (not inside a quotation), else at a word, with "…".
 */
export function labelFrom(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(LEAD_IN, '');
  if (flat.length <= LABEL_LENGTH) return flat.replace(/[.;:,]$/, '');
  const room = flat.slice(0, LABEL_LENGTH - 1);
  const open = (t: string) => (t.match(/“/g)?.length ?? 0) > (t.match(/”/g)?.length ?? 0);
  let clause = -1;
  // An aside opened after a clause's first word ("explaining that, starting August 1, they …") does not end a clause where it closes.
  const closesAside = (before: string) => /\b(?:that|which|who|and|but|or|because|while|when|if|so)\s*,[^,;]*$/i.test(before);
  for (const m of room.matchAll(CLAUSE_END)) {
    const before = room.slice(0, m.index);
    if (m.index > LABEL_LENGTH * 0.4 && !open(before) && !closesAside(before)) clause = m.index;
  }
  if (clause > 0) return `${room.slice(0, clause).replace(/[\s,;:–—-]+$/, '')}…`;
  const space = room.lastIndexOf(' ');
  // Not ending on a word that leads into the next ("… Donald Trump on the…").
  const cut = (space > LABEL_LENGTH / 2 ? room.slice(0, space) : room).replace(/(?:\s+(?:the|a|an|of|on|in|at|to|for|by|with|and|or|from|into|its|their|his|her))+$/i, '');
  return `${cut.replace(/[,;:]$/, '')}…`;
}

/** Shared words of two stem sets relative to the smaller. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let n = 0;
  for (const s of small) if (large.has(s)) n++;
  return n / small.size;
}

/** Shared words of two stem sets relative to the larger: high only when each says most of the other. */
function mutualOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (large.size === 0) return 0;
  let n = 0;
  for (const s of small) if (large.has(s)) n++;
  return n / large.size;
}

const RELIABILITY_RANK = { high: 2, normal: 1, low: 0 } as const;

/** The partner words of a request and the deals they name; undefined deals = every deal. */
interface Scope {
  deals: Deal[];
  topics: Topic[];
  /** Stems that name the partner (aliases and parties not shared by every deal). */
  partnerStems: Set<string>;
  /** True when the request picks some deals out of several partners' (articles must then name the partner). */
  narrowed: boolean;
}

/**
 * Builds the timeline for a request such as "<partner>", "<partner> <topic>"
 * or "<topic>"; an empty request covers every deal (or, with none in the
 * knowledge, every dated sentence).
 */
export function buildTimeline(index: CorpusIndex, request: string): Answer {
  // A timeline depends only on the knowledge and the request: the last few are kept.
  let cache = timelineCache.get(index);
  if (!cache) timelineCache.set(index, (cache = new Map()));
  const key = request.trim().toLowerCase();
  const hit = cache.get(key);
  if (hit) return hit;
  const answer = computeTimeline(index, request);
  cache.set(key, answer);
  if (cache.size > TIMELINE_CACHE) cache.delete(cache.keys().next().value!);
  return answer;
}

/** Timelines kept per index (most recent requests). Default 32. */
export const TIMELINE_CACHE = 32;
const timelineCache = new WeakMap<CorpusIndex, Map<string, Answer>>();

function computeTimeline(index: CorpusIndex, request: string): Answer {
  const { deals, topics } = index.corpus;
  const query = parseQuery(request, deals, topics);
  const others = query.concepts.filter((c) => !c.partner && !c.topical);
  const question = `timeline ${request}`.trim();
  if (request.trim() && (others.length > 0 || (query.deals.length === 0 && query.topics.length === 0))) {
    const answer = abstain(index, question, query.topics.map((t) => t.name));
    const partners = [...new Set(deals.map((d) => d.parties.at(-1)!))];
    answer.headline = `I have no timeline for "${request.trim()}".`;
    answer.lines.unshift(partners.length ? `Try /deal timeline <partner> [topic], with a partner I know: ${partners.join(', ')}.` : 'Try /deal timeline <topic>, or /deal timeline alone.');
    return answer;
  }
  const scopeDeals = query.deals.length ? query.deals : deals;
  const shared = new Set(deals.length ? deals[0]!.parties.filter((p) => deals.every((d) => d.parties.includes(p))) : []);
  const partnerStems = new Set(scopeDeals.flatMap((d) => [...d.aliases, ...d.parties.filter((p) => !shared.has(p))]).flatMap((a) => analyze(a)));
  const scope: Scope = { deals: scopeDeals, topics: query.topics, partnerStems, narrowed: scopeDeals.length < deals.length };

  const drafts = [...milestoneDrafts(index, scope), ...factDrafts(index, scope), ...sentenceDrafts(index, scope)];
  const events = merge(index, drafts);
  events.sort((a, b) => a.date.localeCompare(b.date) || eventImportance(b) - eventImportance(a));
  let kept = events;
  if (events.length > TIMELINE_MAX_EVENTS) {
    const keep = new Set([...events].sort((a, b) => eventImportance(b) - eventImportance(a)).slice(0, TIMELINE_MAX_EVENTS));
    kept = events.filter((e) => keep.has(e));
  }
  const who = scope.deals.length ? [...new Set(scope.deals.map((d) => d.parties.join('–')))].join('; ') : 'All sources';
  const topic = query.topics.map((t) => t.name).join(', ');
  const span = kept.length ? ` (${kept.length} event${kept.length === 1 ? '' : 's'}, ${kept[0]!.date} to ${kept.at(-1)!.date})` : '';
  if (kept.length === 0) {
    const answer = abstain(index, question, query.topics.map((t) => t.name));
    answer.headline = `No dated events${topic ? ` on ${topic}` : ''} in my sources for ${who}.`;
    return answer;
  }
  return {
    kind: 'timeline',
    question,
    answered: true,
    headline: `Timeline: ${who}${topic ? `: ${topic}` : ''}${span}`,
    citations: citationsOf(index, kept),
    facts: [],
    notes: [],
    lines: scope.deals.map((d) => `${d.name}: ${d.status}`),
    events: kept,
    moreEvents: events.length - kept.length,
  };
}

/** The quotes of the events, in date order, each once: what votes and verbatim checks read. */
function citationsOf(index: CorpusIndex, events: readonly TimelineEvent[]): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    if (!e.quote || !e.articleId || seen.has(`${e.articleId}|${e.quote}`)) continue;
    seen.add(`${e.articleId}|${e.quote}`);
    const a = index.articles.get(e.articleId)!;
    out.push({
      articleId: a.id,
      title: a.title,
      publisher: a.publisher,
      date: a.date,
      url: a.url,
      reliability: a.reliability,
      note: e.note,
      quote: e.quote,
      era: e.era,
      alsoReportedBy: e.alsoReportedBy,
      about: e.date,
    });
  }
  return out;
}

const topicWordCache = new WeakMap<Topic, string[][]>();
/** A topic's words as written ("auto parts" → ["auto", "parts"]), singular, not stemmed: stems confuse "ships" with "shipped". */
function topicWords(t: Topic): string[][] {
  let phrases = topicWordCache.get(t);
  if (!phrases) topicWordCache.set(t, (phrases = [t.id.replace(/[-_]/g, ' '), t.name, ...t.synonyms].map((p) => words(p).map(singular)).filter((p) => p.length > 0)));
  return phrases;
}

/** "tariffs" → "tariff", "duties" → "duty"; other words as they are. */
function singular(w: string): string {
  return w.length > 4 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** A word of a text: its form for matching topics (lower case, singular), and whether it is written with a capital. */
interface Token {
  w: string;
  cap: boolean;
  /** A comma or semicolon right after it (list items end there). */
  comma: boolean;
}

/** The words of a text, in order, each with its case and the punctuation after it. */
function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const raw = m[0];
    const ws = words(raw);
    ws.forEach((w, k) => out.push({ w: singular(w), cap: /^[^\p{L}\p{N}]*\p{Lu}/u.test(raw), comma: k === ws.length - 1 && /[,;]['"’”)]*$/.test(raw) }));
  }
  return out;
}

/** Where a topic's phrases stand in a text: [start, length] in tokens, longest phrase first, none overlapping. */
function mentionsOf(t: Topic, toks: readonly Token[]): [number, number][] {
  const phrases = [...topicWords(t)].sort((a, b) => b.length - a.length);
  const taken = new Array<boolean>(toks.length).fill(false);
  const out: [number, number][] = [];
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.length <= toks.length; i++) {
      if (phrase.every((w, j) => toks[i + j]!.w === w && !taken[i + j])) {
        for (let j = 0; j < phrase.length; j++) taken[i + j] = true;
        out.push([i, phrase.length]);
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

const lowerCaseWords = new WeakMap<CorpusIndex, Set<string>>();
/** The words the sources write in lower case somewhere (a capitalised word never written so is a name). */
function wordsInLowerCase(index: CorpusIndex): Set<string> {
  let set = lowerCaseWords.get(index);
  if (!set) {
    set = new Set();
    for (const p of index.passages) for (const m of p.text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*/gu)) for (const w of words(m[0])) set.add(singular(w));
    lowerCaseWords.set(index, set);
  }
  return set;
}

/**
 * True when the mention is a person's title before their name ("Prime
 * Minister Shinzo Abe", "Trade Representative Robert Lighthizer", "Minister of
 * Financial Revitalization Toshimitsu Motegi"): it names who acted, not what
 * the event is about. A name is a capitalised word the sources never write in
 * lower case ("Agreement" is written "agreement" elsewhere: "Digital Trade
 * Agreement" is no title).
 */
function isTitle(index: CorpusIndex, toks: readonly Token[], [start, length]: [number, number]): boolean {
  if (!toks.slice(start, start + length).every((t) => t.cap) || toks[start + length - 1]!.comma) return false;
  let k = start + length;
  if (toks[k]?.w === 'of') {
    k++;
    while (toks[k]?.cap && wordsInLowerCase(index).has(toks[k]!.w)) k++;
  }
  const next = toks[k];
  return !!next && next.cap && !wordsInLowerCase(index).has(next.w);
}

/**
 * True when the mention is one item of a list whose other items are another
 * topic's ("corn, soybeans, fertilizer, bioethanol, and sustainable aviation
 * fuel": aviation and fuel are farm goods there, not aircraft or energy).
 */
function inOtherTopicsList(toks: readonly Token[], [start, length]: [number, number], other: readonly [number, number][][]): boolean {
  // The list items around the mention: runs of tokens ending at a comma, "and" or "or".
  const itemOf = (i: number) => {
    let a = i;
    while (a > 0 && !toks[a - 1]!.comma && !['and', 'or'].includes(toks[a - 1]!.w)) a--;
    let b = i;
    while (b < toks.length - 1 && !toks[b]!.comma && !['and', 'or'].includes(toks[b + 1]!.w)) b++;
    return [a, b] as const;
  };
  const [a, b] = itemOf(start);
  if (b - a + 1 > 4 || start + length - 1 > b) return false;
  // Items before and after, while they stay short; count those holding another topic's word.
  const items: (readonly [number, number])[] = [];
  for (let e = a - 1; e >= 0 && items.length < 8; ) {
    if (['and', 'or'].includes(toks[e]!.w)) e--;
    if (e < 0) break;
    const item = itemOf(e);
    if (item[1] - item[0] + 1 > 4 || !(toks[item[1]]!.comma || ['and', 'or'].includes(toks[item[1] + 1]?.w ?? ''))) break;
    items.push(item);
    e = item[0] - 1;
  }
  for (let s = b + 1; s < toks.length && items.length < 8; ) {
    if (['and', 'or'].includes(toks[s]!.w)) s++;
    if (s >= toks.length) break;
    const item = itemOf(s);
    if (item[1] - item[0] + 1 > 4) break;
    items.push(item);
    if (!toks[item[1]]!.comma) break;
    s = item[1] + 1;
  }
  return other.some((mentions) => items.filter(([x, y]) => mentions.some(([m]) => m >= x && m <= y)).length >= 2);
}

/**
 * True when the mention stands in a capitalised name that also holds another
 * topic's word ("Clean Energy Vehicle Introduction Promotion Subsidies" is a
 * car subsidy, not energy).
 */
function inOtherTopicsName(toks: readonly Token[], [start, length]: [number, number], other: readonly [number, number][][]): boolean {
  if (!toks.slice(start, start + length).every((t) => t.cap)) return false;
  let a = start;
  while (a > 0 && toks[a - 1]!.cap && !toks[a - 1]!.comma) a--;
  let b = start + length - 1;
  while (b < toks.length - 1 && toks[b + 1]!.cap && !toks[b]!.comma) b++;
  if (b - a + 1 < 3) return false;
  return other.some((mentions) => mentions.some(([m, n]) => m >= a && m + n - 1 <= b));
}

/**
 * How many times a text names a topic, leaving out titles before a name,
 * items of another topic's list, words of another topic's name and who
 * reports it ("…, the envoy said").
 */
function topicCount(index: CorpusIndex, t: Topic, toks: readonly Token[]): number {
  const mine = mentionsOf(t, toks);
  if (mine.length === 0) return 0;
  const others = index.corpus.topics.filter((o) => o.id !== t.id).map((o) => mentionsOf(o, toks)).filter((m) => m.length > 0);
  const speaker = attributionStart(toks);
  return mine.filter((m) => m[0] < speaker && !isTitle(index, toks, m) && !inOtherTopicsList(toks, m, others) && !inOtherTopicsName(toks, m, others)).length;
}

/** Verbs of a closing attribution ("…, the envoy said on Tuesday"). */
const REPORTING = new Set(['said', 'say', 'says', 'told', 'tell', 'reported', 'report', 'announced', 'added', 'noted', 'wrote', 'stated', 'according']);

/**
 * Where a closing attribution starts ("…, the envoy said on Tuesday",
 * "…, according to the minister"): the words after the last comma when they
 * are few and hold a reporting verb. Whoever reports is not what happened.
 * The text's length when there is none.
 */
function attributionStart(toks: readonly Token[]): number {
  let last = -1;
  for (let i = 0; i < toks.length - 1; i++) if (toks[i]!.comma) last = i;
  if (last < 0 || toks.length - last - 1 > 8) return toks.length;
  return toks.slice(last + 1).some((t) => REPORTING.has(t.w)) ? last + 1 : toks.length;
}

/**
 * True when a text is on one of the scope's topics (or the scope names none):
 * it names one of them, other than as a person's title, an item of another
 * topic's list or a word of another topic's name. A fact filed under one of
 * them is on it; a fact filed under another topic is only when its statement
 * names the scope's topic (its quote's sentence may name it in passing: "…
 * eroding the capacity of American automakers to invest in research").
 */
function onTopic(index: CorpusIndex, scope: Scope, text: string, fact?: { topic?: string; statement: string }): boolean {
  if (scope.topics.length === 0) return true;
  if (fact?.topic && scope.topics.some((t) => t.id === fact.topic)) return true;
  const toks = tokensOf(fact?.topic ? fact.statement : text);
  return scope.topics.some((t) => topicCount(index, t, toks) > 0);
}

/** True when an article belongs to the scope's deals (its era), and names the partner when deals were picked out of several. */
function inScope(index: CorpusIndex, scope: Scope, article: IndexedArticle): boolean {
  if (index.corpus.deals.length === 0) return true;
  if (!article.era.deal || !scope.deals.includes(article.era.deal)) return false;
  if (!scope.narrowed) return true;
  const stems = new Set(analyze(`${article.title} ${article.body}`));
  return [...scope.partnerStems].some((s) => stems.has(s));
}

function eventBase(index: CorpusIndex, date: string): Pick<TimelineEvent, 'era' | 'alsoReportedBy'> {
  return { era: eraOf(padded(date), index.corpus.deals).label, alsoReportedBy: [] };
}

function sourceFields(article: IndexedArticle): Partial<TimelineEvent> {
  return {
    articleId: article.id,
    title: article.title,
    publisher: article.publisher,
    url: article.url,
    reliability: article.reliability,
    note: article.reliability === 'low' ? (article.note ?? 'This source is marked as low reliability.') : undefined,
    published: article.date,
  };
}

function milestoneDrafts(index: CorpusIndex, scope: Scope): Draft[] {
  const out: Draft[] = [];
  for (const deal of scope.deals) {
    for (const m of deal.milestones) {
      const stems = new Set(analyze(m.event));
      if (!onTopic(index, scope, m.event)) continue;
      out.push({ event: { date: m.date, label: m.event, kind: 'milestone', ...eventBase(index, m.date) }, stems, reporters: new Set() });
    }
  }
  return out;
}

/** Words shortly before a date that make it a plan since changed ("initially set to expire on July 9", "first due last month"). */
const SUPERSEDED_BEFORE = /\b(?:initially|originally|previously|formerly|first)\s+(?:set|scheduled|planned|due|expected|meant|slated)\b(?:\s+\S+){0,4}\s*$/i;
/** A hope or aim the date is the date of ("hopes for a deal in September", "had hoped to sign in April", "an aim of a deal by June"). */
const HOPE_BEFORE = /\b(?:hop(?:e|es|ed|ing)|aim(?:s|ed|ing)?|goals?|targets?|bids?|ambitions?)\s+(?:for|of|to)\b[^,;.]*$/i;
/** A condition right after a date, within two words ("a deal in September unless Washington makes concessions"). */
const CONDITION_AFTER = /^[^\p{L}\p{N},;.]*(?:[\p{L}\p{N}'’-]+\s+){0,2}(?:if|unless)\b/iu;
/** A date said as whose a thing is ("Sunday's elections"): it dates that thing. */
const POSSESSIVE_AFTER = /^['’]s\b/;

/**
 * The dates of a text at which something happens (or is set to): not those of
 * documents cited by name, nor dates under a hedge ("could", "if"), nor the date
 * of a hope ("hopes for a deal in September"), nor a condition ("in September
 * unless …"), nor a plan since changed ("initially set to expire on July 9").
 * Each date once, as the text states it.
 */
export function eventDates(text: string, dates: readonly DateMention[]): DateMention[] {
  const stated = dates.filter(
    (d) =>
      !d.reference &&
      !hedgesIn(text, d.start, d.start).some((h) => h.kind === 'possibility') &&
      !HOPE_BEFORE.test(clauseBefore(text, d.start)) &&
      !CONDITION_AFTER.test(text.slice(d.end)) &&
      !SUPERSEDED_BEFORE.test(clauseBefore(text, d.start)),
  );
  return [...new Map(stated.map((d) => [d.date, d])).values()];
}

/** The text of a date's clause before it (from the last ";", "," or sentence end). */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('. '));
  return before.slice(cut + 1);
}

/** True when the date is said as whose a thing is ("Sunday’s Malaysia agreements", "next year’s election"). */
function possessive(text: string, d: DateMention): boolean {
  return POSSESSIVE_AFTER.test(text.slice(d.end));
}

/** A date stated as when, in a fact's statement: "In May 2019 Trump delayed …", "on 16 September 2019" (not "the April 2025 tariffs"). */
const ADVERBIAL_BEFORE = /\b(?:in|on|during)\s+(?:(?:early|mid|late)[\s-]+)?$/i;

/**
 * The date a fact is about: the one date its quote states (at which something
 * happens, see `eventDates`) when that is more precise or earlier than `asOf`;
 * with none in the quote (its sentence dated by the one before: "Trump at the
 * time delayed …"), the one date its statement gives as when ("In May 2019 …");
 * else `asOf`.
 */
export function factDate(quote: string, asOf: string, published: string, statement = ''): string {
  const distinct = eventDates(quote, findDates(quote, published)).map((d) => d.date);
  // "in early April" with asOf 2025-04-02: asOf is the same date, told more precisely.
  if (distinct.some((d) => datesAgree(d, asOf))) return asOf;
  if (distinct.length === 1) return distinct[0]!;
  if (distinct.length > 1) return asOf;
  const told = [...new Set(findDates(statement).filter((d) => !d.relative && ADVERBIAL_BEFORE.test(statement.slice(0, d.start))).map((d) => d.date))];
  return told.length === 1 && !datesAgree(told[0]!, asOf) ? told[0]! : asOf;
}

function factDrafts(index: CorpusIndex, scope: Scope): Draft[] {
  const out: Draft[] = [];
  const dealIds = new Set(scope.deals.map((d) => d.id));
  for (const f of index.facts) {
    const article = index.articles.get(f.articleId);
    if (!article) continue;
    if (index.corpus.deals.length && (f.deal ? !dealIds.has(f.deal) : !inScope(index, scope, article))) continue;
    if (!onTopic(index, scope, `${f.statement} ${f.quote}`, f)) continue;
    // The verbatim span: the fact's quote as it stands in the body, else the sentence that holds it.
    const quote = article.body.includes(f.quote) ? f.quote : f.passages.length ? index.passages[f.passages[0]!]!.text : undefined;
    if (!quote) continue;
    const date = factDate(f.quote, f.asOf, article.date, f.statement);
    out.push({
      event: { date, label: f.statement, kind: 'fact', quote, ...sourceFields(article), ...eventBase(index, date) },
      stems: f.stems,
      reporters: new Set([article.id]),
    });
  }
  return out;
}

const factsByPassage = new WeakMap<CorpusIndex, Map<number, CorpusIndex['facts']>>();
/** The facts whose quotes each passage holds. */
function factsOf(index: CorpusIndex): Map<number, CorpusIndex['facts']> {
  let map = factsByPassage.get(index);
  if (!map) {
    map = new Map();
    for (const f of index.facts) for (const i of f.passages) map.set(i, [...(map.get(i) ?? []), f]);
    factsByPassage.set(index, map);
  }
  return map;
}

function sentenceDrafts(index: CorpusIndex, scope: Scope): Draft[] {
  const out: Draft[] = [];
  const articlesInScope = new Set([...index.articles.values()].filter((a) => inScope(index, scope, a)).map((a) => a.id));
  index.passages.forEach((p, i) => {
    if (!articlesInScope.has(p.articleId)) return;
    const article = index.articles.get(p.articleId)!;
    // A short fragment ("September 4, 2025." under a signature, a dateline) says nothing happened.
    if (p.text.length < 40) return;
    const dates = passageFacts(index, i).dates;
    const distinct = [...new Map(dates.map((d) => [d.date, d])).values()];
    if (distinct.length === 0 || distinct.length > MAX_DATES_PER_SENTENCE) return;
    const happening = eventDates(p.text, distinct);
    if (happening.length === 0) return;
    const stems = new Set(index.termsOf(i));
    if (stems.size < 4) return;
    // A sentence that holds facts' quotes is judged as they are: on the topic they are filed under, or that their statements name.
    const held = factsOf(index).get(i);
    if (held ? !held.some((f) => onTopic(index, scope, f.statement, f)) : !onTopic(index, scope, p.text)) return;
    // Dates far past the article are targets.
    const stated = happening.filter((d) => daysBetween(article.date, d.date) <= MAX_DAYS_AHEAD);
    // At most two events a sentence, the most precise dates first; a second date said as whose a thing is
    // ("Today's deals build on … Sunday's agreements") dates that thing, not the sentence's event.
    const chosen = stated.sort((a, b) => b.date.length - a.date.length).slice(0, 2);
    if (chosen.length === 2 && possessive(p.text, chosen[1]!)) chosen.pop();
    for (const d of chosen) {
      out.push({
        event: { date: d.date, label: labelFrom(p.text), kind: 'source', quote: p.text, ...sourceFields(article), ...eventBase(index, d.date) },
        stems,
        reporters: new Set([article.id]),
      });
    }
  });
  return out;
}

/** Better first: a milestone's label, a reliable source's quote, a precise date. */
function rank(d: Draft): number {
  return (d.event.kind === 'milestone' ? 100 : d.event.kind === 'fact' ? 50 : 0) + RELIABILITY_RANK[d.event.reliability ?? 'normal'] * 10 + d.event.date.length;
}

/**
 * Merges drafts that report one happening: dates that agree and enough shared
 * words. The merged event keeps the best label (a milestone's, then a
 * fact's), the quote of the most reliable source, the most precise date, and
 * lists the other articles as "also reported by".
 */
function merge(index: CorpusIndex, drafts: Draft[]): TimelineEvent[] {
  const groups: Draft[][] = [];
  const sorted = [...drafts].sort((a, b) => rank(b) - rank(a));
  for (const d of sorted) {
    const group = groups.find((g) => {
      const head = g[0]!;
      if (!datesAgree(head.event.date, d.event.date)) return false;
      // A year alone ("last year") agrees with every day of it: that is not the same happening.
      if (Math.abs(head.event.date.length - d.event.date.length) > 3 && !(head.event.kind === 'milestone' && d.event.date.length >= 7)) return false;
      // A fact is a statement of its own: it merges only with what says most of it, both ways.
      const fact = head.event.kind === 'fact' || d.event.kind === 'fact';
      const threshold = fact ? FACT_MERGE_OVERLAP : head.event.kind === 'milestone' ? MILESTONE_QUOTE_COVERAGE : SAME_EVENT_OVERLAP;
      // The same sentence for the same date is the same event, whatever the labels.
      const q = d.event.quote;
      if (q && g.some((x) => x.event.quote && (x.event.quote.includes(q) || q.includes(x.event.quote)) && x.event.date === d.event.date)) return true;
      return g.some((x) => (fact ? mutualOverlap(x.stems, d.stems) : overlap(x.stems, d.stems)) >= threshold) && (head.event.quote !== d.event.quote || head.event.date === d.event.date);
    });
    if (group) group.push(d);
    else groups.push([d]);
  }
  // Second pass: groups that quote the same sentence for the same date are one event (the first, best-labelled, absorbs the other).
  const sameSentence = (a: Draft[], b: Draft[]) =>
    a.some((x) => b.some((y) => x.event.quote && y.event.quote && x.event.date === y.event.date && (x.event.quote.includes(y.event.quote) || y.event.quote.includes(x.event.quote))));
  for (let i = 0; i < groups.length; i++) {
    for (let j = groups.length - 1; j > i; j--) {
      if (sameSentence(groups[i]!, groups[j]!)) groups[i]!.push(...groups.splice(j, 1)[0]!);
    }
  }
  return groups.map((g) => {
    const head = g[0]!;
    // The quote: one that dates the event as precisely as the head, from the most reliable source, saying most of what the head says.
    const saysOfHead = (d: Draft) => [...head.stems].filter((s) => d.stems.has(s)).length / Math.max(1, head.stems.size);
    const quoted = g
      .filter((d) => d.event.quote)
      .sort(
        (a, b) =>
          Number(b.event.date.length >= head.event.date.length) - Number(a.event.date.length >= head.event.date.length) ||
          RELIABILITY_RANK[b.event.reliability ?? 'normal'] - RELIABILITY_RANK[a.event.reliability ?? 'normal'] ||
          saysOfHead(b) - saysOfHead(a),
      )[0];
    const date = g.map((d) => d.event.date).filter((x) => datesAgree(x, head.event.date)).sort((a, b) => b.length - a.length)[0]!;
    const event: TimelineEvent = { ...head.event, date, ...eventBase(index, date) };
    if (quoted && quoted !== head) Object.assign(event, { ...sourceFields(index.articles.get(quoted.event.articleId!)!), quote: quoted.event.quote });
    const reporters = new Set(g.flatMap((d) => [...d.reporters]));
    if (event.articleId) reporters.delete(event.articleId);
    event.alsoReportedBy = [...reporters].map((id) => reporter(index, id));
    return event;
  });
}
