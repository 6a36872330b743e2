/**
 * Plain-text rendering of an `Answer` (console and CLI). Quotes are shown
 * verbatim, each with its source line; low-reliability sources are flagged.
 */
import type { Answer, Citation } from '../core/model/types.ts';

/** "Publisher, YYYY-MM-DD (era)" */
export function sourceLine(c: Citation): string {
  return `${c.publisher ?? c.title}, ${c.date} (${c.era})`;
}

/** Renders an answer as plain text lines. */
export function renderText(answer: Answer): string {
  const out: string[] = [answer.headline];
  for (const line of answer.lines) out.push(line.startsWith('  ') ? line : `  ${line}`);
  if (answer.facts.length && answer.kind === 'briefing') {
    out.push('', 'Key facts:');
    for (const f of answer.facts) out.push(`  • ${f.statement} (as of ${f.asOf})`);
  }
  answer.citations.forEach((c, i) => {
    out.push('', `${i + 1}. “${c.quote}”`, `   — ${c.title}${/[.!?]$/.test(c.title) ? '' : '.'} ${sourceLine(c)}${c.url ? ` ${c.url}` : ''}`);
    if (c.reliability === 'low') out.push(`   ⚠ Low-reliability source${c.note ? `: ${c.note}` : ''}`);
    if (c.alsoReportedBy.length) out.push(`   Also reported by: ${c.alsoReportedBy.map((a) => `${a.publisher ?? a.title} (${a.date})`).join(', ')}`);
  });
  if (answer.notes.length) out.push('');
  for (const n of answer.notes) out.push(`Note: ${n}`);
  return out.join('\n');
}
