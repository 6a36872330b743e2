/**
 * A minimal PDF writer for tests: pages of text drawn at given positions with
 * the standard Helvetica fonts (WinAnsi encoding), or an image with no text
 * layer (what a scanner produces). Enough to test PDF extraction on real,
 * valid files without a PDF library.
 */

/** A run of text drawn with its baseline starting at (x, y), in points from the bottom-left corner. */
export interface PdfText {
  x: number;
  y: number;
  text: string;
  /** Font size in points; default 11. */
  size?: number;
  bold?: boolean;
}

/** One page (US Letter, 612 × 792 points). */
export interface PdfPage {
  texts?: PdfText[];
  /** Draws a grey image over the page instead of (or under) text, like a scanned page. */
  image?: boolean;
}

/** The document information dictionary. */
export interface PdfInfo {
  Title?: string;
  Author?: string;
  /** PDF date, e.g. `D:20240314093000Z`. */
  CreationDate?: string;
}

// WinAnsiEncoding codes for the typographic characters tests use.
const WIN_ANSI: Record<string, number> = { '’': 0o222, '‘': 0o221, '“': 0o223, '”': 0o224, '•': 0o225, '–': 0o226, '—': 0o227, 'é': 0o351, '©': 0o251, '·': 0o267, '\u00a0': 0o240 };

/** A PDF literal string: parentheses and backslashes escaped, non-ASCII as WinAnsi octal escapes. */
function literal(text: string): string {
  let out = '(';
  for (const ch of text) {
    if (ch === '(' || ch === ')' || ch === '\\') out += '\\' + ch;
    else if (ch.charCodeAt(0) < 128) out += ch;
    else if (WIN_ANSI[ch] !== undefined) out += '\\' + WIN_ANSI[ch]!.toString(8).padStart(3, '0');
    else throw new Error(`pdf-writer: no WinAnsi code for ${JSON.stringify(ch)}`);
  }
  return out + ')';
}

/** Builds the bytes of a valid PDF 1.4 file. */
export function makePdf(pages: PdfPage[], info: PdfInfo = {}): Buffer {
  const objects: string[] = [];
  // Returns the new object's number (objects count from 1).
  const add = (body: string) => objects.push(body);
  // 1 catalog, 2 page tree, 3 and 4 fonts; pages follow.
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const ops: string[] = [];
    let image: number | undefined;
    if (page.image) {
      const pixels = Buffer.alloc(64 * 64, 0xc8).toString('latin1');
      image = add(`<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels}\nendstream`);
      ops.push('q 512 0 0 692 50 50 cm /Im1 Do Q');
    }
    for (const t of page.texts ?? []) ops.push(`BT /${t.bold ? 'F2' : 'F1'} ${t.size ?? 11} Tf 1 0 0 1 ${t.x} ${t.y} Tm ${literal(t.text)} Tj ET`);
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    const xobject = image ? ` /XObject << /Im1 ${image} 0 R >>` : '';
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${content} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >>${xobject} >> >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoEntries = Object.entries(info).map(([k, v]) => `/${k} ${literal(v)}`).join(' ');
  const infoRef = add(`<< ${infoEntries} >>`);

  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoRef} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
