/**
 * Core data types shared by the knowledge loader, the retriever, the answer
 * composer, the commands and the renderers. Pure data: no behaviour here.
 */

/** How far a source can be trusted. `high` = official text, `low` = e.g. machine-paraphrased copy. */
export type Reliability = 'high' | 'normal' | 'low';

/** One article from `knowledge/articles/*.md`: front matter plus the body exactly as published. */
export interface Article {
  /** Stable id: front matter `id`, else the file name without extension. */
  id: string;
  title: string;
  /** Publication date, `YYYY-MM-DD`. */
  date: string;
  publisher?: string;
  url?: string;
  /** Defaults to `normal`. */
  reliability: Reliability;
  /** Shown next to low-reliability flags. */
  note?: string;
  /** The body, verbatim (never edited). */
  body: string;
  /** Path relative to the knowledge folder, for error messages. */
  file: string;
}

/** A deal (agreement or negotiation round) from `knowledge/deals.yaml`. */
export interface Deal {
  id: string;
  /** Human name, e.g. "U.S.-Japan Trade Agreement". */
  name: string;
  /** Parties, e.g. ["United States", "Japan"]. */
  parties: string[];
  /** Words that name the partner or the deal in questions (lower case matching), e.g. "tokyo". */
  aliases: string[];
  /** Short era label shown with quotes, e.g. "2019 agreement". */
  era: string;
  /** First day the deal's era covers (`YYYY-MM-DD`): articles dated from here belong to it. */
  from: string;
  /** Last day (inclusive) the era covers; open-ended when absent. */
  to?: string;
  /** One-line status, e.g. "Signed 2019-10-07; in force 2020-01-01". */
  status: string;
  /** Key dates. */
  milestones: { date: string; event: string }[];
}

/** A topic from `knowledge/topics.yaml` with the words that mean it. */
export interface Topic {
  id: string;
  name: string;
  /** Words and phrases that mean this topic (the id and name count too). */
  synonyms: string[];
}

/** A structured fact from `knowledge/facts/*.yaml`; its quote stands verbatim in its article. */
export interface Fact {
  id: string;
  deal?: string;
  topic?: string;
  /** Facts sharing a subject describe the same figure over time (used for "figures differ" notes). */
  subject?: string;
  statement: string;
  value?: number;
  unit?: string;
  /** Date the fact holds as of, `YYYY-MM-DD`. */
  asOf: string;
  articleId: string;
  quote: string;
  /** File it came from, for error messages. */
  file: string;
}

/** The whole validated knowledge base. */
export interface Corpus {
  articles: Article[];
  deals: Deal[];
  topics: Topic[];
  facts: Fact[];
  /** Hash of every knowledge file's path and bytes (for cache keys). */
  hash: string;
}

/** A sentence-sized passage of an article, the unit of retrieval. */
export interface Passage {
  /** `${articleId}#${sentence index}` */
  id: string;
  articleId: string;
  /** Paragraph index within the article. */
  paragraph: number;
  /** Sentence index within the article. */
  sentence: number;
  /** The original characters, verbatim from the body. */
  text: string;
  /** Character offset of `text` in the article body. */
  start: number;
}

/** One quote in an answer. */
export interface Citation {
  articleId: string;
  title: string;
  publisher?: string;
  date: string;
  url?: string;
  reliability: Reliability;
  /** Set for low-reliability sources: why. */
  note?: string;
  /** Verbatim substring of the article body. */
  quote: string;
  /** Era label (deal era, or the year when no deal covers the date). */
  era: string;
  /** Other sources that say the same thing (near-duplicates removed from the list). */
  alsoReportedBy: { articleId: string; publisher?: string; title: string; date: string }[];
  /** Claim checks only: what this quote does to the claim. */
  stance?: Stance;
  /** Claim checks only: the figure, date or party this quote states for what the claim is about, e.g. "$550 billion". */
  stated?: string;
  /** Claim checks only: a hedge or negation the quote puts on it ("threatened", "could", "not"), so the verdict never overstates it. */
  hedge?: string;
  /** Claim checks only: the date the quoted statement is about (resolved from the text, else the article date). */
  about?: string;
}

/** A claim check's verdict (see `/deal check`). */
export type Verdict = 'supported' | 'contradicted' | 'differs-by-date' | 'no-source';

/** What one quote does to a checked claim: states its figure, states another, or only speaks to the subject. */
export type Stance = 'supports' | 'contradicts' | 'context';

/** One dated event of a timeline. */
export interface TimelineEvent {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: as precise as the source. */
  date: string;
  /** One line saying what happened. */
  label: string;
  /** Where the event comes from: a deal milestone, a structured fact, or a dated sentence of a source. */
  kind: 'milestone' | 'fact' | 'source';
  /** The verbatim sentence that states it; absent for a milestone no source sentence states. */
  quote?: string;
  articleId?: string;
  title?: string;
  publisher?: string;
  url?: string;
  reliability?: Reliability;
  /** Set for low-reliability sources: why. */
  note?: string;
  /** Publication date of the quoted article. */
  published?: string;
  /** Era label of the event's date. */
  era: string;
  /** Other sources that report the same event. */
  alsoReportedBy: { articleId: string; publisher?: string; title: string; date: string }[];
}

/** What kind of reply an `Answer` is; renderers use it for layout. */
export type AnswerKind = 'answer' | 'briefing' | 'abstain' | 'deals' | 'sources' | 'help' | 'error' | 'check' | 'timeline';

/** A reply as pure data; renderers turn it into text, Slack blocks or Discord embeds. */
export interface Answer {
  kind: AnswerKind;
  /** What was asked, as typed (trimmed). */
  question: string;
  /** True when the reply carries cited content answering the question. */
  answered: boolean;
  /** One line: the best matching fact's statement, else the top quote, or the abstention/help sentence. */
  headline: string;
  /** Quotes, newest era first. Empty when abstaining. */
  citations: Citation[];
  /** Matching structured facts. */
  facts: Fact[];
  /** "Figures differ by date" notes. */
  notes: string[];
  /** Extra plain lines (deal lists, source lists, help, what the bot covers). */
  lines: string[];
  /** Claim checks only: the verdict. */
  verdict?: Verdict;
  /** Claim checks only: what the claim states that was compared (figures, dates, parties), e.g. ["$1 trillion"]. */
  claimed?: string[];
  /** Timelines only: the events, oldest first. */
  events?: TimelineEvent[];
  /** Timelines only: events left out to fit (the renderers may drop more). */
  moreEvents?: number;
  /**
   * Questions only: the probability (0–1) the ranker gave its best sentence,
   * which the abstention threshold is compared with. Absent when the bot
   * abstained before ranking (no subject words, a name no source mentions).
   */
  confidence?: number;
  /** Questions only: the question-level features behind `confidence` (ranking/abstention.ts). */
  answerability?: Record<string, number>;
  /** The answerability this question needed: the fitted threshold after the abstention priors that applied (questions only). */
  threshold?: number;
  /** Questions only: why each citation ranked where it did (same order as `citations`). */
  scores?: CitationScore[];
}

/** The ranker's view of one cited sentence: what `--explain` prints. */
export interface CitationScore {
  /** Probability that the sentence answers the question (sigmoid of the logit). */
  probability: number;
  /** The fitted logit, priors included. */
  logit: number;
  /** The domain priors' part of the logit (reliability, era fit, fact backing). */
  priors: number;
  /** Each fitted feature's value. */
  features: Record<string, number>;
}

/** An error the user caused (bad input); `code` is stable for adapters and tests. */
export class UserError extends Error {
  constructor(
    readonly code: 'empty' | 'too_long' | 'bad_option' | 'unknown_command' | 'rate_limited',
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
