/**
 * The two-page bulletin PDF the ingest tests use, drawn with the test PDF
 * writer: a running header and a footer with page numbers on both pages, a
 * title, a dateline, paragraphs set on several lines, a word hyphenated across
 * a line end, a compound split at its hyphen, a bulleted list with a wrapped
 * item, and a paragraph running on from page 1 to page 2.
 */
import { makePdf, type PdfText } from '../helpers/pdf-writer.ts';

/** What a reader of the bulletin sees, paragraph by paragraph (list items one a line). */
export const BULLETIN_PARAGRAPHS = [
  'Geneva, 12 February 2024',
  'Members of the working party agreed on Monday to cut tariffs on machine tools in three annual steps, after negotiations that lasted almost four years.',
  'The schedule covers lathes, milling machines and presses. Duties of up to 8 percent will fall to zero by 2027, with a long-term review of sensitive lines in 2030.',
  'The main changes are:',
  '• lathes and milling machines: duty free from 1 January 2025;\n• presses and punching machines: a cut of half in 2025 and the rest in 2026, with safeguards for members that ask for them;\n• spare parts: duty free at once.',
  'Developing members may delay each step by one year. Three members said they would use this option, citing the cost to their budgets of lost customs revenue in the first years of the schedule, and asked for technical help.',
  'The chair said the text would be open for signature in April. Observers welcomed the long-term review.',
];

/** The title, set large at the top of page 1. */
export const BULLETIN_TITLE = 'Tariff schedule for machine tools agreed';

const header = (): PdfText => ({ x: 72, y: 760, text: 'Trade Policy Bulletin · Issue 7', size: 9 });
const footer = (page: number): PdfText => ({ x: 280, y: 40, text: `Page ${page} of 2`, size: 9 });

/** Lines of body text from `top`, 14 points apart; `gap` marks an extra 10 points before a line. */
function lines(top: number, rows: (string | { gap?: boolean; x?: number; text: string })[]): PdfText[] {
  let y = top;
  return rows.map((r, i) => {
    const row = typeof r === 'string' ? { text: r } : r;
    if (i > 0) y -= 14 + (row.gap ? 10 : 0);
    return { x: row.x ?? 72, y, text: row.text, size: 11 };
  });
}

/** The bulletin as PDF bytes. */
export function bulletinPdf(): Buffer {
  const page1 = [
    header(),
    { x: 72, y: 720, text: BULLETIN_TITLE, size: 18, bold: true },
    ...lines(690, [
      'Geneva, 12 February 2024',
      { gap: true, text: 'Members of the working party agreed on Monday to cut tariffs on machine' },
      'tools in three annual steps, after negotiations that lasted almost four years.',
      { gap: true, text: 'The schedule covers lathes, milling machines and presses. Duties of up to 8' },
      'percent will fall to zero by 2027, with a long-',
      'term review of sensitive lines in 2030.',
      { gap: true, text: 'The main changes are:' },
      { gap: true, text: '• lathes and milling machines: duty free from 1 January 2025;' },
      '• presses and punching machines: a cut of half in 2025 and the rest in 2026,',
      { x: 82, text: 'with safeguards for members that ask for them;' },
      '• spare parts: duty free at once.',
      { gap: true, text: 'Developing members may delay each step by one year. Three members said they' },
      'would use this option, citing the cost to their budgets of lost customs revenue',
    ]),
    footer(1),
  ];
  const page2 = [
    header(),
    ...lines(720, [
      'in the first years of the schedule, and asked for technical help.',
      { gap: true, text: 'The chair said the text would be open for signa-' },
      'ture in April. Observers welcomed the long-term review.',
    ]),
    footer(2),
  ];
  return makePdf([{ texts: page1 }, { texts: page2 }], { Title: 'Microsoft Word - bulletin7.docx', CreationDate: 'D:20240213090000Z' });
}
