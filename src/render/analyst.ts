/**
 * What the three renderers share for claim checks and timelines: the verdict
 * and stance labels, and which timeline events to show when not all fit
 * (the most important per era, milestones first, then shown oldest first).
 * Pure functions of core data; escaping stays with each renderer.
 */
import { eventImportance as importance } from '../core/answer/timeline.ts';
import type { Citation, Stance, TimelineEvent, Verdict } from '../core/model/types.ts';

/** The verdict badge: an emoji and the words, the same on every surface. */
export const VERDICT_LABELS: Record<Verdict, { emoji: string; text: string }> = {
  supported: { emoji: '✅', text: 'Supported' },
  contradicted: { emoji: '❌', text: 'Contradicted' },
  'differs-by-date': { emoji: '🕒', text: 'Differs by date' },
  'no-source': { emoji: '∅', text: 'No source' },
};

/** How a quote bears on a claim, in words. */
export const STANCE_LABELS: Record<Stance, string> = {
  supports: '✔ supports',
  contradicts: '✖ contradicts',
  context: '· context',
};

/** "✅ Supported" */
export function verdictBadge(verdict: Verdict): string {
  const v = VERDICT_LABELS[verdict];
  return `${v.emoji} ${v.text}`;
}

/**
 * The headline of a claim check without its leading verdict words, for
 * showing next to the badge: "Contradicted: the sources state 5%, not 8%." →
 * "The sources state 5%, not 8%."
 */
export function verdictDetail(verdict: Verdict, headline: string): string {
  const prefix = `${VERDICT_LABELS[verdict].text}:`;
  if (!headline.toLowerCase().startsWith(prefix.toLowerCase())) return headline;
  const rest = headline.slice(prefix.length).trim();
  return rest ? rest[0]!.toUpperCase() + rest.slice(1) : headline;
}

/**
 * One line on what a quote does to the claim: its stance, what it states,
 * the date it is about and the hedge it puts on it.
 * @example stanceLine(c) === '✖ contradicts · states $550 billion · as of 2025-09-05'
 */
export function stanceLine(c: Citation): string {
  const parts = [STANCE_LABELS[c.stance ?? 'context']];
  if (c.stated) parts.push(`states ${c.stated}`);
  if (c.about && c.about !== c.date) parts.push(`as of ${c.about}`);
  if (c.hedge) parts.push(`⚠ the source says “${c.hedge}”`);
  return parts.join(' · ');
}

/** "Claim: $1 trillion" (or nothing when the claim states no figure or date). */
export function claimLine(claimed: readonly string[] | undefined): string | undefined {
  return claimed?.length ? `Claim: ${claimed.join(', ')}` : undefined;
}

/** What a timeline says when events were left out. */
export function moreEventsText(n: number): string {
  return `${n.toLocaleString('en-US')} more event${n === 1 ? '' : 's'}: narrow with a topic`;
}

/** Events grouped by era, eras in date order, events oldest first. */
export function eventsByEra(events: readonly TimelineEvent[]): { era: string; events: TimelineEvent[] }[] {
  const groups: { era: string; events: TimelineEvent[] }[] = [];
  for (const e of [...events].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = groups.at(-1);
    if (last && last.era === e.era) last.events.push(e);
    else groups.push({ era: e.era, events: [e] });
  }
  return groups;
}

/**
 * Picks the events to show when they do not all fit: rounds over the eras,
 * each round adding every era's most important event not yet shown, for as
 * long as `fits(chosen)` holds. Returns the chosen events oldest first, and
 * how many were left out.
 */
export function chooseEvents(events: readonly TimelineEvent[], fits: (chosen: readonly TimelineEvent[]) => boolean): { shown: TimelineEvent[]; hidden: number } {
  const byEra = eventsByEra(events).map((g) => [...g.events].sort((a, b) => importance(b) - importance(a) || a.date.localeCompare(b.date)));
  const order = (list: TimelineEvent[]) => [...list].sort((a, b) => a.date.localeCompare(b.date) || importance(b) - importance(a));
  let chosen: TimelineEvent[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const list of byEra) {
      const next = list.shift();
      if (!next) continue;
      const attempt = order([...chosen, next]);
      if (!fits(attempt)) {
        list.length = 0; // this era is full
        continue;
      }
      chosen = attempt;
      progress = true;
    }
  }
  return { shown: chosen, hidden: events.length - chosen.length };
}

/** The event's source line: publisher (or title) and publication date, or "deal record" for a milestone without a quote. */
export function eventSource(e: TimelineEvent): string {
  if (!e.articleId) return 'deal record';
  return `${e.publisher ?? e.title ?? e.articleId}, ${e.published ?? ''}`.replace(/, $/, '');
}

/**
 * True when the label says nothing the quote does not: a sentence event
 * labelled with its own words, also when the label leaves out the quote's
 * opening heading or dateline ("WASHINGTON – …", "INVESTING IN AMERICA: …").
 */
export function labelIsQuote(e: TimelineEvent): boolean {
  if (!e.quote) return false;
  const flat = (s: string) => s.replace(/\s+/g, ' ').replace(/…$/, '').trim();
  return flat(e.quote).includes(flat(e.label).replace(/[.;:,]$/, ''));
}
