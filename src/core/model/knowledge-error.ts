/** The error of an invalid knowledge folder (its own module so catching it does not load the YAML parser). */

/**
 * Thrown when a knowledge folder is invalid; `problems` has one line per
 * problem ("file: field: reason"). A problem can quote what the folder holds
 * (file names, ids), so control and bidirectional characters in it are shown
 * as `\u{…}` escapes: the message is printed on terminals and logs.
 */
export class KnowledgeError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    const shown = problems.map(printable);
    super(`knowledge: ${shown.length} problem(s):\n- ${shown.join('\n- ')}`);
    this.problems = shown;
    this.name = 'KnowledgeError';
  }
}

/** Control characters (C0, DEL, C1) and bidirectional controls, which a terminal would act on. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control or bidirectional character written as `\u{hex}`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}
