/** The report as plain text for people: a heading with totals, then one table per section. */
import type { Report, ReportTotals } from './build.ts';

/** Longest question shown in a table cell; longer ones are cut with "…". */
export const QUESTION_WIDTH = 70;

function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? flat.slice(0, width - 1) + '…' : flat;
}

function table(header: string[], rows: string[][], numeric: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].map((l) => `  ${l}`);
}

/** `2025-06-01T10:00:00.000Z` → `2025-06-01 10:00` (UTC). */
function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** Renders the report; `period` describes the time range, e.g. "the last 30 days". */
export function renderReportText(report: Report, t: ReportTotals, period: string): string {
  const out: string[] = [];
  const abstainedCount = t.questions - t.answered;
  out.push(`dealdesk report for ${period}: ${t.questions} question${t.questions === 1 ? '' : 's'} (${t.answered} answered, ${abstainedCount} abstained), ${t.up + t.down} vote${t.up + t.down === 1 ? '' : 's'} (${t.up} 👍, ${t.down} 👎)`);

  out.push('', 'Questions the bot could not answer (similar wordings grouped), most asked first:');
  if (report.abstained.length) out.push(...table(['count', 'last asked (UTC)', 'question'], report.abstained.map((a) => [String(a.count), when(a.lastAsked), cut(a.question, QUESTION_WIDTH)]), [true, false, false]));
  else out.push('  none');

  out.push('', 'Answers voted down (👎), most first:');
  if (report.downvoted.length) out.push(...table(['count', 'question', 'cited sources'], report.downvoted.map((d) => [String(d.count), cut(d.question, QUESTION_WIDTH), d.articleIds.join(', ') || '-']), [true, false, false]));
  else out.push('  none');

  const topics = Object.entries(report.byTopic);
  out.push('', 'Answers per topic:');
  if (topics.length) out.push(...table(['answers', 'topic'], topics.map(([k, v]) => [String(v), k]), [true, false]));
  else out.push('  (the knowledge defines no topics)');

  const sources = Object.entries(report.bySource);
  out.push('', 'Answers per source:');
  if (sources.length) out.push(...table(['answers', 'article'], sources.map(([k, v]) => [String(v), k]), [true, false]));
  else out.push('  none');

  out.push('', `Sources never cited (${report.neverCited.length}):`);
  out.push(...(report.neverCited.length ? report.neverCited.map((id) => `  ${id}`) : ['  none: every source was cited']));
  return out.join('\n') + '\n';
}
