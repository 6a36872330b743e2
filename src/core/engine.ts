/**
 * The engine: the one object adapters and commands talk to. It answers
 * questions, gives topic briefings and lists deals and sources, always as
 * pure `Answer` data.
 */
import { abstain, citationOf, conflictNotes, mergeDuplicates, publicFact } from './answer/compose.ts';
import { briefDeal, briefTopic, inTopics } from './answer/briefing.ts';

export { BRIEFING_LOGIT_MARGIN, BRIEFING_QUOTES } from './answer/briefing.ts';
import { listDeals, listSources } from './answer/listings.ts';
import { checkClaim } from './answer/check.ts';
import { buildTimeline } from './answer/timeline.ts';
import { buildIndex, type CorpusIndex, type IndexedArticle } from './retrieval/corpus-index.ts';
import { analyze } from './text/analyzer.ts';
import { cleanInput } from './text/normalise.ts';
import { parseQuery, type ParsedQuery } from './query/parse.ts';
import { matchFacts, newestEraKey, rankPassages } from './ranking/rank.ts';
import { DEFAULT_WEIGHTS, type RankWeights } from './ranking/weights.ts';
import { answerability, answerabilityFeatures, answerThreshold } from './ranking/abstention.ts';
import { unstatedFigure } from './ranking/figure-evidence.ts';
import { eraCoversYear } from './knowledge/eras.ts';
import { UserError, type Answer, type Corpus } from './model/types.ts';

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 1000;
/** Quotes in an answer to a question. */
export const QUESTION_QUOTES = 3;
/**
 * A quote must score at least this share of the best quote's probability to
 * be shown with it. Default 0.25 (measured: SQuAD dev whole top-3 82.3% at
 * 0.4, 83.8% at 0.25, 84.1% at 0.1; the trade sets and topic eras the same
 * at each; below a quarter the third quote is rarely worth reading).
 */
export const QUOTE_MIN_SHARE = 0.25;
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
  /**
   * Checks a claim against the sources (`/deal check <claim>`): a `check`
   * answer whose `verdict` is supported, contradicted, differs-by-date or
   * no-source (then with no citation), each quote with its `stance`.
   * @throws UserError for empty or too-long input.
   */
  check(claim: string): Answer;
  /**
   * The dated events of a partner's deals, oldest first (`/deal timeline <partner> [topic]`):
   * a `timeline` answer with `events`; with no words, every deal's.
   * @throws UserError for too-long input.
   */
  timeline(request: string): Answer;
  /** A claim this knowledge can check, for help texts: a fact's statement with a figure. */
  exampleClaim(): string;
}

/** Loads a knowledge folder and builds the engine. @throws KnowledgeError */
export async function loadEngine(dir: string): Promise<Engine> {
  const { loadCorpus } = await import('./knowledge/load.ts');
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

/** Options of `createEngine`. */
export interface EngineOptions {
  /** Ranker weights and abstention thresholds. Default `DEFAULT_WEIGHTS` (ranking/fitted-weights.ts). */
  weights?: RankWeights;
}

/** Creates an engine over a built (or snapshot-loaded) index. */
export function createEngine(index: CorpusIndex, options: EngineOptions = {}): Engine {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
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
    const ranked = rankPassages(index, query, facts.map((f) => f.fact), { weights });
    // A sentence that lacks a topic the question names is a weaker answer than one that has it.
    const onSubject = ranked.filter((c) => c.onSubject);
    const best = onSubject.find((c) => !c.missesTopic) ?? onSubject[0];
    // Calibrated abstention: the answerability against the fitted threshold, lowered when the
    // question names a partner or topic the knowledge knows (its subject is then certain).
    const features = best ? answerabilityFeatures(index, query, best, ranked, weights.bias) : undefined;
    const threshold = answerThreshold(weights.threshold, query, features);
    const confidence = features ? answerability(features, weights.answerability) : 0;
    // An abstention that still reports the answerability it was decided on (for --explain), with a first line saying why.
    const declined = (why?: string): Answer => {
      const answer = abstain(index, question, nearestTopics(query));
      if (why) answer.lines.unshift(why);
      return { ...answer, confidence, threshold, answerability: features ? { ...features } : undefined };
    };
    if (!best || confidence < threshold) return declined();
    // A figure asked of a named party that no good sentence gives with it: say so rather than quote others' figures.
    const unstated = unstatedFigure(index, query, ranked);
    if (unstated) return declined(`My sources mention ${displayName(question, unstated)} but give no ${query.type === 'rate' ? 'rate' : 'figure'} for it that answers this.`);
    const relevant = onSubject.filter((c) => best.missesTopic || !c.missesTopic).slice(0, 20);
    // Duplicates merge before weak quotes are cut, so a flagged copy of a strong quote is named, not dropped.
    const merged = mergeDuplicates(index, relevant).filter((g) => g.kept.score >= QUOTE_MIN_SHARE * best.score);
    const groups = pickForComparison(merged, query);
    const citations = groups.map((g) => citationOf(index, g));
    // Facts are ordered by how well their own source sentence ranked: a fact is only as good as its evidence.
    const position = new Map(relevant.map((c, i) => [c.index, i]));
    const evidenceRank = (f: (typeof facts)[number]) => Math.min(Infinity, ...f.fact.passages.map((p) => position.get(p) ?? Infinity));
    const ordered = facts
      .map((f) => ({ ...f, rank: evidenceRank(f) }))
      .filter((f) => f.rank < 10)
      .sort((a, b) => a.rank - b.rank || b.coverage - a.coverage);
    const shownFacts = ordered.slice(0, 3).map((f) => publicFact(f.fact));
    // A fact heads the answer only when it fits the question well and its own sentence is the first
    // quote (or merged into it): a headline from the third quote would lead with weaker evidence
    // ("Who signed the 2019 agreement?" was headed by a 2025 signing under the 2019 joint statement).
    const head = ordered[0];
    const first = new Set(groups.slice(0, 1).flatMap((g) => [g.kept, ...g.also].map((c) => c.index)));
    const headFact = head && head.coverage >= HEADLINE_FACT_COVERAGE && head.fact.passages.some((p) => first.has(p)) ? shownFacts[0] : undefined;
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
      confidence,
      threshold,
      answerability: { ...features! },
      scores: groups.map(({ kept }) => ({ probability: kept.score, logit: kept.logit, priors: kept.priors, features: kept.features })),
    };
  }

  /** Era keys a question names: by year, and the newest for "now". */
  // The distinct eras of the knowledge, found once (a scan of every article per question showed in profiles).
  let eras: IndexedArticle['era'][] | undefined;
  function wantedEras(query: ParsedQuery): Set<string> {
    const wanted = new Set<string>();
    if (query.years.length === 0 && !query.recent) return wanted;
    eras ??= [...new Map([...index.articles.values()].map((a) => [a.era.key, a.era])).values()];
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

  /** The question's own spelling of a name or word given as stems ("south korea" → "South Korea", "semiconductor" → "semiconductors"; a stem no word of the question analyses to stays as it is). */
  function displayName(question: string, stems: string): string {
    const words = [...question.matchAll(/\p{L}[\p{L}'’-]*/gu)].map((m) => m[0].replace(/['’]s$/, ''));
    return stems
      .split(' ')
      .map((stem) => words.find((w) => analyze(w)[0] === stem) ?? stem)
      .join(' ');
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
    if (!text) return listDeals(index);
    const question = checkInput(text);
    const query = parse(question);
    const others = query.concepts.filter((c) => !c.partner && !inTopics(query, c.stems[0]!));
    // Words that are neither a partner nor a topic ("korea autos", "rice purchases") make it a question:
    // a briefing would silently ignore them.
    if (others.length > 0) return ask(question);
    if (query.concepts.length === 0) return query.deals.length ? briefDeal(index, question, query) : abstain(index, question, []);
    if (query.topics.length === 0) return briefDeal(index, question, query);
    return briefTopic(index, question, query) ?? abstain(index, question, nearestTopics(query));
  }

  return {
    corpus,
    ask,
    brief,
    deals: () => listDeals(index),
    sources: () => listSources(index),
    partnerNames: () => [...new Set(corpus.deals.flatMap((d) => [d.parties.at(-1)!, ...d.aliases]))],
    topicNames: () => corpus.topics.map((t) => ({ id: t.id, name: t.name })),
    check: (claim) => checkClaim(index, checkInput(claim)),
    timeline: (request) => buildTimeline(index, cleanInput(request) ? checkInput(request) : ''),
    exampleClaim: () => corpus.facts.find((f) => f.value !== undefined && f.statement.length <= 120)?.statement.replace(/\.$/, '') ?? 'a figure and what it is about',
    exampleBriefing: () => {
      const partner = corpus.deals[0]?.aliases[0] ?? corpus.deals[0]?.parties.at(-1)?.toLowerCase();
      const topic = corpus.topics[0]?.id;
      return [partner, topic].filter(Boolean).join(' ') || 'sources';
    },
  };
}
