/** The deal list and the source list, as answers. */
import { coverageLines } from './compose.ts';
import type { CorpusIndex } from '../retrieval/corpus-index.ts';
import type { Answer } from '../model/types.ts';

/** The deals the knowledge holds, newest first, with their status. */
export function listDeals(index: CorpusIndex): Answer {
  const list = [...index.corpus.deals].sort((a, b) => b.from.localeCompare(a.from));
  return {
    kind: 'deals',
    question: '',
    answered: true,
    headline: list.length ? `I know ${list.length} deal(s). Ask about one with a partner and a topic, or ask a question.` : 'This knowledge base lists no deals; ask a question instead.',
    citations: [],
    facts: [],
    notes: [],
    lines: list.length ? list.map((d) => `${d.name} (${d.parties.join(', ')}): ${d.status}`) : coverageLines(index),
  };
}

/** Every article, newest first, with publisher, date and reliability (and the reason for a low one). */
export function listSources(index: CorpusIndex): Answer {
  const list = [...index.corpus.articles].sort((a, b) => b.date.localeCompare(a.date));
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
