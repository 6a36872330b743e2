/**
 * The engine: the one object adapters and commands talk to. It answers
 * questions, gives topic briefings and lists deals and sources, always as
 * pure `Answer` data.
 */
import { abstain, citationOf, conflictNotes, coverageLines, mergeDuplicates, pickDiverse, publicFact } from './compose.ts';
import { buildIndex, type CorpusIndex } from './index.ts';
import { analyze, stem, words } from './analyzer.ts';
import { cleanInput } from './normalise.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { factStems, matchFacts, newestEraKey, rankPassages } from './rank.ts';
import { eraCoversYear } from './eras.ts';
import { UserError, type Answer, type Corpus } from './types.ts';

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 1000;
/** Quotes in an answer to a question. */
export const QUESTION_QUOTES = 3;
/** Quotes in a topic briefing. */
export const BRIEFING_QUOTES = 6;
/** A briefing quote must score at least this share of the best one. */
export const BRIEFING_MIN_SHARE = 0.4;
/**
 * Least support (rarity-weighted share of the question's ideas found in the
 * best sentence and its neighbours) needed to answer; below it the bot abstains.
 * Lower when the question names a known deal or topic.
 */
export const MIN_SUPPORT = 0.5;
export const MIN_SUPPORT_KNOWN_TOPIC = 0.4;
/** Support at which one matched idea is enough (it carries most of the question's weight). */
export const STRONG_SUPPORT = 0.6;
/** Facts must cover this share of the question to be shown. */
export const MIN_FACT_COVERAGE = 0.6;
/** A fact must cover this share of the question to be the headline. */
export const HEADLINE_FACT_COVERAGE = 0.7;

/** Everything the commands need from the core. */
export interface Engine {
  readonly corpus: Corpus;
  /** Answers a question with up to 3 quotes, or abstains. @throws UserError for empty or too-long input. */
  ask(question: string): Answer;
  /** A briefing on a partner and/or topic (e.g. `"<partner> <topic>"`); with no words, the deal list. */
  brief(words: string): Answer;
  /** The deals the knowledge holds, with their status. */
  deals(): Answer;
  /** The articles, with publisher, date and reliability. */
  sources(): Answer;
  /** Partner names and aliases, for autocomplete. */
  partnerNames(): string[];
  /** Topic ids and names, for autocomplete. */
  topicNames(): { id: string; name: string }[];
  /** A briefing request this knowledge can answer, for help texts, e.g. "<partner> <topic>". */
  exampleBriefing(): string;
}

/** Loads a knowledge folder and builds the engine. @throws KnowledgeError */
export async function loadEngine(dir: string): Promise<Engine> {
  const { loadCorpus } = await import('./knowledge.ts');
  return createEngine(buildIndex(await loadCorpus(dir)));
}

function checkInput(raw: string): string {
  const text = cleanInput(raw);
  if (!text) throw new UserError('empty', 'Please type a question, or a partner and a topic (see /help).');
  if (text.length > MAX_QUESTION_LENGTH) {
    throw new UserError('too_long', `Questions are limited to ${MAX_QUESTION_LENGTH.toLocaleString('en-US')} characters; this one has ${text.length.toLocaleString('en-US')}.`);
  }
  return text;
}

/** Creates an engine over a built (or snapshot-loaded) index. */
export function createEngine(index: CorpusIndex): Engine {
  const { corpus } = index;
  const parse = (text: string) => parseQuery(text, corpus.deals, corpus.topics);

  const nearestTopics = (q: ParsedQuery) => q.topics.map((t) => t.name);

  function ask(raw: string): Answer {
    const question = checkInput(raw);
    const query = parse(question);
    const subject = query.concepts.filter((c) => !c.partner);
    if (subject.length === 0) {
      return query.deals.length ? brief(question) : abstain(index, question, []);
    }
    // A name the sources never mention ("Canada", "FIFA") means the question is about something they do not cover.
    const unknown = unknownNames(question, subject);
    if (unknown.length) {
      const answer = abstain(index, question, nearestTopics(query));
      answer.lines.unshift(`None of my sources mentions ${unknown.map((w) => `"${w}"`).join(' or ')}.`);
      return answer;
    }
    const facts = matchFacts(index, query, MIN_FACT_COVERAGE);
    const ranked = rankPassages(index, query, facts.map((f) => f.fact));
    const best = ranked.find((c) => c.onSubject);
    const threshold = query.topics.length || query.deals.length ? MIN_SUPPORT_KNOWN_TOPIC : MIN_SUPPORT;
    // Like a search engine's "minimum should match": two ideas of the question must meet in one place,
    // unless the ideas found carry most of the question's weight on their own.
    const enoughIdeas = !best || best.matchedIdeas >= Math.min(2, subject.length) || best.support >= STRONG_SUPPORT;
    if (!best || best.support < threshold || !enoughIdeas) return abstain(index, question, nearestTopics(query));
    const relevant = ranked.filter((c) => c.onSubject && c.score >= 0.4 * best.score && c.support >= threshold * 0.75);
    const groups = pickForComparison(mergeDuplicates(index, relevant.slice(0, 20)), query);
    const citations = groups.map((g) => citationOf(index, g));
    // Facts are ordered by how well their own source sentence ranked: a fact is only as good as its evidence.
    const position = new Map(relevant.map((c, i) => [c.index, i]));
    const evidenceRank = (f: (typeof facts)[number]) => Math.min(Infinity, ...f.fact.passages.map((p) => position.get(p) ?? Infinity));
    const ordered = facts
      .map((f) => ({ ...f, rank: evidenceRank(f) }))
      .filter((f) => f.rank < 10)
      .sort((a, b) => a.rank - b.rank || b.coverage - a.coverage);
    const shownFacts = ordered.slice(0, 3).map((f) => publicFact(f.fact));
    // A fact heads the answer only when it fits the question well and its own sentence is quoted (or merged into a quote) below.
    const head = ordered[0];
    const quoted = new Set(groups.flatMap((g) => [g.kept, ...g.also].map((c) => c.index)));
    const headFact = head && head.coverage >= HEADLINE_FACT_COVERAGE && head.fact.passages.some((p) => quoted.has(p)) ? shownFacts[0] : undefined;
    return {
      kind: 'answer',
      question,
      answered: true,
      headline: headFact?.statement ?? citations[0]!.quote,
      citations,
      facts: shownFacts,
      // Comparing eras is what "figures differ" notes are for, so weaker fact matches may supply them.
      notes: conflictNotes(index, wantedEras(query).size >= 2 ? [...shownFacts, ...matchFacts(index, query, 0.35).filter((f) => f.fact.subject).slice(0, 2).map((f) => f.fact)] : shownFacts),
      lines: [],
    };
  }

  /** Era keys a question names: by year, and the newest for "now". */
  function wantedEras(query: ParsedQuery): Set<string> {
    const wanted = new Set<string>();
    const eras = [...new Map([...index.articles.values()].map((a) => [a.era.key, a.era])).values()];
    for (const y of query.years) for (const e of eras) if (eraCoversYear(e, y)) wanted.add(e.key);
    if (query.recent) wanted.add(newestEraKey(index, query));
    return wanted;
  }

  /**
   * The best quotes in rank order; but a question that compares eras ("now
   * versus 2019", "2019 or 2025") gets the best quote of each era it names.
   */
  function pickForComparison(groups: ReturnType<typeof mergeDuplicates>, query: ParsedQuery): ReturnType<typeof mergeDuplicates> {
    const top = groups.slice(0, QUESTION_QUOTES);
    const eraOfGroup = (g: (typeof groups)[number]) => index.articles.get(g.kept.passage.articleId)!.era;
    const wanted = wantedEras(query);
    if (wanted.size < 2) return top;
    const picked = [...wanted].map((key) => groups.find((g) => eraOfGroup(g).key === key)).filter((g) => g !== undefined);
    for (const g of groups) if (picked.length < QUESTION_QUOTES && !picked.includes(g)) picked.push(g);
    return picked.sort((a, b) => groups.indexOf(a) - groups.indexOf(b));
  }

  /** Capitalised names in the question (not its first word) that no sentence of the knowledge contains. */
  function unknownNames(question: string, subject: ParsedQuery['concepts']): string[] {
    const names = [...question.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}'-]*|\b\p{Lu}{2,}\b/gu)].map((m) => m[0].replace(/'s$/, ''));
    return [
      ...new Set(
        names.filter((name) => {
          const key = analyze(name)[0];
          const concept = key && subject.find((c) => c.stems[0] === key);
          return concept && concept.stems.every((s) => index.sentences.documentFrequency(s) === 0);
        }),
      ),
    ];
  }

  function brief(raw: string): Answer {
    const text = cleanInput(raw);
    if (!text) return deals();
    const question = checkInput(text);
    const query = parse(question);
    const inTopics = (stem: string) => query.topics.some((t) => topicPhrases(t).some((p) => p.includes(stem)));
    const others = query.concepts.filter((c) => !c.partner && !inTopics(c.stems[0]!));
    // Words that are neither a partner nor a topic make it a question.
    if (query.topics.length === 0 && others.length > 0) return ask(question);
    if (query.concepts.length === 0) return query.deals.length ? dealBriefing(question, query) : abstain(index, question, []);
    if (query.topics.length === 0) return dealBriefing(question, query);

    // A specific word ("rice") focuses the briefing on itself; the topic's name ("agriculture") takes the whole topic.
    const generic = new Set(query.topics.flatMap((t) => [...analyze(t.id.replace(/[-_]/g, ' ')), ...analyze(t.name)]));
    const specific = query.concepts.filter((c) => !c.partner && inTopics(c.stems[0]!) && !generic.has(c.stems[0]!)).map((c) => c.stems[0]!);
    let ranked = specific.length ? rankPassages(index, query, [], { requireAny: specific.map((s) => [s]), pool: 400 }) : [];
    const focused = ranked.length >= 3;
    if (!focused) ranked = rankPassages(index, query, [], { requireAny: query.topics.flatMap(topicPhrases), pool: 400 });
    if (ranked.length === 0) return abstain(index, question, nearestTopics(query));
    // Informative sentences (figures) make better briefings.
    for (const c of ranked) if (/\d/.test(c.passage.text)) c.score *= 1.15;
    ranked.sort((a, b) => b.score - a.score);
    // Diversity must not pull in weak matches: only sentences near the best compete for the slots.
    const strong = ranked.filter((c) => c.score >= BRIEFING_MIN_SHARE * ranked[0]!.score);
    const groups = pickDiverse(index, mergeDuplicates(index, strong.slice(0, 60)), BRIEFING_QUOTES);
    const topicIds = new Set(query.topics.map((t) => t.id));
    const facts = index.facts
      .filter((f) => f.topic && topicIds.has(f.topic) && (!query.deals.length || !f.deal || query.deals.some((d) => d.id === f.deal)))
      .filter((f) => !focused || specific.some((s) => factStems(f).has(s)))
      .sort((a, b) => b.asOf.localeCompare(a.asOf))
      .slice(0, 6)
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

  const topicPhraseCache = new Map<string, string[][]>();
  /** A topic's words as stem phrases ("auto parts" → ["auto", "part"]). */
  function topicPhrases(t: Corpus['topics'][number]): string[][] {
    let phrases = topicPhraseCache.get(t.id);
    if (!phrases) {
      phrases = [t.id.replace(/[-_]/g, ' '), t.name, ...t.synonyms].map((s) => analyze(s)).filter((p) => p.length > 0);
      topicPhraseCache.set(t.id, phrases);
    }
    return phrases;
  }

  function dealBriefing(question: string, query: ParsedQuery): Answer {
    const ranked = rankPassages(index, query, [], { pool: 400 });
    for (const c of ranked) if (/\d/.test(c.passage.text)) c.score *= 1.15;
    ranked.sort((a, b) => b.score - a.score);
    const groups = pickDiverse(index, mergeDuplicates(index, ranked.slice(0, 60)), BRIEFING_QUOTES);
    // Key facts: headline figures first (facts tracked over time, then any with a value), alternating between deals.
    const weight = (f: (typeof index.facts)[number]) =>
      (f.subject ? 0 : f.value !== undefined ? 1 : 2) + (index.articles.get(f.articleId)?.reliability === 'low' ? 3 : 0);
    // A subject reported many times (the headline figures) comes before one reported once.
    const tracked = (f: (typeof index.facts)[number]) => (f.subject ? index.facts.filter((g) => g.subject === f.subject).length : 0);
    const perDeal = query.deals.map((d) =>
      index.facts
        .filter((f) => f.deal === d.id)
        .sort((a, b) => weight(a) - weight(b) || tracked(b) - tracked(a) || b.asOf.localeCompare(a.asOf)),
    );
    const picked: (typeof index.facts)[number][] = [];
    const seen = new Set<string>();
    const fresh = (f: (typeof index.facts)[number]) => !f.subject || !seen.has(f.subject);
    while (picked.length < 6 && perDeal.some((list) => list.some(fresh))) {
      for (const list of perDeal) {
        const next = list.find(fresh);
        if (!next || picked.length >= 6) continue;
        picked.push(next);
        list.splice(list.indexOf(next), 1);
        if (next.subject) seen.add(next.subject);
      }
    }
    const facts = picked.sort((a, b) => b.asOf.localeCompare(a.asOf)).map(publicFact);
    return {
      kind: 'briefing',
      question,
      answered: groups.length > 0,
      headline: query.deals.map((d) => d.name).join('; '),
      citations: groups.map((g) => citationOf(index, g)),
      facts,
      notes: [],
      lines: query.deals.map((d) => `${d.name} (${d.parties.join(', ')}): ${d.status}`),
    };
  }

  function deals(): Answer {
    const list = [...corpus.deals].sort((a, b) => b.from.localeCompare(a.from));
    return {
      kind: 'deals',
      question: '',
      answered: true,
      headline: list.length ? `I know ${list.length} deal(s). Ask about one with a partner and a topic, or ask a question.` : 'This knowledge base lists no deals; ask a question instead.',
      citations: [],
      facts: [],
      notes: [],
      lines: list.length
        ? list.map((d) => `${d.name} (${d.parties.join(', ')}): ${d.status}`)
        : coverageLines(index),
    };
  }

  function sources(): Answer {
    const list = [...corpus.articles].sort((a, b) => b.date.localeCompare(a.date));
    return {
      kind: 'sources',
      question: '',
      answered: true,
      headline: `${list.length} source(s), newest first.`,
      citations: [],
      facts: [],
      notes: [],
      lines: list.map(
        (a) => `${a.date}: ${a.title} (${a.publisher ?? 'publisher unknown'}; reliability ${a.reliability}${a.reliability === 'low' && a.note ? `: ${a.note}` : ''})${a.url ? ` ${a.url}` : ''}`,
      ),
    };
  }

  return {
    corpus,
    ask,
    brief,
    deals,
    sources,
    partnerNames: () => [...new Set(corpus.deals.flatMap((d) => [d.parties.at(-1)!, ...d.aliases]))],
    topicNames: () => corpus.topics.map((t) => ({ id: t.id, name: t.name })),
    exampleBriefing: () => {
      const partner = corpus.deals[0]?.aliases[0] ?? corpus.deals[0]?.parties.at(-1)?.toLowerCase();
      const topic = corpus.topics[0]?.id;
      return [partner, topic].filter(Boolean).join(' ') || 'sources';
    },
  };
}
