/**
 * White-space normalisation, the only change extraction makes to a source's
 * words besides decoding entities: runs of spaces, tabs, line breaks and
 * Unicode spaces become one space; invisible formatting characters (soft
 * hyphens, zero-width spaces and joiners, byte-order marks) go.
 */

// Unicode space separators (no-break, en, em, thin, ideographic…) plus the ASCII ones.
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/gu;
const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/gu;

/** One line of text: spaces collapsed, invisible characters removed, trimmed. */
export function normaliseSpace(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Like `normaliseSpace`, but keeps line breaks (`\n`) between non-empty lines. */
export function normaliseLines(text: string): string {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(normaliseSpace)
    .filter(Boolean)
    .join('\n');
}
