/**
 * Text made safe for a terminal. Sources are untrusted (saved web pages, PDFs),
 * and a terminal acts on some characters instead of showing them: escape
 * sequences recolour, move the cursor, retitle the window or make hidden
 * links (OSC 8); a carriage return overwrites the line; bidirectional
 * controls reorder what is shown, so a line can read differently from what it
 * holds. All of those are removed; letters, emoji, tabs and line breaks stay.
 */

/**
 * ECMA-48 sequences, 7-bit (ESC …) and 8-bit (C1) forms: CSI (`ESC [` or
 * U+009B, parameters, a final byte), OSC / DCS / SOS / PM / APC strings up to
 * their terminator (BEL or ST) or the end of the line, and two-character
 * escapes (`ESC` plus one byte, with optional intermediates).
 */
const SEQUENCES = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x2f]*[\x30-\x7e]?/g;

/** Control characters other than tab and line feed: C0, DEL, C1 (carriage returns included). */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Removes terminal escape sequences, control characters (except tab and line
 * feed) and bidirectional controls.
 * @example forTerminal('\x1b[31mred\x1b[0m \u202eevil') === 'red evil'
 */
export function forTerminal(text: string): string {
  return text.replace(SEQUENCES, '').replace(CONTROLS, '').replace(BIDI, '');
}
