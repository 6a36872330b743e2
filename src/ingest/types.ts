/** What every extractor hands back: the body as paragraphs, and the metadata the source itself gives. */

/** Metadata found in a source (any of it may be missing). */
export interface FoundMetadata {
  title?: string;
  publisher?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  url?: string;
  /** Where the date came from, when that is worth saying in the note (e.g. "the PDF's creation date"). */
  dateSource?: string;
}

/** The result of extracting one file. */
export interface Extraction {
  /** `html`, `pdf` or `text`. */
  format: 'html' | 'pdf' | 'text';
  /**
   * The body, paragraph by paragraph: the source's words with entities decoded
   * and white space normalised. A list is one paragraph with one item a line
   * (`- item`, `1. item`, nested items indented by two spaces).
   */
  paragraphs: string[];
  meta: FoundMetadata;
  /** Said in the front matter `note` (e.g. that the text came from a PDF). */
  note?: string;
}

/** A file that cannot be added, with the reason (the CLI prints `file: reason`). */
export class IngestRefusal extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'IngestRefusal';
  }
}
