/**
 * Slack Block Kit rendering of an `Answer`: a pure function, so the CLI's
 * `--render slack` prints exactly what the Slack adapter sends.
 *
 * Safety and limits (see DESIGN.md, "Platform limits and safety"):
 * - every piece of text taken from an answer (quotes, titles, the question)
 *   is escaped (`&`, `<`, `>`), so it can never form `<!channel>`, `<@U…>` or
 *   a link; and what Slack would auto-parse in plain text is broken with a
 *   zero-width space: `@here`, `@channel`, `@everyone` (any `@name`),
 *   `#channel`, `scheme://` and bare domains (`evil.example`). Every mrkdwn
 *   object also sets `verbatim: true`, so Slack links nothing by itself; the
 *   only links are the ones built here from `http(s)` source URLs;
 * - a text object holds at most 3,000 characters, a message at most 50 blocks
 *   and about 12,000 characters of text (3,000 for ephemeral replies);
 * - a long answer is shortened by dropping whole quotes (and whole list lines)
 *   from the end and saying how many were left out; a single quote that is too
 *   long on its own is cut at a word boundary with "…", never inside an escape.
 */
import type { Answer, Citation, Fact } from '../core/model/types.ts';
import type { TimelineEvent } from '../core/model/types.ts';
import { chooseEvents, claimLine, eventSource, labelIsQuote, moreEventsText, stanceLine, verdictBadge, verdictDetail } from './analyst.ts';

/** Slack's limits as this renderer applies them. */
export const SLACK_LIMITS = {
  /** Characters in one section or context text object. */
  text: 3000,
  /** Characters in one section field. */
  field: 2000,
  /** Fields in one section. */
  fields: 10,
  /** Blocks in one message. */
  blocks: 50,
  /** Characters of text in one message (blocks plus fallback text); Slack's advice is "about 12,000". */
  total: 12_000,
  /** Ephemeral replies fail over 3,000 characters. */
  ephemeralTotal: 3000,
  /** Characters in a button value. */
  buttonValue: 2000,
} as const;

/** `block_id` of the context block that shows the question (votes read it back). */
export const QUESTION_BLOCK_ID = 'dealdesk_question';
/** `block_id` of the 👍/👎 actions block. */
export const VOTE_BLOCK_ID = 'dealdesk_vote';
/** `action_id`s of the vote buttons. */
export const VOTE_ACTION_IDS = { up: 'dealdesk_vote_up', down: 'dealdesk_vote_down' } as const;
/** Prefix of the question block's text, before the escaped question. */
export const QUESTION_PREFIX = '*Asked:* ';

/** A mrkdwn or plain-text object. */
export interface SlackText {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  emoji?: boolean;
  /** mrkdwn only: true stops Slack from turning bare URLs, channel names and mentions into links. */
  verbatim?: boolean;
}

/** A button in an actions block. */
export interface SlackButton {
  type: 'button';
  action_id: string;
  text: SlackText;
  value: string;
}

/** The blocks this renderer emits. */
export type SlackBlock =
  | { type: 'section'; block_id?: string; text?: SlackText; fields?: SlackText[] }
  | { type: 'context'; block_id?: string; elements: SlackText[] }
  | { type: 'divider'; block_id?: string }
  | { type: 'actions'; block_id?: string; elements: SlackButton[] };

/** A Slack message payload (chat.postMessage / response_url body, without channel or response fields). */
export interface SlackMessage {
  /** Fallback text for notifications and clients that cannot show blocks (escaped too). */
  text: string;
  blocks: SlackBlock[];
  unfurl_links: false;
  unfurl_media: false;
}

/** Answer kinds that are replied to privately (help, errors, the source list). */
const EPHEMERAL_KINDS: ReadonlySet<Answer['kind']> = new Set(['help', 'error', 'sources']);
/** Answer kinds that get the question shown and 👍/👎 buttons. */
const VOTABLE_KINDS: ReadonlySet<Answer['kind']> = new Set(['answer', 'briefing', 'abstain', 'check', 'timeline']);

/** True when the answer is sent privately (ephemeral): help, errors and the source list. */
export function isEphemeral(answer: Answer): boolean {
  return EPHEMERAL_KINDS.has(answer.kind);
}

const ZWSP = '\u200b';

/**
 * Places where Slack's auto-parsing could act on plain text; a zero-width
 * space goes after each match: after `@` before a name (`@here`, `@channel`,
 * `@everyone`, `@user`, e-mail addresses), after `#` before a channel name,
 * between `scheme:` and `//`, and before the dot of a bare domain
 * (`evil.example`, `www.x.com`). A `@` or `#` that ends the text gets one
 * too, since our own markup (`_`, `*`) may follow it.
 */
const AUTO_PARSED = /@(?=[\p{L}\p{N}_]|$)|#(?=[\p{L}\p{N}_-]|$)|[\p{L}\p{N}+.-]:(?=\/\/)|[\p{L}\p{N}](?=\.\p{L}{2})/gu;

/**
 * Makes text from a source or a user safe for Slack: `&`, `<`, `>` escaped
 * (no `<!channel>`, `<@U…>` or link can form) and auto-parsed tokens broken
 * (see `AUTO_PARSED`). Zero-width spaces already in the text are dropped
 * first, so `unescapeSlack` can remove every one it finds.
 * @example escapeSlack('@here see <x> & evil.example') === '@\u200bhere see &lt;x&gt; &amp; evil\u200b.example'
 */
export function escapeSlack(text: string): string {
  return text.replaceAll(ZWSP, '').replace(AUTO_PARSED, (m) => m + ZWSP).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Reverses `escapeSlack` (zero-width spaces in the original aside). */
export function unescapeSlack(text: string): string {
  return text.replaceAll(ZWSP, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Escapes `raw` and makes it fit in `max` characters: when too long, cuts the raw
 * text at the last word boundary that fits and appends "…". Cutting happens
 * before escaping, so an escape sequence is never split; a single word longer
 * than the room is cut between characters (never inside a surrogate pair).
 * @example fitEscaped('a & b c', 9) === 'a &amp;…'
 */
export function fitEscaped(raw: string, max: number): string {
  const text = raw.replaceAll(ZWSP, '');
  // Escaping never shortens text, so only text that might fit is escaped whole.
  if (text.length <= max) {
    const full = escapeSlack(text);
    if (full.length <= max) return full;
  }
  const room = max - 1; // for "…"
  // Each character's escaped width in context: its entity, plus a zero-width
  // space when one goes before it (the rules look at most 3 characters ahead).
  const head = text.slice(0, room + 4);
  const inserts = new Set<number>();
  for (const m of head.matchAll(AUTO_PARSED)) inserts.add(m.index + m[0].length);
  let used = 0;
  let end = 0;
  let lastSpace = -1;
  for (const ch of head) {
    const w = (inserts.has(end) ? 1 : 0) + (ch === '&' ? 5 : ch === '<' || ch === '>' ? 4 : ch.length);
    if (used + w > room) break;
    if (/\s/.test(ch)) lastSpace = end;
    used += w;
    end += ch.length;
  }
  // Cut before the last space that fits, so no word is cut in half.
  let cut = (lastSpace > 0 ? text.slice(0, lastSpace) : text.slice(0, end)).trimEnd();
  // At the cut the context changes (a trailing "@" gets its own zero-width space): step back until it fits.
  let out = escapeSlack(cut);
  while (out.length > room && cut) {
    cut = Array.from(cut).slice(0, -1).join('').trimEnd();
    out = escapeSlack(cut);
  }
  return out + '…';
}

/**
 * The button value for a vote: `up|articleId,articleId` (the format of
 * `encodeVote` in src/adapters/feedback.ts, which `decodeVote` reads back; kept
 * here because the renderer may depend on core types only). Trailing ids are
 * dropped whole to fit Slack's 2,000 characters.
 */
export function voteButtonValue(vote: 'up' | 'down', articleIds: readonly string[]): string {
  let value = `${vote}|${articleIds.join(',')}`;
  while (value.length > SLACK_LIMITS.buttonValue && value.includes(',')) value = value.slice(0, value.lastIndexOf(','));
  return value.slice(0, SLACK_LIMITS.buttonValue);
}

/** The cited article ids of an answer, in order, without repeats (what a vote records). */
export function citedArticleIds(answer: Answer): string[] {
  return [...new Set(answer.citations.map((c) => c.articleId))];
}

/**
 * Reads the question back from a rendered message's blocks (for votes): the
 * text of the `QUESTION_BLOCK_ID` context block, unescaped. Undefined when absent.
 */
export function questionFromBlocks(blocks: readonly unknown[] | undefined): string | undefined {
  const block = blocks?.find((b): b is { block_id: string; elements: { text?: unknown }[] } => !!b && typeof b === 'object' && (b as { block_id?: unknown }).block_id === QUESTION_BLOCK_ID);
  const text = block?.elements?.[0]?.text;
  if (typeof text !== 'string' || !text.startsWith(QUESTION_PREFIX)) return undefined;
  return unescapeSlack(text.slice(QUESTION_PREFIX.length));
}

/** Characters of displayed text in a block (every `text` string in it). */
export function blockChars(block: SlackBlock): number {
  switch (block.type) {
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + e.text.text.length, 0);
    case 'divider':
      return 0;
  }
}

// verbatim: our own markup (bold, quotes, `<url|label>` links) still renders; nothing else is linked.
const mrkdwn = (text: string): SlackText => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string, block_id?: string): SlackBlock => ({ type: 'section', ...(block_id ? { block_id } : {}), text: mrkdwn(text) });
const context = (...texts: string[]): SlackBlock => ({ type: 'context', elements: texts.map(mrkdwn) });

/** A link to a source, only for plain `http(s)` URLs; anything else shows as escaped text. */
function sourceLink(url: string | undefined, label: string): string {
  const shown = fitEscaped(label, 300);
  if (!url || url.length > 1000 || !/^https?:\/\/[^\s<>|]+$/.test(url)) return `_${shown}_`;
  return `<${url.replace(/&/g, '&amp;')}|${shown}>`;
}

/**
 * The quote as a Slack quote block (`>`), cut to fit one section. Runs of
 * whitespace show as one space: line breaks inside a sentence are the
 * source's wrapping, and one quote line keeps the markup simple.
 */
function quoteText(quote: string): string {
  return `> ${fitEscaped(quote.replace(/\s+/g, ' ').trim(), SLACK_LIMITS.text - 2)}`;
}

/** One citation: the quote section, then its context line (publisher, date, era, link, flags). */
function citationBlocks(c: Citation): SlackBlock[] {
  const source = [c.publisher ? `*${fitEscaped(c.publisher, 200)}*` : '', fitEscaped(c.date, 50), fitEscaped(c.era, 200), sourceLink(c.url, c.title)].filter(Boolean).join(' · ');
  const elements = [source];
  // Claim checks: what the quote does to the claim comes first.
  if (c.stance) elements.unshift(fitEscaped(stanceLine(c), 500));
  if (c.reliability === 'low') elements.push(`⚠ *Low-reliability source*${c.note ? `: ${fitEscaped(c.note, 500)}` : ''}`);
  if (c.alsoReportedBy.length) {
    elements.push(fitEscaped(`Also reported by: ${c.alsoReportedBy.map((a) => `${a.publisher ?? a.title} (${a.date})`).join(', ')}`, 500));
  }
  return [section(quoteText(c.quote)), context(...elements)];
}

/** A fact as a section field. */
function factField(f: Fact): SlackText {
  return mrkdwn(`${fitEscaped(f.statement, 900)}\n_as of ${fitEscaped(f.asOf, 50)}_`);
}

/** Fact fields in sections (ten a section). */
function factBlocks(fields: readonly SlackText[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.fields) blocks.push({ type: 'section', fields: fields.slice(i, i + SLACK_LIMITS.fields) });
  return blocks;
}

/** A plain line, escaped and at most 1,000 characters. */
const fitLine = (line: string) => fitEscaped(line.trim(), 1000);

/** Groups escaped lines (`fitLine`) into sections of at most 3,000 characters. */
function lineSections(lines: readonly string[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > SLACK_LIMITS.text) {
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

function voteBlock(answer: Answer): SlackBlock {
  const ids = citedArticleIds(answer);
  const button = (vote: 'up' | 'down', label: string): SlackButton => ({
    type: 'button',
    action_id: VOTE_ACTION_IDS[vote],
    text: { type: 'plain_text', text: label, emoji: true },
    value: voteButtonValue(vote, ids),
  });
  return { type: 'actions', block_id: VOTE_BLOCK_ID, elements: [button('up', '👍 Helpful'), button('down', '👎 Not helpful')] };
}

const sum = (blocks: readonly SlackBlock[]) => blocks.reduce((n, b) => n + blockChars(b), 0);

/** Room kept for the "n more … not shown" line. */
const MORE_RESERVE = 200;

/**
 * Renders an answer as a Slack message. Layout, top to bottom: the question
 * (answers only), the headline, facts as fields, plain lines, each quote with
 * its source line, "n more sources" when some were dropped, the conflict
 * notes, and 👍/👎 buttons (answers only). Ephemeral kinds (`isEphemeral`)
 * are kept within 3,000 characters.
 */
export function renderSlack(answer: Answer): SlackMessage {
  if (answer.kind === 'timeline' && answer.events) return renderSlackTimeline(answer, answer.events);
  const ephemeral = isEphemeral(answer);
  const budget = ephemeral ? SLACK_LIMITS.ephemeralTotal : SLACK_LIMITS.total;
  const votable = VOTABLE_KINDS.has(answer.kind);
  const text = fitEscaped(answer.headline || answer.question || 'dealdesk', ephemeral ? 500 : 1000);

  // Always shown: the question, the headline and the buttons.
  const top: SlackBlock[] = [];
  if (votable && answer.question) {
    top.push({ type: 'context', block_id: QUESTION_BLOCK_ID, elements: [mrkdwn(QUESTION_PREFIX + fitEscaped(answer.question, 1500))] });
  }
  top.push(section(answer.verdict ? `*${fitEscaped(verdictBadge(answer.verdict), 50)}* · ${fitEscaped(verdictDetail(answer.verdict, answer.headline), 1000)}` : fitEscaped(answer.headline, 1000)));
  const claim = answer.verdict ? claimLine(answer.claimed) : undefined;
  if (claim) top.push(context(fitEscaped(claim, 500)));
  const votes = votable ? [voteBlock(answer)] : [];

  let chars = text.length + sum(top) + sum(votes) + MORE_RESERVE;
  let blockCount = top.length + votes.length + 1; // + 1: the "n more" line
  const more: string[] = [];
  /**
   * Takes the longest prefix of `items` whose blocks fit in what is left; notes
   * what was dropped. Each item is rendered once (`render`), when first needed.
   */
  const fill = <T, R>(items: readonly T[], render: (item: T) => R, build: (rendered: readonly R[]) => SlackBlock[], word: string): SlackBlock[] => {
    let best: SlackBlock[] = [];
    const rendered: R[] = [];
    let n = 0;
    for (; n < items.length; n++) {
      rendered.push(render(items[n]!));
      const blocks = build(rendered);
      if (chars + sum(blocks) > budget || blockCount + blocks.length > SLACK_LIMITS.blocks) break;
      best = blocks;
    }
    chars += sum(best);
    blockCount += best.length;
    if (n < items.length) more.push(`${items.length - n} more ${word}${items.length - n === 1 ? '' : 's'}`);
    return best;
  };

  // Filled in order of importance: notes, facts, lines, then quotes.
  const notes = fill(answer.notes, (n) => fitLine(`Note: ${n}`), lineSections, 'note');
  const headlineStatement = answer.kind === 'answer' ? answer.headline : undefined;
  const facts = fill(answer.facts.filter((f) => f.statement !== headlineStatement), factField, factBlocks, 'fact');
  const lines = fill(answer.lines, fitLine, lineSections, 'line');
  const quotes = fill(answer.citations, citationBlocks, (cs) => (cs.length ? [{ type: 'divider' }, ...cs.flat()] : []), 'source');
  const moreBlock = more.length ? [context(`_${more.join(', ')} not shown; ask a narrower question to see them._`)] : [];

  return { text, blocks: [...top, ...facts, ...lines, ...quotes, ...moreBlock, ...notes, ...votes], unfurl_links: false, unfurl_media: false };
}

/** Longest quote shown for a timeline event (cut at a word with "…"), so that more events fit. */
const TIMELINE_QUOTE = 600;

/** One timeline event as one section: date and label, the quote, then its source (with a link), flags and other reporters. */
function eventBlock(e: TimelineEvent, eraHeader: string | undefined): SlackBlock {
  const head = `${eraHeader ? `*${fitEscaped(eraHeader, 200)}*\n` : ''}*${fitEscaped(e.date, 20)}*${e.kind === 'milestone' ? ' ◆' : ''}`;
  const lines = [e.quote && labelIsQuote(e) ? head : `${head} ${fitEscaped(e.label, 400)}`];
  if (e.quote) lines.push(`> ${fitEscaped(e.quote.replace(/\s+/g, ' ').trim(), TIMELINE_QUOTE)}`);
  const source = e.articleId ? sourceLink(e.url, eventSource(e)) : '_deal record_';
  const extra = [e.reliability === 'low' ? '⚠ *Low-reliability source*' : '', e.alsoReportedBy.length ? fitEscaped(`also reported by ${e.alsoReportedBy.map((a) => a.publisher ?? a.title).join(', ')}`, 300) : ''].filter(Boolean);
  lines.push(`— ${[source, ...extra].join(' · ')}`);
  return section(lines.join('\n'));
}

/**
 * A timeline as a Slack message: the question, the headline, then events by
 * era, oldest first. When they do not all fit (50 blocks, about 12,000
 * characters), the most important events of each era are kept (milestones
 * first) and a last line says "n more events: narrow with a topic". Quotes
 * are never cut inside a word.
 */
function renderSlackTimeline(answer: Answer, events: readonly TimelineEvent[]): SlackMessage {
  const text = fitEscaped(answer.headline || 'dealdesk timeline', 1000);
  const top: SlackBlock[] = [];
  if (answer.question) top.push({ type: 'context', block_id: QUESTION_BLOCK_ID, elements: [mrkdwn(QUESTION_PREFIX + fitEscaped(answer.question, 1500))] });
  top.push(section(fitEscaped(answer.headline, 1000)));
  const votes = [voteBlock(answer)];
  const build = (chosen: readonly TimelineEvent[]) => chosen.map((e, i) => eventBlock(e, i === 0 || chosen[i - 1]!.era !== e.era ? e.era : undefined));
  const fixed = text.length + sum(top) + sum(votes) + MORE_RESERVE;
  const { shown, hidden } = chooseEvents(events, (chosen) => {
    const blocks = build(chosen);
    return fixed + sum(blocks) <= SLACK_LIMITS.total && top.length + votes.length + 1 + blocks.length <= SLACK_LIMITS.blocks;
  });
  const more = hidden + (answer.moreEvents ?? 0);
  const moreBlock = more > 0 ? [context(`_${fitEscaped(moreEventsText(more), 200)}_`)] : [];
  return { text, blocks: [...top, ...build(shown), ...moreBlock, ...votes], unfurl_links: false, unfurl_media: false };
}
