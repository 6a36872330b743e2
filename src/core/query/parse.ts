/**
 * Query understanding: turns a question or topic words into search terms,
 * recognised deals (by partner alias), topics (by synonym), era cues and the
 * question type. Knows nothing of any particular corpus: the vocabulary comes
 * from the knowledge's deals and topics.
 */
import { analyze, stem, words } from '../text/analyzer.ts';
import { cleanInput } from '../text/normalise.ts';
import type { Deal, Topic } from '../model/types.ts';
import { questionType, type QuestionType } from './question-type.ts';

/** A group of stems that all satisfy one idea of the question (a word and its synonyms). */
export interface Concept {
  /** Stems that count as a match; the first is the word as asked, the rest synonyms. */
  stems: string[];
  /** Credit (0-1) for matching a synonym instead of the word as asked. */
  synonymCredit: number;
  /** True for words naming the partner/deal: context, not the subject. */
  partner: boolean;
  /** True for words naming a topic of the knowledge (what the question is about, not how it is phrased). */
  topical?: boolean;
  /** Relative importance (1 normally; less for months and similar time words). */
  weight: number;
}

/** A parsed question or topic request. */
export interface ParsedQuery {
  /** Cleaned input (control characters and bidi marks removed). */
  text: string;
  /** Ideas to match, one per content word (synonyms folded in). */
  concepts: Concept[];
  /** Search terms with weights (1 for asked words, less for synonyms). */
  terms: Map<string, number>;
  /** Deals named by a partner alias. */
  deals: Deal[];
  /** Topics named by a synonym. */
  topics: Topic[];
  /** Four-digit years mentioned. */
  years: number[];
  /** "now", "latest", "currently"...: prefer the newest era. */
  recent: boolean;
  type: QuestionType;
  /** Looks like a question (ends with "?" or starts with a question word). */
  isQuestion: boolean;
}

const RECENT_WORDS = new Set(['now', 'latest', 'currently', 'current', 'today', 'recent', 'recently', 'newest', 'nowadays', 'presently', 'still']);
const QUESTION_START = /^(what|what's|whats|how|who|whom|whose|when|where|why|which|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had)\b/i;
// Words that shape the question but are not its subject.
const QUESTION_NOISE = new Set(
  ['tell', 'explain', 'show', 'give', 'find', 'happen', 'latest', 'news', 'update', 'please', 'thanks', 'deal', 'anything', 'something', 'thing', 'things'].map(stem),
);
const RECENT_STEMS = new Set([...RECENT_WORDS].map(stem));
/** Search weight of a topic synonym added by expansion, relative to a word as asked. */
export const TOPIC_SYNONYM_WEIGHT = 0.3;
const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' ').map(stem),
);

/** Stems of a phrase, for matching multi-word synonyms and aliases. */
function phraseStems(phrase: string): string[] {
  return analyze(phrase);
}

function containsSequence(hay: string[], needle: string[]): number {
  if (needle.length === 0) return -1;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** A partner alias or topic synonym, analysed. */
interface VocabularyEntry {
  stems: string[];
  deal?: Deal;
  topic?: Topic;
}
const vocabularyCache = new WeakMap<readonly Deal[], WeakMap<readonly Topic[], VocabularyEntry[]>>();

/** The knowledge's aliases and synonyms as stem phrases, longest first (so "auto parts" wins over "auto"); cached per knowledge. */
function vocabulary(deals: readonly Deal[], topics: readonly Topic[]): VocabularyEntry[] {
  let byTopics = vocabularyCache.get(deals);
  if (!byTopics) vocabularyCache.set(deals, (byTopics = new WeakMap()));
  let entries = byTopics.get(topics);
  if (!entries) {
    entries = [];
    for (const d of deals) for (const a of [...d.aliases, ...d.parties]) entries.push({ stems: phraseStems(a), deal: d });
    for (const t of topics) for (const s of [t.id.replace(/[-_]/g, ' '), t.name, ...t.synonyms]) entries.push({ stems: phraseStems(s), topic: t });
    entries = entries.filter((e) => e.stems.length > 0).sort((a, b) => b.stems.length - a.stems.length);
    byTopics.set(topics, entries);
  }
  return entries;
}

/**
 * Parses a question or topic words against the knowledge's deals and topics.
 * @example parseQuery('what tariff do Japanese cars pay now?', deals, topics)
 *   → topics [autos, tariffs], recent true, type 'rate'
 */
export function parseQuery(input: string, deals: readonly Deal[], topics: readonly Topic[]): ParsedQuery {
  const text = cleanInput(input);
  // "How large/much/long..." asks for an amount (see questionType); the adjective is not a subject.
  // "what year" asks for a year: the answer-type word is not a word the answer contains.
  const stems = analyze(
    text
      .replace(/\bhow (large|big|much|many|long|high|low|far|often|soon|steep|heavy|sizable|sizeable|substantial)\b/gi, ' ')
      .replace(/\b(what|which) (share|portion|proportion|fraction|amount|number|figure|outlet|newspaper|publication)\b/gi, ' ')
      .replace(/\b(what|which|in what|in which)\s+(year|years|date|day|month|decade|century|time)\b/gi, ' '),
  );
  const used = new Array<boolean>(stems.length).fill(false);
  const concepts: Concept[] = [];
  const terms = new Map<string, number>();
  const addTerm = (s: string, w: number) => terms.set(s, Math.max(terms.get(s) ?? 0, w));

  // Partner aliases and topic synonyms, longest phrases first so "auto parts" wins over "auto".
  const foundDeals = new Set<Deal>();
  const foundTopics = new Set<Topic>();
  for (const e of vocabulary(deals, topics)) {
    const at = containsSequence(stems, e.stems);
    if (at < 0) continue;
    if (e.deal) {
      foundDeals.add(e.deal);
      for (let i = at; i < at + e.stems.length; i++) {
        if (!used[i]) concepts.push({ stems: [stems[i]!], synonymCredit: 0, partner: true, weight: 1 });
        used[i] = true;
      }
      for (const s of e.stems) addTerm(s, 0.5);
    } else if (e.topic) {
      // Each asked word is its own idea; the topic's other synonyms count for most of it.
      foundTopics.add(e.topic);
      const all = new Set<string>();
      // One-word synonyms only: a phrase's words alone are not synonyms ("rate" of "exchange rate" is not "currency").
      for (const entry of vocabulary(deals, topics)) if (entry.topic === e.topic && entry.stems.length === 1) all.add(entry.stems[0]!);
      for (let i = at; i < at + e.stems.length; i++) {
        if (used[i]) continue;
        used[i] = true;
        const asked = stems[i]!;
        if (!concepts.some((c) => c.stems[0] === asked)) {
          concepts.push({ stems: [asked, ...[...all].filter((x) => x !== asked)], synonymCredit: 0.6, partner: false, topical: true, weight: 1 });
        }
        addTerm(asked, 1);
      }
      for (const s of all) addTerm(s, TOPIC_SYNONYM_WEIGHT);
    }
  }

  const years: number[] = [];
  let recent = false;
  for (const w of words(text)) {
    if (/^(19|20)\d\d$/.test(w)) years.push(Number(w));
    if (RECENT_WORDS.has(w)) recent = true;
  }
  const yearStems: string[] = [];
  stems.forEach((s, i) => {
    if (used[i] || QUESTION_NOISE.has(s) || RECENT_STEMS.has(s)) return;
    used[i] = true;
    // Years pick an era (see ranking) rather than words the sentence must contain.
    if (/^(19|20)\d\d$/.test(s)) {
      yearStems.push(s);
      addTerm(s, 0.3);
      return;
    }
    if (concepts.some((c) => c.stems[0] === s)) return;
    // General-language near-synonyms come from word vectors at ranking time (soft coverage), not from a list here.
    concepts.push({ stems: [s], synonymCredit: 0.6, partner: false, weight: MONTHS.has(s) ? 0.5 : 1 });
    addTerm(s, 1);
  });
  // A question that is only a year still needs something to match.
  if (!concepts.some((c) => !c.partner)) for (const y of yearStems) concepts.push({ stems: [y], synonymCredit: 0, partner: false, weight: 1 });

  return {
    text,
    concepts,
    terms,
    deals: [...foundDeals],
    topics: [...foundTopics],
    years,
    recent,
    type: questionType(text),
    isQuestion: /\?\s*$/.test(text) || QUESTION_START.test(text),
  };
}
