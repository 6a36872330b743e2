/**
 * Whether the knowledge states the figure a question asks of a party it
 * names. The sources may name the party (Vietnam among the coming deals) and
 * give the asked kind of figure for others ("Korea (25%)") without ever
 * giving it for that party: quoting them would answer a question they do not
 * answer, so the bot says what it lacks instead.
 */
import type { CorpusIndex } from '../retrieval/corpus-index.ts';
import type { ParsedQuery } from '../query/parse.ts';
import { subjectNames } from './abstention.ts';
import { questionNamePhrases } from '../text/named-entities.ts';
import { analyze } from '../text/analyzer.ts';
import { CUES } from './context.ts';
import { leadInOf } from './rank.ts';

/**
 * Best on-subject candidates read by `unstatedFigure`. Default 10 (measured
 * at 3, 10 and 30: held-out set A's abstained-but-answerable 11.8%, 8.8%,
 * 8.8%; SQuAD validation top-3 with abstention 81.3%, 81.7%, 81.7%).
 */
export const FIGURE_EVIDENCE_POOL = 10;

// A "how much" question about money ("invest", "spend", "worth") is answered by a sum, not a rate or a count,
// unless it asks a rate in other words ("how much of a tariff does it pay").
const MONEY_QUESTION = /\b(invest\w*|spen[dt]\w*|pledg\w*|paid|pay\w*|worth|cost\w*|dollars?|funds?|funding|financ\w*|sums?)\b/i;
// The words that name a rate or share itself: not the thing it is asked of, and a "how much" question using one asks a rate.
const RATE_STEMS = new Set(analyze('tariff rate duty levy percent percentage tax share'));
const MONEY_CUE = /[$€¥£]|\b(yen|dollars?|euros?)\b|\b\d[\d.,]*\s*(billion|million|trillion|bn)\b/i;

/**
 * The party a figure is asked of: of the question's names that the knowledge
 * uses (a name it never uses is abstained on before ranking), the rarest,
 * as a whole name ("South Korea", not the "South" that "South Africa (30%)"
 * also has); a sentence meets it by its head, the last word ("Korea").
 * In "What rate did Trump's letter set for Korea?" the rate is Korea's, and
 * "Korea (25%)" need not name Trump. Stems; empty when the question names no one.
 */
export function askedParty(index: CorpusIndex, query: ParsedQuery): string[] {
  const names = new Set(subjectNames(query));
  const df = (s: string) => index.sentences.documentFrequency(s);
  const phrases = questionNamePhrases(query.text)
    .map((p) => p.filter((s) => names.has(s)))
    .filter((p) => p.length > 0 && p.every((s) => df(s) > 0));
  if (phrases.length === 0) return [];
  const rarity = (p: string[]) => Math.min(...p.map(df));
  return phrases.reduce((a, b) => (rarity(b) < rarity(a) ? b : a));
}

/**
 * For a question asking a figure ("what rate", "how much") of a party it
 * names (a capitalised name, not the partner, not a month): the party's name
 * (its stems, space-separated) when none of the `pool` best on-subject
 * candidates states a figure of the asked kind (a sum, for a question about
 * money) with that party (its name's head: "Korea" for "South Korea") in the same sentence, the one before it or its
 * list's lead-in; and, for a rate, with every topic word the question asks it
 * of other than the rate's own ("semiconductors" in "What tariff is set on
 * semiconductors?"; a topic's other words count: "vehicles" for "cars"). Else
 * undefined (also for questions of other kinds, or naming no party and no such topic).
 */
export function unstatedFigure(
  index: CorpusIndex,
  query: ParsedQuery,
  ranked: readonly { index: number; onSubject: boolean }[],
  pool = FIGURE_EVIDENCE_POOL,
): string | undefined {
  if (query.type !== 'rate' && query.type !== 'amount') return undefined;
  const party = askedParty(index, query);
  // A rate asked of a thing the knowledge has a topic for ("the tariff on semiconductors") is stated with that thing.
  const things = query.type === 'rate' ? query.concepts.filter((c) => c.topical && !c.partner && !c.stems.some((s) => RATE_STEMS.has(s))) : [];
  if (party.length === 0 && things.length === 0) return undefined;
  const asksRate = query.concepts.some((c) => RATE_STEMS.has(c.stems[0]!));
  const cue = query.type === 'amount' && MONEY_QUESTION.test(query.text) && !asksRate ? MONEY_CUE : CUES[query.type]!;
  const states = (i: number): boolean => {
    const passage = index.passages[i]!;
    if (!cue.test(passage.text)) return false;
    const stems = new Set(index.termsOf(i));
    for (const j of [i - 1, leadInOf(index, i)]) {
      if (j === undefined || j < 0 || index.passages[j]!.articleId !== passage.articleId) continue;
      for (const s of index.termsOf(j)) stems.add(s);
    }
    // A name of several words is met by its last, its head: "Korea is to invest …" speaks of South Korea, "South Africa" does not.
    return (party.length === 0 || stems.has(party.at(-1)!)) && things.every((c) => c.stems.some((x) => stems.has(x)));
  };
  const top = ranked.filter((c) => c.onSubject).slice(0, pool);
  if (top.some((c) => states(c.index))) return undefined;
  return party.length ? party.join(' ') : things[0]!.stems[0]!;
}
