/** The few members of linkedom's DOM the page extractors use (linkedom's types are not the browser's). */
export interface El {
  tagName: string;
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  parentNode: El | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  remove(): void;
  removeAttribute(name: string): void;
  /** The element before this one among its parent's children, or null. */
  previousElementSibling: El | null;
  /** The element after this one among its parent's children, or null. */
  nextElementSibling: El | null;
  /** Bit 4 (`Node.DOCUMENT_POSITION_FOLLOWING`) is set when `other` comes after this node. */
  compareDocumentPosition(other: El): number;
}
/** A parsed document. */
export interface Doc extends El {
  body: El | null;
  head: El | null;
  title: string;
}

/** An element's tag name in lower case ('' for nodes that are not elements). */
export const tag = (el: El): string => el.tagName?.toLowerCase() ?? '';

/** The nearest enclosing element with this tag name. */
export function closest(el: El, name: string): El | undefined {
  for (let p = el.parentNode; p; p = p.parentNode) if (tag(p) === name) return p;
  return undefined;
}

/**
 * Gives every attribute written in capitals (`<IMG ALT="…">`, old pages)
 * its lower-case name too: linkedom keeps the case as written, and browsers,
 * like every selector here, read HTML attribute names without it.
 */
export function lowerCaseAttributes(doc: Doc): void {
  type Attrs = { attributes?: ArrayLike<{ name: string; value: string }>; setAttribute(n: string, v: string): void };
  for (const el of Array.from(doc.querySelectorAll('*')) as unknown as Attrs[]) {
    for (const a of Array.from(el.attributes ?? [])) {
      const lower = a.name.toLowerCase();
      if (lower !== a.name && (el as unknown as El).getAttribute(lower) === null) el.setAttribute(lower, a.value);
    }
  }
}
