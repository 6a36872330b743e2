/**
 * Plain-text rendering of an `Answer` (console and CLI). Quotes are shown
 * verbatim, each with its source line; low-reliability sources are flagged.
 * The output goes to a terminal: escape sequences, control characters and
 * bidirectional controls from sources or the question are removed (`forTerminal`).
 */
import type { Answer, Citation, TimelineEvent } from '../core/model/types.ts';
import { claimLine, eventSource, eventsByEra, labelIsQuote, stanceLine, verdictBadge, verdictDetail } from './analyst.ts';
import { forTerminal } from './terminal.ts';

/** "Publisher, YYYY-MM-DD (era)" */
export function sourceLine(c: Citation): string {
  return `${c.publisher ?? c.title}, ${c.date} (${c.era})`;
}

/** Renders an answer as plain text lines, safe to print on a terminal. */
export function renderText(answer: Answer): string {
  return forTerminal(answer.kind === 'timeline' && answer.events ? timelineText(answer, answer.events) : answerText(answer));
}

function answerText(answer: Answer): string {
  const out: string[] = [answer.verdict ? `${verdictBadge(answer.verdict)}: ${verdictDetail(answer.verdict, answer.headline)}` : answer.headline];
  const claim = claimLine(answer.claimed);
  if (claim && answer.verdict) out.push(`  ${claim}`);
  for (const line of answer.lines) out.push(line.startsWith('  ') ? line : `  ${line}`);
  if (answer.facts.length && answer.kind === 'briefing') {
    out.push('', 'Key facts:');
    for (const f of answer.facts) out.push(`  • ${f.statement} (as of ${f.asOf})`);
  }
  answer.citations.forEach((c, i) => {
    out.push('', `${i + 1}. “${c.quote}”`, `   — ${c.title}${/[.!?]$/.test(c.title) ? '' : '.'} ${sourceLine(c)}${c.url ? ` ${c.url}` : ''}`);
    if (c.stance) out.push(`   ${stanceLine(c)}`);
    if (c.reliability === 'low') out.push(`   ⚠ Low-reliability source${c.note ? `: ${c.note}` : ''}`);
    if (c.alsoReportedBy.length) out.push(`   Also reported by: ${c.alsoReportedBy.map((a) => `${a.publisher ?? a.title} (${a.date})`).join(', ')}`);
  });
  if (answer.notes.length) out.push('');
  for (const n of answer.notes) out.push(`Note: ${n}`);
  return out.join('\n');
}

/** A timeline as text: every event, by era, oldest first, each with its quote and source. */
function timelineText(answer: Answer, events: readonly TimelineEvent[]): string {
  const out: string[] = [answer.headline];
  for (const line of answer.lines) out.push(`  ${line}`);
  for (const { era, events: list } of eventsByEra(events)) {
    out.push('', `── ${era} ──`);
    for (const e of list) {
      const quote = e.quote ? `“${e.quote.replace(/\s+/g, ' ')}”` : undefined;
      // A sentence event is labelled with its own words: show them once, as the quote.
      if (quote && labelIsQuote(e)) out.push(`${e.date}  ${quote}`);
      else {
        out.push(`${e.date}  ${e.kind === 'milestone' ? '◆ ' : ''}${e.label}`);
        if (quote) out.push(`    ${quote}`);
      }
      out.push(`    — ${eventSource(e)}${e.url ? ` ${e.url}` : ''}`);
      if (e.reliability === 'low') out.push(`    ⚠ Low-reliability source${e.note ? `: ${e.note}` : ''}`);
      if (e.alsoReportedBy.length) out.push(`    Also reported by: ${e.alsoReportedBy.map((a) => `${a.publisher ?? a.title} (${a.date})`).join(', ')}`);
    }
  }
  if (answer.moreEvents) out.push('', `${answer.moreEvents} more events not shown.`);
  return out.join('\n');
}
