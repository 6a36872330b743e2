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
import { CUES } from './context.ts';
import { leadInOf } from './rank.ts';

/**
 * Best on-subject candidates read by `unstatedFigure`. Default 10 (measured
 * at 3, 10 and 30: held-out set A's abstained-but-answerable 11.8%, 8.8%,
 * 8.8%; SQuAD validation top-3 with abstention 81.3%, 81.7%, 81.7%).
 */
export const FIGURE_EVIDENCE_POOL = 10;

/**
 * For a question asking a figure ("what rate", "how much") of a party it
 * names (a capitalised name, not the partner, not a month): the stem of a
 * name when none of the `pool` best on-subject candidates states a figure of
 * the asked kind with any of the question's names in the same sentence, the
 * one before it or its list's lead-in; else undefined (also for questions of
 * other kinds or naming no one). Any name, not every one: in "What rate did
 * Trump's letter set for Korea?" the rate is Korea's, and "Korea (25%)" need
 * not name Trump.
 */
export function unstatedFigure(
  index: CorpusIndex,
  query: ParsedQuery,
  ranked: readonly { index: number; onSubject: boolean }[],
  pool = FIGURE_EVIDENCE_POOL,
): string | undefined {
  if (query.type !== 'rate' && query.type !== 'amount') return undefined;
  const names = subjectNames(query);
  if (names.length === 0) return undefined;
  const cue = CUES[query.type]!;
  const states = (i: number): boolean => {
    const passage = index.passages[i]!;
    if (!cue.test(passage.text)) return false;
    const stems = new Set(index.termsOf(i));
    for (const j of [i - 1, leadInOf(index, i)]) {
      if (j === undefined || j < 0 || index.passages[j]!.articleId !== passage.articleId) continue;
      for (const s of index.termsOf(j)) stems.add(s);
    }
    return names.some((n) => stems.has(n));
  };
  const top = ranked.filter((c) => c.onSubject).slice(0, pool);
  if (top.some((c) => states(c.index))) return undefined;
  // Name the party the best sentences say least about.
  return names.find((n) => !top.some((c) => index.termsOf(c.index).includes(n))) ?? names[0];
}
