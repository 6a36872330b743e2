/**
 * Discord rendering of an `Answer`: one embed (title, headline, one field per
 * quote, facts, conflict notes, footer), coloured by era. A pure function: the
 * adapter sends exactly this (plus flags and vote buttons), and
 * `npm run ask -- --render discord` prints it.
 *
 * Every Discord limit is enforced here, and every string that is not ours
 * (quotes, titles, publishers, the question) is made safe in every part of the
 * message (title, description, field names and values, content): markdown is
 * escaped (so it displays verbatim: no masked links, spoilers, code, headings),
 * and mentions, command mentions, timestamps, custom emoji and links are broken
 * with a zero-width space, on top of `allowedMentions: { parse: [] }`.
 */
import type { Answer, Citation, Fact } from '../core/model/types.ts';
import type { TimelineEvent } from '../core/model/types.ts';
import { chooseEvents, claimLine, eventSource, labelIsQuote, moreEventsText, stanceLine, verdictBadge, verdictDetail } from './analyst.ts';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values, footer and author, across a message's embeds. */
  embedsTotal: 6000,
} as const;

/** An embed, in the API's own (snake_case-free) field names, so discord.js sends it unchanged. */
export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}

/** A Discord message payload (interaction reply / channel message body). */
export interface DiscordMessage {
  content: string;
  embeds: DiscordEmbed[];
  allowedMentions: { parse: [] };
}

const ZWSP = '\u200b';
/** Longest footer we ever build; reserved up front so dropping quotes never overflows. */
const FOOTER_RESERVE = 160;
const FOOTER = 'dealdesk · quotes are verbatim; check the source';
/** Colours for eras (picked by a hash of the era label, so one era keeps one colour). */
const ERA_COLOURS = [0x2e86de, 0x10ac84, 0xee5253, 0xff9f43, 0x8854d0, 0x0abde3, 0xc8d6e5, 0xf368e0];
const KIND_COLOURS: Partial<Record<Answer['kind'], number>> = { help: 0x5865f2, deals: 0x5865f2, sources: 0x5865f2, abstain: 0x99aab5 };

/**
 * Breaks anything Discord could turn into a ping or an interactive token:
 * `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`, `<#id>` (a zero-width
 * space after the `@` or `#`), and command mentions `</name:id>`, timestamps
 * `<t:1:R>`, custom emoji `<:name:id>` / `<a:name:id>` and guild links
 * `<id:browse>` (a zero-width space after the `<`). Defence in depth: we also
 * send `allowedMentions: { parse: [] }`.
 */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<([@#])/g, `<$1${ZWSP}`)
    .replace(/<(?=\/|t:|a?:|id:)/gi, `<${ZWSP}`);
}

/** Breaks links Discord would make by itself (`scheme://…`): a zero-width space between `scheme:` and `//`. */
export function neutraliseLinks(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:)(?=\/\/)/gi, `$1${ZWSP}`);
}

/**
 * Escapes Discord markdown so quoted text displays exactly as written:
 * emphasis, code, spoiler and link characters anywhere, and headings, quotes,
 * list markers at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, '\\$&')
    .replace(/^(\s*)([#>-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}

/** Reverses `escapeMarkdown` (for tests and for reading an embed back). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\*_~`|[\]#>.-])/g, '$1');
}

/** Wraps bare links as `<url>` so Discord shows no preview (used for message content). */
export function wrapLinks(text: string): string {
  return text.replace(/<?(https?:\/\/[^\s<>]+)>?/g, '<$1>');
}

/** Makes any text safe for message content (`escapeDiscord`), at most 2,000 characters. */
export function safeContent(text: string): string {
  return truncate(escapeDiscord(text), DISCORD_LIMITS.content);
}

/**
 * Shortens text to at most `max` characters, at a word boundary when one is
 * near, ending with "…". Never leaves half a `<link>` or a dangling escape.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  if (space > max * 0.6) cut = cut.slice(0, space);
  // A half-cut `<https://…` would lose its closing bracket and get a preview.
  const open = cut.lastIndexOf('<');
  if (open >= 0 && !cut.slice(open).includes('>') && /^<https?:/.test(text.slice(open, open + 9))) cut = cut.slice(0, open);
  // Don't split a surrogate pair or leave a backslash that would escape the ellipsis.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/\\+$/, (s) => (s.length % 2 ? s.slice(1) : s)).trimEnd();
  return `${cut}…`;
}

/** Characters Discord counts towards the 6,000 across a message's embeds. */
export function embedLength(embed: DiscordEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0) +
    (embed.footer?.text.length ?? 0)
  );
}

/**
 * Text that is not ours made inert for any part of a Discord message:
 * markdown escaped, mentions and other `<…>` tokens broken, links broken.
 */
export function escapeDiscord(text: string): string {
  return neutraliseLinks(neutraliseMentions(escapeMarkdown(text)));
}

const safe = escapeDiscord;

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}

/** The embed colour: by the newest (first) quote's era; fixed colours for lists, help and abstentions. */
export function colourFor(answer: Answer): number {
  const era = answer.citations[0]?.era;
  if (era) return ERA_COLOURS[hash(era) % ERA_COLOURS.length]!;
  return KIND_COLOURS[answer.kind] ?? 0x5865f2;
}

function titleFor(answer: Answer): string {
  switch (answer.kind) {
    case 'help':
      return 'dealdesk: help';
    case 'deals':
      return 'Deals I know';
    case 'sources':
      return 'Sources I quote';
    case 'briefing':
      return `Briefing: ${answer.question || answer.headline}`;
    case 'check':
      return `Check: ${answer.question || answer.headline}`;
    case 'timeline':
      return answer.headline || answer.question;
    default:
      return answer.question || answer.headline;
  }
}

/** `[title](url)` when the link is safe to mask, else the title and the bare link. */
function sourceLink(c: Citation): string {
  const title = safe(c.title);
  // A link too long or odd to mask is left out rather than cut in half.
  if (!c.url || c.url.length > 300 || !/^https?:\/\/[^\s()<>@]+$/.test(c.url)) return truncate(title, 200);
  return `[${truncate(title, 200)}](${c.url})`;
}

/** One field per quote: the quote, then publisher, date, era, link, and the low-reliability flag. */
function quoteField(c: Citation, n: number): { name: string; value: string } {
  const low = c.reliability === 'low';
  // Field names render markdown too: escaped like everything else.
  const name = truncate(`${low ? '⚠ ' : ''}${n}. ${safe(c.publisher || c.title)}`, DISCORD_LIMITS.fieldName);
  const meta = [`— ${safe(c.date)} · ${safe(c.era)} · ${sourceLink(c)}`];
  // Claim checks: what the quote does to the claim, right under it.
  if (c.stance) meta.unshift(truncate(safe(stanceLine(c)), 300));
  if (low) meta.push(truncate(`⚠ Low-reliability source${c.note ? `: ${safe(c.note)}` : ''}`, 300));
  if (c.alsoReportedBy.length) {
    meta.push(truncate(`Also reported by: ${c.alsoReportedBy.map((a) => `${safe(a.publisher ?? a.title)} (${safe(a.date)})`).join(', ')}`, 200));
  }
  let tail = meta.join('\n');
  if (tail.length > 600) tail = truncate(tail, 600);
  // The quote gets whatever room the source line leaves; a long one is cut at a word.
  const room = DISCORD_LIMITS.fieldValue - tail.length - 1;
  const quote = truncate(safe(c.quote).replace(/\s*\n\s*/g, ' '), room - 2);
  return { name, value: `> ${quote}\n${tail}` };
}

function factLine(f: Fact): string {
  return `• ${safe(f.statement)} (as of ${safe(f.asOf)})`;
}

/** Room kept for the "…and N more" line. */
const MORE_RESERVE = 40;

/** Joins lines into at most `max` characters, dropping whole trailing lines and saying how many. */
function fitLines(lines: string[], max: number): string {
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const reserve = i < lines.length - 1 ? MORE_RESERVE : 0;
    const line = i === 0 ? truncate(lines[0]!, max - reserve) : lines[i]!;
    const next = i === 0 ? line : `${text}\n${line}`;
    if (next.length + reserve > max) return `${text}\n…and ${(lines.length - i).toLocaleString('en-US')} more`;
    text = next;
  }
  return text;
}

/**
 * Renders an answer as a Discord message. Errors are plain content (the
 * adapter sends them ephemerally); everything else is one embed. When the
 * quotes do not all fit, whole quotes are dropped from the end and the footer
 * says how many more sources there are.
 */
export function renderDiscord(answer: Answer): DiscordMessage {
  if (answer.kind === 'error') {
    return { content: safeContent(answer.headline || 'Something went wrong.'), embeds: [], allowedMentions: { parse: [] } };
  }
  if (answer.kind === 'timeline' && answer.events) return renderDiscordTimeline(answer, answer.events);
  // The title is usually the user's question: escaped like every other text that is not ours.
  const title = truncate(safe(titleFor(answer).replace(/\s+/g, ' ').trim() || 'dealdesk'), DISCORD_LIMITS.title);

  const blocks: string[] = [];
  if (answer.verdict) {
    blocks.push(`**${safe(verdictBadge(answer.verdict))}** · ${safe(verdictDetail(answer.verdict, answer.headline))}`);
    const claim = claimLine(answer.claimed);
    if (claim) blocks.push(safe(claim));
  } else if (answer.headline && answer.headline !== titleFor(answer)) blocks.push(`**${safe(answer.headline)}**`);
  blocks.push(...answer.lines.map((l) => safe(l.trim())));
  const facts = answer.facts.filter((f) => f.statement !== answer.headline);
  if (facts.length) blocks.push('\n**Key facts**', ...facts.map(factLine));
  for (const n of answer.notes) blocks.push(`**Note:** ${safe(n)}`);

  // Keep room for at least one full quote field next to a maximal description.
  const firstField = answer.citations.length ? DISCORD_LIMITS.fieldName + DISCORD_LIMITS.fieldValue : 0;
  const descMax = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embedsTotal - title.length - FOOTER_RESERVE - firstField);
  const description = fitLines(blocks, descMax);

  const fields: { name: string; value: string }[] = [];
  let used = title.length + description.length + FOOTER_RESERVE;
  for (const [i, c] of answer.citations.entries()) {
    if (fields.length >= DISCORD_LIMITS.fields) break;
    const field = quoteField(c, i + 1);
    if (used + field.name.length + field.value.length > DISCORD_LIMITS.embedsTotal) break;
    fields.push(field);
    used += field.name.length + field.value.length;
  }
  const hidden = answer.citations.length - fields.length;
  const base = answer.citations.length ? FOOTER : 'dealdesk';
  const footer = hidden > 0 ? `${base} · ${hidden.toLocaleString('en-US')} more source${hidden === 1 ? '' : 's'} not shown` : base;

  const embed: DiscordEmbed = { title, color: colourFor(answer) };
  if (description) embed.description = description;
  if (fields.length) embed.fields = fields;
  embed.footer = { text: footer };
  return { content: '', embeds: [embed], allowedMentions: { parse: [] } };
}

/** A short content-only message (rate limits, errors, vote thanks), made safe like every other. */
export function renderDiscordNotice(text: string): DiscordMessage {
  return { content: safeContent(text), embeds: [], allowedMentions: { parse: [] } };
}

/** Longest quote shown for a timeline event (cut at a word with "…"), so that more events fit. */
const TIMELINE_QUOTE = 500;

/** One timeline event as a field: date (and era) as the name; label, quote and source as the value. */
function eventField(e: TimelineEvent): { name: string; value: string } {
  const era = e.era === e.date.slice(0, 4) ? '' : ` · ${e.era}`;
  const name = truncate(neutraliseMentions(`${e.date}${e.kind === 'milestone' ? ' ◆' : ''}${era}`), DISCORD_LIMITS.fieldName);
  const source = e.articleId ? (e.url && e.url.length <= 300 && /^https?:\/\/[^\s()<>@]+$/.test(e.url) ? `[${truncate(safe(eventSource(e)), 150)}](${e.url})` : truncate(safe(eventSource(e)), 150)) : '_deal record_';
  const flags = [e.reliability === 'low' ? '⚠ Low-reliability source' : '', e.alsoReportedBy.length ? truncate(`also reported by ${e.alsoReportedBy.map((a) => safe(a.publisher ?? a.title)).join(', ')}`, 200) : ''].filter(Boolean);
  const tail = `— ${[source, ...flags].join(' · ')}`;
  const label = e.quote && labelIsQuote(e) ? '' : `**${truncate(safe(e.label), 300)}**\n`;
  const room = DISCORD_LIMITS.fieldValue - tail.length - label.length - 4;
  const quote = e.quote ? `> ${truncate(safe(e.quote).replace(/\s*\n\s*/g, ' '), Math.min(TIMELINE_QUOTE, room))}\n` : '';
  return { name, value: `${label}${quote}${tail}` };
}

/**
 * A timeline as one embed: one field per event, oldest first, the era in
 * each field's name. When the events do not all fit (25 fields, 1,024 a
 * field, 6,000 across the embed), the most important of each era are kept
 * (milestones first) and the footer says "n more events: narrow with a topic".
 */
function renderDiscordTimeline(answer: Answer, events: readonly TimelineEvent[]): DiscordMessage {
  const title = truncate(neutraliseMentions((answer.headline || 'Timeline').replace(/\s+/g, ' ').trim()), DISCORD_LIMITS.title);
  const description = fitLines(answer.lines.map((l) => safe(l.trim())), 600);
  const fixed = title.length + description.length + FOOTER_RESERVE;
  const { shown, hidden } = chooseEvents(events, (chosen) => {
    if (chosen.length > DISCORD_LIMITS.fields) return false;
    return fixed + chosen.map(eventField).reduce((n, f) => n + f.name.length + f.value.length, 0) <= DISCORD_LIMITS.embedsTotal;
  });
  const more = hidden + (answer.moreEvents ?? 0);
  const embed: DiscordEmbed = { title, color: colourFor(answer) };
  if (description) embed.description = description;
  if (shown.length) embed.fields = shown.map(eventField);
  embed.footer = { text: more > 0 ? `dealdesk · ${moreEventsText(more)}` : FOOTER };
  return { content: '', embeds: [embed], allowedMentions: { parse: [] } };
}
